// The screen graph of a Figma prototype, as stored (jsonb of an `action_flows` row) and served. Plain JSON only:
// no Maps, no undefined-vs-missing distinctions that jsonb would lose. Bump ACTION_FLOW_VERSION on any change a
// reader of an older row would misread.

/** Version of the ActionFlow JSON shape; stored with every row so old rows can be recognised. */
export const ACTION_FLOW_VERSION = 1 as const;

/**
 * What a graph node stands for:
 * - `frame`: a top-level FRAME / INSTANCE / GROUP of the page (directly on the canvas or inside sections) — a screen;
 * - `component`: a top-level COMPONENT / COMPONENT_SET (interactive components, variants) — in the graph, never
 *   reported as unreachable or a dead end;
 * - `other`: another top-level node that takes part in an interaction (a lone shape or text on the canvas);
 * - `offPage`: the top-level node, on another page of the input, that holds an action's destination.
 */
export type FlowScreenKind = 'frame' | 'component' | 'other' | 'offPage';

/** One node of the graph. */
export interface FlowScreen {
  id: string;
  name: string;
  nodeType: string;
  kind: FlowScreenKind;
  /** Set for `offPage` screens: the page that holds it. */
  pageId?: string;
  /** True when some edge opens it with OVERLAY navigation. */
  overlay: boolean;
}

/** The user event that fires an interaction, with its parameters (ms for timeouts/delays, s for media). */
export interface FlowTrigger {
  /** Figma's trigger type (ON_CLICK, AFTER_TIMEOUT, ON_KEY_DOWN…), or `NONE` when Figma sent `trigger: null`. */
  type: string;
  timeoutMs?: number;
  delayMs?: number;
  device?: string;
  keyCodes?: number[];
  mediaHitTime?: number;
}

/** The kind of one action (CONDITIONAL is flattened into its branches, see FlowEdge.branch). */
export type FlowActionKind =
  | 'NODE'
  | 'BACK'
  | 'CLOSE'
  | 'URL'
  | 'SET_VARIABLE'
  | 'SET_VARIABLE_MODE'
  | 'UPDATE_MEDIA_RUNTIME'
  | 'UNKNOWN';

/** Figma's NODE navigation methods. */
export type FlowNavigation = 'NAVIGATE' | 'SWAP' | 'OVERLAY' | 'SCROLL_TO' | 'CHANGE_TO';

/** Why an action's destination could not be placed on the graph. */
export type FlowMissingReason = 'null-destination' | 'not-in-input';

/** Where an action leads. */
export type FlowDestination =
  /** A screen; `nodeId` is the exact target (a node inside the screen for SCROLL_TO / CHANGE_TO). */
  | { kind: 'screen'; screenId: string; nodeId: string }
  | { kind: 'back' }
  | { kind: 'close' }
  | { kind: 'url'; url: string }
  /** Stays on the source screen: variables, variable modes, media. */
  | { kind: 'self' }
  | { kind: 'missing'; nodeId: string | null; reason: FlowMissingReason };

/** The animation of a NODE action (or of a legacy transitionNodeID link, which has no type). */
export interface FlowTransition {
  type?: string;
  direction?: string;
  durationMs?: number;
  easing?: string;
  matchLayers?: boolean;
}

/** One step into a CONDITIONAL: which block of which conditional, and its condition as text (`else` for none). */
export interface FlowBranch {
  /** Index of the CONDITIONAL in its action list. */
  action: number;
  /** Index of the block inside the conditional (0 = if, 1.. = else-if / else). */
  block: number;
  condition: string;
}

/** What a SET_VARIABLE sets. */
export interface FlowVariableSet {
  variableId: string | null;
  /** Name from options.variableNames when known. */
  name?: string;
  /** The value as readable text (literal, alias or expression). */
  value: string;
}

/** One action of one interaction on one node: source → action → destination. */
export interface FlowEdge {
  /** Stable: `<sourceNodeId>#<interaction>.<action>[/<block>.<action>…]`, or `<sourceNodeId>#legacy`. */
  id: string;
  /** The screen holding the source node. */
  from: string;
  sourceNodeId: string;
  sourceName: string;
  trigger: FlowTrigger;
  action: FlowActionKind;
  /** The raw action type when `action` is UNKNOWN (a type Figma added after this code). */
  rawAction?: string;
  navigation?: FlowNavigation;
  destination: FlowDestination;
  transition?: FlowTransition;
  /** Set when the action sits inside CONDITIONAL blocks, outermost first. */
  branch?: FlowBranch[];
  variable?: FlowVariableSet;
  variableMode?: { collectionId: string | null; modeId: string | null };
  media?: { action: string; targetId: string | null; amountToSkip?: number; newTimestamp?: number };
  /** ON_HOVER / ON_PRESS: the navigation reverts when the trigger ends. */
  temporary?: boolean;
  /**
   * `transitionNodeID`: the edge comes from the legacy field alone (no interactions on the node);
   * `destinationFromTransitionNodeID`: Figma sent the NODE action with `destinationId: null` and the legacy field
   * carried the destination.
   */
  legacy?: 'transitionNodeID' | 'destinationFromTransitionNodeID';
}

/** Where the flows start: from the file, or the assumption made when it names none. */
export type FlowEntrySource = 'flowStartingPoints' | 'prototypeStartNodeID' | 'roots' | 'none';

/** One prototype flow: a name, its start, and every screen reachable from it (breadth-first, edge order). */
export interface FlowEntry {
  name: string;
  startScreenId: string;
  source: Exclude<FlowEntrySource, 'none'>;
  reachable: string[];
}

/** An edge whose destination is not on the graph. */
export interface FlowMissing {
  edgeId: string;
  sourceNodeId: string;
  destinationId: string | null;
  reason: FlowMissingReason;
}

/** The findings: what cannot be reached, where a user gets stuck, what points nowhere. */
export interface FlowReport {
  entry: FlowEntrySource;
  /** Human-readable statements of every assumption and definition applied to this graph. */
  assumptions: string[];
  /** `frame` screens reachable from no entry, canvas order. */
  unreachable: string[];
  /** Reachable `frame` screens with no exit edge that are not flow ends, canvas order. */
  deadEnds: string[];
  /** Reachable `frame` screens with no exit edge that are flow ends (by options or name), canvas order. */
  flowEnds: string[];
  missing: FlowMissing[];
  /** Starting points whose node is not a screen of the page. */
  missingStarts: { name: string; nodeId: string }[];
}

/** Figures for the API answer and logs. */
export interface FlowCounts {
  screens: number;
  edges: number;
  /** NODE NAVIGATE / SWAP / OVERLAY edges to another screen. */
  navigationEdges: number;
  interactions: number;
  legacyEdges: number;
  flows: number;
}

/** The screen graph of one page. */
export interface ActionFlow {
  version: typeof ACTION_FLOW_VERSION;
  page: { id: string; name: string };
  screens: FlowScreen[];
  edges: FlowEdge[];
  flows: FlowEntry[];
  report: FlowReport;
  counts: FlowCounts;
}
