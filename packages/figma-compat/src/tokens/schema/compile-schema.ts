// A JSON Schema (draft-07) compiled into plain closures that answer valid / invalid. Why: @cfworker/json-schema
// interprets the schema on every call and spends ~160 µs per DTCG token (3–6 s for 20,000 tokens), while the
// same rules as closures cost a few µs. No `eval`/`new Function` (forbidden in Workers). Only the keywords the
// DTCG 2025.10 schemas use are supported; any other keyword fails at compile time rather than being ignored.
// `$ref` targets come from @cfworker/json-schema's `dereference` (the same URI resolution as the reference
// validator), and formats from its `format` table, so both engines read the schema identically — a
// differential test (schema.test.ts) holds them to the same answers.
import { deepCompareStrict, format as formats, type Schema } from '@cfworker/json-schema';

export type Check = (instance: unknown) => boolean;

type SchemaObject = Schema & { __absolute_ref__?: string };

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'definitions', '$defs', 'default', 'examples']);

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Compiles `schema` (already passed through `dereference`, whose lookup holds every `$ref` target). `shortcuts`
 * maps schema nodes (objects of `lookup`) to sufficient checks, run before the node's own: one must answer true
 * only for an instance the node accepts, so the answers stay the schema's (a false runs the node's checks).
 */
