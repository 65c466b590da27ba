// Files and variables the figma-compat tests put on the Figma fake under keys of their own (the shared sample file
// is never changed): two collections — Primitives (one mode) and Theme (Light/Dark) whose colours alias
// Primitives across collections — and, for the styles path, style nodes holding a fill and a text style; plugin
// exports of them (variables at the top level, styles used by nodes) uploaded as a plugin does (presign + PUT).
import { env, SELF } from 'cloudflare:test';
import { schema } from '@cogo/db';
import { SAMPLE_FLOW_FILE } from '@cogo/figma-compat/samples';
import { and, eq } from 'drizzle-orm';
import { api, figmaFake, testDb } from '../../../test/helpers';

const rgba = (hex: string) => ({ r: parseInt(hex.slice(1, 3), 16) / 255, g: parseInt(hex.slice(3, 5), 16) / 255, b: parseInt(hex.slice(5, 7), 16) / 255, a: 1 });
const alias = (id: string) => ({ type: 'VARIABLE_ALIAS', id });

export const PRIMITIVES = 'VariableCollectionId:1:0';
export const THEME = 'VariableCollectionId:2:0';
export const BLUE = 'VariableID:1:1';
export const GRAY = 'VariableID:1:2';
export const SPACE = 'VariableID:1:3';
export const PRIMARY = 'VariableID:2:1';
export const SURFACE = 'VariableID:2:2';
export const EXTRA = 'VariableID:1:4';

