// Reading Figma's trigger, transition and variable-data objects into the graph's plain shapes, and conditions and
// values into readable text (`{isValid} == true`). Shapes per @figma/rest-api-spec (Trigger, Transition,
// VariableData, Expression); unknown fields are dropped, unknown types kept by name.
import type { FlowTransition, FlowTrigger } from './types';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A Figma Trigger (or null) as a FlowTrigger; parameters kept with their units in the name. */
export function readTrigger(raw: unknown): FlowTrigger {
  if (!isObject(raw) || typeof raw.type !== 'string') return { type: 'NONE' };
  const t: FlowTrigger = { type: raw.type };
  const timeout = num(raw.timeout);
  const delay = num(raw.delay);
  const hit = num(raw.mediaHitTime);
  if (timeout !== undefined) t.timeoutMs = timeout;
  if (delay !== undefined) t.delayMs = delay;
  if (typeof raw.device === 'string') t.device = raw.device;
  if (Array.isArray(raw.keyCodes)) t.keyCodes = raw.keyCodes.filter((k): k is number => typeof k === 'number');
  if (hit !== undefined) t.mediaHitTime = hit;
  return t;
}

/** A Figma Transition (or null) as a FlowTransition; undefined for an instant change. */
export function readTransition(raw: unknown): FlowTransition | undefined {
  if (!isObject(raw)) return undefined;
  const t: FlowTransition = {};
  const type = str(raw.type);
  const direction = str(raw.direction);
  const duration = num(raw.duration);
  const easing = isObject(raw.easing) ? str(raw.easing.type) : undefined;
  if (type !== undefined) t.type = type;
  if (direction !== undefined) t.direction = direction;
  if (duration !== undefined) t.durationMs = duration;
  if (easing !== undefined) t.easing = easing;
  if (typeof raw.matchLayers === 'boolean') t.matchLayers = raw.matchLayers;
  return t;
}

const BINARY: Record<string, string> = {
  ADDITION: '+',
  SUBTRACTION: '-',
  MULTIPLICATION: '*',
  DIVISION: '/',
  EQUALS: '==',
  NOT_EQUAL: '!=',
  LESS_THAN: '<',
  LESS_THAN_OR_EQUAL: '<=',
  GREATER_THAN: '>',
  GREATER_THAN_OR_EQUAL: '>=',
  AND: 'and',
  OR: 'or',
};

const hex2 = (c: unknown) =>
  Math.round(Math.min(1, Math.max(0, typeof c === 'number' ? c : 0)) * 255)
    .toString(16)
    .padStart(2, '0');

/** Variable ids → names, for readable conditions; ids stay when a name is unknown. */
export type VariableNames = Readonly<Record<string, string>>;

/** A VariableData (or its bare value) as text: literals as JSON, aliases as `{name}`, expressions infix. */
export function describeValue(raw: unknown, names: VariableNames = {}): string {
  if (raw === undefined || raw === null) return 'null';
  if (typeof raw === 'string') return JSON.stringify(raw);
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (!isObject(raw)) return '?';
  // VariableData wraps the value; the value itself may be an alias, an expression, a colour or a literal.
  if ('value' in raw && !('r' in raw)) return describeValue(raw.value, names);
  if (raw.type === 'VARIABLE_ALIAS' && typeof raw.id === 'string') return `{${names[raw.id] ?? raw.id}}`;
  if (typeof raw.expressionFunction === 'string') {
    const args = Array.isArray(raw.expressionArguments) ? raw.expressionArguments.map((a) => describeValue(a, names)) : [];
    const op = BINARY[raw.expressionFunction];
    if (op && args.length === 2) return `(${args[0]} ${op} ${args[1]})`;
    if (raw.expressionFunction === 'NOT' && args.length === 1) return `not ${args[0]}`;
    if (raw.expressionFunction === 'NEGATE' && args.length === 1) return `-${args[0]}`;
    return `${raw.expressionFunction.toLowerCase()}(${args.join(', ')})`;
  }
  if (typeof raw.r === 'number') {
    const alpha = typeof raw.a === 'number' && raw.a < 1 ? hex2(raw.a) : '';
    return `#${hex2(raw.r)}${hex2(raw.g)}${hex2(raw.b)}${alpha}`;
  }
  return '?';
}

/** A condition as text without the outermost parentheses an expression renders with. */
export function describeCondition(raw: unknown, names: VariableNames = {}): string {
  if (raw === undefined || raw === null) return 'else';
  const text = describeValue(raw, names);
  return text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : text;
}
