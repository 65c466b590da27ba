// A page as a user meets it: screens (top-level frames), their fields, buttons, links and navigation, the forms
// the fields make, and the user paths the prototype draws (one per interaction that leads somewhere).
import { classify, isBox, isPlaceholderText, textKind, texts, type InputKind } from './classify';
import { BddInputError, checkPage, type ComponentIndex, type FigmaNode } from './figma-node';
import { TYPED } from './form-steps';
import { actionLabel, inputLabel, selectValue } from './labels';
import { isInteractive, resolveInteractions, type Outcome, type ResolvedInteraction } from './outcomes';
import { clip, oneLine, words } from './words';

/** A field, button, link, navigation item or other clickable layer of a screen. */
export interface UiElement {
  id: string;
  role: 'input' | 'button' | 'link' | 'nav-item' | 'element';
  kind?: InputKind;
  label: string;
  /** For a select: the value it shows. */
  value?: string;
  /** Ids of the layers above it inside its screen, outermost first. */
  ancestors: string[];
  interactions: ResolvedInteraction[];
}

/** Fields that are filled together, and the buttons that send them. */
export interface Form {
  /** The layer holding the fields (the screen itself when nothing closer holds them). */
  id: string;
  inputs: UiElement[];
  buttons: UiElement[];
}

/** A top-level frame of the page. */
export interface Screen {
  id: string;
  name: string;
  elements: UiElement[];
  forms: Form[];
  /** The first visible texts, for a scenario that only looks at the screen. */
  texts: string[];
  /** Interactions of the frame itself (an AFTER_TIMEOUT splash, a click anywhere). */
  interactions: ResolvedInteraction[];
}

/** One interaction that leads somewhere: from a screen, through an element (or the screen itself). */
export interface UserPath {
  screen: Screen;
  element: UiElement | null;
  interaction: ResolvedInteraction;
  /** The form whose button this is: its fields are filled first. */
  form?: Form;
}

export interface PageModel {
  id: string;
  name: string;
  screens: Screen[];
  paths: UserPath[];
  /** Prototype flows that start on a screen of this page (`flowStartingPoints`). */
  flows: { name: string; screenId: string }[];
  warnings: string[];
}

const SCREEN_TYPES = new Set(['FRAME', 'COMPONENT', 'INSTANCE', 'GROUP']);

