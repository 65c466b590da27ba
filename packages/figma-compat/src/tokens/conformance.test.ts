// Conformance on real Figma responses (../shared/fixtures/figma beside the project, not part of it: read, never
// copied). Without that folder each suite checks only that it is really absent.
// Every variables response converts; per collection and mode, every variable in is one entry out (a token or a
// Figma extension), counted on the output documents, not taken from the report; every alias value is either a
// reference or reported; the output is valid for the DTCG schema with both engines. Styles of the files/nodes
// fixtures: every style is a token or reported. A missing folder fails the suite, by name.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGMA_FIXTURES, figmaFixtures, fixturesPresent } from '../samples/figma-fixtures.test-helpers';
import { aliasId } from './aliases';
import { deriveTokens } from './derive';
import type { DtcgGroup } from './dtcg-types';
import { flatten } from './flatten';
import { looseList } from './input/variables';
import { resolveTokens } from './resolver';
import { validateResolver, validateTokens } from './validate';

const DIR = `${FIGMA_FIXTURES}/variables`;
const present = existsSync(DIR);
const files = present ? readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : [];

type Raw = { id: string; variableCollectionId: string; valuesByMode: Record<string, unknown> };
type RawCollection = { id: string; modes: unknown };

describe(present ? `tokens conformance on ${DIR}` : `tokens conformance: MISSING ${DIR}, nothing checked`, () => {
  if (!present) {
    it(`has no shared variables fixtures at ${DIR}`, () => expect(files).toEqual([]));
    return;
  }
  it(`finds the variables fixtures at ${DIR}`, () => {
    expect(files).toEqual(['mariohamann__figma-variables-github-sync-test__figma.json', 'warp-ds__tokens__data_figma.json']);
  });

  for (const f of files) {
    const json = JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Record<string, unknown>;
    const meta = (json.meta ?? json) as { variables: unknown; variableCollections: unknown };
    const variables = looseList(meta.variables) as Raw[];
    const collections = looseList(meta.variableCollections) as RawCollection[];

    it(`${f}: every variable is one entry per mode of its collection`, () => {
      const { resolver, report } = deriveTokens({ variables: json, name: f });
      expect(report.variables).toBe(variables.length);
      for (const c of collections) {
        const mine = variables.filter((v) => v.variableCollectionId === c.id).map((v) => v.id).sort();
        const r = report.collections.find((x) => x.id === c.id)!;
        for (const m of looseList(c.modes) as Array<{ modeId: string }>) {
          const mode = r.modes.find((x) => x.id === m.modeId)!;
          const doc = mode.isDefault ? resolveTokens(resolver) : resolveTokens(resolver, { [r.modifier!]: mode.context });
          const entries = flatten({ [r.group]: doc[r.group] as DtcgGroup });
          const ids = entries.map((e) => String(e.figma?.variableId)).sort();
          expect(ids, `${c.id} / ${m.modeId}`).toEqual(mine);
          expect(mode.tokens + mode.extensions).toBe(mine.length);
          expect(entries.filter((e) => !e.type.startsWith('com.figma.')).length).toBe(mode.tokens);
        }
      }
    });

    it(`${f}: every alias is a reference or reported`, () => {
      const { report } = deriveTokens({ variables: json });
      const aliases = variables.reduce((n, v) => n + Object.values(v.valuesByMode).filter((x) => aliasId(x) !== null).length, 0);
      expect(report.aliases.total).toBe(aliases);
      expect(report.aliases.resolved + report.aliases.unresolved).toBe(aliases);
      expect(report.aliases.issues).toHaveLength(report.aliases.unresolved);
      for (const i of report.aliases.issues) expect(i.targetId, JSON.stringify(i)).toBeTruthy();
    });

    it(`${f}: valid DTCG 2025.10 (compiled and reference engines)`, () => {
      const { tokens, resolver } = deriveTokens({ variables: json });
      expect(validateResolver(resolver)).toEqual({ valid: true, errors: [] });
      expect(validateResolver(resolver, { engine: 'reference' })).toEqual({ valid: true, errors: [] });
      expect(validateTokens(tokens, { engine: 'reference' })).toEqual({ valid: true, errors: [] });
    });
  }

  it('warp-ds: library aliases resolve through their published keys; the two library variables no source holds are reported in every mode', () => {
    const json = JSON.parse(readFileSync(`${DIR}/warp-ds__tokens__data_figma.json`, 'utf8')) as unknown;
    const { report } = deriveTokens({ variables: json });
    expect(report.aliases).toMatchObject({ total: 2934, resolved: 2898, resolvedByKey: 28, unresolved: 36 });
    const reasons = new Set(report.aliases.issues.map((i) => `${i.targetId} ${i.reason}`));
    expect([...reasons].sort()).toEqual([
      'VariableID:1b04d9f297c31c975fc67c3293fa343742df9206/10534:303 remote-library',
      'VariableID:6f34edeef372c551b5bdf8c8463c2351f3e13c36/10534:292 remote-library',
    ]);
    // three collections are called "Modes" and two "Colors": each keeps its own group and set
    expect(report.collections.filter((c) => c.name === 'Modes').map((c) => [c.group, c.set])).toEqual([
      ['Modes', 'modes'],
      ['Modes (2)', 'modes-2'],
      ['Modes (3)', 'modes-3'],
    ]);
  });
});

const fixtures = figmaFixtures();

describe(fixturesPresent() ? `styles conformance on ${FIGMA_FIXTURES}` : `styles conformance: MISSING ${FIGMA_FIXTURES}, nothing checked`, () => {
  if (!fixturesPresent()) {
    it(`has no shared files/nodes fixtures at ${FIGMA_FIXTURES}`, () => expect(fixtures).toEqual([]));
    return;
  }

  for (const f of fixtures) {
    const styles = f.kind === 'files' ? Object.keys((f.json.styles as object | undefined) ?? {}) : Object.values(f.json.nodes as Record<string, { styles?: object } | null>).flatMap((n) => Object.keys(n?.styles ?? {}));
    if (styles.length === 0) continue;
    it(`${f.rel}: every style is a token or reported, and the output is valid`, () => {
      const { report, resolver } = deriveTokens({ file: f.json });
      expect(report.styles.total).toBe(new Set(styles).size);
      const skippedAsExtension = report.styles.skipped.filter((s) => s.reason !== 'no-node').length;
      expect(report.styles.tokens + report.styles.skipped.length).toBe(report.styles.total);
      expect(report.styles.extensions).toBe(skippedAsExtension);
      expect(report.styles.tokens).toBeGreaterThan(0);
      expect(validateResolver(resolver)).toEqual({ valid: true, errors: [] });
    });
  }
});
