// Query parameters of the Figma file endpoints.

/** Parses `depth`: undefined when absent, a positive integer, or null when invalid. */
export function parseDepth(raw: string | null): number | undefined | null {
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) return null;
  const depth = Number(raw);
  return depth >= 1 ? depth : null;
}

/**
 * Parses `ids` ("1:2,3:4"): URLSearchParams already undid one level of percent-encoding; clients that encode
 * the list twice still send "%3A", so decode again. Empty entries and duplicates are dropped, order is kept.
 */
export function parseIds(raw: string | null): string[] {
  if (raw === null) return [];
  const ids = new Set<string>();
  for (const part of raw.split(',')) {
    const id = decodeLoosely(part.trim());
    if (id !== '') ids.add(id);
  }
  return [...ids];
}

function decodeLoosely(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
