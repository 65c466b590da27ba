// The JSON Schema of cogo_ui_json for a model's structured output (`response_format: { type: 'json_schema' }`,
// non-strict), made from the zod contract so the two cannot drift. Shared parts are `$defs` with readable names
// (UiLayout, UiStyle, UiComponentNode…); the component tree is recursive — UiComponentNode's `children` refers to
// itself, one `$ref` cycle that JSON-schema-mode providers accept. UUID regexes go (`format: uuid` stays) to keep it
// compact: about 4 KB.
import { CogoUiJsonSchema } from '@cogo/types';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A readable name for a `$defs` entry, told by its shape. */
function nameOf(def: Record<string, unknown>, fallback: string): string {
  const props = isObj(def.properties) ? def.properties : {};
  if (typeof def.pattern === 'string' && def.maxLength === 200) return 'UiId';
  if ('direction' in props && 'columns' in props) return 'UiLayout';
  if ('blocks' in props) return 'UiSection';
  if ('components' in props) return 'UiBlock';
  if ('children' in props) return 'UiComponentNode';
  if ('on' in props && 'url' in props) return 'UiAction';
  if (def.type === 'object' && isObj(def.additionalProperties)) return 'UiStyle';
  return fallback;
}

function rewrite(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, names));
  if (!isObj(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace(/^#\/\$defs\/(.+)$/, (_, n: string) => `#/$defs/${names.get(n) ?? n}`);
    else if (k === 'pattern' && value.format === 'uuid') continue;
    else if (k === '$schema') continue;
    else out[k] = rewrite(v, names);
  }
  return out;
}

function build(): Record<string, unknown> {
  const raw = CogoUiJsonSchema.toJSONSchema({ target: 'draft-2020-12', unrepresentable: 'any', io: 'input', reused: 'ref' }) as Record<string, unknown>;
  const defs = isObj(raw.$defs) ? raw.$defs : {};
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [key, def] of Object.entries(defs)) {
    let name = isObj(def) ? nameOf(def, key) : key;
    if (taken.has(name)) name = key;
    taken.add(name);
    names.set(key, name);
  }
  const out = rewrite(raw, names) as Record<string, unknown>;
  if (isObj(out.$defs)) out.$defs = Object.fromEntries(Object.entries(out.$defs).map(([k, v]) => [names.get(k) ?? k, v]));
  return out;
}

/** A JSON Schema of CogoUiJson for an LLM's `response_format` json_schema (non-strict): see the file comment. */
export const UI_JSON_RESPONSE_SCHEMA: Record<string, unknown> = build();
