// GET /design-sync/coverage through the Worker, on the sample file applied by figma-context and the sample build
// (Button confirmed through Code Connect): Button's variant options covered or missing one by one, a component
// without stories reported 0, unmapped components without a design, totals; `file_key` keeps that file's.
import { SAMPLE_FIGMA_FILE_KEY, SAMPLE_FIGMA_NODES, sampleCodeConnect, sampleDocgen, sampleStorybookIndex } from '@cogo/design-sync/samples';
import { CoverageResponseSchema, ErrorEnvelopeSchema } from '@cogo/types';
import { describe, expect, it } from 'vitest';
import { createTestProject } from '../../../test/helpers';
import { ds, seedSampleDesign } from './design-sync.test-helpers';

async function coverageOf(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200);
  return CoverageResponseSchema.parse(await res.json());
}

async function sampleProject() {
  const p = await createTestProject();
  await seedSampleDesign(p);
  expect((await ds(p, 'registry', { json: { index: sampleStorybookIndex, docgen: sampleDocgen, code_connect: sampleCodeConnect } })).status).toBe(200);
  // a component with no story: docgen alone (no index) makes it a registry component keyed by its name
  const cart = { displayName: 'CartIcon', filePath: 'src/components/CartIcon.tsx', description: 'Cart icon.', props: {} };
  expect((await ds(p, 'registry', { json: { docgen: [cart] } })).status).toBe(200);
  return p;
}

describe('GET /design-sync/coverage', () => {
  it("reports each component's stories, tests and the variant options of its mapped design that stories cover", async () => {
    const p = await sampleProject();
    const body = await coverageOf(await ds(p, 'coverage'));
    const byKey = new Map(body.components.map((c) => [c.code_component.key, c]));
    expect([...byKey.keys()].sort()).toEqual(['CartIcon', 'Components/Badge', 'Components/Button', 'Components/ProductCard']);

    const button = byKey.get('Components/Button')!;
    expect(button.figma).toEqual({ file_key: SAMPLE_FIGMA_FILE_KEY, node_id: SAMPLE_FIGMA_NODES.button, name: 'Button' });
    expect(button.stories).toBe(4); // Ghost, Primary, Secondary, Small
    expect(button.tests).toBe(4); // each tagged `test`
    expect(button.variants.total).toBe(4);
    // the stories Primary, Secondary and Small cover their options by name; no story is Medium
    expect(button.variants.missing).not.toContain('Variant=Primary');
    expect(button.variants.missing).not.toContain('Variant=Secondary');
    expect(button.variants.missing).not.toContain('Size=Small');
    expect(button.variants.missing).toContain('Size=Medium');
    expect(button.variants).toEqual({ total: 4, covered: 3, missing: ['Size=Medium'] });

    const cart = byKey.get('CartIcon')!;
    expect(cart).toMatchObject({ figma: null, stories: 0, tests: 0, variants: { total: 0, covered: 0, missing: [] } });
    // not mapped: its stories count, no design to cover
    expect(byKey.get('Components/Badge')).toMatchObject({ figma: null, stories: 1, tests: 1, variants: { total: 0, covered: 0, missing: [] } });
    // its docs entry is no story
    expect(byKey.get('Components/ProductCard')).toMatchObject({ figma: null, stories: 1, tests: 1 });

    expect(body.totals).toEqual({ components: 4, with_stories: 3, with_tests: 3, variants: 4, variants_covered: 3, ratio: 0.75 });
    expect(body.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("keeps a file's mapped components with file_key, and covers against a confirmed mapping only", async () => {
    const p = await sampleProject();
    // a suggested mapping is no coverage target until confirmed
    const suggest = await ds(p, 'mappings/suggest', { json: {} });
    expect(suggest.status).toBe(200);
    const ofFile = await coverageOf(await ds(p, `coverage?file_key=${SAMPLE_FIGMA_FILE_KEY}`));
    expect(ofFile.components.map((c) => c.code_component.key)).toEqual(['Components/Button']);
    expect(ofFile.totals).toMatchObject({ components: 1, variants: 4, variants_covered: 3 });

    const other = await coverageOf(await ds(p, 'coverage?file_key=OtherFile123'));
    expect(other.components).toEqual([]);
    expect(other.totals).toEqual({ components: 0, with_stories: 0, with_tests: 0, variants: 0, variants_covered: 0, ratio: 1 });

    const bad = await ds(p, 'coverage?file_key=not%20a%20key');
    expect(bad.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await bad.json()).error.code).toBe('VALIDATION_FAILED');
  });
});
