/**
 * Text: a node's TypeStyle becomes a deduplicated text style; mixed-style text
 * (`characterStyleOverrides` + `styleOverrideTable`) becomes runs over the characters.
 */
import type { TextRun, TextStyleDef } from './compact-types';
import { paintStrings } from './paints';
import type { RawNode, RawTypeStyle } from './raw-node';
import type { DefRegistry } from './styles';

function r1(v: number): number {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? 0 : r;
}

function r2(v: number): number {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? 0 : r;
}

/** Builds the compact text style of a TypeStyle (defaults omitted). */
export function textStyleDef(style: RawTypeStyle, name?: string): TextStyleDef {
  const def: TextStyleDef = {};
  if (style.fontFamily) def.font = style.fontFamily;
  if (style.fontWeight !== undefined) def.weight = style.fontWeight;
  if (style.fontSize !== undefined) def.size = r1(style.fontSize);
  // INTRINSIC_% is Figma's "auto" line height; the px figure it reports is font-derived noise.
  if (style.lineHeightPx !== undefined && style.lineHeightUnit !== 'INTRINSIC_%') def.lh = r1(style.lineHeightPx);
  if (style.letterSpacing) def.ls = r2(style.letterSpacing);
  if (style.textAlignHorizontal && style.textAlignHorizontal !== 'LEFT') def.align = style.textAlignHorizontal.toLowerCase();
  if (style.textAlignVertical && style.textAlignVertical !== 'TOP') def.valign = style.textAlignVertical.toLowerCase();
  if (style.italic) def.italic = 1;
  if (style.textCase && style.textCase !== 'ORIGINAL') def.case = style.textCase.toLowerCase();
  if (style.textDecoration && style.textDecoration !== 'NONE') def.deco = style.textDecoration.toLowerCase();
  if (style.paragraphSpacing) def.ps = r1(style.paragraphSpacing);
  if (name !== undefined) def.name = name;
  return def;
}

/** Registers a TypeStyle and returns its text style id. */
export function textStyleId(reg: DefRegistry, style: RawTypeStyle, name?: string): string {
  // The key is built from the same normalised fields textStyleDef keeps, so equal defs share a key;
  // the def object itself is only built the first time.
  const lh = style.lineHeightPx !== undefined && style.lineHeightUnit !== 'INTRINSIC_%' ? r1(style.lineHeightPx) : '';
  const key = `${style.fontFamily}|${style.fontWeight}|${style.fontSize === undefined ? '' : r1(style.fontSize)}|${lh}|${
    style.letterSpacing ? r2(style.letterSpacing) : ''
  }|${style.textAlignHorizontal}|${style.textAlignVertical}|${style.italic ? 1 : ''}|${style.textCase}|${style.textDecoration}|${
    style.paragraphSpacing ? r1(style.paragraphSpacing) : ''
  }|${name ?? ''}`;
  return reg.text(key, () => textStyleDef(style, name));
}

/**
 * Style runs of mixed text. Run offsets index `characters` as a JS string (UTF-16), which is how
 * Figma lays out `characterStyleOverrides`; a trailing run of 0 may be omitted by Figma.
 */
export function textRuns(reg: DefRegistry, node: RawNode, base: RawTypeStyle): TextRun[] | undefined {
  const overrides = node.characterStyleOverrides;
  const table = node.styleOverrideTable;
  if (!overrides || overrides.length === 0 || !table) return undefined;
  const runs: TextRun[] = [];
  let start = 0;
  const len = overrides.length;
  while (start < len) {
    const id = overrides[start] ?? 0;
    let end = start + 1;
    while (end < len && overrides[end] === id) end++;
    const override = id === 0 ? undefined : table[String(id)];
    if (override) {
      const merged: RawTypeStyle = { ...base, ...override };
      const ts = textStyleId(reg, merged);
      const fills = override.fills ? paintStrings(override.fills) : [];
      runs.push(fills.length > 0 ? [start, end, ts, reg.paint(fills)] : [start, end, ts]);
    }
    start = end;
  }
  return runs.length > 0 ? runs : undefined;
}
