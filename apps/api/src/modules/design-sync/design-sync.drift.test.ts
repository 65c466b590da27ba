// GET /design-sync/drift through the Worker on the sample (Figma fake's file applied, sample Storybook ingested, its
// three components mapped): every deliberate difference of SAMPLE_EXPECTED_DRIFT reported and nothing else; the
// report cached on the mapping row and reused while both sides, the baseline, the props map and the tokens are
// unchanged; a re-ingest recomputes only the component it changed; filters; a removed Figma component.
import { schema } from '@cogo/db';
import { canonicalJson, sha256Hex } from '@cogo/design-sync';
import { SAMPLE_EXPECTED_DRIFT } from '@cogo/design-sync/samples';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/helpers';
import { ds } from './design-sync.test-helpers';
import { drift, errorOf, reingest, sampleSync, storedRows } from './sync.test-helpers';

const service = testDb();
afterAll(() => service.close());

const m = schema.componentMappings;

describe('GET /design-sync/drift', () => {
  it('reports every deliberate difference of the sample, one by one, and nothing else', async () => {
    const { p, fileKey, nodes, mappings } = await sampleSync();
    const body = await drift(p);
    expect(body.mappings.map((x) => x.mapping_id).sort()).toEqual(Object.values(mappings).sort());

    const reported = body.mappings.flatMap((x) => x.items.map((i) => ({ component: x.code_component.key, kind: i.kind, subject: i.subject })));
    for (const expected of SAMPLE_EXPECTED_DRIFT) expect(reported, `${expected.component} ${expected.kind} ${expected.subject}`).toContainEqual(expected);
    // no false positive: handlers, className, children, "Medium" ↔ "md" are no drift
    expect(reported).toHaveLength(SAMPLE_EXPECTED_DRIFT.length);

    const button = body.mappings.find((x) => x.mapping_id === mappings.button)!;
    expect(button.code_component).toMatchObject({ key: 'Components/Button', name: 'Button' });
    expect(button.figma).toEqual({ file_key: fileKey, node_id: nodes.Button, name: 'Button' });
    for (const x of body.mappings) {
      expect(x.diff_hash).toBe(await sha256Hex(canonicalJson(x.items)));
      expect(x.cached).toBe(false);
      for (const i of x.items) expect(i.message.length).toBeGreaterThan(0);
    }
    expect(body.counts).toEqual({ mappings: 3, drifted: 3, items: SAMPLE_EXPECTED_DRIFT.length, cached: 0 });
    expect(body.by_kind).toEqual({ variant_values_differ: 2, figma_prop_missing_in_code: 1, code_prop_missing_in_figma: 2, default_differs: 1 });
    expect(body.trace_id).toMatch(/^[0-9a-f]{32}$/);

    // the report is stored on each mapping row with what it was computed from
    const rows = await storedRows(service.db, p);
    for (const row of rows.mappings) {
      const shown = body.mappings.find((x) => x.mapping_id === row.id)!;
      const code = rows.code.find((c) => c.id === row.codeComponentId)!;
      expect(row.driftCache).toMatchObject({ code_hash: code.contentHash, tokens_hash: 'none', report: { items: shown.items, diff_hash: shown.diff_hash } });
    }
  });

  it('reuses the cached report while nothing changed, and recomputes only the component a re-ingest changed', async () => {
    const { p, mappings } = await sampleSync();
    const first = await drift(p);
    const updatedBefore = (await storedRows(service.db, p)).mappings.map((r) => r.updatedAt.getTime());

    const second = await drift(p);
    expect(second.mappings.map((x) => x.cached)).toEqual([true, true, true]);
    expect(second.counts.cached).toBe(3);
    expect(second.mappings.map(({ cached: _, ...x }) => x)).toEqual(first.mappings.map(({ cached: _, ...x }) => x));
    // caching is no change of the mapping
    expect((await storedRows(service.db, p)).mappings.map((r) => r.updatedAt.getTime())).toEqual(updatedBefore);

    // Button's code gains a Show icon prop and loses `disabled`: only Button is recomputed
    await reingest(p, (docgen) => {
      const props = docgen[0]!.props as Record<string, unknown>;
      props.showIcon = { ...(props.disabled as object), name: 'showIcon', description: 'Shows the icon.' };
      delete props.disabled;
    });
    const third = await drift(p);
    const byId = new Map(third.mappings.map((x) => [x.mapping_id, x]));
    expect(byId.get(mappings.button)!.cached).toBe(false);
    expect(byId.get(mappings.badge)!.cached).toBe(true);
    expect(byId.get(mappings.card)!.cached).toBe(true);
    const subjects = byId.get(mappings.button)!.items.map((i) => `${i.kind}:${i.subject}`);
    expect(subjects.sort()).toEqual(['variant_values_differ:Size', 'variant_values_differ:Variant']);
    expect(byId.get(mappings.button)!.diff_hash).not.toBe(first.mappings.find((x) => x.mapping_id === mappings.button)!.diff_hash);
  });

  it('recomputes when the props map or the tokens change', async () => {
    const { p, fileKey, mappings } = await sampleSync();
    await drift(p);
    // new derived tokens for the file: every mapping of it is measured again
    await service.db.insert(schema.tokenVersions).values({ projectId: p.id, fileKey, version: 'v2', tokens: {}, resolver: {}, report: {}, contentHash: 'f'.repeat(64), traceId: 'a'.repeat(32) });
    const afterTokens = await drift(p);
    expect(afterTokens.counts.cached).toBe(0);
    expect((await drift(p)).counts.cached).toBe(3);
    const [row] = await service.db.select().from(m).where(eq(m.id, mappings.card));
    expect(row!.driftCache).toMatchObject({ tokens_hash: 'f'.repeat(64) });

    // a props map changed by hand: that mapping only
    await service.db.update(m).set({ props: { ...row!.props, Title: 'price' } }).where(eq(m.id, mappings.card));
    const afterProps = await drift(p);
    expect(afterProps.mappings.filter((x) => !x.cached).map((x) => x.mapping_id)).toEqual([mappings.card]);
  });

  it('filters by file and mapping; only_drifted; 404 for a mapping unknown or not confirmed', async () => {
    const { p, mappings } = await sampleSync();
    const one = await drift(p, `?mapping_id=${mappings.card}`);
    expect(one.mappings.map((x) => x.mapping_id)).toEqual([mappings.card]);
    expect(one.mappings[0]!.items.map((i) => `${i.kind}:${i.subject}`)).toEqual(['default_differs:Show badge']);
    expect((await drift(p, '?file_key=OTHERFILE01')).mappings).toEqual([]);

    const unknown = crypto.randomUUID();
    const e = await errorOf(await ds(p, `drift?mapping_id=${unknown}`), 404, 'NOT_FOUND');
    expect(e.message).toContain(unknown);
    await errorOf(await ds(p, 'drift?mapping_id=not-a-uuid'), 400, 'VALIDATION_FAILED');
    await errorOf(await ds(p, 'drift?file_key=bad%20key'), 400, 'VALIDATION_FAILED');

    await service.db.update(m).set({ status: 'rejected' }).where(eq(m.id, mappings.badge));
    const rejected = await errorOf(await ds(p, `drift?mapping_id=${mappings.badge}`), 404, 'NOT_FOUND');
    expect(rejected.message).toContain('not confirmed');
    const all = await drift(p);
    expect(all.mappings.map((x) => x.mapping_id).sort()).toEqual([mappings.button, mappings.card].sort());

    // Product Card in sync with the design: only_drifted leaves it out, counts still cover it
    await reingest(p, (docgen) => {
      (docgen[2]!.props.showBadge as { defaultValue: unknown }).defaultValue = { value: true };
    });
    const drifted = await drift(p, '?only_drifted=true');
    expect(drifted.mappings.map((x) => x.mapping_id)).toEqual([mappings.button]);
    expect(drifted.counts).toMatchObject({ mappings: 2, drifted: 1 });
  });

  it('reports a Figma component no longer stored as design_removed alone', async () => {
    const { p, fileKey, nodes, mappings } = await sampleSync();
    const cmp = schema.components;
    await service.db.delete(cmp).where(and(eq(cmp.projectId, p.id), eq(cmp.fileKey, fileKey), eq(cmp.nodeId, nodes['Product Card']!)));
    const body = await drift(p, `?mapping_id=${mappings.card}`);
    expect(body.mappings[0]!.figma.name).toBeNull();
    expect(body.mappings[0]!.items.map((i) => i.kind)).toEqual(['design_removed']);
    expect(body.mappings[0]!.cached).toBe(false);
  });
});
