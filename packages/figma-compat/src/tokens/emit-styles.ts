// Styles → tokens in one group (`Styles`), a sub-group per Figma style type, paths from the style names:
//  - FILL: one visible solid paint → color (paint opacity in alpha); one gradient → gradient (stops); else kept
//    under `$extensions` (images, several paints have no DTCG type);
//  - TEXT → typography (lineHeight as a multiple of fontSize, Format §9.7);
//  - EFFECT: drop/inner shadows → shadow (inner: `inset`); blurs alone → dimension (the radius);
//  - GRID: a group per style of number/dimension tokens (count, gutter, offset, size).
// A property bound to a variable becomes a reference to that variable's token when the types agree; the
// node's literal value is used otherwise (Figma writes both).
import type { DtcgGroup, DtcgToken, DtcgType } from './dtcg-types';
import { insert } from './emit-variables';
import type { FigmaStyle, StyleType } from './input/styles';
import { allocatePaths } from './naming';
import { isRgba, toColor, type FigmaRgba } from './values';

/** A variable as a style may reference it: its token path and type, when it is a token. */
export type VariableRef = (variableId: string) => { path: string; type: DtcgType } | undefined;

export interface StyleSkip {
  id: string;
  name: string;
  reason: 'no-node' | 'unsupported-paint' | 'no-visible-paint' | 'no-font' | 'unsupported-effect' | 'no-visible-grid';
}

export interface EmittedStyles {
  group: DtcgGroup | null;
  total: number;
  /** Styles written as tokens. */
  tokens: number;
  /** Styles kept under the group's `$extensions` (no DTCG type fits). */
  extensions: number;
  /** Tokens written, by `$type` (a grid style writes several). */
  byType: Record<string, number>;
  skipped: StyleSkip[];
}

const SUBGROUP: Record<StyleType, string> = { FILL: 'fill', TEXT: 'text', EFFECT: 'effect', GRID: 'grid' };

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const px = (n: unknown) => ({ value: typeof n === 'number' ? n : 0, unit: 'px' as const });
const visible = (list: unknown): Loose[] => (Array.isArray(list) ? list.filter((p): p is Loose => isObj(p) && p.visible !== false) : []);

