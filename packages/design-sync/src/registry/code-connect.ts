// Code Connect JSON (what `figma connect parse` prints: an array of `{ figmaNode, component?, label, template,
// templateData: { props: { <code prop>: { kind, args: { figmaPropName } } } }, source }`, or a parser's
// `{ docs: [...] }`; `{ documents: [...] }` too) as explicit mappings. `figmaNode` is a Figma URL
// (`https://www.figma.com/design/<fileKey>/<name>?node-id=1-23`: node `1:23`). Intrinsics that name a Figma
// property (enum, boolean, string, instance) give the props map; layer-based ones (children, textContent,
// nestedProps, className) name no property and are left out.
import { DESIGN_SYNC_LIMITS } from '@cogo/types';
import type { ExplicitMapping } from '../types';
import { RegistryInputError } from '../errors';
import { at, byText, isObject, nameOf, type Warnings } from './read';

const FILE_KEY = /^[A-Za-z0-9]{6,128}$/;
const NODE_ID = /^I?\d+:\d+(;\d+:\d+)*$/;
const PROPERTY_KINDS = new Set(['enum', 'boolean', 'string', 'instance']);
const LAYER_KINDS = new Set(['children', 'nested-props', 'className', 'text-content']);

/** The file key and node id (API form, "1:23") of a Figma URL; null when it names no node of a Figma file. */
export function figmaNodeFromUrl(url: string): { fileKey: string; nodeId: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !(u.hostname === 'figma.com' || u.hostname.endsWith('.figma.com'))) return null;
  const [kind, key, ...rest] = u.pathname.split('/').filter(Boolean);
  if (!kind || !['design', 'file', 'proto', 'board', 'slides'].includes(kind)) return null;
  // a branch URL (`/design/<key>/branch/<branchKey>/…`) names the branch's own file
  const fileKey = rest[0] === 'branch' && rest[1] ? rest[1] : key;
  const nodeId = (u.searchParams.get('node-id') ?? '').replace(/-/g, ':');
  if (!fileKey || !FILE_KEY.test(fileKey) || !NODE_ID.test(nodeId) || nodeId.length > 200) return null;
  return { fileKey, nodeId };
}

/** Figma property name → code prop name, from `templateData.props` (intrinsics) or a plain `{ figma: code }` map. */
function propsOf(doc: Record<string, unknown>, path: string, w: Warnings): Record<string, string> {
  const template = isObject(doc.templateData) ? doc.templateData.props : undefined;
  const raw = isObject(template) ? template : isObject(doc.props) ? doc.props : undefined;
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(raw ?? {})) {
    const key = nameOf(k);
    if (typeof v === 'string') {
      const code = nameOf(v);
      if (key && code) pairs.push([key, code]);
      continue;
    }
    if (!isObject(v) || typeof v.kind !== 'string') continue;
    if (LAYER_KINDS.has(v.kind)) continue;
    const figma = isObject(v.args) ? nameOf(v.args.figmaPropName) : null;
    if (!PROPERTY_KINDS.has(v.kind) || !figma || !key) {
      w.add(at(`${path}.props`, k), `unknown Code Connect prop ${JSON.stringify(v.kind.slice(0, 40))}: left out`);
      continue;
    }
    pairs.push([figma, key]);
  }
  const out: Record<string, string> = {};
  for (const [figma, code] of pairs) {
    // a "__proto__" key would set the map's prototype wherever it is copied with plain assignment
    if (figma === '__proto__' || code === '__proto__') w.add(path, 'a prop named "__proto__" is left out');
    else if (!Object.hasOwn(out, figma)) out[figma] = code;
  }
  return out;
}

/** Explicit mappings of Code Connect documents, one per component and node (props merged), sorted. */
export function readCodeConnect(input: unknown, w: Warnings): ExplicitMapping[] {
  const docs = Array.isArray(input) ? input : isObject(input) ? [input.documents, input.docs].find(Array.isArray) : undefined;
  if (!docs) throw new RegistryInputError('codeConnect: expected an array of Code Connect documents, or { documents: [...] }', 'codeConnect');
  if (docs.length > DESIGN_SYNC_LIMITS.components) {
    throw new RegistryInputError(`codeConnect: ${docs.length} documents, more than the ${DESIGN_SYNC_LIMITS.components} one ingest takes`, 'codeConnect');
  }
  const byKey = new Map<string, ExplicitMapping>();
  docs.forEach((doc, i) => {
    const path = at('codeConnect', i);
    if (!isObject(doc)) return w.add(path, 'a Code Connect document must be an object');
    const component = nameOf(doc.component) ?? nameOf(doc.name);
    const url = typeof doc.figmaNode === 'string' ? doc.figmaNode : typeof doc.url === 'string' ? doc.url : '';
    const node = url.length <= 2_000 ? figmaNodeFromUrl(url) : null;
    if (!component) return w.add(path, 'a Code Connect document needs the component it connects (`component`)');
    if (!node) return w.add(`${path}.figmaNode`, 'figmaNode must be a Figma URL naming a node (…/design/<fileKey>/…?node-id=1-23)');
    const props = propsOf(doc, path, w);
    const key = JSON.stringify([component, node.fileKey, node.nodeId]);
    const seen = byKey.get(key);
    // Code Connect documents of one node with variant restrictions each carry some props: they add up
    if (!seen) {
      byKey.set(key, { component, fileKey: node.fileKey, nodeId: node.nodeId, props });
      return;
    }
    for (const [f, c] of Object.entries(props)) if (!Object.hasOwn(seen.props!, f)) seen.props![f] = c;
  });
  return [...byKey.values()]
    .map((m) => (Object.keys(m.props ?? {}).length ? m : { component: m.component, fileKey: m.fileKey, nodeId: m.nodeId }))
    .sort((a, b) => byText(a.component, b.component) || byText(a.fileKey, b.fileKey) || byText(a.nodeId, b.nodeId));
}
