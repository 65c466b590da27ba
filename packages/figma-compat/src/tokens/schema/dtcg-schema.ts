// The DTCG 2025.10 JSON Schemas (vendored, see README.md) loaded once per isolate: compiled checks for the hot
// path and @cfworker/json-schema validators for error messages and as the reference engine.
import { dereference, validate, type Schema, type ValidationResult } from '@cfworker/json-schema';
import { compileSchema, type Check } from './compile-schema';
import { tokenShortcut } from './token-shortcut';
import format from './2025.10/format.json';
import group from './2025.10/format/group.json';
import groupOrToken from './2025.10/format/groupOrToken.json';
import token from './2025.10/format/token.json';
import tokenType from './2025.10/format/tokenType.json';
import border from './2025.10/format/values/border.json';
import color from './2025.10/format/values/color.json';
import cubicBezier from './2025.10/format/values/cubicBezier.json';
import dimension from './2025.10/format/values/dimension.json';
import duration from './2025.10/format/values/duration.json';
import fontFamily from './2025.10/format/values/fontFamily.json';
import fontWeight from './2025.10/format/values/fontWeight.json';
import gradient from './2025.10/format/values/gradient.json';
import number from './2025.10/format/values/number.json';
import shadow from './2025.10/format/values/shadow.json';
import strokeStyle from './2025.10/format/values/strokeStyle.json';
import transition from './2025.10/format/values/transition.json';
import typography from './2025.10/format/values/typography.json';
import resolver from './2025.10/resolver.json';
import modifier from './2025.10/resolver/modifier.json';
import resolutionOrder from './2025.10/resolver/resolutionOrder.json';
import set from './2025.10/resolver/set.json';

/** Where the published schemas live; every vendored file's `$id` is under it. */
export const DTCG_SCHEMA_BASE = 'https://www.designtokens.org/schemas/2025.10/';

/** The published reference pattern, and the same accepting a final `$root` segment (Format §6.2, see README.md). */
const PUBLISHED_REFERENCE = '^\\{[^${}.][^{}.]*(\\.[^${}.][^{}.]*)*\\}$';
const REFERENCE_WITH_ROOT = '^\\{[^${}.][^{}.]*(\\.[^${}.][^{}.]*)*(\\.\\$root)?\\}$';

/** A curly-brace reference as the (patched) schema accepts it. */
export const CURLY_REFERENCE = new RegExp(REFERENCE_WITH_ROOT, 'u');

type Kind = 'format' | 'token' | 'resolver';

interface Loaded {
  schemas: Record<Kind, Schema>;
  lookup: Record<string, Schema | boolean>;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const copy = (s: unknown) => structuredClone(s) as Schema;
  const root = copy(format);
  const defs = (root as { definitions: Record<string, { pattern?: string }> }).definitions;
  if (defs.curlyBraceReference?.pattern !== PUBLISHED_REFERENCE) throw new Error('vendored DTCG schema changed: review the $root patch');
  defs.curlyBraceReference.pattern = REFERENCE_WITH_ROOT;
  const others = [group, groupOrToken, token, tokenType, border, color, cubicBezier, dimension, duration, fontFamily, fontWeight, gradient, number, shadow, strokeStyle, transition, typography, resolver, modifier, resolutionOrder, set].map(copy);
  const lookup: Record<string, Schema | boolean> = Object.create(null) as Record<string, Schema | boolean>;
  for (const s of [root, ...others]) dereference(s, lookup);
  const byId = (id: string) => lookup[DTCG_SCHEMA_BASE + id] as Schema;
  loaded = { schemas: { format: root, token: byId('format/token.json'), resolver: byId('resolver.json') }, lookup };
  return loaded;
}

const checks = new Map<string, Check>();

/** The token shortcut on both schemas a token is checked by: token.json (`$root`) and groupOrToken.json. */
function tokenShortcuts(lookup: Loaded['lookup']): Map<Schema | boolean, Check> {
  const check = tokenShortcut(CURLY_REFERENCE);
  const out = new Map<Schema | boolean, Check>();
  for (const id of ['format/token.json', 'format/groupOrToken.json']) {
    const node = lookup[DTCG_SCHEMA_BASE + id];
    if (node === undefined) throw new Error(`vendored DTCG schema changed: no ${id} for the token shortcut`);
    out.set(node, check);
  }
  return out;
}

/**
 * The compiled check of one schema (format.json: a tokens document; token.json; resolver.json). Tokens of the
 * shapes deriveTokens writes are checked by a shortcut first (token-shortcut.ts; same answers, a fraction of the
 * time); `shortcuts: false` runs the schema alone.
 */
export function schemaCheck(kind: Kind, options: { shortcuts?: boolean } = {}): Check {
  const fast = options.shortcuts !== false;
  const name = `${kind}${fast ? '' : ' (schema only)'}`;
  let c = checks.get(name);
  if (!c) {
    const { schemas, lookup } = load();
    c = compileSchema(schemas[kind], lookup, fast ? tokenShortcuts(lookup) : undefined);
    checks.set(name, c);
  }
  return c;
}

/** Validates with @cfworker/json-schema (the reference engine): slow, but with located error messages. */
export function referenceValidate(kind: Kind, instance: unknown): ValidationResult {
  const { schemas, lookup } = load();
  return validate(instance, schemas[kind], '7', lookup as Record<string, Schema>, true);
}
