// The part of a Figma REST node that BDD generation reads. Structural: `CanvasNode`, `FrameNode` and every
// `SubcanvasNode` of @figma/rest-api-spec are assignable to it (bdd/figma-node.test.ts checks), and so is the
// loose JSON of a plugin export, which the route validates with `checkPage` first.
import { nodeFieldProblem } from './node-fields';

/** A prototype trigger (`Interaction.trigger`). */
export interface FigmaTrigger {
  type: string;
  /** AFTER_TIMEOUT, in milliseconds (REST). */
  timeout?: number;
  delay?: number;
  keyCodes?: readonly number[];
  mediaHitTime?: number;
}

/** A prototype action (`Interaction.actions[]`): NODE, BACK, CLOSE, URL, CONDITIONAL, SET_VARIABLE… */
export interface FigmaAction {
  type: string;
  destinationId?: string | null;
  navigation?: string;
  url?: string;
  conditionalBlocks?: readonly { actions?: readonly (FigmaAction | null)[] }[];
}

/** One prototype interaction: a trigger and its actions. */
export interface FigmaInteraction {
  trigger: FigmaTrigger | null;
  actions?: readonly (FigmaAction | null)[];
}

/** A Figma node as far as BDD generation reads it. */
export interface FigmaNode {
  id: string;
  type: string;
  name?: string;
  visible?: boolean;
  children?: readonly FigmaNode[];
  interactions?: readonly FigmaInteraction[];
  /** Legacy prototype link (before `interactions`): an ON_CLICK → NAVIGATE. */
  transitionNodeID?: string | null;
  characters?: string;
  componentId?: string;
  componentProperties?: Readonly<Record<string, { type: string; value: string | boolean }>>;
  flowStartingPoints?: readonly { nodeId: string; name: string }[];
  style?: { hyperlink?: { type: string; url?: string; nodeID?: string } };
  fills?: readonly { visible?: boolean }[];
  strokes?: readonly { visible?: boolean }[];
}

/** The `components` / `componentSets` maps of a file or nodes response: what an instance is an instance of. */
export interface ComponentIndex {
  components?: Readonly<Record<string, { name: string; componentSetId?: string }>>;
  componentSets?: Readonly<Record<string, { name: string }>>;
}

/** Bad input to BDD generation or refinement; `path` names where in the input the problem is. */
export class BddInputError extends Error {
  readonly code = 'BDD_INVALID_INPUT';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'BddInputError';
  }
}

// Figma's own trees nest a few dozen levels; the generator walks recursively, so a deeper upload is refused
const MAX_DEPTH = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks that `input` is a walkable Figma node tree (every node an object with a string `id` and `type`, every
 * `children` an array of such nodes, every `interactions` an array of objects, at most 500 levels deep, and every
 * other field generation reads of the type FigmaNode gives it: see node-fields.ts) and returns it typed. Iterative. Throws BddInputError naming the first bad place.
 */
export function checkPage(input: unknown): FigmaNode {
  if (!isObject(input)) throw new BddInputError('page: expected a Figma node (an object with an id and a type)', 'page');
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: input, path: 'page', depth: 0 }];
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) throw new BddInputError(`page: the tree is deeper than ${MAX_DEPTH} levels`, 'page');
    if (!isObject(node)) throw new BddInputError(`${path}: expected a Figma node object`, path);
    if (typeof node.id !== 'string' || node.id === '') throw new BddInputError(`${path}: a node needs a string \`id\``, `${path}.id`);
    if (typeof node.type !== 'string' || node.type === '') throw new BddInputError(`${path} (${node.id}): a node needs a string \`type\``, `${path}.type`);
    if (node.interactions !== undefined && (!Array.isArray(node.interactions) || !node.interactions.every((i) => isObject(i)))) {
      throw new BddInputError(`${path} (${node.id}): \`interactions\` must be an array of objects`, `${path}.interactions`);
    }
    const field = nodeFieldProblem(node);
    if (field) throw new BddInputError(`${path}.${field[0]} (node ${node.id}): ${field[1]}`, `${path}.${field[0]}`);
    if (node.children === undefined) continue;
    if (!Array.isArray(node.children)) throw new BddInputError(`${path} (${node.id}): \`children\` must be an array of nodes`, `${path}.children`);
    node.children.forEach((c, i) => stack.push({ node: c, path: `${path}.children[${i}]`, depth: depth + 1 }));
  }
  return input as unknown as FigmaNode;
}
