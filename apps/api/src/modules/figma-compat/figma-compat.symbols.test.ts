// POST /figma-compat/uui/symbols/map through the Worker, on the package's sample components put on the Figma fake
// under a key of the test's own: without a registry every component gets the symbol its names give; with the sample
// registry the near matches map with their confidences and the unmapped on both sides are listed — exactly as the
// package maps them; an inline document maps the same; stored components (after apply) map like the design, with no
// Figma call; a bad registry is a 400 naming the path, a design with no component a 422; the trace's
// `symbols_mapped` event.
import { schema } from '@cogo/db';
import { collectComponents, mapSymbols } from '@cogo/figma-compat';
import { COMPONENTS_FILE, SAMPLE_REGISTRY } from '@cogo/figma-compat/samples';
import { ErrorEnvelopeSchema, SymbolMapResponseSchema } from '@cogo/types';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, createTestProject, eventually, runFigmaJob, testDb } from '../../../test/helpers';
import { figmaRequestsFor, newFileKey, putFigmaFile, sampleFile } from './figma-compat.test-helpers';

const map = (key: string, json: unknown) => api('/figma-compat/uui/symbols/map', { method: 'POST', key, json });
const trace = () => crypto.randomUUID().replaceAll('-', '');
const restFile = { lastModified: '2026-12-01T00:00:00Z', thumbnailUrl: '', version: '7', role: 'owner', editorType: 'figma', linkAccess: 'view', schemaVersion: 0, styles: {}, ...COMPONENTS_FILE };
const components = collectComponents(COMPONENTS_FILE);

async function ok(res: Response) {
  expect(res.status).toBe(200);
  return SymbolMapResponseSchema.parse(await res.json());
}

async function errorOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  return ErrorEnvelopeSchema.parse(await res.json()).error;
}

/** The package's answer without the route's own fields. */
const mapOf = ({ mappings, unmappedComponents, unusedSymbols, stats }: { mappings: unknown; unmappedComponents: unknown; unusedSymbols: unknown; stats: unknown }) => ({ mappings, unmappedComponents, unusedSymbols, stats });

describe('POST /figma-compat/uui/symbols/map', () => {
  it('maps the file\'s components to symbols from their names, as the package does, with the trace\'s event', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, restFile);
    const t = trace();
    const res = await map(p.key, { source: { file_key: k }, trace_id: t });
    const body = await ok(res);
    expect(res.headers.get('x-trace-id')).toBe(t);
    expect(body).toMatchObject({ components_from: 'design', file_key: k, trace_id: t, origin: { kind: 'figma', file_key: k, version: '7', node_id: '0:1' } });
    expect(mapOf(body)).toEqual(mapSymbols(components));
    expect(body.mappings.map((m) => [m.figma.name, m.symbol.name, m.symbol.source])).toEqual([
      ['Button', 'Button', 'derived'],
      ['Forms/Text Field', 'TextField', 'derived'],
      ['Avatar', 'Avatar', 'derived'],
      ['Icons/Arrow Right', 'ArrowRight', 'derived'],
    ]);
    // variants, booleans, texts and instance swaps of the Button set (the swap with its preferred component keys)
    const button = body.mappings[0]!;
    expect(button.props.map((m) => [m.figma.name, m.figma.type, m.code.name, m.code.type])).toEqual([
      ['Size', 'VARIANT', 'size', "'small' | 'medium' | 'large'"],
      ['State', 'VARIANT', 'state', "'default' | 'hover' | 'pressed' | 'disabled'"],
      ['Show icon', 'BOOLEAN', 'showIcon', 'boolean'],
      ['Label', 'TEXT', 'label', 'string'],
      ['Icon', 'INSTANCE_SWAP', 'icon', 'ReactNode'],
    ]);
    expect(button.props[4]!.figma.preferred).toEqual(['key-arrow-right']);
    expect(button.figma.key).toBe('key-button');
    const handle = testDb();
    try {
      const events = await eventually(async () => {
        const found = await handle.db.select().from(schema.busEvents).where(and(eq(schema.busEvents.projectId, p.id), eq(schema.busEvents.traceId, t), eq(schema.busEvents.type, 'symbols_mapped')));
        return found.length ? found : undefined;
      });
      expect(events[0]!.payload).toMatchObject({ file_key: k, components_from: 'design', registry: null, components: 4, mapped: 4, unmapped_components: 0, unused_symbols: 0 });
    } finally {
      await handle.close();
    }
  });

  it('maps to a registry with a confidence per mapping and lists the unmapped on both sides; inline gives the same', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, restFile);
    const body = await ok(await map(p.key, { source: { file_key: k }, registry: SAMPLE_REGISTRY }));
    const expected = mapSymbols(components, SAMPLE_REGISTRY);
    expect(mapOf(body)).toEqual(expected);
    expect(body.mappings.map((m) => [m.figma.name, m.symbol.name, m.symbol.source])).toEqual([
      ['Button', 'Button', 'registry'],
      ['Forms/Text Field', 'TextInput', 'registry'],
    ]);
    for (const m of body.mappings) {
      expect(m.confidence).toBeGreaterThanOrEqual(0.5);
      expect(m.confidence).toBeLessThanOrEqual(1);
      expect(m.confidence).toBe(Math.round((0.6 * m.confidenceParts.name + 0.4 * m.confidenceParts.props) * 100) / 100);
    }
    const button = body.mappings[0]!;
    expect(button.props.find((m) => m.figma.name === 'Size')).toMatchObject({ code: { name: 'size' }, values: { Small: 'sm', Medium: 'md', Large: 'lg' } });
    expect(button.unmappedCodeProps.map((u) => u.name)).toEqual(expect.arrayContaining(['variant', 'onClick']));
    expect(body.unmappedComponents.map((u) => [u.figma.name, u.suggested.name])).toEqual([
      ['Avatar', 'Avatar'],
      ['Icons/Arrow Right', 'ArrowRight'],
    ]);
    expect(body.unusedSymbols).toEqual([{ name: 'Checkbox', path: 'src/components/Checkbox.tsx' }]);
    expect(body.stats).toMatchObject({ components: 4, mapped: 2, unmappedComponents: 2, unusedSymbols: 1 });

    // a stricter min_confidence keeps fewer; an inline document maps as the file does
    const strict = await ok(await map(p.key, { source: { file_key: k }, registry: SAMPLE_REGISTRY, min_confidence: 0.99 }));
    expect(mapOf(strict)).toEqual(mapSymbols(components, SAMPLE_REGISTRY, { minConfidence: 0.99 }));
    expect(strict.stats.mapped).toBeLessThan(2);
    const inline = await ok(await map(p.key, { source: { document: COMPONENTS_FILE }, registry: SAMPLE_REGISTRY }));
    expect(inline).toMatchObject({ file_key: null, origin: { kind: 'inline', file_key: null } });
    expect(mapOf(inline)).toEqual(expected);
  });

  it('maps the stored components of a page or a job\'s file after apply, like the design, with no Figma call', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, restFile);
    const { job, events } = await runFigmaJob(p.key, { figma_url: `https://www.figma.com/design/${k}/Library` });
    const page = { node_id: '0:1', name: 'Components', components: events.filter((e) => e.event === 'page.chunk').flatMap((e) => e.data.components) };
    const applied = await api('/figma-context/apply', { method: 'POST', key: p.key, json: { job_id: job.job_id, page } });
    expect(applied.status).toBe(200);
    const pageId = ((await applied.json()) as { page_id: string }).page_id;
    const design = await ok(await map(p.key, { source: { file_key: k }, registry: SAMPLE_REGISTRY }));
    const calls = (await figmaRequestsFor(k)).length;

    for (const source of [{ page_id: pageId }, { job_id: job.job_id }]) {
      const stored = await ok(await map(p.key, { source, registry: SAMPLE_REGISTRY, components_from: 'stored' }));
      expect(stored).toMatchObject({ components_from: 'stored', origin: null, file_key: k });
      // the same symbols and confidences; stored definitions keep no INSTANCE_SWAP preferred keys
      expect(stored.mappings.map((m) => [m.figma.id, m.symbol.name, m.confidence])).toEqual(design.mappings.map((m) => [m.figma.id, m.symbol.name, m.confidence]));
      expect(stored.unusedSymbols).toEqual(design.unusedSymbols);
      expect(stored.stats).toEqual(design.stats);
    }
    expect(await figmaRequestsFor(k)).toHaveLength(calls);
  });
});

