// The design knowledge index (issue 12): how a stored page or component reads as a RAG document, so chat finds "our
// primary button" by what it is called and what it offers, with the Figma ids to act on it. Pure and deterministic:
// the same row renders the same title, text and metadata (object keys sorted, never a timestamp), so re-applying an
// unchanged page hashes the same and embeds nothing. What a component row holds is what figma-context apply stores
// in `props` (producer.ts): `variant` (property → value, for a variant), `definitions` (its component properties),
// `set_id`, `key`, `ancestors`; `description` and bound `tokens`/`variables` are rendered when a writer stores them.
// Tokens and action flows have no tables yet (issue 13): they become documents of source `token`/`flow` through one
// more renderer here and one more entity in design-index.service.ts (DESIGN_ENTITIES).
import type { RagIngestItem } from '@cogo/types';

/** A `public.components` row, as the index reads it. */
export interface ComponentRow {
  id: string;
  pageId: string;
  fileKey: string;
  nodeId: string;
  name: string;
  type: string;
  props: Record<string, unknown>;
}

/** A `public.pages` row, as the index reads it. */
export interface PageRow {
  id: string;
  fileKey: string;
  nodeId: string;
  name: string;
  data: Record<string, unknown>;
}

export type DesignDocument = RagIngestItem & { source: 'page' | 'component'; title: string; metadata: Record<string, unknown> };

/** What a component's document also says: its page's name and, for a variant, its set's name. */
export interface ComponentContext {
  pageName: string | null;
  setName: string | null;
}

/** The most components a page document lists by name (a larger page says how many more). */
export const PAGE_LIST_LIMIT = 400;
const MAX_TITLE = 1_000;
const MAX_VALUE = 300;
/** Characters of a document's text: within RAG_INGEST_LIMITS.maxTextBytes (200 KB) even at 4 bytes a character. */
const MAX_TEXT = 50_000;
/** Props keys rendered on lines of their own, or kept out of the text (ids only a machine needs). */
const KNOWN_PROPS = new Set(['variant', 'definitions', 'description', 'tokens', 'variables', 'bound_variables', 'set_id', 'key', 'ancestors']);

