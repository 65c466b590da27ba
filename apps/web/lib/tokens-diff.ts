// Two stored token versions compared (GET /figma-compat/uui/variables/diff) as rows to show: added, removed, changed
// (old → new, per mode) and renamed tokens, each value as text with a swatch for colours, and the counts. Pure: the
// Tokens page lists them; its unit test checks a known diff.
import type { components } from '@cogo/api-client';
import { cssColor, valueText } from './tokens-view';

type Diff = components['schemas']['TokensDiffResponse'];

export interface DiffValue {
  text: string;
  swatch: string | null;
}

export interface DiffRow {
  kind: 'added' | 'removed' | 'changed' | 'renamed';
  path: string;
  /** The mode compared (null: the default). */
  mode: string | null;
  type: string;
  from: DiffValue | null;
  to: DiffValue | null;
}

const value = (type: string, v: unknown): DiffValue => ({ text: valueText(v), swatch: type === 'color' ? cssColor(v) : null });
const ORDER = { changed: 0, added: 1, removed: 2, renamed: 3 } as const;

/** The rows of a whole diff: inline, or the `diff` artifact an answer over ARTIFACT_INLINE_MAX_BYTES pointed at. */
export function diffRows(d: Diff): { rows: DiffRow[]; summary: string } {
  if (d.artifact && !d.changed) throw new Error('diffRows: fetch the diff artifact first (its body is the whole diff)');
  const changed = d.changed ?? [];
  const added = d.added ?? [];
  const removed = d.removed ?? [];
  const renamed = d.renamed ?? [];
  const rows: DiffRow[] = [
    ...changed.map((c) => ({ kind: 'changed' as const, path: c.path, mode: c.mode, type: c.to.$type, from: value(c.from.$type, c.from.$value), to: value(c.to.$type, c.to.$value) })),
    ...added.map((a) => ({ kind: 'added' as const, path: a.path, mode: a.mode, type: a.$type, from: null, to: value(a.$type, a.$value) })),
    ...removed.map((r) => ({ kind: 'removed' as const, path: r.path, mode: r.mode, type: r.$type, from: value(r.$type, r.$value), to: null })),
    ...renamed.map((r) => ({ kind: 'renamed' as const, path: r.to, mode: null, type: '', from: { text: r.from, swatch: null }, to: { text: r.to, swatch: null } })),
  ].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.path.localeCompare(b.path) || (a.mode ?? '').localeCompare(b.mode ?? ''));
  const parts = [`${changed.length} changed`, `${added.length} added`, `${removed.length} removed`, `${renamed.length} renamed`, `${d.unchanged} unchanged`];
  return { rows, summary: rows.length ? parts.join(', ') : `No differences (${d.unchanged} unchanged)` };
}
