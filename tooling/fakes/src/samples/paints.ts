// Paints, effects and type styles for the sample designs, optionally bound to local variables.
import type { DropShadowEffect, RGBA, SolidPaint, TypeStyle, VariableAlias } from '@figma/rest-api-spec';

/** A VARIABLE_ALIAS reference to a variable id. */
export function alias(id: string): VariableAlias {
  return { type: 'VARIABLE_ALIAS', id };
}

/** An RGBA colour (0..1 channels) from '#rrggbb'. */
export function rgba(hex: string, a = 1): RGBA {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  const channel = (shift: number): number => Math.round((((n >> shift) & 0xff) / 255) * 1e4) / 1e4;
  return { r: channel(16), g: channel(8), b: channel(0), a };
}

/** A solid paint, bound to a COLOR variable when `variableId` is given (as Figma stores bound fills). */
export function solid(hex: string, variableId?: string, opacity?: number): SolidPaint {
  const paint: SolidPaint = { blendMode: 'NORMAL', type: 'SOLID', color: rgba(hex) };
  if (opacity !== undefined) paint.opacity = opacity;
  if (variableId !== undefined) paint.boundVariables = { color: alias(variableId) };
  return paint;
}

/** A soft drop shadow like the ones on cards and sheets. */
export function dropShadow(y: number, radius: number, alpha = 0.12): DropShadowEffect {
  return {
    type: 'DROP_SHADOW',
    visible: true,
    color: { r: 0, g: 0, b: 0, a: alpha },
    blendMode: 'NORMAL',
    offset: { x: 0, y },
    radius,
    spread: 0,
    showShadowBehindNode: false,
  };
}

/** An Inter type style of the given size and weight. */
export function typeStyle(
  fontSize: number,
  fontWeight: number,
  lineHeightPx: number,
  extra: TypeStyle = {},
): TypeStyle {
  const styleName =
    fontWeight >= 700 ? 'Bold' : fontWeight >= 600 ? 'Semi Bold' : fontWeight >= 500 ? 'Medium' : 'Regular';
  return {
    fontFamily: 'Inter',
    fontPostScriptName: `Inter-${styleName.replace(' ', '')}`,
    fontStyle: styleName,
    fontWeight,
    fontSize,
    textAlignHorizontal: 'LEFT',
    textAlignVertical: 'TOP',
    letterSpacing: 0,
    lineHeightPx,
    lineHeightPercent: 100,
    lineHeightPercentFontSize: Math.round((lineHeightPx / fontSize) * 1000) / 10,
    lineHeightUnit: 'PIXELS',
    textAutoResize: 'HEIGHT',
    ...extra,
  };
}
