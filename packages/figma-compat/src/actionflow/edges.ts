// Prototype interactions → graph edges, one per action (CONDITIONAL flattened into its branches). Shapes per
// @figma/rest-api-spec: Interaction { trigger, actions }, Action = BACK | CLOSE | URL | NODE | SET_VARIABLE |
// SET_VARIABLE_MODE | CONDITIONAL | UPDATE_MEDIA_RUNTIME. The legacy `transitionNodeID` (+ duration, easing) is an
// ON_CLICK NAVIGATE edge when the node has no interactions; when it has, Figma may send the NODE action with
// `destinationId: null` and the destination only in the legacy field (seen in real responses), so it fills it.
import { describeCondition, describeValue, readTransition, readTrigger, type VariableNames } from './describe';
import { ActionFlowInputError } from './errors';
import type { RawFlowNode } from './input';
import type { FlowBranch, FlowDestination, FlowEdge, FlowNavigation, FlowTrigger } from './types';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the edge reader needs from the graph: the screen holding a destination, or why there is none. */
export type ResolveDestination = (nodeId: string) => FlowDestination;

/** Triggers whose navigation reverts when the trigger ends (Figma docs of Trigger). */
const TEMPORARY = new Set(['ON_HOVER', 'ON_PRESS']);

interface Ctx {
  node: RawFlowNode;
  from: string;
  resolve: ResolveDestination;
  names: VariableNames;
  out: FlowEdge[];
}

function bad(node: RawFlowNode, what: string): ActionFlowInputError {
  return new ActionFlowInputError('ACTION_FLOW_BAD_INPUT', `node ${node.id}: ${what}`, { nodeId: node.id });
}

function base(ctx: Ctx, id: string, trigger: FlowTrigger, branch: FlowBranch[]): Omit<FlowEdge, 'action' | 'destination'> {
  const edge: Omit<FlowEdge, 'action' | 'destination'> = {
    id,
    from: ctx.from,
    sourceNodeId: ctx.node.id,
    sourceName: ctx.node.name ?? ctx.node.id,
    trigger,
  };
  if (branch.length) edge.branch = branch;
  return edge;
}

function nodeEdge(ctx: Ctx, a: Obj, head: Omit<FlowEdge, 'action' | 'destination'>): FlowEdge {
  const edge: FlowEdge = { ...head, action: 'NODE', destination: { kind: 'missing', nodeId: null, reason: 'null-destination' } };
  if (typeof a.navigation === 'string') edge.navigation = a.navigation as FlowNavigation;
  let target = typeof a.destinationId === 'string' ? a.destinationId : null;
  const legacy = ctx.node.transitionNodeID;
  if (target === null && typeof legacy === 'string' && head.trigger.type === 'ON_CLICK') {
    target = legacy;
    edge.legacy = 'destinationFromTransitionNodeID';
  }
  if (target !== null) edge.destination = ctx.resolve(target);
  const transition = readTransition(a.transition);
  if (transition) edge.transition = transition;
  if (TEMPORARY.has(head.trigger.type)) edge.temporary = true;
  return edge;
}

