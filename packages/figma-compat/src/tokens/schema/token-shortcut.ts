// A sufficient check for the tokens deriveTokens writes, run before the compiled DTCG schema (compile-schema.ts
// `shortcuts`). Why: a file of 20,000 variables holds ~30,000 tokens, and the schema spends some 60 checks on each
// colour token (groupOrToken's oneOf, token.json's thirteen `$type` branches, color.json's fourteen colour spaces).
// The rule: it answers true only for an object that format/token.json accepts — and groupOrToken.json too, since
// an own `$value` fails group.json — and false whenever it is not sure; then the schema decides, so the answers
// (and every error message) are the schema's. Accepted here (each a case of token.json 2025.10, `$value` checked
// as its `oneOf: [values/<type>.json, tokenValueReference]`):
//  - own keys among $value (required), $type (required: an untyped token goes to the schema), $description
//    (string), $extensions (object), $deprecated (boolean or string); no $ref;
//  - a curly-brace reference (the patched pattern) for color, dimension, duration, number, fontWeight,
//    fontFamily: none of their value schemas accepts one (fontFamily's says `not` curlyBraceReference);
//  - color: `srgb`, three components in [0, 1], alpha in [0, 1], a 6-digit hex, no other key;
//  - dimension {value: number, unit: px|rem}; duration {value: number, unit: ms|s}; number: a number;
//  - fontWeight: a number in [1, 1000] or one of fontWeight.json's keywords; fontFamily: a string that is no reference.
// token-shortcut.test.ts holds it to the schema: on every token of the samples and fixtures, and on mutations.
import fontWeight from './2025.10/format/values/fontWeight.json';

type Obj = Record<string, unknown>;

/** The `$type`s the shortcut knows; any other type goes to the schema. */
export const SHORTCUT_TYPES: ReadonlySet<string> = new Set(['color', 'dimension', 'duration', 'number', 'fontWeight', 'fontFamily']);

// read from the vendored schema, so the two cannot drift apart
const WEIGHT_NAMES = new Set((fontWeight as { oneOf: Array<{ enum?: string[] }> }).oneOf.flatMap((o) => o.enum ?? []));
const HEX6 = /^#[0-9a-fA-F]{6}$/u;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const unit01 = (n: unknown) => typeof n === 'number' && n >= 0 && n <= 1;

/** `{ value: number, unit }` with one of two units and no other own key. */
function measure(v: unknown, a: string, b: string): boolean {
  if (!isObj(v)) return false;
  let value = false;
  let unit = false;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    const x = v[k];
    if (k === 'value' && typeof x === 'number') value = true;
    else if (k === 'unit' && (x === a || x === b)) unit = true;
    else return false;
  }
  return value && unit;
}

/** An sRGB colour object as deriveTokens writes it. */
function srgb(v: unknown): boolean {
  if (!isObj(v)) return false;
  let space = false;
  let components = false;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    const x = v[k];
    switch (k) {
      case 'colorSpace':
        if (x !== 'srgb') return false;
        space = true;
        break;
      case 'components':
        if (!Array.isArray(x) || x.length !== 3 || !unit01(x[0]) || !unit01(x[1]) || !unit01(x[2])) return false;
        components = true;
        break;
      case 'alpha':
        if (!unit01(x)) return false;
        break;
      case 'hex':
        if (typeof x !== 'string' || !HEX6.test(x)) return false;
        break;
      default:
        return false;
    }
  }
  return space && components;
}

function value(type: string, v: unknown, curly: RegExp): boolean {
  if (typeof v === 'string') {
    if (curly.test(v)) return true;
    if (type === 'fontFamily') return true;
    return type === 'fontWeight' && WEIGHT_NAMES.has(v);
  }
  switch (type) {
    case 'color':
      return srgb(v);
    case 'dimension':
      return measure(v, 'px', 'rem');
    case 'duration':
      return measure(v, 'ms', 's');
    case 'number':
      return typeof v === 'number';
    case 'fontWeight':
      return typeof v === 'number' && v >= 1 && v <= 1000;
    default:
      return false;
  }
}

/**
 * The shortcut for format/token.json and format/groupOrToken.json: true only for a token both accept.
 * `curly` is the curly-brace reference pattern as the (patched) schema compiles it.
 */
export function tokenShortcut(curly: RegExp): (instance: unknown) => boolean {
  return (t) => {
    if (!isObj(t) || !Object.hasOwn(t, '$value')) return false;
    let type: string | undefined;
    for (const k in t) {
      if (!Object.hasOwn(t, k)) continue;
      const x = t[k];
      switch (k) {
        case '$value':
          break;
        case '$type':
          if (typeof x !== 'string' || !SHORTCUT_TYPES.has(x)) return false;
          type = x;
          break;
        case '$description':
          if (typeof x !== 'string') return false;
          break;
        case '$extensions':
          if (!isObj(x)) return false;
          break;
        case '$deprecated':
          if (typeof x !== 'boolean' && typeof x !== 'string') return false;
          break;
        default:
          return false;
      }
    }
    return type !== undefined && value(type, t.$value, curly);
  };
}
