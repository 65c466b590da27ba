// bdd/from-ui: Gherkin for a cogo_ui_json page through the one Figma generator. The page becomes a Figma-shaped
// CANVAS: sections → top-level FRAMEs (the screens), blocks → FRAMEs, components → INSTANCE / TEXT / FRAME nodes
// named so that classify() reads exactly the role decided here, and actions → prototype interactions
// (click/submit → ON_CLICK; navigate → NAVIGATE to the target's section, scroll_to → SCROLL_TO the target's
// section or block, open_url → URL). The first section that navigates elsewhere starts the page's flow, so a
// journey across sections is written when it has two hops or more.
import { SAFE_URL_PATTERN, type CogoUiJson, type UiAction, type UiBlock, type UiComponentNode, type UiSection } from '@cogo/types';
import { classify, textKind, type InputKind, type Role } from './classify';
import type { FigmaAction, FigmaInteraction, FigmaNode } from './figma-node';
import { generateFeature, type GeneratedFeature } from './generate';
import { capitalize, oneLine, slug, words } from './words';

/** A Figma-shaped page made from a cogo_ui_json document, and what the conversion left out. */
export interface UiBddPage {
  page: FigmaNode;
  warnings: string[];
}

type Props = NonNullable<UiComponentNode['props']>;
type Mutable = FigmaNode & { children?: FigmaNode[]; interactions?: FigmaInteraction[] };
type Element = 'input' | 'button' | 'link';

// types that show content: never a field, button or link, whatever their name says
const TEXTUAL = new Set(['text', 'heading', 'title', 'subtitle', 'paragraph', 'label', 'caption', 'badge', 'quote', 'markdown']);
const CONTENT = new Set([...TEXTUAL, 'image', 'icon', 'video', 'avatar', 'logo', 'divider', 'spacer', 'illustration']);
// field types the classifier's widget words leave out (they name what a field takes, as HTML's input types do)
const FIELD_TYPES: Record<string, InputKind> = { password: 'password', email: 'email', tel: 'phone', phone: 'phone', search: 'search', number: 'number', date: 'date' };
// names the classifier reads as each input kind (bdd/classify.test.ts checks the same words)
const INPUT_NAMES: Record<InputKind, string> = {
  text: 'Text Input',
  email: 'Email Input',
  password: 'Password Input',
  search: 'Search Input',
  phone: 'Phone Input',
  number: 'Number Input',
  date: 'Date Input',
  textarea: 'Textarea',
  checkbox: 'Checkbox',
  radio: 'Radio',
  switch: 'Switch',
  select: 'Select',
  slider: 'Slider',
};
const NON_EMPTY: readonly FigmaNode[] = [{ id: '-', type: 'FRAME' }];

const str = (v: unknown): string | undefined => (typeof v === 'string' && oneLine(v) !== '' ? oneLine(v) : undefined);
/** "first_name" → "First name": a form field's `name` prop as a user would read it. */
const humanize = (v: unknown) => (str(v) ? capitalize(words(str(v)!).join(' ')) || undefined : undefined);
/** The role classify() gives a layer of this name (with children or not). */
const probe = (name: string, kids: boolean): Role => classify({ id: '-', type: 'INSTANCE', name, ...(kids ? { children: NON_EMPTY } : {}) });
const same = (a: Role, b: Role) => JSON.stringify(a) === JSON.stringify(b);
const textProp = (value: string) => ({ type: 'TEXT', value });

/** The role of a component: its type first, then the stored component it uses, then its name. */
function decideRole(n: UiComponentNode): Role {
  if (CONTENT.has(n.type)) return null;
  const kids = !!n.children?.length;
  const field = FIELD_TYPES[n.type];
  let role: Role = field ? { role: 'input', kind: field } : probe(n.type, kids);
  role ??= n.component ? probe(n.component.name, kids) : null;
  role ??= n.name ? probe(n.name, kids) : null;
  if (role?.role !== 'input') return role;
  // an input's `type` prop works like HTML's: type=password, type=checkbox, type=submit
  const t = str(n.props?.type)?.toLowerCase();
  const byProp: Role = t ? (FIELD_TYPES[t] ? { role: 'input', kind: FIELD_TYPES[t]! } : probe(t, false)) : null;
  if (byProp?.role === 'button' || (byProp?.role === 'input' && byProp.kind !== 'text')) return byProp;
  if (role.kind !== 'text') return role;
  const about = [n.name, n.component?.name, n.props?.name, n.props?.label, n.text, n.props?.placeholder].filter((x) => typeof x === 'string').join(' ');
  return { role: 'input', kind: textKind(new Set(words(about)), str(n.props?.placeholder) ?? '') };
}

/** A layer name that classify() reads as `role`: the node's own when it does, else a canonical one. */
function nameFor(role: Role, candidates: readonly (string | undefined)[], kids: boolean): string {
  const own = candidates.find((c): c is string => c !== undefined && !!str(c) && same(probe(c, kids), role));
  if (own) return own;
  if (role === null) return 'Group';
  if (role.role === 'input') return INPUT_NAMES[role.kind];
  return { button: 'Button', link: 'Link', navigation: 'Navigation' }[role.role];
}