/** Top-level frames of a page, looking inside sections; a page that is itself a frame is one screen. */
function screensOf(page: FigmaNode): FigmaNode[] {
  if (page.type === 'DOCUMENT') throw new BddInputError('page: got a whole DOCUMENT; pass one of its pages (a CANVAS node) or a frame', 'page.type');
  if (page.type !== 'CANVAS' && page.type !== 'SECTION') return [page];
  const out: FigmaNode[] = [];
  const visit = (n: FigmaNode) => {
    for (const c of n.children ?? []) {
      if (c.visible === false) continue;
      if (c.type === 'SECTION') visit(c);
      else if (c.type === 'FRAME') out.push(c);
    }
  };
  visit(page);
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names of the component (and set) an instance comes from; variant names ("Size=Large") say nothing. */
function componentNames(node: FigmaNode, index: ComponentIndex): string[] {
  // the maps come from an upload as often as from Figma: an entry that is not { name: string } names nothing
  const c: unknown = node.componentId && isRecord(index.components) ? index.components[node.componentId] : undefined;
  if (!isRecord(c) || typeof c.name !== 'string') return [];
  const entry: unknown = typeof c.componentSetId === 'string' && isRecord(index.componentSets) ? index.componentSets[c.componentSetId] : undefined;
  const set = isRecord(entry) && typeof entry.name === 'string' ? entry.name : undefined;
  return [...(set ? [set] : []), ...(c.name.includes('=') ? [] : [c.name])];
}

/** Builds the page model; throws BddInputError when `page` is not a Figma node tree or is a whole document. */
export function buildPageModel(input: FigmaNode, index: ComponentIndex = {}): PageModel {
  const page = checkPage(input);
  const warnings: string[] = [];
  const frames = screensOf(page);
  const seen = new Map<string, number>();
  for (const f of frames) seen.set(oneLine(f.name ?? ''), (seen.get(oneLine(f.name ?? '')) ?? 0) + 1);
  // a name two screens share gets the id, so "Then I see the screen" stays unambiguous
  const screenName = (f: FigmaNode) => {
    const n = clip(oneLine(f.name ?? ''), 60) || `Screen ${f.id}`;
    return (seen.get(oneLine(f.name ?? '')) ?? 0) > 1 ? `${n} (${f.id})` : n;
  };
  const names = new Map<string, string>();
  for (const f of frames) names.set(f.id, screenName(f));
  // destinations that are not screens (SCROLL_TO targets, CHANGE_TO variants) are named by their layer name
  const layerNames = new Map<string, string>();
  const all: FigmaNode[] = [page];
  while (all.length) {
    const n = all.pop()!;
    if (n.name) layerNames.set(n.id, clip(n.name, 60));
    all.push(...(n.children ?? []));
  }
  const missing: string[] = [];
  const nameOf = (id: string) => names.get(id) ?? layerNames.get(id) ?? null;
  const screens = frames.map((f) => buildScreen(f, names.get(f.id)!, index, nameOf, missing));
  if (!frames.length) warnings.push('no screens: the page has no top-level frames');
  if (missing.length) warnings.push(`prototype links to ${new Set(missing).size} node(s) not on this page: ${[...new Set(missing)].slice(0, 5).join(', ')}`);
  const paths: UserPath[] = [];
  for (const s of screens) {
    for (const i of s.interactions) paths.push({ screen: s, element: null, interaction: i });
    for (const e of s.elements) {
      const form = e.role === 'button' ? s.forms.find((f) => f.buttons.includes(e)) : undefined;
      for (const i of e.interactions) paths.push({ screen: s, element: e, interaction: i, ...(form ? { form } : {}) });
    }
  }
  const flows = (page.flowStartingPoints ?? []).filter((f) => names.has(f.nodeId)).map((f) => ({ name: clip(f.name || names.get(f.nodeId)!, 60), screenId: f.nodeId }));
  return { id: page.id, name: clip(page.name ?? '', 80) || `Page ${page.id}`, screens, paths, flows, warnings };
}

/** A layer found to be an element; `clickable` when only its prototype link (not its name) makes it one. */
type Found = { node: FigmaNode; role: NonNullable<ReturnType<typeof classify>>; ancestors: string[]; siblings: readonly FigmaNode[]; index: number; nav: boolean; clickable?: boolean };

function buildScreen(frame: FigmaNode, name: string, index: ComponentIndex, nameOf: (id: string) => string | null, missing: string[]): Screen {
  const found: Found[] = [];
  const loose: string[] = [];
  const roleOf = (n: FigmaNode) => classify(n, componentNames(n, index));
  // an element holding another element of its kind (a "Button group", a field wrapper) is a container
  const holdsOwnKind = (n: FigmaNode, role: string) => {
    const stack = [...(n.children ?? [])];
    while (stack.length) {
      const c = stack.pop()!;
      if (c.visible !== false && roleOf(c)?.role === role) return true;
      stack.push(...(c.children ?? []));
    }
    return false;
  };
  const walk = (n: FigmaNode, ancestors: string[], siblings: readonly FigmaNode[], i: number, nav: boolean) => {
    if (n.visible === false) return;
    const interactive = isInteractive(n) || (n.type === 'TEXT' && !!n.style?.hyperlink);
    if (n.type === 'TEXT') {
      if (interactive) found.push({ node: n, role: { role: 'link' }, ancestors, siblings, index: i, nav });
      else if (loose.length < 5 && oneLine(n.characters ?? '')) loose.push(clip(n.characters ?? '', 60));
      return;
    }
    let role = roleOf(n);
    if (role && role.role !== 'navigation' && holdsOwnKind(n, role.role)) role = null;
    if (role?.role === 'navigation' && interactive) role = { role: 'button' };
    if (role && role.role !== 'navigation') {
      found.push({ node: n, role, ancestors, siblings, index: i, nav });
      return;
    }
    if (interactive && n !== frame) found.push({ node: n, role: { role: 'link' }, ancestors, siblings, index: i, nav: nav || role?.role === 'navigation', clickable: true });
    const below = n === frame ? [] : [...ancestors, n.id];
    const ch = n.children ?? [];
    ch.forEach((c, k) => walk(c, below, ch, k, nav || role?.role === 'navigation'));
  };
  walk(frame, [], [], 0, false);
  const elements = found.map((f) => toElement(f, nameOf, missing));
  return { id: frame.id, name, elements, forms: formsOf(frame.id, elements), texts: loose, interactions: resolveInteractions(frame, nameOf, missing) };
}

/** Interactions of an element, or of the first layer inside it that has some (a button's label may carry them). */
function interactionsIn(node: FigmaNode, nameOf: (id: string) => string | null, missing: string[]): ResolvedInteraction[] {
  const stack = [node];
  while (stack.length) {
    const n = stack.shift()!;
    const own = resolveInteractions(n, nameOf, missing);
    if (own.length) return own;
    const link = n.type === 'TEXT' ? n.style?.hyperlink : undefined;
    if (link?.type === 'URL' && link.url) return [{ trigger: { type: 'ON_CLICK' }, outcomes: [{ kind: 'url', url: link.url }] }];
    if (link?.type === 'NODE' && link.nodeID) {
      return [{ trigger: { type: 'ON_CLICK' }, outcomes: [{ kind: 'screen', targetId: link.nodeID, target: nameOf(link.nodeID) ?? link.nodeID } as Outcome] }];
    }
    stack.push(...(n.children ?? []).filter((c) => c.visible !== false));
  }
  return [];
}

function toElement(f: Found, nameOf: (id: string) => string | null, missing: string[]): UiElement {
  const { node, role } = f;
  const interactions = interactionsIn(node, nameOf, missing);
  if (role.role === 'input') {
    // a field named only "Input" learns its kind from its placeholder ("you@…") or its label ("Password")
    const placeholder = texts(node, 3).find((t) => isPlaceholderText(t.characters ?? ''))?.characters ?? '';
    const guess = role.kind === 'text' ? textKind(new Set(), placeholder) : role.kind;
    const label = inputLabel(node, guess, f.siblings, f.index);
    const value = role.kind === 'select' ? selectValue(node, label) : null;
    const kind = guess === 'text' ? textKind(new Set(words(label)), placeholder) : guess;
    return { id: node.id, role: 'input', kind, label, ...(value ? { value } : {}), ancestors: f.ancestors, interactions };
  }
  const label = actionLabel(node);
  // a clickable that names no role: a box around a short text reads as a button, bare text as a link
  const inner = f.clickable && node.type !== 'TEXT' ? texts(node, 3).length : -1;
  const structural = inner < 0 ? null : isBox(node) && inner >= 1 && inner <= 2 ? 'button' : inner >= 1 ? 'link' : 'element';
  const kind = f.nav ? 'nav-item' : (structural ?? (role.role === 'button' ? 'button' : 'link'));
  return { id: node.id, role: kind, label, ancestors: f.ancestors, interactions };
}

// buttons that leave a form without sending it never fill it; one that sends it may sit apart from its fields
const typed = (i: UiElement) => TYPED.has(i.kind ?? '');
const LEAVES = /^(back|cancel|close|skip|dismiss|later|not now|go back)\b/i;
const SENDS = /\b(sign ?in|log ?in|sign ?up|register|submit|save|send|continue|next|create|confirm|apply|search|update|done|ok|join|subscribe|pay|checkout|reset)\b/i;

/**
 * Forms: a button's form is the closest layer above it that holds fields, and those fields (the screen, when
 * nothing closer does and the button reads as sending); fields no button claims make one form without a button.
 */
function formsOf(screenId: string, elements: UiElement[]): Form[] {
  const inputs = elements.filter((e) => e.role === 'input');
  const forms = new Map<string, Form>();
  for (const b of elements.filter((e) => e.role === 'button' && !LEAVES.test(e.label))) {
    const near = [...b.ancestors].reverse().find((a) => inputs.some((i) => i.ancestors.includes(a)));
    const holder = near ?? (inputs.length && (b.ancestors.length === 0 || SENDS.test(b.label)) ? screenId : null);
    if (holder === null) continue;
    const held = holder === screenId ? inputs : inputs.filter((i) => i.ancestors.includes(holder));
    // a list of checkboxes beside a button ("Select all", a table's rows) is no form; typed fields make one
    if (!held.some(typed) && !SENDS.test(b.label)) continue;
    const form = forms.get(holder) ?? { id: holder, inputs: held, buttons: [] };
    form.buttons.push(b);
    forms.set(holder, form);
  }
  const claimed = new Set([...forms.values()].flatMap((f) => f.inputs));
  const rest = inputs.filter((i) => !claimed.has(i));
  if (rest.some(typed)) forms.set(`${screenId}#fields`, { id: screenId, inputs: rest, buttons: [] });
  return [...forms.values()];
}
