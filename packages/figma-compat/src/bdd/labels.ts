// What a user reads on a field or a button, which is what a step names: a label property, a text labelled
// "Label", a meaningful layer name, the text beside a field, its first text, or what its placeholder asks for.
import { isPlaceholderText, texts, type InputKind } from './classify';
import type { FigmaNode } from './figma-node';
import { capitalize, clip, isGenericName, oneLine, words } from './words';

// words that say what a layer is or which state it shows, never what it is about ("Email Input/Default")
const WIDGET_WORDS = new Set(
  'input field textfield textbox textinput text box area textarea button btn cta link component instance default filled empty focused focus active hover pressed disabled error idle placeholder state type size small medium large primary secondary tertiary ghost outline solid variant checkbox check radio switch toggle select dropdown drop down'.split(
    ' ',
  ),
);

/** A layer name with widget and state words removed ("Email Input" → "Email"), or null when nothing is left. */
export function meaningfulName(name: string | undefined): string | null {
  if (!name || isGenericName(name) || name.includes('=')) return null;
  const rest = words(name).filter((w) => !WIDGET_WORDS.has(w) && !/^\d+$/.test(w));
  return rest.length ? capitalize(rest.join(' ')) : null;
}

function textProperty(node: FigmaNode, pattern: RegExp): string | null {
  for (const [k, p] of Object.entries(node.componentProperties ?? {})) {
    if (p.type === 'TEXT' && typeof p.value === 'string' && p.value.trim() && pattern.test(k)) return oneLine(p.value);
  }
  return null;
}

const chars = (n: FigmaNode | undefined) => (n && n.type === 'TEXT' && n.visible !== false ? oneLine(n.characters ?? '') : '');

/** What a placeholder asks for: "Enter your email" → "Email". */
function fromPlaceholder(text: string): string {
  return capitalize(oneLine(text).replace(/^((enter|type|write|add|choose|select|pick)\s+(in\s+)?)?(your|a|an|the)?\s*/i, '').replace(/[.…:]+$/, ''));
}

const KIND_LABEL: Record<InputKind, string> = {
  text: 'Text',
  email: 'Email',
  password: 'Password',
  search: 'Search',
  phone: 'Phone',
  number: 'Number',
  date: 'Date',
  textarea: 'Text',
  checkbox: 'Checkbox',
  radio: 'Option',
  switch: 'Switch',
  select: 'Select',
  slider: 'Slider',
};

/** The label of an input; `siblings` and `index` place it in its parent to find a label beside it. */
export function inputLabel(node: FigmaNode, kind: InputKind, siblings: readonly FigmaNode[], index: number): string {
  const inner = texts(node, 6);
  const byProp = textProperty(node, /^label\b/i);
  const labelled = inner.find((t) => /label/i.test(t.name ?? ''));
  const before = chars(siblings[index - 1]);
  const after = chars(siblings[index + 1]);
  const firstReal = inner.find((t) => !isPlaceholderText(t.characters ?? ''));
  const placeholder = textProperty(node, /^placeholder\b/i) ?? inner.map((t) => t.characters ?? '').find(isPlaceholderText);
  const toggle = kind === 'checkbox' || kind === 'radio' || kind === 'switch';
  const found =
    byProp ??
    (labelled ? chars(labelled) : null) ??
    meaningfulName(node.name) ??
    (toggle ? (firstReal ? chars(firstReal) : null) || after || before : before || (firstReal ? chars(firstReal) : null)) ??
    // "Enter your email" says what the field is; "you@example.com" or "••••" only shows an example
    (placeholder && /^(enter|type|write|add|choose|select|pick|your)\b/i.test(placeholder.trim()) ? fromPlaceholder(placeholder) : null);
  return clip(found || KIND_LABEL[kind], 60);
}

/** The label of a button, link or other clickable: its label property, its first text, or its name. */
export function actionLabel(node: FigmaNode): string {
  const first = texts(node, 1)[0];
  const found = textProperty(node, /^(label|text|title)\b/i) ?? (first ? chars(first) : null) ?? meaningfulName(node.name) ?? oneLine(node.name ?? '');
  return clip(found || node.id, 60);
}

/** The value a select shows (a text that is neither its label nor a placeholder), or null. */
export function selectValue(node: FigmaNode, label: string): string | null {
  const t = texts(node, 4).find((x) => chars(x) !== label && !isPlaceholderText(x.characters ?? ''));
  return t ? clip(chars(t), 60) : null;
}