/** Writes the styles group (null when there is no style). */
export function emitStyles(styles: FigmaStyle[], groupName: string, variable: VariableRef): EmittedStyles {
  const out: EmittedStyles = { group: null, total: styles.length, tokens: 0, extensions: 0, byType: {}, skipped: [] };
  if (styles.length === 0) return out;
  const group: DtcgGroup = {};
  const kept: Record<string, unknown> = {};
  const ref = (bound: unknown, type: DtcgType): string | undefined => {
    const id = isObj(bound) && bound.type === 'VARIABLE_ALIAS' && typeof bound.id === 'string' ? bound.id : undefined;
    const target = id ? variable(id) : undefined;
    return target && target.type === type ? `{${target.path}}` : undefined;
  };
  for (const type of ['FILL', 'TEXT', 'EFFECT', 'GRID'] as const) {
    const ofType = styles.filter((s) => s.type === type);
    if (!ofType.length) continue;
    const sub = SUBGROUP[type];
    const paths = allocatePaths(ofType.map((s) => ({ id: s.id, name: s.name })));
    for (const [si, style] of ofType.entries()) {
      const segments = [sub, ...paths[si]!.segments];
      const meta: Loose = { styleId: style.id, styleType: style.type };
      if (style.key) meta.key = style.key;
      if (style.nodeId) meta.nodeId = style.nodeId;
      if (style.remote) meta.remote = true;
      if (paths[si]!.renamed) meta.name = style.name;
      const skip = (reason: StyleSkip['reason'], extra: Loose = {}) => {
        out.skipped.push({ id: style.id, name: style.name, reason });
        if (reason === 'no-node') return;
        kept[segments.join('.')] = { ...meta, reason, ...extra };
        out.extensions++;
      };
      if (style.value === undefined) {
        skip('no-node');
        continue;
      }
      const token = (t: DtcgType, value: unknown, extra: Loose = {}): DtcgToken => {
        out.byType[t] = (out.byType[t] ?? 0) + 1;
        const tk: DtcgToken = { $type: t, $value: value as DtcgToken['$value'] };
        if (style.description) tk.$description = style.description;
        tk.$extensions = { 'com.figma': { ...meta, ...extra } };
        return tk;
      };
      if (type === 'FILL') {
        const paints = visible(style.value);
        const only = paints.length === 1 ? paints[0]! : undefined;
        if (!paints.length) skip('no-visible-paint');
        else if (only?.type === 'SOLID' && isRgba(only.color)) {
          const opacity = typeof only.opacity === 'number' ? only.opacity : 1;
          const bound = opacity === 1 ? ref(isObj(only.boundVariables) ? only.boundVariables.color : undefined, 'color') : undefined;
          insert(group, segments, token('color', bound ?? toColor(only.color, opacity)));
          out.tokens++;
        } else if (only && typeof only.type === 'string' && only.type.startsWith('GRADIENT_') && Array.isArray(only.gradientStops)) {
          const opacity = typeof only.opacity === 'number' ? only.opacity : 1;
          const stops = (only.gradientStops as Loose[]).map((s) => ({
            color: (opacity === 1 ? ref(isObj(s.boundVariables) ? s.boundVariables.color : undefined, 'color') : undefined) ?? toColor(s.color as FigmaRgba, opacity),
            position: typeof s.position === 'number' ? Math.min(1, Math.max(0, s.position)) : 0,
          }));
          insert(group, segments, token('gradient', stops, { gradientType: only.type, ...(only.gradientHandlePositions ? { gradientHandlePositions: only.gradientHandlePositions } : {}) }));
          out.tokens++;
        } else skip('unsupported-paint', { paints: paints.map((p) => p.type) });
      } else if (type === 'TEXT') {
        const t = isObj(style.value) ? style.value : {};
        if (typeof t.fontFamily !== 'string') {
          skip('no-font');
          continue;
        }
        const b = isObj(t.boundVariables) ? t.boundVariables : {};
        const size = typeof t.fontSize === 'number' ? t.fontSize : 16;
        const lineHeight = typeof t.lineHeightPx === 'number' && size > 0 ? Math.round((t.lineHeightPx / size) * 10000) / 10000 : 1.2;
        const weight = typeof t.fontWeight === 'number' && t.fontWeight >= 1 && t.fontWeight <= 1000 ? t.fontWeight : 400;
        const value = {
          fontFamily: ref(b.fontFamily, 'fontFamily') ?? t.fontFamily,
          fontSize: ref(b.fontSize, 'dimension') ?? px(size),
          fontWeight: ref(b.fontWeight, 'fontWeight') ?? weight,
          letterSpacing: ref(b.letterSpacing, 'dimension') ?? px(t.letterSpacing),
          lineHeight,
        };
        const extra: Loose = {};
        for (const k of ['fontStyle', 'italic', 'textCase', 'textDecoration', 'paragraphSpacing', 'paragraphIndent', 'lineHeightUnit', 'lineHeightPx']) if (t[k] !== undefined) extra[k] = t[k];
        insert(group, segments, token('typography', value, extra));
        out.tokens++;
      } else if (type === 'EFFECT') {
        const effects = visible(style.value);
        const shadows = effects.filter((e) => e.type === 'DROP_SHADOW' || e.type === 'INNER_SHADOW');
        const blurs = effects.filter((e) => e.type === 'LAYER_BLUR' || e.type === 'BACKGROUND_BLUR');
        if (shadows.length) {
          const list = shadows.map((e) => shadowOf(e, ref));
          insert(group, segments, token('shadow', list.length === 1 ? list[0] : list, blurs.length ? { blurs: blurs.map((e) => ({ type: e.type, radius: e.radius })) } : {}));
          out.tokens++;
        } else if (blurs.length === 1) {
          const e = blurs[0]!;
          insert(group, segments, token('dimension', ref(isObj(e.boundVariables) ? e.boundVariables.radius : undefined, 'dimension') ?? px(e.radius), { effectType: e.type }));
          out.tokens++;
        } else skip('unsupported-effect', { effects: effects.map((e) => e.type) });
      } else {
        const grids = visible(style.value);
        if (!grids.length) {
          skip('no-visible-grid');
          continue;
        }
        const base = segments[segments.length - 1] === '$root' ? segments.slice(0, -1) : segments;
        grids.forEach((g, i) => {
          const at = grids.length === 1 ? base : [...base, String(i + 1)];
          const extra = { pattern: g.pattern, alignment: g.alignment };
          if (typeof g.count === 'number' && g.count > 0 && g.pattern !== 'GRID') insert(group, [...at, 'count'], token('number', g.count, extra));
          insert(group, [...at, 'gutter'], token('dimension', px(g.gutterSize), extra));
          insert(group, [...at, 'offset'], token('dimension', px(g.offset), extra));
          if (typeof g.sectionSize === 'number') insert(group, [...at, 'size'], token('dimension', px(g.sectionSize), extra));
        });
        out.tokens++;
      }
    }
  }
  if (Object.keys(kept).length) group.$extensions = { 'com.figma': { styles: kept } };
  out.group = group;
  return out;
}

function shadowOf(e: Loose, ref: (bound: unknown, type: DtcgType) => string | undefined): Loose {
  const b = isObj(e.boundVariables) ? e.boundVariables : {};
  const offset = isObj(e.offset) ? e.offset : {};
  const shadow: Loose = {
    color: ref(b.color, 'color') ?? (isRgba(e.color) ? toColor(e.color) : toColor({ r: 0, g: 0, b: 0, a: 0.25 })),
    offsetX: ref(b.offsetX, 'dimension') ?? px(offset.x),
    offsetY: ref(b.offsetY, 'dimension') ?? px(offset.y),
    blur: ref(b.radius, 'dimension') ?? px(e.radius),
    spread: ref(b.spread, 'dimension') ?? px(e.spread),
  };
  if (e.type === 'INNER_SHADOW') shadow.inset = true;
  return shadow;
}
