// Word handling for layer and component names: "TextField/Email", "btn-primary", "Input / Password" all split
// into lowercase words so one keyword table recognises them.

/** Splits a layer or component name into lowercase words (camelCase, separators, digits). */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** One line, single spaces, no control characters. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `text` cut to `max` characters with an ellipsis, on one line. */
export function clip(text: string, max = 80): string {
  const t = oneLine(text);
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** Figma's default layer names ("Frame 12", "Group", "Rectangle 3"): they say nothing about what a node is. */
export function isGenericName(name: string): boolean {
  return /^(frame|group|rectangle|ellipse|vector|text|instance|component|layer|auto layout|section|line|union|subtract|container|content|wrapper|div|box)(\s*\d+)?$/i.test(
    oneLine(name),
  );
}

/** "sign in" → "Sign in". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A slug for tags and outline placeholders: lowercase words joined by `-` (or `_`). */
export function slug(text: string, joiner = '-'): string {
  return words(text).join(joiner);
}
