// One mapping's drift as a readable two-sided diff: a row per property with its Figma side, its code side and what
// differs, grouped into sections (component, props, variants, defaults, types, tokens). Pure: the page's DiffPreview
// draws these rows; props the mapping pairs and no item names are shown as unchanged context.
import type { DriftItem } from './sync-types';
import { plural } from './words';

export type DiffSection = 'Component' | 'Props' | 'Variants' | 'Defaults' | 'Types' | 'Tokens';
export type DiffChange = 'only-figma' | 'only-code' | 'differs' | 'same';

export interface DiffRow {
  section: DiffSection;
  subject: string;
  figma: string;
  code: string;
  change: DiffChange;
  /** The drift item's own sentence (empty for unchanged rows). */
  message: string;
  /** The item this row is (null: an unchanged pair); what false-positive feedback names. */
  item: Pick<DriftItem, 'kind' | 'subject'> | null;
}

export const SECTION_ORDER: readonly DiffSection[] = ['Component', 'Props', 'Variants', 'Defaults', 'Types', 'Tokens'];

const NONE = '—';
type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** A value as a person reads it: strings as is, lists joined, null as "none". */
export function showValue(v: unknown): string {
  if (v === undefined) return NONE;
  if (v === null) return 'none';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.length ? v.map(showValue).join(' | ') : NONE;
  return JSON.stringify(v);
}

/** A Figma property's side (`{ type, default?, options? }`): "VARIANT Small | Medium, default Medium". */
function figmaProp(v: unknown): string {
  if (!isObj(v)) return showValue(v);
  const opts = list(v.options);
  const head = opts.length ? `${String(v.type)} ${opts.join(' | ')}` : String(v.type);
  return v.default !== undefined ? `${head}, default ${showValue(v.default)}` : head;
}

/** A code prop's side (`{ kind, type, values?, default? }`): "enum neutral | info | success, default neutral". */
function codeProp(v: unknown): string {
  if (!isObj(v)) return showValue(v);
  const values = list(v.values);
  const head = values.length ? `${String(v.kind)} ${values.join(' | ')}` : `${String(v.kind)} (${String(v.type)})`;
  return v.default !== undefined ? `${head}, default ${showValue(v.default)}` : head;
}

const beforeAfter = (v: unknown) => (isObj(v) ? `${showValue(v.before)} → ${showValue(v.after)}` : showValue(v));
const onlyIn = (v: unknown) => (list(v).length ? `only here: ${list(v).join(', ')}` : NONE);

/** One drift item as a diff row. */
export function rowOf(item: DriftItem): DiffRow {
  const base = { subject: item.subject, message: item.message, item: { kind: item.kind, subject: item.subject } };
  switch (item.kind) {
    case 'figma_prop_missing_in_code':
      return { ...base, section: 'Props', figma: figmaProp(item.figma), code: NONE, change: 'only-figma' };
    case 'code_prop_missing_in_figma':
      return { ...base, section: 'Props', figma: NONE, code: codeProp(item.code), change: 'only-code' };
    case 'variant_values_differ':
      return { ...base, section: 'Variants', figma: onlyIn(item.figma), code: onlyIn(item.code), change: 'differs' };
    case 'default_differs':
      return { ...base, section: 'Defaults', figma: showValue(item.figma), code: showValue(item.code), change: 'differs' };
    case 'type_differs':
      return { ...base, section: 'Types', figma: showValue(item.figma), code: codeProp(item.code), change: 'differs' };
    case 'token_changed':
      return { ...base, section: 'Tokens', figma: beforeAfter(item.figma), code: `synced with ${isObj(item.figma) ? showValue(item.figma.before) : NONE}`, change: 'differs' };
    case 'design_renamed':
      return { ...base, section: 'Component', figma: beforeAfter(item.figma), code: showValue(item.code), change: 'differs' };
    case 'design_removed':
      return { ...base, section: 'Component', figma: 'removed', code: showValue(item.code), change: 'only-code' };
    case 'code_removed':
      return { ...base, section: 'Component', figma: showValue(item.figma), code: 'removed', change: 'only-figma' };
  }
}

/**
 * The diff of one mapping: its drift items as rows, plus each paired prop (Figma property → code prop, the
 * mapping's `props`) no item names, as unchanged; grouped by section in SECTION_ORDER, items before context.
 */
export function diffRows(items: readonly DriftItem[], pairs: Record<string, string> = {}): Map<DiffSection, DiffRow[]> {
  const rows = items.map(rowOf);
  const named = new Set(items.map((i) => i.subject));
  for (const [figma, code] of Object.entries(pairs)) {
    if (named.has(figma) || named.has(code)) continue;
    rows.push({ section: 'Props', subject: figma, figma, code, change: 'same', message: '', item: null });
  }
  const out = new Map<DiffSection, DiffRow[]>();
  for (const section of SECTION_ORDER) {
    const inSection = rows.filter((r) => r.section === section);
    if (inSection.length) out.set(section, [...inSection.filter((r) => r.change !== 'same'), ...inSection.filter((r) => r.change === 'same')]);
  }
  return out;
}

/** "3 differences, 2 unchanged" for a diff. */
export function diffSummary(rows: Map<DiffSection, DiffRow[]>): string {
  const all = [...rows.values()].flat();
  const changed = all.filter((r) => r.change !== 'same').length;
  const same = all.length - changed;
  return `${plural(changed, 'difference')}${same ? `, ${same} unchanged` : ''}`;
}
