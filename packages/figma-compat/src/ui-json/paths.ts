// JSON paths as the UI JSON reports name them: `page.sections[0].blocks[1].components[2].props.href` — dotted keys,
// bracketed indexes, a key that is not an identifier quoted (`props["data-x"]`).

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of `key` under `parent` (`''` is the document root). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!IDENT.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent ? `${parent}.${key}` : key;
}

/** A zod issue path (`['page', 'sections', 0]`) in the same notation. */
export function pathOf(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const s of segments) out = childPath(out, typeof s === 'number' ? s : String(s));
  return out;
}
