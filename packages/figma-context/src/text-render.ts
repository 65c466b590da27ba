/**
 * Text rendering for LLM prompts: dictionaries first (`@id …` once each), then one line per node:
 * `<indent><type> "name" #id WxH @x,y key=value … "characters"` (one space of indent per level).
 */
import type {
  BoundSetMap,
  CompactContext,
  CompactNode,
  ComponentRef,
  EffectDef,
  LayoutDef,
  PaintDef,
  TextStyleDef,
  VarDef,
  WireNode,
} from './compact-types';
import { dedupe, sublayerPrefix, type Deduped } from './dedupe';
import type { RenderOptions } from './render-json';

function q(s: string): string {
  return JSON.stringify(s);
}

/** Renders one paint or effect dictionary entry. */
export function renderPaintDef(id: string, d: PaintDef | EffectDef): string {
  return `@${id}${d.name !== undefined ? ` ${q(d.name)}` : ''} ${d.v.join('; ')}`;
}

/** Renders one text style entry, e.g. `@t1 Inter 600 16/24 ls=0.5 center`. */
export function renderTextDef(id: string, d: TextStyleDef): string {
  let s = `@${id} ${d.font ?? '?'} ${d.weight ?? '?'} ${d.size ?? '?'}/${d.lh ?? 'auto'}`;
  if (d.ls !== undefined) s += ` ls=${d.ls}`;
  if (d.align !== undefined) s += ` ${d.align}`;
  if (d.valign !== undefined) s += ` valign=${d.valign}`;
  if (d.italic) s += ' italic';
  if (d.case !== undefined) s += ` case=${d.case}`;
  if (d.deco !== undefined) s += ` deco=${d.deco}`;
  if (d.ps !== undefined) s += ` ps=${d.ps}`;
  if (d.name !== undefined) s += ` ${q(d.name)}`;
  return s;
}

/** Renders one layout entry, e.g. `@l1 row gap=8 pad=16,24 main=center cross=center`. */
export function renderLayoutDef(id: string, d: LayoutDef): string {
  let s = `@${id} ${d.mode}`;
  if (d.rows !== undefined) s += ` rows=${d.rows}`;
  if (d.cols !== undefined) s += ` cols=${d.cols}`;
  if (d.rowGap !== undefined) s += ` rowGap=${d.rowGap}`;
  if (d.colGap !== undefined) s += ` colGap=${d.colGap}`;
  if (d.gap !== undefined) s += ` gap=${d.gap}`;
  if (d.pad !== undefined) s += ` pad=${d.pad.join(',')}`;
  if (d.main !== undefined) s += ` main=${d.main}`;
  if (d.cross !== undefined) s += ` cross=${d.cross}`;
  if (d.wrap) s += ' wrap';
  if (d.crossGap !== undefined) s += ` crossGap=${d.crossGap}`;
  if (d.content !== undefined) s += ` content=${d.content}`;
  return s;
}

/** Renders one variable entry, e.g. `@v1 VariableID:1:4 "white" COLOR=#fff (Primitive)`. */
export function renderVarDef(id: string, d: VarDef): string {
  let s = `@${id} ${d.id}`;
  if (d.name !== undefined) s += ` ${q(d.name)}`;
  if (d.type !== undefined || d.value !== undefined) s += ` ${d.type ?? ''}=${d.value ?? '?'}`;
  if (d.coll !== undefined) s += ` (${d.coll})`;
  return s;
}

function renderComponent(id: string, c: ComponentRef): string {
  return `@c ${id} ${q(c.name)}${c.set !== undefined ? ` set=${q(c.set)}` : ''}${c.remote ? ' remote' : ''}`;
}

function bound(bv: Record<string, string | string[]>): string {
  let s = '';
  for (const k in bv) {
    const v = bv[k] as string | string[];
    s += `${s === '' ? '' : ','}${k}:${typeof v === 'string' ? v : v.join('|')}`;
  }
  return s;
}

