// What a layer is for a user: an input (of which kind), a button, a link or a navigation container — from its
// name, the name of the component it is an instance of, and its structure (a bordered box holding one
// placeholder text is a field whatever it is called; an instance exposing a Placeholder text property is too).
import type { FigmaNode } from './figma-node';
import { words } from './words';

/** The kinds of input a form step can drive. */
export type InputKind = 'text' | 'email' | 'password' | 'search' | 'phone' | 'number' | 'date' | 'textarea' | 'checkbox' | 'radio' | 'switch' | 'select' | 'slider';

/** A layer's role for a user, or null when it is content. */
export type Role = { role: 'input'; kind: InputKind } | { role: 'button' } | { role: 'link' } | { role: 'navigation' } | null;

const has = (w: ReadonlySet<string>, ...any: string[]) => any.some((x) => w.has(x));
const pair = (list: readonly string[], a: string, b: string) => list.some((x, i) => x === a && list[i + 1] === b);

/** Kind of a text-like input from the words around it (name, component, placeholder). */
export function textKind(w: ReadonlySet<string>, placeholder = ''): InputKind {
  if (has(w, 'password', 'passcode', 'pwd')) return 'password';
  if (has(w, 'email', 'mail')) return 'email';
  if (has(w, 'search')) return 'search';
  if (has(w, 'phone', 'tel', 'telephone', 'mobile')) return 'phone';
  if (has(w, 'number', 'amount', 'quantity', 'qty', 'age')) return 'number';
  if (has(w, 'date', 'birthday', 'dob')) return 'date';
  if (/^[•*●·]{3,}$/.test(placeholder.trim())) return 'password';
  if (placeholder.includes('@')) return 'email';
  return 'text';
}

/** Widget kinds named outright; order matters ("Radio Button" is a radio, "Search Button" a button). */
function namedRole(list: readonly string[], w: ReadonlySet<string>): Role {
  if (has(w, 'radio', 'radiobutton')) return { role: 'input', kind: 'radio' };
  if (has(w, 'checkbox', 'checkmark') || pair(list, 'check', 'box')) return { role: 'input', kind: 'checkbox' };
  if (has(w, 'button', 'btn', 'cta', 'submit')) return { role: 'button' };
  if (has(w, 'switch', 'toggle')) return { role: 'input', kind: 'switch' };
  if (has(w, 'select', 'dropdown', 'combobox', 'picker', 'listbox') || pair(list, 'drop', 'down')) return { role: 'input', kind: 'select' };
  if (has(w, 'slider')) return { role: 'input', kind: 'slider' };
  if (has(w, 'textarea', 'multiline') || pair(list, 'text', 'area')) return { role: 'input', kind: 'textarea' };
  if (has(w, 'input', 'field', 'textfield', 'textbox', 'textinput') || pair(list, 'text', 'box')) return { role: 'input', kind: textKind(w) };
  if (has(w, 'link', 'hyperlink', 'anchor')) return { role: 'link' };
  if (has(w, 'nav', 'navbar', 'navigation', 'menu', 'menubar', 'sidebar', 'tabbar', 'tabs', 'breadcrumb', 'breadcrumbs') || pair(list, 'tab', 'bar') || pair(list, 'bottom', 'bar')) {
    return { role: 'navigation' };
  }
  return null;
}

const visible = (paints: readonly { visible?: boolean }[] | undefined) => (paints ?? []).some((p) => p.visible !== false);

/** The visible TEXT nodes under `node` (itself included), in document order. */
export function texts(node: FigmaNode, limit = Infinity): FigmaNode[] {
  const out: FigmaNode[] = [];
  const stack: FigmaNode[] = [node];
  while (stack.length && out.length < limit) {
    const n = stack.pop()!;
    if (n.visible === false) continue;
    if (n.type === 'TEXT' && (n.characters ?? '').trim() !== '') out.push(n);
    const ch = n.children ?? [];
    for (let i = ch.length - 1; i >= 0; i--) stack.push(ch[i]!);
  }
  return out;
}

/** Text that reads as a field's placeholder: "Enter your email", "you@example.com", "••••••". */
export function isPlaceholderText(text: string): boolean {
  const t = text.trim();
  return /^(e\.g\.|(enter|type|your|search|select|choose|pick|write|add)\b)/i.test(t) || /\S@\S/.test(t) || /^[•*●·]{3,}$/.test(t) || /^(dd|mm|yyyy)\b/i.test(t);
}

/**
 * The role of a non-TEXT layer, from its name and its component's names first, then its structure.
 * `componentNames` are the names of the component (and its set) that an instance comes from.
 */
export function classify(node: FigmaNode, componentNames: readonly string[] = []): Role {
  if (node.type === 'TEXT') return null;
  const list = [node.name ?? '', ...componentNames].flatMap(words);
  const w = new Set(list);
  const named = namedRole(list, w);
  if (named) return named.role === 'navigation' && !node.children?.length ? null : named;
  // an instance exposing a Placeholder / Value text property is a field whatever the component is called
  const props = Object.entries(node.componentProperties ?? {});
  if (props.some(([k, p]) => p.type === 'TEXT' && /^(placeholder|value|hint)\b/i.test(k))) {
    const ph = props.find(([k]) => /^placeholder\b/i.test(k))?.[1].value;
    return { role: 'input', kind: textKind(w, typeof ph === 'string' ? ph : '') };
  }
  // a bordered box around one placeholder-like text is a field; a box named "Email" around one text is too
  if (node.children?.length && visible(node.strokes)) {
    const inner = texts(node, 3);
    const only = inner.length === 1 ? (inner[0]!.characters ?? '') : null;
    if (only !== null && (isPlaceholderText(only) || textKind(w) !== 'text')) return { role: 'input', kind: textKind(w, only) };
  }
  return null;
}

/** Whether a node paints a box (fills or strokes): an interactive box with a short text reads as a button. */
export function isBox(node: FigmaNode): boolean {
  return visible(node.fills) || visible(node.strokes);
}
