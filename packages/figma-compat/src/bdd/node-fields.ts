// The fields of one node that BDD generation reads, checked for the types FigmaNode promises: a plugin upload or
// inline JSON is anyone's JSON, and a wrong type must be named to the caller, not met as a TypeError deep inside
// the generator. Nulls are taken where Figma sends them (trigger, actions[], destinationId, transitionNodeID).

type Check = (v: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const string: Check = (v) => (typeof v === 'string' ? null : 'must be a string');
const boolean: Check = (v) => (typeof v === 'boolean' ? null : 'must be a boolean');
const stringOrNull: Check = (v) => (v === null || typeof v === 'string' ? null : 'must be a string or null');

/** The first problem of `value`'s listed fields (absent ones are fine), as [relative path, message]. */
function fields(value: Record<string, unknown>, checks: Record<string, Check>, at: string): [string, string] | null {
  for (const [key, check] of Object.entries(checks)) {
    if (value[key] === undefined) continue;
    const problem = check(value[key]);
    if (problem) return [`${at}${key}`, problem];
  }
  return null;
}

/** Each entry of an array checked by `each`; null entries allowed when `nulls`. */
function list(v: unknown, at: string, each: (entry: Record<string, unknown>, at: string) => [string, string] | null, nulls = false): [string, string] | null {
  if (!Array.isArray(v)) return [at, 'must be an array'];
  for (const [i, entry] of v.entries()) {
    if (entry === null && nulls) continue;
    if (!isObject(entry)) return [`${at}[${i}]`, 'must be an object'];
    const problem = each(entry, `${at}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

const paint = () => null;

function action(a: Record<string, unknown>, at: string): [string, string] | null {
  const own = fields(a, { destinationId: stringOrNull, navigation: string, url: string }, `${at}.`);
  if (own || a.conditionalBlocks === undefined) return own;
  return list(a.conditionalBlocks, `${at}.conditionalBlocks`, (b, bat) => (b.actions === undefined ? null : list(b.actions, `${bat}.actions`, action, true)));
}

function interaction(i: Record<string, unknown>, at: string): [string, string] | null {
  const t = i.trigger;
  if (t !== undefined && t !== null) {
    if (!isObject(t)) return [`${at}.trigger`, 'must be an object or null'];
    if (t.keyCodes !== undefined && !(Array.isArray(t.keyCodes) && t.keyCodes.every((k) => typeof k === 'number'))) return [`${at}.trigger.keyCodes`, 'must be an array of numbers'];
  }
  return i.actions === undefined || i.actions === null ? null : list(i.actions, `${at}.actions`, action, true);
}

/**
 * The first field of `node` (interactions, paints, component properties, hyperlink, flow starting points
 * included) whose type generation cannot read, as [path relative to the node, message]; null when all are fine.
 */
export function nodeFieldProblem(node: Record<string, unknown>): [string, string] | null {
  const own = fields(node, { name: string, characters: string, visible: boolean, componentId: string, transitionNodeID: stringOrNull }, '');
  if (own) return own;
  for (const key of ['fills', 'strokes'] as const) {
    if (node[key] !== undefined) {
      const problem = list(node[key], key, paint);
      if (problem) return problem;
    }
  }
  if (node.componentProperties !== undefined) {
    if (!isObject(node.componentProperties)) return ['componentProperties', 'must be an object'];
    for (const [k, p] of Object.entries(node.componentProperties)) {
      if (!isObject(p) || typeof p.type !== 'string') return [`componentProperties.${k}`, 'must be an object with a string `type`'];
    }
  }
  if (node.style !== undefined && node.style !== null) {
    if (!isObject(node.style)) return ['style', 'must be an object'];
    const link = node.style.hyperlink;
    if (link !== undefined && link !== null) {
      if (!isObject(link)) return ['style.hyperlink', 'must be an object'];
      const problem = fields(link, { type: string, url: string, nodeID: string }, 'style.hyperlink.');
      if (problem) return problem;
    }
  }
  if (node.flowStartingPoints !== undefined) {
    const problem = list(node.flowStartingPoints, 'flowStartingPoints', (f, at) => fields(f, { nodeId: string, name: string }, `${at}.`));
    if (problem) return problem;
  }
  return node.interactions === undefined ? null : list(node.interactions, 'interactions', interaction);
}