/** Renders one node line (without children). */
export function renderNodeLine(n: CompactNode, depth: number): string {
  let s = ' '.repeat(depth) + n.t;
  if (n.n !== undefined) s += ` ${q(n.n)}`;
  s += ` #${n.id}`;
  if (n.wh) s += ` ${n.wh[0]}x${n.wh[1]}`;
  if (n.xy) s += ` @${n.xy[0]},${n.xy[1]}`;
  // both sizings as one field (`sz=hug`, `sz=fill,hug`: horizontal, vertical), one alone as its own
  if (n.sx && n.sy) s += n.sx === n.sy ? ` sz=${n.sx}` : ` sz=${n.sx},${n.sy}`;
  else if (n.sx) s += ` sx=${n.sx}`;
  else if (n.sy) s += ` sy=${n.sy}`;
  if (n.abs) s += ' abs';
  if (n.rot !== undefined) s += ` rot=${n.rot}`;
  if (n.o !== undefined) s += ` o=${n.o}`;
  if (n.l) s += ` l=${n.l}`;
  if (n.f) s += ` f=${n.f}`;
  if (n.s) s += ` s=${n.s}`;
  if (n.sw !== undefined) s += ` sw=${n.sw}`;
  if (n.sa) s += ` sa=${n.sa.toLowerCase()}`;
  if (n.sd) s += ` sd=${n.sd.join(',')}`;
  if (n.e) s += ` e=${n.e}`;
  if (n.r !== undefined) s += ` r=${n.r}`;
  if (n.mask) s += ' mask';
  if (n.minW !== undefined) s += ` minW=${n.minW}`;
  if (n.maxW !== undefined) s += ` maxW=${n.maxW}`;
  if (n.minH !== undefined) s += ` minH=${n.minH}`;
  if (n.maxH !== undefined) s += ` maxH=${n.maxH}`;
  if (n.c) s += ` c=${n.c}`;
  if (n.props) s += ` props=${JSON.stringify(n.props)}`;
  if (n.vp) s += ` vp=${JSON.stringify(n.vp)}`;
  if (n.propDefs) s += ` propDefs=${JSON.stringify(n.propDefs)}`;
  if (n.refs) s += ` refs=${JSON.stringify(n.refs)}`;
  if (n.bv) s += ` bv=${bound(n.bv)}`;
  else if ((n as WireNode).bs !== undefined) s += ` bv=${(n as WireNode).bs}`;
  if (n.ts) s += ` t=${n.ts}`;
  if (n.runs) s += ` runs=${n.runs.map((r) => `${r[0]}-${r[1]}:${r[2]}${r[3] ? `/${r[3]}` : ''}`).join(',')}`;
  if (n.links) s += ` links=${n.links.map((l) => `${l[0]}-${l[1]}:${q(l[2])}`).join(',')}`;
  if (n.lines) s += ` lines=${n.lines}`;
  if (n.indent) s += ` indent=${n.indent.join(',')}`;
  if (n.tx !== undefined) s += ` ${q(n.tx)}`;
  return s;
}

// A use of a template: `=k<n>` in place of the type, then its own fields, `ids=` and `ov=` when needed.
function renderUse(n: WireNode, depth: number): string {
  let s = renderNodeLine({ ...n, t: `=${n.use}` } as CompactNode, depth);
  if (n.ids) s += ` ids=${n.ids.join(',')}`;
  if (n.ov) s += ` ov=${JSON.stringify(n.ov)}`;
  return s;
}

// The components a use shows (its root and descendants of type C), by their ids in this copy.
function showUse(n: WireNode, body: WireNode | undefined, shown: Set<string>): void {
  if (!body) return;
  if (body.t === 'C') shown.add(n.id);
  let i = 0;
  const walk = (b: WireNode) => {
    for (const c of b.ch ?? []) {
      if (c.t === 'C') shown.add(n.ids?.[i] ?? (c.id.startsWith('I$;') ? sublayerPrefix(n.id) + c.id.slice(3) : c.id));
      i++;
      walk(c);
    }
  };
  walk(body);
}

function renderTree(n: WireNode, depth: number, out: string[], shown: Set<string>, tpl: Record<string, WireNode>): void {
  if (n.use !== undefined) {
    out.push(renderUse(n, depth));
    showUse(n, tpl[n.use], shown);
    return;
  }
  out.push(renderNodeLine(n as CompactNode, depth));
  if (n.t === 'C') shown.add(n.id);
  if (n.ch) for (const c of n.ch) renderTree(c, depth + 1, out, shown, tpl);
}

/** The legend a text with templates or shared binding sets carries once. */
export const HOW_TO_EXPAND = "# =kN #id: copy of @kN and its lines ($ = id, less a leading I); ids: its descendants' ids; ov: {line under @kN: changes}; bv=bN: @bN";

/** A deduped context is written that way only when it saves more than its legend costs, twice over. */
const worthTemplates = (saved: number) => saved > HOW_TO_EXPAND.length * 2;