/** Where ids lead: each node's section, and its closest section-or-block frame (the targets of actions). */
interface Targets {
  section: Map<string, string>;
  frame: Map<string, string>;
}

function indexTargets(sections: readonly UiSection[]): Targets {
  const t: Targets = { section: new Map(), frame: new Map() };
  const put = (id: string, section: string, frame: string) => {
    if (!t.section.has(id)) t.section.set(id, section);
    if (!t.frame.has(id)) t.frame.set(id, frame);
  };
  const walk = (n: UiComponentNode, section: string, frame: string) => {
    put(n.id, section, frame);
    for (const c of n.children ?? []) walk(c, section, frame);
  };
  for (const s of sections) put(s.id, s.id, s.id);
  for (const s of sections) {
    for (const b of s.blocks) {
      put(b.id, s.id, b.id);
      for (const c of b.components) walk(c, s.id, b.id);
    }
  }
  // a target may name a section by its type or name ("pricing", "#pricing", "Pricing plans") when no id matches
  for (const s of sections) for (const key of [s.type, slug(s.name), slug(s.name, '_')]) if (key) put(key, s.id, s.id);
  return t;
}

interface Ctx {
  targets: Targets;
  warnings: string[];
  /** Sections each section navigates to, for the flow's start. */
  links: Map<string, Set<string>>;
  section: string;
  /** The role decided for each converted node that has one. */
  roles: WeakMap<FigmaNode, Element>;
}

/** The Figma action of a UI action, or null when it leads nowhere a step can name (submit, toggle, custom). */
function figmaAction(a: UiAction, at: string, ctx: Ctx): FigmaAction | null {
  if (a.type === 'open_url') {
    if (!a.url) ctx.warnings.push(`${at}: open_url without a url, left out`);
    return a.url ? { type: 'URL', url: a.url } : null;
  }
  if (a.type !== 'navigate' && a.type !== 'scroll_to') return null;
  if (!a.target) {
    ctx.warnings.push(`${at}: ${a.type} without a target, left out`);
    return null;
  }
  const key = a.target.replace(/^#/, '');
  const map = a.type === 'navigate' ? ctx.targets.section : ctx.targets.frame;
  // an unknown target (another page) stays as written: the generator reports links to nodes not on the page
  const destinationId = map.get(key) ?? map.get(slug(key)) ?? a.target;
  if (a.type === 'navigate' && ctx.targets.section.has(destinationId) && destinationId !== ctx.section) {
    ctx.links.get(ctx.section)?.add(destinationId);
  }
  return { type: 'NODE', destinationId, navigation: a.type === 'navigate' ? 'NAVIGATE' : 'SCROLL_TO' };
}

/** Prototype interactions of a node's click and submit actions; submit ones apart (they belong to a form's button). */
function interactionsOf(n: UiComponentNode, role: Role, at: string, ctx: Ctx): { click: FigmaInteraction[]; submit: FigmaInteraction[] } {
  const out = { click: [] as FigmaInteraction[], submit: [] as FigmaInteraction[] };
  (n.actions ?? []).forEach((a, i) => {
    if (a.on !== 'click' && a.on !== 'submit') {
      if (a.type === 'navigate' || a.type === 'scroll_to' || a.type === 'open_url') ctx.warnings.push(`${at}.actions[${i}]: an on "${a.on}" action is no user path, left out`);
      return;
    }
    const action = figmaAction(a, `${at}.actions[${i}]`, ctx);
    if (action) out[a.on].push({ trigger: { type: 'ON_CLICK' }, actions: [action] });
  });
  // a link's href is where it goes when no action says otherwise; props are not URL-checked by the schema
  const href = str(n.props?.href) ?? str(n.props?.url);
  if (!out.click.length && !out.submit.length && href && SAFE_URL_PATTERN.test(href) && role?.role === 'link') out.click.push({ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'URL', url: href }] });
  return out;
}

/** The first button below `node` that no action leads anywhere yet: the one that sends a form. */
function firstIdleButton(node: FigmaNode, ctx: Ctx): Mutable | null {
  for (const c of node.children ?? []) {
    if (ctx.roles.get(c) === 'button' && !c.interactions?.length) return c as Mutable;
    const below = firstIdleButton(c, ctx);
    if (below) return below;
  }
  return null;
}

/** Label and placeholder of a field as component properties (what bdd/labels reads first). */
function fieldProperties(n: UiComponentNode, props: Props): NonNullable<FigmaNode['componentProperties']> {
  const label = str(props.label) ?? str(props.aria_label) ?? str(props.ariaLabel) ?? str(n.text) ?? humanize(props.name);
  const placeholder = str(props.placeholder) ?? str(props.hint);
  return { ...(label ? { Label: textProp(label) } : {}), ...(placeholder ? { Placeholder: textProp(placeholder) } : {}) };
}

