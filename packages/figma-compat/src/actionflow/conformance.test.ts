/**
 * Conformance over the real Figma responses in ../shared/fixtures/figma (files/ and nodes/; not part of the
 * project, read in place): every response builds; the ones that carry prototype interactions or legacy
 * transitionNodeID links give edges, and every edge's endpoints exist in the graph or are reported missing.
 * Skip-free: without the folder, the suite says so in its name and asserts the absence.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildActionFlows } from './build';
import { toMermaid } from './mermaid';
import { checkMermaid } from './mermaid-grammar.test-helpers';
import type { ActionFlow } from './types';

const FIGMA_DIR = fileURLToPath(new URL('../../../../../shared/fixtures/figma', import.meta.url));
const present = existsSync(FIGMA_DIR);

function listFixtures(): string[] {
  const out: string[] = [];
  for (const kind of ['files', 'nodes']) {
    const dir = `${FIGMA_DIR}/${kind}`;
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) out.push(`${kind}/${f}`);
  }
  return out;
}

/** What the raw JSON holds, counted independently of the builder: clickable interactions, legacy links, starts. */
function rawFigures(json: unknown) {
  let interactions = 0;
  let legacyLinks = 0;
  const starts: string[] = [];
  const walk = (v: unknown, hidden: boolean) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, hidden));
    if (typeof v !== 'object' || v === null) return;
    const n = v as Record<string, unknown>;
    const isNode = typeof n.id === 'string' && typeof n.type === 'string';
    // a hidden layer cannot be clicked (top-level nodes are never skipped, but none is hidden in these files)
    const nowHidden = hidden || (isNode && n.visible === false);
    if (isNode && !nowHidden) {
      const list = Array.isArray(n.interactions) ? n.interactions : [];
      interactions += list.length;
      if (list.length === 0 && typeof n.transitionNodeID === 'string') legacyLinks += 1;
    }
    if (isNode && Array.isArray(n.flowStartingPoints)) for (const p of n.flowStartingPoints) starts.push((p as { nodeId: string }).nodeId);
    for (const [k, child] of Object.entries(n)) if (k !== 'boundVariables') walk(child, nowHidden);
  };
  walk(json, false);
  return { interactions, legacyLinks, starts };
}

function endpointsAccountedFor(flow: ActionFlow): string[] {
  const screens = new Set(flow.screens.map((s) => s.id));
  const missing = new Set(flow.report.missing.map((m) => m.edgeId));
  const problems: string[] = [];
  for (const e of flow.edges) {
    if (!screens.has(e.from)) problems.push(`${e.id}: source screen ${e.from} not drawn`);
    if (e.destination.kind === 'screen' && !screens.has(e.destination.screenId)) problems.push(`${e.id}: destination ${e.destination.screenId} not drawn`);
    if (e.destination.kind === 'missing' && !missing.has(e.id)) problems.push(`${e.id}: missing destination not reported`);
  }
  return problems;
}

describe(present ? `action flows on real Figma responses (${FIGMA_DIR})` : `action flows on real Figma responses: MISSING ${FIGMA_DIR}, nothing checked`, () => {
  if (!present) {
    it(`has no ../shared/fixtures/figma at ${FIGMA_DIR}`, () => {
      expect(existsSync(FIGMA_DIR)).toBe(false);
    });
    return;
  }
  const fixtures = listFixtures();
  const parsed = new Map(fixtures.map((rel) => [rel, JSON.parse(readFileSync(`${FIGMA_DIR}/${rel}`, 'utf8')) as unknown]));
  const withLinks = fixtures.filter((rel) => {
    const r = rawFigures(parsed.get(rel));
    return r.interactions + r.legacyLinks > 0;
  });

  it('finds responses, and at least one with prototype links', () => {
    expect(fixtures.length).toBeGreaterThan(0);
    expect(withLinks).toContain('nodes/gabrielmaialva33__yol-benicio-api__logs_figma-raw.json');
  });

  it("fills Figma's null destinationId from the legacy transitionNodeID, as real responses need", () => {
    const [flow] = buildActionFlows(parsed.get('nodes/gabrielmaialva33__yol-benicio-api__logs_figma-raw.json'));
    expect(flow?.edges.map((e) => [e.sourceNodeId, e.legacy, e.destination])).toEqual([
      ['699:18682', 'destinationFromTransitionNodeID', { kind: 'missing', nodeId: '699:20009', reason: 'not-in-input' }],
      ['699:18692', 'destinationFromTransitionNodeID', { kind: 'missing', nodeId: '699:18941', reason: 'not-in-input' }],
    ]);
  });

  for (const rel of fixtures) {
    describe(rel, () => {
      const json = parsed.get(rel);
      const raw = rawFigures(json);
      const flows = buildActionFlows(json);

      it('builds every page: interactions in = interactions read, starting points placed or reported, valid Mermaid', () => {
        expect(flows.reduce((n, f) => n + f.counts.interactions, 0)).toBe(raw.interactions);
        const placed = flows.flatMap((f) => [...f.flows.filter((x) => x.source === 'flowStartingPoints').map((x) => x.startScreenId), ...f.report.missingStarts.map((m) => m.nodeId)]);
        expect(placed.sort()).toEqual([...raw.starts].sort());
        for (const f of flows) checkMermaid(toMermaid(f));
        expect(JSON.stringify(buildActionFlows(json))).toBe(JSON.stringify(flows));
      });

      if (withLinks.includes(rel)) {
        it('gives edges, and every endpoint is drawn or reported missing', () => {
          expect(flows.reduce((n, f) => n + f.counts.edges, 0)).toBeGreaterThan(0);
          for (const f of flows) expect(endpointsAccountedFor(f)).toEqual([]);
        });
      }
    });
  }
});