describe('symbols/map: bad input', () => {
  it('answers 400 naming the path of a malformed registry, before any Figma call', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, restFile);
    const cases: Array<[unknown, string]> = [
      [[{ name: 'Button', props: [{ name: 'size' }] }], 'json.registry.0.props.0.type'],
      [[SAMPLE_REGISTRY[0], { name: '', props: [] }], 'json.registry.1.name'],
      [[{ name: 'Button' }], 'json.registry.0.props'],
      ['Button', 'json.registry'],
      [Array.from({ length: 2001 }, (_, i) => ({ name: `S${i}`, props: [] })), 'json.registry'],
    ];
    for (const [registry, path] of cases) {
      const err = await errorOf(await map(p.key, { source: { file_key: k }, registry }), 400);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect((err.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toContain(path);
    }
    for (const [json, field] of [
      [{ source: { file_key: k }, min_confidence: 2 }, 'min_confidence'],
      [{ source: { file_key: k }, components_from: 'stored' }, 'components_from'],
      [{ source: { page_id: crypto.randomUUID(), node_id: '1:1' }, components_from: 'stored' }, 'node_id'],
    ] as const) {
      expect(JSON.stringify((await errorOf(await map(p.key, json), 400)).details)).toContain(field);
    }
    expect(await figmaRequestsFor(k)).toEqual([]);
  });

  it('answers 422 for a design with no component, 404 for an unknown node, page or stored page', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, sampleFile('Screens'));
    const none = await errorOf(await map(p.key, { source: { file_key: k } }), 422);
    expect(none.message).toMatch(/node 0:1 \(Page 1\) of Figma file .* holds no component or component set/);
    expect((await errorOf(await map(p.key, { source: { file_key: k, node_id: '9:9' } }), 404)).message).toContain('9:9');
    const unknownPage = crypto.randomUUID();
    expect((await errorOf(await map(p.key, { source: { page_id: unknownPage }, components_from: 'stored' }), 404)).message).toContain(unknownPage);
    expect((await errorOf(await map(p.key, { source: { document: { document: { id: '1:1', type: 'FRAME', children: [] } } } }), 422)).code).toBe('UNPROCESSABLE');
  });
});