function convertComponent(n: UiComponentNode, at: string, ctx: Ctx): FigmaNode {
  const props = n.props ?? {};
  const children = (n.children ?? []).map((c, i) => convertComponent(c, `${at}.children[${i}]`, ctx));
  const base = { id: n.id, ...(children.length ? { children } : {}) };
  if (TEXTUAL.has(n.type)) {
    const characters = str(n.text) ?? str(props.text) ?? str(props.content) ?? str(props.title) ?? str(props.label) ?? '';
    const { click, submit } = interactionsOf(n, null, at, ctx);
    return { ...base, type: 'TEXT', name: n.name ?? n.type, characters, ...(click.length || submit.length ? { interactions: [...click, ...submit] } : {}) };
  }
  let role = decideRole(n);
  // an element holding another of its kind (a button group, a field wrapper) is a container, as in page-model
  if (role && role.role !== 'navigation' && holds(children, role.role, ctx)) role = null;
  const { click, submit } = interactionsOf(n, role, at, ctx);
  const name = nameFor(role, [n.name, n.component?.name, n.type], children.length > 0);
  const out: Mutable = { ...base, type: role && role.role !== 'navigation' ? 'INSTANCE' : 'FRAME', name };
  if (role?.role === 'input') {
    out.componentProperties = fieldProperties(n, props);
    const value = role.kind === 'select' ? str(props.value) : undefined;
    if (value) out.children = [...children, { id: `${n.id}.value`, type: 'TEXT', name: 'Value', characters: value }];
  } else if (role?.role === 'button' || role?.role === 'link') {
    const label = str(n.text) ?? str(props.label) ?? str(props.text) ?? str(props.title) ?? (hasText(children) ? undefined : str(n.name));
    if (label) out.componentProperties = { Label: textProp(label) };
  }
  if (role && role.role !== 'navigation') ctx.roles.set(out, role.role);
  const own = role?.role === 'button' ? [...click, ...submit] : click;
  if (own.length) out.interactions = own;
  if (role?.role !== 'button' && submit.length) {
    // a form's submit action is its button's: on the container it would make the whole form one clickable
    const button = firstIdleButton(out, ctx);
    if (button) button.interactions = submit;
    else ctx.warnings.push(`${at}: a submit action on a node with no button to press, left out`);
  }
  return out;
}

const hasText = (nodes: readonly FigmaNode[]): boolean => nodes.some((c) => (c.type === 'TEXT' && !!c.characters) || hasText(c.children ?? []));
const holds = (nodes: readonly FigmaNode[], role: string, ctx: Ctx): boolean => nodes.some((c) => ctx.roles.get(c) === role || holds(c.children ?? [], role, ctx));

function convertBlock(b: UiBlock, at: string, ctx: Ctx): FigmaNode {
  const children = b.components.map((c, i) => convertComponent(c, `${at}.components[${i}]`, ctx));
  return { id: b.id, type: 'FRAME', name: nameFor(null, [b.name, b.type], children.length > 0), children };
}

/**
 * The Figma-shaped CANVAS of a cogo_ui_json page, with what the conversion left out (actions that lead
 * nowhere a user sees, submit actions with no button). Never throws on a schema-valid document.
 */
export function uiPageToBdd(doc: CogoUiJson): UiBddPage {
  const { page } = doc;
  const ctx: Ctx = { targets: indexTargets(page.sections), warnings: [], links: new Map(page.sections.map((s) => [s.id, new Set<string>()])), section: '', roles: new WeakMap() };
  const frames = page.sections.map((s, i): FigmaNode => {
    ctx.section = s.id;
    const children = s.blocks.map((b, k) => convertBlock(b, `page.sections[${i}].blocks[${k}]`, ctx));
    return { id: s.id, type: 'FRAME', name: s.name, children };
  });
  const start = page.sections.find((s) => ctx.links.get(s.id)?.size);
  const canvas: FigmaNode = {
    id: page.id,
    type: 'CANVAS',
    name: page.name,
    children: frames,
    ...(start ? { flowStartingPoints: [{ nodeId: start.id, name: page.name }] } : {}),
  };
  return { page: canvas, warnings: ctx.warnings };
}

/** The Figma-shaped CANVAS of a cogo_ui_json page, ready for `generateFeature` (see `uiPageToBdd`). */
export function uiPageToBddNode(doc: CogoUiJson): FigmaNode {
  return uiPageToBdd(doc).page;
}

/** Gherkin for a cogo_ui_json page: `generateFeature` over `uiPageToBddNode`, conversion warnings first. */
export function uiFeature(doc: CogoUiJson, options: { maxScenarios?: number } = {}): GeneratedFeature {
  const { page, warnings } = uiPageToBdd(doc);
  const feature = generateFeature(page, options.maxScenarios === undefined ? {} : { maxScenarios: options.maxScenarios });
  return { ...feature, warnings: [...warnings, ...feature.warnings] };
}
