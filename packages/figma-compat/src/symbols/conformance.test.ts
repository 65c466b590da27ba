/**
 * Conformance over every real Figma response in ../shared/fixtures/figma (beside the project; not part of it): every component set and standalone
 * component is mapped, and every component with componentPropertyDefinitions has each property mapped to a
 * code prop of the matching kind.
 */
import { describe, expect, it } from 'vitest';
import { FIGMA_FIXTURES, figmaFixtures, fixturesPresent } from '../samples/figma-fixtures.test-helpers';
import { collectComponents, type ComponentSource } from './collect';
import { mapSymbols } from './map';

const fixtures = figmaFixtures();
const KIND: Record<string, RegExp> = { VARIANT: /^('.*'|boolean)$/, BOOLEAN: /^boolean$/, TEXT: /^string$/, INSTANCE_SWAP: /^ReactNode$/ };

describe(fixturesPresent() ? `symbols conformance on ${FIGMA_FIXTURES}` : `symbols conformance on the shared fixtures: MISSING ${FIGMA_FIXTURES}, nothing checked`, () => {
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
    it(`${f.rel}: every component is mapped, every property to a prop of its kind`, () => {
      const components = collectComponents(f.json as ComponentSource);
      const map = mapSymbols(components);
      expect(map.mappings).toHaveLength(components.length);
      expect(new Set(map.mappings.map((m) => m.symbol.name)).size).toBe(components.length);
      for (const m of map.mappings) {
        expect(m.symbol.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
        expect(m.confidence).toBeGreaterThanOrEqual(0.1);
        expect(m.confidence).toBeLessThanOrEqual(1);
        const defs = components.find((c) => c.id === m.figma.id)!.componentPropertyDefinitions ?? {};
        expect(m.props.map((p) => p.figma.key).sort()).toEqual(Object.keys(defs).sort());
        for (const p of m.props) expect(p.code.type).toMatch(KIND[p.figma.type]!);
      }
    });
  }

  it('maps the code-connect component set with its Color variant', () => {
    const f = fixtures.find((x) => x.rel.endsWith('figma__code-connect__cli_src___test___e2e_create_command_dummy_api_response.json'));
    expect(f, 'files/figma__code-connect__cli_src___test___e2e_create_command_dummy_api_response.json').toBeDefined();
    const [m] = mapSymbols(collectComponents(f!.json as ComponentSource)).mappings;
    expect(m).toMatchObject({ figma: { id: '1:39', type: 'COMPONENT_SET', key: '937f0802a6169333ff44fec073f5fc6b8040a096' }, symbol: { name: 'TestInstanceComponent' }, confidence: 1 });
    expect(m!.props.map((p) => [p.code.name, p.code.type, p.values])).toEqual([['color', "'default' | 'red'", { Default: 'default', Red: 'red' }]]);
  });

  it('collects components from fixtures that have them (figma-to-flutter, code-connect wizard, figmagic)', () => {
    const count = (part: string) => collectComponents(fixtures.find((x) => x.rel.includes(part))!.json as ComponentSource).length;
    expect(count('aloisdeniel')).toBeGreaterThan(0);
    expect(count('wizard_many_components')).toBeGreaterThan(0);
    expect(count('mikaelvesavuori')).toBeGreaterThan(0);
  });
});
