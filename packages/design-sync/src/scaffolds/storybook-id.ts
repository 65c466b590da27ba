// Storybook's story ids (storybook/internal/csf): `toId(title, storyNameFromExport(exportName))`, each part
// lower-cased with punctuation and spaces turned into single dashes (`sanitize`); a story's name defaults to its
// export name in start case ("PrimaryLarge" → "Primary Large").

/** Storybook's `sanitize`: lower case, punctuation and spaces → "-", runs of dashes collapsed, none at the ends. */
export function sanitize(s: string): string {
  return s
    .toLowerCase()
    .replace(/[ ’–—―′¿'`~!@#$%^&*()_|+\-=?;:'",.<>{}[\]\\/]/gi, '-')
    .replace(/-+/g, '-')
    .replace(/^-+/, '')
    .replace(/-+$/, '');
}

/** Storybook's `storyNameFromExport` (start case): "PrimaryLarge" → "Primary Large", "size2XL" → "Size 2 XL". */
export function storyNameFromExport(key: string): string {
  return key
    .replace(/_/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\./g, ' ')
    .replace(/([^\n])([A-Z])([a-z])/g, (_m, a: string, b: string, c: string) => `${a} ${b}${c}`)
    .replace(/([a-z])([A-Z])/g, (_m, a: string, b: string) => `${a} ${b}`)
    .replace(/([a-z])([0-9])/gi, (_m, a: string, b: string) => `${a} ${b}`)
    .replace(/([0-9])([a-z])/gi, (_m, a: string, b: string) => `${a} ${b}`)
    .replace(/(\s|^)(\w)/g, (_m, a: string, b: string) => `${a}${b.toUpperCase()}`)
    .replace(/ +/g, ' ')
    .trim();
}

/** Storybook's `toId`; a part with nothing left after sanitizing (Storybook throws on it) falls back to `fallback`. */
export function toId(title: string, name: string, fallback = 'component'): string {
  return `${sanitize(title) || sanitize(fallback) || 'component'}--${sanitize(name) || 'story'}`;
}
