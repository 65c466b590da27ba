// buildActionFlow: the screen graph of one page of a Figma prototype. Screens = the page's top-level nodes (inside
// sections too) in canvas order, then the off-page holders of destinations in order of first reference; edges =
// every action of every interaction of every visible node, walked depth-first in layer order — so the same input
// always gives the same graph, byte for byte.
import { analyse, isNavigation, type FlowEndOptions } from './analyse';
import type { VariableNames } from './describe';
import { nodeEdges, type ResolveDestination } from './edges';
import { ActionFlowInputError } from './errors';
import { indexPlaces, readPages, topLevelNodes, type FlowPage, type NodePlace, type RawFlowNode } from './input';
import { ACTION_FLOW_VERSION, type ActionFlow, type FlowEdge, type FlowScreen, type FlowScreenKind } from './types';

/** Options of buildActionFlow / buildActionFlows. */
export interface ActionFlowOptions extends FlowEndOptions {
  /** The page (CANVAS id) to draw; required when the input holds more than one page. */
  pageId?: string;
  /** Variable ids → names, so conditions and SET_VARIABLE read `{isLoggedIn}` rather than an id. */
  variableNames?: VariableNames;
}

function kindOf(type: string): FlowScreenKind {
  if (type === 'FRAME' || type === 'INSTANCE') return 'frame';
  if (type === 'COMPONENT' || type === 'COMPONENT_SET') return 'component';
  return 'other';
}

function screenFrom(node: RawFlowNode, kind: FlowScreenKind): FlowScreen {
  return { id: node.id, name: node.name ?? node.id, nodeType: node.type, kind, overlay: false };
}

/** Layer order, depth first; hidden layers (and what they hold) cannot be clicked, so they are left out. */
function* visibleLayers(top: RawFlowNode): Generator<RawFlowNode> {
  const stack: RawFlowNode[] = [top];
  while (stack.length) {
    const n = stack.pop()!;
    if (n !== top && n.visible === false) continue;
    yield n;
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function buildPage(page: FlowPage, places: Map<string, NodePlace>, options: ActionFlowOptions): ActionFlow {
  const tops = topLevelNodes(page).map((node) => ({ screen: screenFrom(node, kindOf(node.type)), node, involved: kindOf(node.type) !== 'other' }));
  const topById = new Map(tops.map((t) => [t.screen.id, t]));
  const offPage = new Map<string, FlowScreen>();
  const resolve: ResolveDestination = (nodeId) => {
    const place = places.get(nodeId);
    if (!place || place.topId === null) return { kind: 'missing', nodeId, reason: 'not-in-input' };
    const screenId = place.topId;
    const top = topById.get(screenId);
    if (top) top.involved = true;
    else if (!offPage.has(screenId)) {
      const holder = places.get(screenId)!.node;
      offPage.set(screenId, { ...screenFrom(holder, 'offPage'), pageId: place.pageId });
    }
    return { kind: 'screen', screenId, nodeId };
  };
  const edges: FlowEdge[] = [];
  let interactions = 0;
  for (const top of tops) {
    const before = edges.length;
    for (const layer of visibleLayers(top.node)) interactions += nodeEdges(layer, top.screen.id, resolve, options.variableNames ?? {}, edges);
    if (edges.length > before) top.involved = true;
  }
  const screens = [...tops.filter((t) => t.involved).map((t) => t.screen), ...offPage.values()];
  const byId = new Map(screens.map((s) => [s.id, s]));
  for (const e of edges) {
    if (e.navigation === 'OVERLAY' && e.destination.kind === 'screen') {
      const target = byId.get(e.destination.screenId);
      if (target) target.overlay = true;
    }
  }
  const screenOf = (nodeId: string) => places.get(nodeId)?.topId ?? null;
  const { flows, report } = analyse(page, screens, edges, screenOf, options);
  return {
    version: ACTION_FLOW_VERSION,
    page: { id: page.id, name: page.name },
    screens,
    edges,
    flows,
    report,
    counts: {
      screens: screens.length,
      edges: edges.length,
      navigationEdges: edges.filter(isNavigation).length,
      interactions,
      legacyEdges: edges.filter((e) => e.legacy !== undefined).length,
      flows: flows.length,
    },
  };
}

/**
 * The screen graph of every page of the input, in page order. Input: a Figma REST file or nodes response, a node,
 * or an array of them (see readPages). Throws ActionFlowInputError (code ACTION_FLOW_BAD_INPUT) on a bad shape.
 */
export function buildActionFlows(input: unknown, options: Omit<ActionFlowOptions, 'pageId'> = {}): ActionFlow[] {
  const pages = readPages(input);
  const places = indexPlaces(pages);
  return pages.map((page) => buildPage(page, places, options));
}

/**
 * The screen graph of one page: options.pageId, or the only page of the input. Destinations on other pages of
 * the input become `offPage` screens. Throws ActionFlowInputError: ACTION_FLOW_BAD_INPUT,
 * ACTION_FLOW_PAGE_NOT_FOUND (pageId unknown) or ACTION_FLOW_PAGE_REQUIRED (several pages, no pageId).
 */
export function buildActionFlow(input: unknown, options: ActionFlowOptions = {}): ActionFlow {
  const pages = readPages(input);
  const list = pages.map((p) => ({ id: p.id, name: p.name }));
  let page: FlowPage | undefined;
  if (options.pageId !== undefined) {
    page = pages.find((p) => p.id === options.pageId);
    if (!page) throw new ActionFlowInputError('ACTION_FLOW_PAGE_NOT_FOUND', `page ${options.pageId} is not in the input`, { pageId: options.pageId, pages: list });
  } else if (pages.length === 1) {
    page = pages[0];
  } else {
    throw new ActionFlowInputError('ACTION_FLOW_PAGE_REQUIRED', `the input holds ${pages.length} pages: name one with pageId`, { pages: list });
  }
  return buildPage(page!, indexPlaces(pages), options);
}