function emit(ctx: Ctx, raw: unknown, id: string, index: number, trigger: FlowTrigger, branch: FlowBranch[]): void {
  if (!isObject(raw) || typeof raw.type !== 'string') throw bad(ctx.node, `action ${id} must be an object with a string \`type\``);
  const a = raw;
  const type: string = raw.type;
  const head = base(ctx, id, trigger, branch);
  switch (type) {
    case 'CONDITIONAL': {
      if (!Array.isArray(a.conditionalBlocks)) throw bad(ctx.node, `CONDITIONAL action ${id} needs \`conditionalBlocks\` (an array)`);
      a.conditionalBlocks.forEach((block: unknown, b) => {
        if (!isObject(block) || !Array.isArray(block.actions)) throw bad(ctx.node, `block ${b} of CONDITIONAL action ${id} needs \`actions\` (an array)`);
        const step: FlowBranch = { action: index, block: b, condition: describeCondition(block.condition, ctx.names) };
        block.actions.forEach((inner, k) => emit(ctx, inner, `${id}/${b}.${k}`, k, trigger, [...branch, step]));
      });
      return;
    }
    case 'NODE':
      ctx.out.push(nodeEdge(ctx, a, head));
      return;
    case 'BACK':
    case 'CLOSE':
      ctx.out.push({ ...head, action: type, destination: { kind: type === 'BACK' ? 'back' : 'close' } });
      return;
    case 'URL':
      ctx.out.push({ ...head, action: 'URL', destination: { kind: 'url', url: typeof a.url === 'string' ? a.url : '' } });
      return;
    case 'SET_VARIABLE': {
      const variableId = typeof a.variableId === 'string' ? a.variableId : null;
      const name = variableId === null ? undefined : ctx.names[variableId];
      const variable = { variableId, value: describeValue(a.variableValue, ctx.names), ...(name === undefined ? {} : { name }) };
      ctx.out.push({ ...head, action: 'SET_VARIABLE', destination: { kind: 'self' }, variable });
      return;
    }
    case 'SET_VARIABLE_MODE': {
      const variableMode = {
        collectionId: typeof a.variableCollectionId === 'string' ? a.variableCollectionId : null,
        modeId: typeof a.variableModeId === 'string' ? a.variableModeId : null,
      };
      ctx.out.push({ ...head, action: 'SET_VARIABLE_MODE', destination: { kind: 'self' }, variableMode });
      return;
    }
    case 'UPDATE_MEDIA_RUNTIME': {
      const media: NonNullable<FlowEdge['media']> = {
        action: typeof a.mediaAction === 'string' ? a.mediaAction : 'UNKNOWN',
        targetId: typeof a.destinationId === 'string' ? a.destinationId : null,
      };
      if (typeof a.amountToSkip === 'number') media.amountToSkip = a.amountToSkip;
      if (typeof a.newTimestamp === 'number') media.newTimestamp = a.newTimestamp;
      ctx.out.push({ ...head, action: 'UPDATE_MEDIA_RUNTIME', destination: { kind: 'self' }, media });
      return;
    }
    default:
      // A type Figma added after this code: kept, by name, so nothing disappears silently.
      ctx.out.push({ ...head, action: 'UNKNOWN', rawAction: type, destination: { kind: 'self' } });
  }
}

function legacyEdge(node: RawFlowNode, from: string, target: string, resolve: ResolveDestination): FlowEdge {
  const edge: FlowEdge = {
    id: `${node.id}#legacy`,
    from,
    sourceNodeId: node.id,
    sourceName: node.name ?? node.id,
    trigger: { type: 'ON_CLICK' },
    action: 'NODE',
    navigation: 'NAVIGATE',
    destination: resolve(target),
    legacy: 'transitionNodeID',
  };
  const transition: FlowEdge['transition'] = {};
  if (typeof node.transitionDuration === 'number') transition.durationMs = node.transitionDuration;
  if (typeof node.transitionEasing === 'string') transition.easing = node.transitionEasing;
  if (Object.keys(transition).length) edge.transition = transition;
  return edge;
}

/**
 * The edges of one node, in interaction then action order; `from` is the screen holding it. Returns how many
 * interactions it read. Throws ActionFlowInputError when `interactions` or an action has the wrong shape.
 */
export function nodeEdges(node: RawFlowNode, from: string, resolve: ResolveDestination, names: VariableNames, out: FlowEdge[]): number {
  const raw = node.interactions;
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) throw bad(node, '`interactions` must be an array');
  const interactions: unknown[] = raw ?? [];
  if (interactions.length === 0) {
    if (typeof node.transitionNodeID === 'string') out.push(legacyEdge(node, from, node.transitionNodeID, resolve));
    return 0;
  }
  const ctx: Ctx = { node, from, resolve, names, out };
  interactions.forEach((interaction, i) => {
    if (!isObject(interaction)) throw bad(node, `interaction ${i} must be an object`);
    const actions = interaction.actions ?? [];
    if (!Array.isArray(actions)) throw bad(node, `interaction ${i}: \`actions\` must be an array`);
    const trigger = readTrigger(interaction.trigger);
    actions.forEach((action, j) => emit(ctx, action, `${node.id}#${i}.${j}`, j, trigger, []));
  });
  return interactions.length;
}