/** A fresh Figma file key. */
export const newFileKey = () => `CMP${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;

interface VariableOptions {
  blue?: string;
  /** Adds `spacing/2`. */
  extra?: boolean;
  /** Leaves out `color/gray/900`. */
  withoutGray?: boolean;
}

/** GET /variables/local `meta`: Primitives (mode Value) and Theme (Light, Dark) aliasing Primitives. */
export function sampleVariables(o: VariableOptions = {}) {
  const v = (id: string, name: string, collection: string, resolvedType: string, valuesByMode: Record<string, unknown>, scopes = ['ALL_SCOPES']) => ({
    id,
    name,
    key: `key${id.replace(/\D/g, '')}`,
    variableCollectionId: collection,
    resolvedType,
    valuesByMode,
    remote: false,
    description: '',
    hiddenFromPublishing: false,
    scopes,
    codeSyntax: {},
  });
  const primitives = [
    v(BLUE, 'color/blue/500', PRIMITIVES, 'COLOR', { '1:0': rgba(o.blue ?? '#2f5bea') }),
    ...(o.withoutGray ? [] : [v(GRAY, 'color/gray/900', PRIMITIVES, 'COLOR', { '1:0': rgba('#111318') })]),
    v(SPACE, 'spacing/1', PRIMITIVES, 'FLOAT', { '1:0': 4 }, ['GAP']),
    ...(o.extra ? [v(EXTRA, 'spacing/2', PRIMITIVES, 'FLOAT', { '1:0': 8 }, ['GAP'])] : []),
  ];
  const theme = [
    v(PRIMARY, 'color/primary', THEME, 'COLOR', { '2:0': alias(BLUE), '2:1': rgba('#8fb0ff') }),
    v(SURFACE, 'color/surface', THEME, 'COLOR', { '2:0': rgba('#ffffff'), '2:1': o.withoutGray ? rgba('#000000') : alias(GRAY) }),
  ];
  const collection = (id: string, name: string, modes: Array<{ modeId: string; name: string }>, vars: Array<{ id: string }>) => ({
    id,
    name,
    key: `ckey${id.replace(/\D/g, '')}`,
    modes,
    defaultModeId: modes[0]!.modeId,
    remote: false,
    hiddenFromPublishing: false,
    variableIds: vars.map((x) => x.id),
  });
  return {
    variables: Object.fromEntries([...primitives, ...theme].map((x) => [x.id, x])),
    variableCollections: {
      [PRIMITIVES]: collection(PRIMITIVES, 'Primitives', [{ modeId: '1:0', name: 'Value' }], primitives),
      [THEME]: collection(THEME, 'Theme', [{ modeId: '2:0', name: 'Light' }, { modeId: '2:1', name: 'Dark' }], theme),
    },
  };
}

/** A variables response of one collection ("Big") of `count` colours; `shade` moves every value (a changed version). */
export function manyColorVariables(count: number, shade = 0) {
  const ids = Array.from({ length: count }, (_, i) => `VariableID:9:${i + 1}`);
  const variables = Object.fromEntries(
    ids.map((id, i) => {
      const level = (i * 7 + shade) % 256;
      const color = { r: level / 255, g: ((level * 3) % 256) / 255, b: ((level * 5 + shade) % 256) / 255, a: 1 };
      return [id, { id, name: `color/c${i}`, key: `bigkey${i}`, variableCollectionId: 'VariableCollectionId:9:0', resolvedType: 'COLOR', valuesByMode: { '9:0': color }, remote: false, description: '', hiddenFromPublishing: false, scopes: ['ALL_SCOPES'], codeSyntax: {} }];
    }),
  );
  const collection = { id: 'VariableCollectionId:9:0', name: 'Big', key: 'bigckey', modes: [{ modeId: '9:0', name: 'Value' }], defaultModeId: '9:0', remote: false, hiddenFromPublishing: false, variableIds: ids };
  return { variables, variableCollections: { [collection.id]: collection } };
}

const BLACK = { r: 0, g: 0, b: 0, a: 1 };

/** A GET /v1/files/:key body at version 100 around `parts` (its maps and document). */
export function restFile<P extends { components: unknown; componentSets: unknown; styles: unknown; document: unknown }>(name: string, parts: P) {
  return { name, lastModified: '2026-12-01T00:00:00Z', thumbnailUrl: '', version: '100', role: 'owner', editorType: 'figma', linkAccess: 'view', schemaVersion: 0, ...parts };
}

/** The action-flow sample as a GET /v1/files/:key body (its own version), with `document` in place of its own. */
export const flowFile = (document: unknown = SAMPLE_FLOW_FILE.document) => restFile(SAMPLE_FLOW_FILE.name, { ...SAMPLE_FLOW_FILE, document });

/** A GET /v1/files/:key body; `styles`: a fill and a text style whose own nodes (on a "Styles" page) hold their values. */
export function sampleFile(name: string, o: { styles?: boolean } = {}) {
  const frame = { id: '1:1', name: 'Home', type: 'FRAME', absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 }, fills: [], children: [] };
  const stylePage = {
    id: '0:2',
    name: 'Styles',
    type: 'CANVAS',
    backgroundColor: BLACK,
    children: [
      { id: '10:1', name: 'Brand/Primary', type: 'RECTANGLE', fills: [{ type: 'SOLID', blendMode: 'NORMAL', color: { r: 0.2, g: 0.4, b: 0.8, a: 1 } }], absoluteBoundingBox: { x: 0, y: 0, width: 10, height: 10 } },
      { id: '10:2', name: 'Body/Regular', type: 'TEXT', characters: 'Aa', style: { fontFamily: 'Inter', fontWeight: 400, fontSize: 16, lineHeightPx: 24, letterSpacing: 0 }, fills: [], absoluteBoundingBox: { x: 0, y: 20, width: 10, height: 10 } },
    ],
  };
  return restFile(name, {
    components: {},
    componentSets: {},
    styles: o.styles
      ? {
          '10:1': { key: 'skey1', name: 'Brand/Primary', styleType: 'FILL', remote: false, description: '' },
          '10:2': { key: 'skey2', name: 'Body/Regular', styleType: 'TEXT', remote: false, description: '' },
        }
      : {},
    document: {
      id: '0:0',
      name: 'Document',
      type: 'DOCUMENT',
      children: [{ id: '0:1', name: 'Page 1', type: 'CANVAS', backgroundColor: BLACK, children: [frame] }, ...(o.styles ? [stylePage] : [])],
    },
  });
}

/** Puts a file (a new version when it replaces one) and, when given, its local variables on the fake. */
export async function putFigmaFile(key: string, file: unknown, variables?: unknown): Promise<void> {
  if (variables !== undefined) {
    const r = await fetch(`${env.FIGMA_API_BASE}/__fake/variables/${key}`, { method: 'PUT', body: JSON.stringify(variables) });
    if (r.status !== 204) throw new Error(`fake refused variables: ${r.status}`);
  }
  await figmaFake.putFile(key, file);
}

/** The Figma requests the fake received for `key`, as `path?query` (no credentials). */
export async function figmaRequestsFor(key: string): Promise<string[]> {
  const all = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Array<{ path: string; query: Record<string, string> }>;
  return all.filter((r) => r.path.includes(`/${key}`)).map((r) => (Object.keys(r.query).length ? `${r.path}?${new URLSearchParams(r.query).toString()}` : r.path));
}

/**
 * A plugin export: a REST-shaped file with its variables at the top level, as arrays — what
 * `figma.variables.getLocalVariablesAsync()` / `getLocalVariableCollectionsAsync()` serialise.
 */
export function pluginExport(file: object, variables?: ReturnType<typeof sampleVariables>) {
  return variables ? { ...file, variables: Object.values(variables.variables), variableCollections: Object.values(variables.variableCollections) } : { ...file };
}

/**
 * A plugin export's file with the two styles of `sampleFile(name, { styles: true })` used by nodes of Page 1: an
 * export holds no style nodes (the fake's "Styles" page stands in for what REST reads with /nodes), so the values
 * come from the nodes that use them.
 */
export function sampleExportFile(name: string) {
  const file = sampleFile(name, { styles: true });
  const box = { x: 0, y: 0, width: 10, height: 10 };
  const users = [
    { id: '1:2', name: 'Button', type: 'RECTANGLE', styles: { fill: '10:1' }, fills: [{ type: 'SOLID', blendMode: 'NORMAL', color: { r: 0.2, g: 0.4, b: 0.8, a: 1 } }], absoluteBoundingBox: box },
    { id: '1:3', name: 'Label', type: 'TEXT', characters: 'Hi', styles: { text: '10:2' }, style: { fontFamily: 'Inter', fontWeight: 400, fontSize: 16, lineHeightPx: 24, letterSpacing: 0 }, fills: [], absoluteBoundingBox: box },
  ];
  const [page] = file.document.children;
  return { ...file, document: { ...file.document, children: [{ ...page!, children: [{ ...page!.children[0]!, children: users }] }] } };
}

/** Uploads `body` (JSON, or text as is) as the project's plugin export (presign + PUT); returns its upload id. */
export async function uploadExport(key: string, body: unknown): Promise<string> {
  const presigned = (await (await api('/figma-compat/uui/presign', { method: 'POST', key, json: {} })).json()) as { upload_id: string; upload_url: string; headers: Record<string, string> };
  const put = await SELF.fetch(presigned.upload_url, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body), headers: presigned.headers });
  if (put.status !== 200) throw new Error(`upload refused: ${put.status} ${await put.text()}`);
  return presigned.upload_id;
}

/** The project's stored action flows of a file (the service database: what row-level security would hide is seen). */
export async function actionFlowRows(projectId: string, fileKey: string) {
  const handle = testDb();
  try {
    return await handle.db.select().from(schema.actionFlows).where(and(eq(schema.actionFlows.projectId, projectId), eq(schema.actionFlows.fileKey, fileKey)));
  } finally {
    await handle.close();
  }
}

/** The outbox rows of one action flow, in version order. */
export async function actionFlowOutbox(projectId: string, entityId: string) {
  const handle = testDb();
  try {
    const u = schema.projectUpdates;
    return await handle.db.select().from(u).where(and(eq(u.projectId, projectId), eq(u.entity, 'action_flow'), eq(u.entityId, entityId))).orderBy(u.version);
  } finally {
    await handle.close();
  }
}
