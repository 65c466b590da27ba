// Structured output without a model: a minimal JSON value that satisfies a simple JSON Schema, the default
// answer to `response_format: { type: 'json_schema' }`. Covers what structured-output schemas use: objects
// (required properties only), arrays (minItems copies of `items`), string/number/integer/boolean/null,
// enum/const, type lists, anyOf/oneOf/allOf (first branch), and local $refs (#/$defs/…, #/definitions/…).
// Strings are non-empty placeholders ("example") so that a min-length check in the caller does not trip.

type Schema = Record<string, unknown>;

const MAX_DEPTH = 32;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#/')) return {};
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    node = isSchema(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return isSchema(node) ? node : {};
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function numberInstance(schema: Schema, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  let value = num(schema.minimum) ?? 0;
  const exclusive = num(schema.exclusiveMinimum);
  if (exclusive !== undefined && value <= exclusive) value = integer ? Math.floor(exclusive) + 1 : exclusive + step;
  if (integer) value = Math.ceil(value);
  const max = num(schema.maximum);
  return max !== undefined && value > max ? max : value;
}

function stringInstance(schema: Schema): string {
  const min = num(schema.minLength) ?? 0;
  const max = num(schema.maxLength) ?? Number.POSITIVE_INFINITY;
  const text = 'example'.padEnd(min, 'x');
  return text.slice(0, max);
}

function firstType(type: unknown, schema: Schema): string | undefined {
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') as string | undefined) ?? (type[0] as string | undefined);
  // No type: infer from the keywords present.
  if (isSchema(schema.properties) || Array.isArray(schema.required)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function build(schema: Schema, root: Schema, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (typeof schema.$ref === 'string') return build(resolveRef(schema.$ref, root), root, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const branches = schema[key];
    if (Array.isArray(branches) && isSchema(branches[0])) return build(branches[0], root, depth + 1);
  }
  switch (firstType(schema.type, schema)) {
    case 'string':
      return stringInstance(schema);
    case 'number':
      return numberInstance(schema, false);
    case 'integer':
      return numberInstance(schema, true);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = num(schema.minItems) ?? 0;
      const items = isSchema(schema.items) ? schema.items : {};
      return Array.from({ length: count }, () => build(items, root, depth + 1));
    }
    default: {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
      const out: Record<string, unknown> = {};
      for (const name of required) {
        const property = properties[name];
        out[name] = build(isSchema(property) ? property : {}, root, depth + 1);
      }
      return out;
    }
  }
}

/** A minimal JSON value satisfying `schema` (see the top of this file for what is understood). */
export function schemaInstance(schema: unknown): unknown {
  return isSchema(schema) ? build(schema, schema, 0) : {};
}
