/**
 * Conformance over every real Figma response in ../shared/fixtures/figma (beside the project; not part of it) (files and nodes): each page gives a
 * feature that @cucumber/gherkin parses, the same text twice, scenario counts that match the stats, and the
 * prototype links of the one fixture that has them become user paths.
 */
import { describe, expect, it } from 'vitest';
import { FIGMA_FIXTURES, figmaFixtures, fixturesPresent } from '../samples/figma-fixtures.test-helpers';
import type { ComponentIndex, FigmaNode } from './figma-node';
import { generateFeature } from './generate';
import { parseFeature, scenariosOf } from './parse';

interface Page {
  name: string;
  node: FigmaNode;
  index: ComponentIndex;
}

/** The pages of a fixture: a file's CANVAS nodes, a nodes response's documents (a frame is one page). */
function pagesOf(json: Record<string, unknown>): Page[] {
  const out: Page[] = [];
  const add = (doc: FigmaNode, index: ComponentIndex) => {
    for (const p of doc.type === 'DOCUMENT' ? (doc.children ?? []) : [doc]) out.push({ name: p.name ?? p.id, node: p, index });
  };
  if (json.document) add(json.document as FigmaNode, json as ComponentIndex);
  for (const entry of Object.values((json.nodes ?? {}) as Record<string, { document: FigmaNode } & ComponentIndex>)) if (entry) add(entry.document, entry);
  return out;
}

const fixtures = figmaFixtures();

describe(fixturesPresent() ? `bdd conformance on ${FIGMA_FIXTURES}` : `bdd conformance on the shared fixtures: MISSING ${FIGMA_FIXTURES}, nothing checked`, () => {
  if (!fixturesPresent()) {
    // the project does not ship ../shared: without it this suite checks only that it is really absent
    it(`has no shared fixtures at ${FIGMA_FIXTURES}`, () => {
      expect(fixtures).toEqual([]);
    });
    return;
  }
  it(`reads the 12 shared fixtures at ${FIGMA_FIXTURES}`, () => {
    expect(fixtures.length).toBe(12);
  });

  for (const f of fixtures) {
    it(`${f.rel}: every page gives a feature that parses, the same twice`, () => {
      const pages = pagesOf(f.json);
      expect(pages.length).toBeGreaterThan(0);
      for (const p of pages) {
        const g = generateFeature(p.node, p.index);
        const parsed = parseFeature(g.text);
        if (!parsed.ok) throw new Error(`${p.name}: ${parsed.error.describe()}`);
        expect(parsed.document.feature?.name).toBe(g.summary.page.name);
        expect(scenariosOf(parsed.document)).toHaveLength(g.stats.scenarios);
        // a page with screens always says something about them
        if (g.stats.screens > 0) expect(g.stats.scenarios).toBeGreaterThan(0);
        else expect(g.warnings).toContain('no screens: the page has no top-level frames');
        expect(generateFeature(structuredClone(p.node), p.index).text).toBe(g.text);
      }
    });
  }

  it('turns the prototype links of the yol-benicio nodes response into user paths', () => {
    const f = fixtures.find((x) => x.rel.includes('yol-benicio'));
    expect(f, 'nodes/gabrielmaialva33__yol-benicio-api__logs_figma-raw.json').toBeDefined();
    const [page] = pagesOf(f!.json);
    const g = generateFeature(page!.node, page!.index);
    // two ON_CLICK → NAVIGATE interactions with a null destinationId, whose legacy transitionNodeID names frames
    // of other pages: the legacy link is what says where they go
    expect(g.stats.paths).toBe(2);
    expect(g.warnings.some((w) => w.startsWith('prototype links to 2 node(s) not on this page'))).toBe(true);
    expect(g.text).toMatch(/When I choose "Pastas" in the navigation\n\s+Then I see the "699:18941" screen/);
  });
});
