// Drift / sync / undo tests start from the sample: the Figma fake's file applied by figma-context, the sample
// Storybook build ingested (Button confirmed through Code Connect), Badge and Product Card mapped explicitly — all
// through the routes, as a user would.
import { schema, type Db } from '@cogo/db';
import { sampleCodeConnect, sampleDocgen, sampleStorybookIndex } from '@cogo/design-sync/samples';
import { ComponentMappingSchema, DriftResponseSchema, ErrorEnvelopeSchema, SyncOperationSchema, pageOf } from '@cogo/types';
import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { createTestProject, type TestProject } from '../../../test/helpers';
import { ds, seedSampleDesign } from './design-sync.test-helpers';

export interface SampleSync {
  p: TestProject;
  fileKey: string;
  /** Stored node ids by Figma component name. */
  nodes: Record<string, string>;
  /** Confirmed mapping ids by registry key. */
  mappings: { button: string; badge: string; card: string };
}

/** Answers the parsed body after asserting the status (the body is shown when it differs). */
export async function ok<T>(res: Response, status: number, parse: (v: unknown) => T): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return parse(await res.json());
}

/** Asserts an error envelope of `status` and `code`; answers its error. */
export async function errorOf(res: Response, status: number, code: string) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const { error } = ErrorEnvelopeSchema.parse(JSON.parse(text));
  expect(error.code).toBe(code);
  return error;
}

export const driftBody = (v: unknown) => DriftResponseSchema.parse(v);
export const operation = (v: unknown) => SyncOperationSchema.parse(v);
export const operationsPage = (v: unknown) => pageOf(SyncOperationSchema).parse(v);

/** GET /design-sync/drift (with a query string) parsed. */
export const drift = async (p: TestProject, query = '') => ok(await ds(p, `drift${query}`), 200, driftBody);

/** POST /design-sync/operations parsed (200 expected). */
export const sync = async (p: TestProject, json: Record<string, unknown>) => ok(await ds(p, 'operations', { json }), 200, operation);

/** The sample Storybook build again, with `edit` applied to a copy of its docgen (a code change, as a re-ingest shows it). */
export async function reingest(p: TestProject, edit?: (docgen: typeof sampleDocgen) => void) {
  const docgen = structuredClone(sampleDocgen);
  edit?.(docgen);
  const res = await ds(p, 'registry', { json: { index: sampleStorybookIndex, docgen, code_connect: sampleCodeConnect } });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** A project with the sample design stored, the sample build ingested and its three components mapped (confirmed). */
export async function sampleSync(): Promise<SampleSync> {
  const p = await createTestProject();
  const { fileKey, nodes } = await seedSampleDesign(p);
  await reingest(p);
  const mapped = async (code: string, node: string) =>
    (await ok(await ds(p, 'mappings', { json: { code_component: code, file_key: fileKey, node_id: nodes[node] } }), 201, (v) => ComponentMappingSchema.parse(v))).id;
  const badge = await mapped('Components/Badge', 'Badge');
  const card = await mapped('Components/ProductCard', 'Product Card');
  const list = await ok(await ds(p, 'mappings?status=confirmed'), 200, (v) => pageOf(ComponentMappingSchema).parse(v));
  const button = list.items.find((m) => m.code_component.key === 'Components/Button' && m.source === 'code_connect')!.id;
  expect(list.items).toHaveLength(3);
  return { p, fileKey, nodes, mappings: { button, badge, card } };
}

/** The stored rows a sync touches, for a project: mappings, registry components, Figma components of the file. */
export async function storedRows(db: Db, p: TestProject) {
  const m = schema.componentMappings;
  const cc = schema.codeComponents;
  const cmp = schema.components;
  const [mappings, code, design] = await Promise.all([
    db.select().from(m).where(eq(m.projectId, p.id)).orderBy(asc(m.id)),
    db.select().from(cc).where(eq(cc.projectId, p.id)).orderBy(asc(cc.key)),
    db.select().from(cmp).where(and(eq(cmp.projectId, p.id))).orderBy(asc(cmp.nodeId)),
  ]);
  return { mappings, code, design };
}