/** One chunk's nodes with templates numbered on from `before`, or null when they are not worth it. */
export function dedupeChunk(nodes: readonly CompactNode[], before: { tpl: number; binds: number }): Deduped | null {
  const d = dedupe(nodes, before);
  return worthTemplates(d.saved) ? d : null;
}

/** Templates chosen per run of `sizes` top-level nodes (dedupeChunk each), joined; null when no run has any. */
function dedupeRuns(nodes: readonly CompactNode[], sizes: readonly number[]): Deduped | null {
  const out: Deduped = { nodes: [], tpl: {}, binds: {}, saved: 0 };
  const before = { tpl: 0, binds: 0 };
  let at = 0;
  let any = false;
  for (const size of sizes) {
    const run = nodes.slice(at, (at += size));
    const d = dedupeChunk(run, before);
    if (!d) {
      out.nodes.push(...run);
      continue;
    }
    any = true;
    out.nodes.push(...d.nodes);
    Object.assign(out.tpl, d.tpl);
    Object.assign(out.binds, d.binds);
    out.saved += d.saved;
    before.tpl += Object.keys(d.tpl).length;
    before.binds += Object.keys(d.binds).length;
  }
  out.nodes.push(...nodes.slice(at));
  return any ? out : null;
}

/** A template's lines: `@kN <its root line>` and its subtree. */
export function renderTemplate(id: string, body: WireNode): string[] {
  const lines: string[] = [];
  renderTree(body, 1, lines, new Set(), {});
  lines[0] = `@${id} ${(lines[0] as string).slice(1)}`;
  return lines;
}

/** A shared binding set's line, `@bN fills:v1,…`. */
export const renderBindDef = (id: string, set: BoundSetMap[string]) => `@${id} ${bound(set)}`;

/** The lines of a top-level node and its subtree (uses of `tpl` as `=kN` lines); component ids shown go to `shown`. */
export function renderNodeTree(n: WireNode, tpl: Record<string, WireNode>, shown: Set<string> = new Set()): string[] {
  const out: string[] = [];
  renderTree(n, 0, out, shown, tpl);
  return out;
}

/**
 * Renders a context or chunk as compact indented text (dictionaries first, then the node tree). Repeated
 * subtrees and binding sets are written once (templates `@kN`, binding sets `@bN`) unless `dedupe` is false.
 */
export function toText(ctx: CompactContext, options: RenderOptions = {}): string {
  const out: string[] = [];
  if (ctx.name !== undefined) out.push(`# ${ctx.name}`);
  // The legend line costs bytes too: a context with little repetition is written plain.
  const d = options.dedupe === false ? null : options.dedupePer ? dedupeRuns(ctx.nodes, options.dedupePer) : dedupeChunk(ctx.nodes, { tpl: 0, binds: 0 });
  const nodes: WireNode[] = d ? d.nodes : ctx.nodes;
  let templates = false;
  let binds = false;
  if (d) {
    for (const _ in d.tpl) templates = true;
    for (const _ in d.binds) binds = true;
    if (templates || binds) out.push(HOW_TO_EXPAND);
  }
  const { paints, effects, text, layouts, vars } = ctx.defs;
  for (const id in paints) out.push(renderPaintDef(id, paints[id] as PaintDef));
  for (const id in effects) out.push(renderPaintDef(id, effects[id] as EffectDef));
  for (const id in text) out.push(renderTextDef(id, text[id] as TextStyleDef));
  for (const id in layouts) out.push(renderLayoutDef(id, layouts[id] as LayoutDef));
  for (const id in vars) out.push(renderVarDef(id, vars[id] as VarDef));
  if (d && binds) for (const id in d.binds) out.push(renderBindDef(id, d.binds[id] as BoundSetMap[string]));
  const shown = new Set<string>();
  if (d && templates) for (const id in d.tpl) out.push(...renderTemplate(id, d.tpl[id] as WireNode));
  const tree: string[] = [];
  for (const n of nodes) renderTree(n, 0, tree, shown, d ? d.tpl : {});
  // A component whose own node is in this text already shows its name there.
  for (const id in ctx.components) if (!shown.has(id)) out.push(renderComponent(id, ctx.components[id] as ComponentRef));
  for (const line of tree) out.push(line);
  if (ctx.missing && ctx.missing.length > 0) out.push(`# missing ${ctx.missing.join(',')}`);
  return out.join('\n');
}