const KINDS: Readonly<Record<string, string>> = { COMPONENT: 'component', COMPONENT_SET: 'component set', FRAME: 'frame', INSTANCE: 'instance' };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isRecord = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const clip = (s: string, max = MAX_VALUE) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Figma suffixes component property keys with `#<id>` ("Label#10:0"): the words are what people call it. */
export const propertyName = (key: string) => key.replace(/#[^#]*$/, '') || key;

/**
 * A name as words: path separators, camelCase, kebab/snake case and `=`/`,` of variant names become spaces
 * ("Button/Primary/Large" → "Button Primary Large", "primaryButton" → "primary Button").
 */
export function nameWords(name: string): string {
  return name
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/[/\\|_\-=,.:;>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A scalar or a small structure as one line (objects with sorted keys). */
function valueText(value: unknown): string {
  if (typeof value === 'string') return clip(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return clip(value.map(valueText).join(', '));
  if (isRecord(value)) return clip(Object.keys(value).sort(byText).map((k) => `${k}: ${valueText(value[k])}`).join('; '));
  return '';
}

/** Lines of a component's property definitions: `- Size (variant): Medium, Small; default Medium`. */
function definitionLines(definitions: unknown): string[] {
  if (!isRecord(definitions)) return [];
  return Object.keys(definitions)
    .sort(byText)
    .map((key) => {
      const def = isRecord(definitions[key]) ? definitions[key] : {};
      const type = typeof def.type === 'string' ? def.type.toLowerCase().replace(/_/g, ' ') : 'property';
      const parts = [Array.isArray(def.options) && def.options.length ? `options ${valueText(def.options)}` : '', def.default !== undefined ? `default ${valueText(def.default)}` : ''];
      return `- ${propertyName(key)} (${type})${parts.some(Boolean) ? `: ${parts.filter(Boolean).join('; ')}` : ''}`;
    });
}

/** `Variant = Primary, Size = Medium`, keys sorted. */
function variantText(variant: Record<string, unknown>): string {
  return Object.keys(variant)
    .sort(byText)
    .map((k) => `${propertyName(k)} = ${valueText(variant[k])}`)
    .join(', ');
}

/** Lines of bound design tokens / variables (`fills: color/brand/primary`), however a writer shaped them. */
function tokenLines(props: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const key of ['tokens', 'variables', 'bound_variables']) {
    const value = props[key];
    if (isRecord(value)) for (const k of Object.keys(value).sort(byText)) lines.push(`- ${k}: ${valueText(value[k])}`);
    else if (Array.isArray(value)) for (const v of value) lines.push(`- ${valueText(v)}`);
  }
  return lines;
}

/** Renders a component row as the document chat searches (see the file header). */
export function componentDocument(row: ComponentRow, context: ComponentContext): DesignDocument {
  const props = isRecord(row.props) ? row.props : {};
  const kind = KINDS[row.type] ?? row.type.toLowerCase().replace(/_/g, ' ');
  const variant = isRecord(props.variant) && Object.keys(props.variant).length ? props.variant : null;
  const title = clip(context.setName && variant ? `${context.setName} (${variantText(variant)})` : row.name || `${kind} ${row.nodeId}`, MAX_TITLE);
  const lines: string[] = [];
  lines.push(`${context.setName && variant ? `Variant of the component set "${context.setName}"` : `Figma ${kind} "${row.name}"`}${context.pageName !== null ? ` on the page "${context.pageName}"` : ''}.`);
  const words = nameWords(context.setName && variant ? `${context.setName} ${Object.values(variant).map(String).join(' ')}` : row.name);
  if (words && words !== title) lines.push(`Name: ${words}`);
  if (typeof props.description === 'string' && props.description.trim()) lines.push(`Description: ${clip(props.description.trim(), 2_000)}`);
  if (variant) lines.push(`Variant: ${variantText(variant)}`);
  const defs = definitionLines(props.definitions);
  if (defs.length) lines.push('', 'Properties:', ...defs);
  const tokens = tokenLines(props);
  if (tokens.length) lines.push('', 'Design tokens:', ...tokens);
  const other = Object.keys(props)
    .filter((k) => !KNOWN_PROPS.has(k))
    .sort(byText)
    .map((k) => `- ${k}: ${valueText(props[k])}`);
  if (other.length) lines.push('', 'Other properties:', ...other);
  const ids = [`file ${row.fileKey}`, `node ${row.nodeId}`, ...(typeof props.key === 'string' ? [`component key ${props.key}`] : []), ...(typeof props.set_id === 'string' ? [`set node ${props.set_id}`] : [])];
  lines.push('', `Figma: ${ids.join(', ')}.`);
  return {
    id: row.id,
    source: 'component',
    title,
    text: clip(lines.join('\n'), MAX_TEXT),
    metadata: { kind: row.type === 'COMPONENT_SET' ? 'component_set' : row.type.toLowerCase(), figma_file_key: row.fileKey, figma_node_id: row.nodeId, page_id: row.pageId, component_id: row.id },
  };
}

/** Renders a page row and its components as the page's document: what it holds, in name order. */
export function pageDocument(page: PageRow, components: readonly ComponentRow[]): DesignDocument {
  const lines: string[] = [`Figma page "${page.name}" (${nameWords(page.name) || 'unnamed'}).`];
  const data = isRecord(page.data) ? page.data : {};
  if (typeof data.description === 'string' && data.description.trim()) lines.push(`Description: ${clip(data.description.trim(), 2_000)}`);
  for (const k of Object.keys(data).sort(byText)) {
    const v = data[k];
    if (k !== 'description' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) lines.push(`${k}: ${valueText(v)}`);
  }
  // variants are counted under their set, not listed one by one
  const variantsOf = new Map<string, number>();
  for (const c of components) if (typeof c.props?.set_id === 'string') variantsOf.set(c.props.set_id, (variantsOf.get(c.props.set_id) ?? 0) + 1);
  const listed = components
    .filter((c) => typeof c.props?.set_id !== 'string')
    .slice()
    .sort((a, b) => byText(a.name, b.name) || byText(a.nodeId, b.nodeId));
  if (listed.length) {
    lines.push('', `Components and frames (${listed.length}):`);
    for (const c of listed.slice(0, PAGE_LIST_LIMIT)) {
      const variants = variantsOf.get(c.nodeId);
      lines.push(`- ${clip(c.name || c.nodeId)} (${KINDS[c.type] ?? c.type.toLowerCase()}${variants ? `, ${variants} variants` : ''}; node ${c.nodeId})`);
    }
    if (listed.length > PAGE_LIST_LIMIT) lines.push(`- … and ${listed.length - PAGE_LIST_LIMIT} more`);
  }
  lines.push('', `Figma: file ${page.fileKey}, node ${page.nodeId}.`);
  return {
    id: page.id,
    source: 'page',
    title: clip(page.name || `page ${page.nodeId}`, MAX_TITLE),
    text: clip(lines.join('\n'), MAX_TEXT),
    metadata: { kind: 'page', figma_file_key: page.fileKey, figma_node_id: page.nodeId, page_id: page.id },
  };
}
