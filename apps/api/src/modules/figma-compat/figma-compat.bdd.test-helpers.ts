// What the bdd route tests send and read: the package's sample pages as a Figma REST file (for the fake, or inline
// as `source.document`), the project's bus events of a trace, and the one parser that judges every feature.
import { schema } from '@cogo/db';
import { parseFeature, scenariosOf } from '@cogo/figma-compat';
import { LOGIN_PAGE, SAMPLE_COMPONENT_INDEX } from '@cogo/figma-compat/samples';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { eventually, testDb } from '../../../test/helpers';
import { restFile } from './figma-compat.test-helpers';

// the samples carry only what generation reads (`{ visible: true }` paints); Figma's paints always have a type
function restPaints(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(restPaints);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = (k === 'fills' || k === 'strokes') && Array.isArray(v) ? v.map((p) => ({ type: 'SOLID', blendMode: 'NORMAL', color: { r: 0, g: 0, b: 0, a: 1 }, ...p })) : restPaints(v);
  }
  return out;
}

/** A GET /v1/files/:key body holding `pages` (default: the sign-in page) and the sample component maps. */
export function bddFile(pages: unknown[] = [LOGIN_PAGE], name = 'BDD sample') {
  const components = Object.fromEntries(
    Object.entries(SAMPLE_COMPONENT_INDEX.components ?? {}).map(([id, c]) => [id, { key: `k${id.replace(/\D/g, '')}`, description: '', remote: false, documentationLinks: [], ...c }]),
  );
  const componentSets = Object.fromEntries(Object.entries(SAMPLE_COMPONENT_INDEX.componentSets ?? {}).map(([id, s]) => [id, { key: `s${id.replace(/\D/g, '')}`, description: '', remote: false, ...s }]));
  return restFile(name, { components, componentSets, styles: {}, document: { id: '0:0', name: 'Document', type: 'DOCUMENT', children: restPaints(pages) } });
}

/** A fresh 32-hex trace id. */
export const newTrace = () => crypto.randomUUID().replaceAll('-', '');

/** Parses `text` with @cucumber/gherkin (through the package's parseFeature) and returns its scenarios. */
export function parsedScenarios(text: string) {
  const parsed = parseFeature(text);
  if (!parsed.ok) throw new Error(`does not parse: ${parsed.error.describe()}`);
  return scenariosOf(parsed.document);
}

/** The project's bus events of `type` on `trace`, once the queue consumer has written them. */
export async function busEventsOf(projectId: string, trace: string, type: string) {
  const handle = testDb();
  try {
    return await eventually(async () => {
      const b = schema.busEvents;
      const rows = await handle.db.select().from(b).where(and(eq(b.projectId, projectId), eq(b.traceId, trace), eq(b.type, type)));
      return rows.length ? rows : undefined;
    });
  } finally {
    await handle.close();
  }
}

/** The error envelope of `res`, after checking its status. */
export async function errorOf(res: Response, status: number) {
  const body = (await res.json()) as { error: { code: string; message: string; requestId: string; details?: Record<string, unknown> } };
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body.error;
}
