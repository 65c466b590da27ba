// The sanitizer of untrusted UI JSON (issue 14: a model's answer, a client's page). It copies — never mutates — and
// cuts, reporting each cut by JSON path: prototype keys (`__proto__`, `constructor`, `prototype`, own keys as
// JSON.parse makes them), script-ish URLs, event-handler keys and code, component nesting past
// UI_JSON_LIMITS.maxDepth, nodes past maxNodes (document order: the rest of each array goes, as one `[i..j]` entry),
// and values JSON cannot hold. A string over maxStringChars is TRUNCATED to it (reported `too_long`), not dropped:
// a long text is still the text. The schema then judges what is left.
import { UI_JSON_LIMITS, type UiReport } from '@cogo/types';
import { childPath } from './paths';
import { isHandlerCode, isHandlerKey, isScriptUrl, UNSAFE_KEYS } from './unsafe';

export interface PrunedEntry {
  path: string;
  reason: UiReport['pruned'][number]['reason'];
}

/** JSON nesting (objects and arrays) past which anything is cut: far deeper than a valid document, far from a stack overflow. */
export const MAX_JSON_DEPTH = 64;

/** Arrays of nodes, counted against maxNodes; `components` starts component nesting, `children` deepens it. */
const NODE_ARRAYS = new Set(['sections', 'blocks', 'components', 'children']);

const DROP = Symbol('drop');

interface Walk {
  pruned: PrunedEntry[];
  nodes: number;
}

/** A copy of `raw` without what a UI JSON document must not carry, and the list of what was cut (see the file comment). */
export function sanitizeUiJson(raw: unknown): { value: unknown; pruned: PrunedEntry[] } {
  const w: Walk = { pruned: [], nodes: 0 };
  const value = walk(w, raw, '', 0, 0);
  return { value: value === DROP ? undefined : value, pruned: w.pruned };
}

/** `componentDepth`: 0 outside components, 1 for a block's component, +1 per `children` level. */
function walk(w: Walk, value: unknown, path: string, depth: number, componentDepth: number): unknown {
  switch (typeof value) {
    case 'string':
      return str(w, value, path);
    case 'number':
      if (Number.isFinite(value)) return value;
      w.pruned.push({ path, reason: 'invalid' });
      return DROP;
    case 'boolean':
      return value;
    case 'undefined':
      return DROP; // absent, as in JSON
    case 'object':
      break;
    default:
      w.pruned.push({ path, reason: 'invalid' });
      return DROP;
  }
  if (value === null) return null;
  if (depth >= MAX_JSON_DEPTH) {
    w.pruned.push({ path, reason: 'too_deep' });
    return DROP;
  }
  if (Array.isArray(value)) return list(w, value, path, depth, componentDepth, undefined);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const at = childPath(path, key);
    if (UNSAFE_KEYS.has(key)) {
      w.pruned.push({ path: at, reason: 'unsafe_key' });
      continue;
    }
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string' && isHandlerKey(key)) {
      w.pruned.push({ path: at, reason: 'event_handler' });
      continue;
    }
    const kept = Array.isArray(v) && NODE_ARRAYS.has(key) && depth + 1 < MAX_JSON_DEPTH ? list(w, v, at, depth + 1, componentDepth, key) : walk(w, v, at, depth + 1, componentDepth);
    if (kept !== DROP) out[key] = kept;
  }
  return out;
}

function list(w: Walk, items: unknown[], path: string, depth: number, componentDepth: number, nodeKey: string | undefined): unknown[] {
  const out: unknown[] = [];
  const childDepth = nodeKey === 'components' ? 1 : nodeKey === 'children' && componentDepth > 0 ? componentDepth + 1 : componentDepth;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const at = childPath(path, i);
    if (nodeKey !== undefined && typeof item === 'object' && item !== null) {
      if (childDepth > UI_JSON_LIMITS.maxDepth) {
        w.pruned.push({ path: at, reason: 'too_deep' });
        continue;
      }
      if (w.nodes >= UI_JSON_LIMITS.maxNodes) {
        // the budget is spent: this element and every later one go, reported once
        w.pruned.push({ path: i === items.length - 1 ? at : `${path}[${i}..${items.length - 1}]`, reason: 'too_many_nodes' });
        break;
      }
      w.nodes += 1;
    }
    const kept = walk(w, item, at, depth + 1, childDepth);
    if (kept !== DROP) out.push(kept);
  }
  return out;
}

function str(w: Walk, value: string, path: string): string | typeof DROP {
  if (isScriptUrl(value)) {
    w.pruned.push({ path, reason: 'unsafe_url' });
    return DROP;
  }
  if (isHandlerCode(value)) {
    w.pruned.push({ path, reason: 'event_handler' });
    return DROP;
  }
  if (value.length <= UI_JSON_LIMITS.maxStringChars) return value;
  w.pruned.push({ path, reason: 'too_long' });
  let end = UI_JSON_LIMITS.maxStringChars;
  // never split a surrogate pair
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return value.slice(0, end);
}
