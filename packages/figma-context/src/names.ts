/**
 * Which layer names carry meaning. Figma names new layers "<Type> <n>"; those names say nothing the
 * type does not, so the compact form drops them.
 */

const AUTO_WORDS: ReadonlySet<string> = new Set([
  'Frame', 'Rectangle', 'Group', 'Ellipse', 'Vector', 'Line', 'Text', 'Polygon', 'Star', 'Union', 'Subtract',
  'Intersect', 'Exclude', 'Arrow', 'Image', 'Slice', 'Section', 'Component', 'Instance', 'Boolean', 'Shape', 'Path', 'Layer',
]);

/** True for Figma's auto-generated layer names such as `Frame 12`, `Rectangle 3`, `Vector`. */
export function isAutoName(name: string): boolean {
  // Called for most nodes: a set lookup plus a digit scan is cheaper than a regex, cold and warm.
  const space = name.indexOf(' ');
  if (space < 0) return AUTO_WORDS.has(name);
  if (space === name.length - 1 || !AUTO_WORDS.has(name.slice(0, space))) return false;
  for (let i = space + 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Parses a variant component name `Size=Large, State=Hover` into props, or null if it is not one. */
export function parseVariantName(name: string): Record<string, string> | null {
  if (!name.includes('=')) return null;
  const props: Record<string, string> = {};
  for (const part of name.split(', ')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    props[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return props;
}

/** Rebuilds the variant name Figma derives from variant props (inverse of parseVariantName). */
export function formatVariantName(props: Record<string, string>): string {
  return Object.entries(props)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}
