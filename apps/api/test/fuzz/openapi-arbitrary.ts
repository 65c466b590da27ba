// fast-check arbitraries from the API's own OpenAPI 3.1 document: mostly well-formed values for
// each schema (so requests get past the first check and reach handlers and the database), mixed
// with hostile ones at every level (NUL, lone surrogates, huge and deep values, wrong types).
import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const deep = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { d: v };
  return v;
};

/** Strings that have broken real APIs: NUL, lone surrogates, look-alike ids and dates, injections, sizes. */
export const hostileString = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff tail',
  '',
  ' ',
  '-'.repeat(36),
  '00000000-0000-0000-0000-000000000000',
  '+275760-09-13T00:00:00.000Z',
  '9:5240',
  'I5666:180910;1:10515',
  '../../etc/passwd',
  "'; drop table projects; --",
  '%00',
  '\\u0000',
  '<script>alert(1)</script>',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ 🙂',
  'x'.repeat(5_000),
  'y'.repeat(70_000),
  '1e309',
  'null',
);

/** Any value of the wrong kind, including deep nesting past the API's limit. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(-1, 0, 1.5, 2 ** 53 + 1, -(2 ** 31), 1e308, true, false, null),
  fc.constantFrom(deep(70), deep(3_000), [], {}, { __proto__: { polluted: true } }, { constructor: { prototype: { x: 1 } } }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Resolves a local `$ref`. */
export function resolve(doc: OpenApiDoc, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 20; i++) s = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
  return s;
}

/** Ids of real resources of the fuzzed project: a uuid is one of them half of the time, to reach handlers. */
export const knownIds: string[] = [];

/** A value that fits `schema` (as far as a generator can tell), with no hostile parts. */
export function wellFormed(doc: OpenApiDoc, raw: JsonSchema, level = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => wellFormed(doc, v, level)));
  if (schema.allOf) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf.map((p) => resolve(doc, p))) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return wellFormed(doc, merged, level);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? (schema.properties ? 'object' : 'string')];
  return fc.oneof(...types.map((t) => ofType(doc, schema, t, level)));
}

function ofType(doc: OpenApiDoc, schema: JsonSchema, type: string, level: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000, max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'array':
      return level > 6 ? fc.constant([]) : fc.array(wellFormed(doc, schema.items ?? {}, level + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object': {
      const props = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(props).map(([k, v]) => [k, wellFormed(doc, v, level + 1)])),
        { requiredKeys: (schema.required ?? []).filter((k) => k in props) },
      );
      if (schema.additionalProperties === false || Object.keys(props).length) return record;
      return fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    }
    default:
      return stringFor(schema);
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return knownIds.length ? fc.oneof(fc.uuid(), fc.constantFrom(...knownIds)) : fc.uuid();
  if (schema.format === 'uri' || schema.format === 'url') return fc.webUrl();
  if (schema.pattern) {
    // fast-check cannot generate from lookarounds: drop them (the result may then miss the pattern, which is fine here)
    const pattern = schema.pattern.replace(/\(\?[=!][^)]*\)/g, '');
    return fc.stringMatching(new RegExp(pattern)).filter((s) => s.length <= (schema.maxLength ?? 10_000));
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

/** A value for `schema`: well-formed most of the time, hostile sometimes (parameters). */
export function valueFor(doc: OpenApiDoc, schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: wellFormed(doc, schema) }, { weight: 1, arbitrary: hostileValue });
}

type Mutation = 'none' | 'replace' | 'nul' | 'deepen' | 'drop';

/** Every place in a JSON value, as key paths (iterative). */
function placesOf(value: unknown): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const stack: Array<{ v: unknown; path: Array<string | number> }> = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    out.push(path);
    if (Array.isArray(v)) v.forEach((c, i) => stack.push({ v: c, path: [...path, i] }));
    else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) stack.push({ v: c, path: [...path, k] });
  }
  return out;
}

function mutate(value: unknown, mutation: Mutation, pick: number, hostile: unknown): unknown {
  if (mutation === 'none') return value;
  const copy = structuredClone(value);
  const places = placesOf(copy);
  const path = places[pick % places.length]!;
  if (path.length === 0) return mutation === 'nul' && typeof copy === 'string' ? `${copy}\u0000` : hostile;
  const parent = path.slice(0, -1).reduce<any>((node, k) => node[k], copy);
  const key = path.at(-1)!;
  const current = parent[key];
  if (mutation === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (mutation === 'nul') {
    parent[typeof current === 'string' || typeof key === 'number' ? key : `${key}\u0000`] = typeof current === 'string' ? `${current.slice(0, 1)}\u0000${current.slice(1)}` : current;
  } else if (mutation === 'deepen') {
    let v: unknown = current;
    for (let i = 0; i < 70; i++) v = [v];
    parent[key] = v;
  } else parent[key] = hostile;
  return copy;
}

/**
 * A body for `schema`: a well-formed value, then at most one mutation at one place (a hostile value,
 * a NUL inside a string or key, nesting past the limit, a dropped field) — so one bad part reaches
 * the code behind an otherwise valid request.
 */
export function bodyFor(doc: OpenApiDoc, schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      wellFormed(doc, schema),
      fc.constantFrom<Mutation>('none', 'none', 'replace', 'nul', 'nul', 'deepen', 'drop'),
      fc.nat(),
      hostileValue,
    )
    .map(([value, mutation, pick, hostile]) => mutate(value, mutation, pick, hostile));
}
