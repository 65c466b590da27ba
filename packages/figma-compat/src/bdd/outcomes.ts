// Prototype interactions → what happens for the user. Figma REST `interactions` (NODE actions NAVIGATE / SWAP /
// OVERLAY / SCROLL_TO / CHANGE_TO, BACK, CLOSE, URL, CONDITIONAL with blocks), and the legacy `transitionNodeID`
// (an ON_CLICK → NAVIGATE) when no interaction of the node says where it goes.
import type { FigmaAction, FigmaInteraction, FigmaNode, FigmaTrigger } from './figma-node';

/** One thing a user sees happen after a trigger. */
export type Outcome =
  | { kind: 'screen' | 'overlay' | 'scroll' | 'change'; targetId: string; target: string }
  | { kind: 'back' | 'close' }
  | { kind: 'url'; url: string };

/** An interaction of a node resolved into outcomes; `branch` numbers the blocks of a CONDITIONAL (1-based). */
export interface ResolvedInteraction {
  trigger: FigmaTrigger;
  outcomes: Outcome[];
  branch?: { index: number; of: number };
}

/** Names a destination node: a screen's name, another node's name, or its id when it is not on the page. */
export type NameOf = (id: string) => string | null;

const NAVIGATION_KIND: Record<string, 'screen' | 'overlay' | 'scroll' | 'change'> = {
  NAVIGATE: 'screen',
  SWAP: 'screen',
  OVERLAY: 'overlay',
  SCROLL_TO: 'scroll',
  CHANGE_TO: 'change',
};

/** Outcomes of one action list; `missing` collects destination ids that are not on the page. */
function outcomesOf(actions: readonly (FigmaAction | null)[], nameOf: NameOf, missing: string[]): Outcome[] {
  const out: Outcome[] = [];
  for (const a of actions) {
    if (!a) continue;
    if (a.type === 'BACK') out.push({ kind: 'back' });
    else if (a.type === 'CLOSE') out.push({ kind: 'close' });
    else if (a.type === 'URL' && typeof a.url === 'string' && a.url) out.push({ kind: 'url', url: a.url });
    else if (a.type === 'NODE' && typeof a.destinationId === 'string' && a.destinationId) {
      // own keys only: a navigation named "__proto__" or "constructor" is one Figma does not know
      const nav = a.navigation ?? 'NAVIGATE';
      const kind = Object.hasOwn(NAVIGATION_KIND, nav) ? NAVIGATION_KIND[nav]! : 'screen';
      const name = nameOf(a.destinationId);
      if (name === null) missing.push(a.destinationId);
      out.push({ kind, targetId: a.destinationId, target: name ?? a.destinationId });
    }
    // SET_VARIABLE, SET_VARIABLE_MODE, UPDATE_MEDIA_RUNTIME: nothing a user sees that a step can name
  }
  return out;
}

/**
 * The interactions of `node` that lead somewhere, in order. A CONDITIONAL gives one entry per block that
 * leads somewhere. An interaction without a trigger, or whose actions lead nowhere, is left out.
 */
export function resolveInteractions(node: FigmaNode, nameOf: NameOf, missing: string[] = []): ResolvedInteraction[] {
  const out: ResolvedInteraction[] = [];
  for (const i of node.interactions ?? ([] as FigmaInteraction[])) {
    if (!i.trigger || typeof i.trigger.type !== 'string') continue;
    const actions = i.actions ?? [];
    const plain = outcomesOf(actions, nameOf, missing);
    if (plain.length) out.push({ trigger: i.trigger, outcomes: plain });
    for (const a of actions) {
      const blocks = a?.type === 'CONDITIONAL' ? (a.conditionalBlocks ?? []) : [];
      blocks.forEach((b, index) => {
        const outcomes = outcomesOf(b.actions ?? [], nameOf, missing);
        if (outcomes.length) out.push({ trigger: i.trigger!, outcomes, branch: { index: index + 1, of: blocks.length } });
      });
    }
  }
  if (!out.length && typeof node.transitionNodeID === 'string' && node.transitionNodeID) {
    const outcomes = outcomesOf([{ type: 'NODE', destinationId: node.transitionNodeID, navigation: 'NAVIGATE' }], nameOf, missing);
    out.push({ trigger: { type: 'ON_CLICK' }, outcomes });
  }
  return out;
}

/** Whether a node (or, for a stopped-at element, its subtree) carries any prototype link. */
export function isInteractive(node: FigmaNode): boolean {
  return (node.interactions ?? []).some((i) => i.trigger && (i.actions ?? []).some(Boolean)) || (typeof node.transitionNodeID === 'string' && node.transitionNodeID !== '');
}