export function compileSchema(schema: Schema | boolean, lookup: Record<string, Schema | boolean>, shortcuts?: ReadonlyMap<Schema | boolean, Check>): Check {
  const cache = new Map<Schema | boolean, Check>();

  const compile = (node: Schema | boolean): Check => {
    const known = cache.get(node);
    if (known) return known;
    // a placeholder first: schemas refer to themselves (group → groupOrToken → group)
    let real: Check | undefined;
    const late: Check = (v) => real!(v);
    cache.set(node, late);
    const full = build(node);
    const quick = shortcuts?.get(node);
    real = quick ? (v) => quick(v) || full(v) : full;
    cache.set(node, real);
    return real;
  };

  const build = (node: Schema | boolean): Check => {
    if (node === true) return () => true;
    if (node === false) return () => false;
    const s = node as SchemaObject;
    if (s.$ref !== undefined) {
      // draft-07: `$ref` ignores its siblings
      const target = lookup[s.__absolute_ref__ ?? s.$ref];
      if (target === undefined) throw new Error(`unresolved $ref ${s.$ref}`);
      return compile(target);
    }
    const checks: Check[] = [];
    for (const key of Object.keys(s)) {
      if (ANNOTATIONS.has(key) || key.startsWith('__')) continue;
      const c = keyword(s, key);
      if (c) checks.push(c);
    }
    if (checks.length === 0) return () => true;
    if (checks.length === 1) return checks[0]!;
    return (v) => {
      for (let i = 0; i < checks.length; i++) if (!checks[i]!(v)) return false;
      return true;
    };
  };

  const keyword = (s: SchemaObject, key: string): Check | null => {
    const value = (s as Record<string, unknown>)[key];
    switch (key) {
      case 'type': {
        const types = Array.isArray(value) ? (value as string[]) : [value as string];
        if (types.length === 1 && types[0] !== 'integer') {
          const only = types[0];
          return (v) => kind(v) === only;
        }
        return (v) => {
          const k = kind(v);
          for (const t of types) if (t === k || (t === 'integer' && k === 'number' && Number.isInteger(v))) return true;
          return false;
        };
      }
      case 'enum': {
        const options = value as unknown[];
        if (options.every((o) => typeof o !== 'object' || o === null)) {
          const set = new Set(options);
          return (v) => set.has(v);
        }
        return (v) => options.some((o) => (typeof o === 'object' && o !== null ? deepCompareStrict(v, o) : v === o));
      }
      case 'const':
        return typeof value === 'object' && value !== null ? (v) => deepCompareStrict(v, value) : (v) => v === value;
      case 'pattern': {
        const re = new RegExp(value as string, 'u');
        return (v) => typeof v !== 'string' || re.test(v);
      }
      case 'format': {
        const test = formats[value as keyof typeof formats];
        if (!test) throw new Error(`unsupported format ${String(value)}`);
        return (v) => typeof v !== 'string' || test(v);
      }
      case 'minimum':
        return (v) => typeof v !== 'number' || v >= (value as number);
      case 'maximum':
        return (v) => typeof v !== 'number' || v <= (value as number);
      case 'exclusiveMinimum':
        return (v) => typeof v !== 'number' || v > (value as number);
      case 'exclusiveMaximum':
        return (v) => typeof v !== 'number' || v < (value as number);
      case 'minItems':
        return (v) => !Array.isArray(v) || v.length >= (value as number);
      case 'maxItems':
        return (v) => !Array.isArray(v) || v.length <= (value as number);
      case 'minProperties':
        return (v) => {
          if (!isObject(v)) return true;
          let n = 0;
          for (const k in v) if (Object.hasOwn(v, k) && ++n >= (value as number)) return true;
          return n >= (value as number);
        };
      case 'required': {
        const names = value as string[];
        return (v) => {
          if (!isObject(v)) return true;
          for (let i = 0; i < names.length; i++) if (!Object.hasOwn(v, names[i]!)) return false;
          return true;
        };
      }
      case 'items':
        return items(value as Schema | Schema[], s.additionalItems as Schema | boolean | undefined);
      case 'additionalItems':
        return null; // compiled with `items` (draft-07: it only applies after a tuple)
      case 'properties':
      case 'patternProperties':
      case 'additionalProperties':
        // one pass over the keys handles all three (see objectChecks); compiled once, from `properties`' side
        return key === objectOwner(s) ? objectChecks(s) : null;
      case 'allOf':
        return allOf(value as Schema[]);
      case 'anyOf': {
        const parts = (value as Schema[]).map(compile);
        return (v) => {
          for (let i = 0; i < parts.length; i++) if (parts[i]!(v)) return true;
          return false;
        };
      }
      case 'oneOf': {
        const parts = (value as Schema[]).map(compile);
        return (v) => {
          let n = 0;
          for (let i = 0; i < parts.length; i++) if (parts[i]!(v) && ++n > 1) return false;
          return n === 1;
        };
      }
      case 'not': {
        const inner = compile(value as Schema);
        return (v) => !inner(v);
      }
      case 'if': {
        const cond = compile(value as Schema);
        const then = s.then === undefined ? null : compile(s.then as Schema);
        const otherwise = s.else === undefined ? null : compile(s.else as Schema);
        return (v) => (cond(v) ? (then ? then(v) : true) : otherwise ? otherwise(v) : true);
      }
      case 'then':
      case 'else':
        return null; // compiled with `if`; alone they mean nothing
      default:
        throw new Error(`unsupported JSON Schema keyword ${key}`);
    }
  };

  // `allOf: [{ if: { properties: { P: { const: c } } }, then }, …]` — token.json switches on `$type` 13 times and
  // color.json on `colorSpace` 14 times. When the instance has P, only the branches whose const equals its value
  // can have a true `if`: run those, skip the others (their `if` is false, so they hold). Same answers, one
  // branch instead of fourteen.
  const allOf = (parts: Schema[]): Check => {
    const plain: Check[] = [];
    const switches = new Map<string, { branches: Map<unknown, Check[]>; all: Check[] }>();
    for (const part of parts) {
      const on = discriminator(part);
      const c = compile(part);
      if (!on) {
        plain.push(c);
        continue;
      }
      let sw = switches.get(on.property);
      if (!sw) switches.set(on.property, (sw = { branches: new Map(), all: [] }));
      sw.all.push(c);
      const list = sw.branches.get(on.value) ?? [];
      list.push(c);
      sw.branches.set(on.value, list);
    }
    const groups = [...switches].map(([property, sw]) => ({ property, ...sw }));
    const none: Check[] = [];
    return (v) => {
      for (let i = 0; i < plain.length; i++) if (!plain[i]!(v)) return false;
      for (let g = 0; g < groups.length; g++) {
        const { property, branches, all } = groups[g]!;
        const run = isObject(v) && Object.hasOwn(v, property) ? (branches.get(v[property]) ?? none) : all;
        for (let i = 0; i < run.length; i++) if (!run[i]!(v)) return false;
      }
      return true;
    };
  };

  const discriminator = (part: Schema): { property: string; value: unknown } | null => {
    const p = part as SchemaObject;
    if (p.$ref !== undefined || p.else !== undefined || typeof p.if !== 'object') return null;
    if (Object.keys(p).some((k) => k !== 'if' && k !== 'then' && !ANNOTATIONS.has(k) && !k.startsWith('__'))) return null;
    const cond = p.if as SchemaObject;
    if (cond.$ref !== undefined || !cond.properties) return null;
    for (const [property, sub] of Object.entries(cond.properties)) {
      const c = (sub as SchemaObject).const;
      if (c !== undefined && (typeof c !== 'object' || c === null)) return { property, value: c };
    }
    return null;
  };

  const items = (value: Schema | Schema[], additional: Schema | boolean | undefined): Check => {
    if (Array.isArray(value)) {
      const tuple = value.map(compile);
      const rest = additional === undefined ? null : compile(additional);
      return (v) => {
        if (!Array.isArray(v)) return true;
        for (let i = 0; i < v.length; i++) {
          const c = i < tuple.length ? tuple[i]! : rest;
          if (c && !c(v[i])) return false;
        }
        return true;
      };
    }
    const each = compile(value);
    return (v) => {
      if (!Array.isArray(v)) return true;
      for (let i = 0; i < v.length; i++) if (!each(v[i])) return false;
      return true;
    };
  };

  const objectOwner = (s: SchemaObject): string =>
    s.properties !== undefined ? 'properties' : s.patternProperties !== undefined ? 'patternProperties' : 'additionalProperties';

  const objectChecks = (s: SchemaObject): Check => {
    const props = new Map(Object.entries(s.properties ?? {}).map(([k, sub]) => [k, compile(sub as Schema)]));
    // patterns and their checks side by side: no pair to take apart for each key of every group
    const patternList = Object.entries(s.patternProperties ?? {});
    const patterns = patternList.map(([p]) => new RegExp(p, 'u'));
    const patternChecks = patternList.map(([, sub]) => compile(sub as Schema));
    const extra = s.additionalProperties === undefined ? null : compile(s.additionalProperties as Schema);
    if (patterns.length === 0 && extra === null) {
      // only named properties: visit those, not every key of the instance (the `if` branches of token.json)
      const keys = [...props.keys()];
      const subs = [...props.values()];
      return (v) => {
        if (!isObject(v)) return true;
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          if (Object.hasOwn(v, key) && !subs[i]!(v[key])) return false;
        }
        return true;
      };
    }
    return (v) => {
      if (!isObject(v)) return true;
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        const child = v[key];
        let matched = false;
        const p = props.get(key);
        if (p) {
          matched = true;
          if (!p(child)) return false;
        }
        for (let i = 0; i < patterns.length; i++) {
          if (patterns[i]!.test(key)) {
            matched = true;
            if (!patternChecks[i]!(child)) return false;
          }
        }
        if (!matched && extra && !extra(child)) return false;
      }
      return true;
    };
  };

  return compile(schema);
}
