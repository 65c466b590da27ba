// Token paths from Figma names. A Figma name "color/brand/primary" is the path color.brand.primary (groups from
// `name.split('/')`). DTCG names (Format §5.1.1) must not contain `{`, `}` or `.` and must not start with `$`,
// so those are replaced (`.` → `_`, braces → parentheses, a leading `$` → `_`). Two more cases have no
// counterpart in Figma's model and are resolved here, deterministically:
//  - a variable whose path is also a group ("a" and "a/b"): the variable becomes the group's `$root` token
//    (Format §6.2 "Root tokens in groups");
//  - two variables with one path (Figma allows it, e.g. a deleted-but-referenced variable beside its
//    replacement): the first keeps the name, the next get " (2)", " (3)" …; live variables are named first.
// Every path that differs from the plain split is reported, with the variable's id.

/** One name segment made a valid DTCG name; '' when nothing is left. */
export function sanitizeSegment(segment: string): string {
  const s = segment.trim().replaceAll('.', '_').replaceAll('{', '(').replaceAll('}', ')');
  return s.startsWith('$') ? `_${s.slice(1)}` : s;
}

// what a segment may need changed: DTCG's forbidden characters, a leading `$`, spaces to trim, empty segments
const NEEDS_WORK_IN_NAME = /[.{}]|(^|\/)\$|(^|\/)\s|\s($|\/)|\/\/|^\/|\/$|^$/;

/** A Figma name as path segments (never empty). */
export function splitName(name: string): string[] {
  // most names need no change: one test, one split
  if (!NEEDS_WORK_IN_NAME.test(name)) return name.split('/');
  const parts = name.split('/').map(sanitizeSegment).filter((s) => s !== '');
  return parts.length ? parts : ['_'];
}

/** Whether splitName changes the name (other than splitting it). */
export function nameNeedsWork(name: string): boolean {
  return NEEDS_WORK_IN_NAME.test(name);
}

// segments repeat across thousands of names ("color", "bg", "500"): remember them (bounded)
const slugs = new Map<string, string>();

/** Lower-case words joined by '-', for CSS names and resolver keys; letters of any script are kept. */
export function slug(text: string): string {
  const known = slugs.get(text);
  if (known !== undefined) return known;
  const out = /^[\x20-\x7e]*$/.test(text)
    ? text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
    : text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '');
  if (slugs.size >= 10_000) slugs.clear();
  slugs.set(text, out);
  return out;
}

/** Gives each name of a list a unique variant: the name itself, then "name (2)", "name (3)" … */
export function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
    taken.add(candidate);
    return candidate;
  });
}

/** Like uniqueNames for slugs: "modes", "modes-2" …; an empty slug becomes `fallback`. */
export function uniqueSlugs(names: string[], fallback: string): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = slug(name) || fallback;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}

export interface PathRequest {
  /** Who asks (a variable id, a style id). */
  id: string;
  name: string;
  /** Named after every non-deferred request (deleted-but-referenced variables). */
  deferred?: boolean;
}

export interface AllocatedPath {
  segments: string[];
  /** True when the path is not the plain split of the name (sanitised, suffixed or made a `$root`). */
  renamed: boolean;
}

/** A group of allocatePaths' tree: its children by name (`true`: a token's leaf, taken), and whether its `$root` is. */
interface PathGroup {
  kids: Map<string, PathGroup | true>;
  rootTaken: boolean;
}

const newGroup = (): PathGroup => ({ kids: new Map(), rootTaken: false });

/**
 * Unique paths (relative to their group) for the names of one group, in request order. `isDeferred` reads a
 * request's `deferred` (a caller with its own objects, e.g. variables, says how instead of copying them).
 */
export function allocatePaths<R extends Pick<PathRequest, 'name'>>(requests: readonly R[], isDeferred: (r: R) => boolean = (r) => Boolean((r as { deferred?: boolean }).deferred)): AllocatedPath[] {
  // a tree of the groups every name implies (all of them, before any name is placed), walked by segment: no path
  // string is built, and each group's lookups stay in a small map
  const splits: string[][] = new Array(requests.length);
  const parents: PathGroup[] = new Array(requests.length);
  const root = newGroup();
  // whether each name needs more than a split (one test per name: `renamed` below asks again)
  const worked: boolean[] = new Array(requests.length);
  for (let r = 0; r < requests.length; r++) {
    const name = requests[r]!.name;
    const needsWork = nameNeedsWork(name);
    worked[r] = needsWork;
    const segments = needsWork ? splitName(name) : name.split('/');
    splits[r] = segments;
    let at = root;
    for (let i = 0; i < segments.length - 1; i++) {
      let next = at.kids.get(segments[i]!);
      if (next === undefined || next === true) at.kids.set(segments[i]!, (next = newGroup()));
      at = next;
    }
    parents[r] = at;
  }
  const out: AllocatedPath[] = new Array(requests.length);
  const place = (r: R, index: number) => {
    const plain = splits[index]!;
    const parent = parents[index]!;
    const last = plain[plain.length - 1]!;
    for (let n = 1; ; n++) {
      const leaf = n === 1 ? last : `${last} (${n})`;
      const here = parent.kids.get(leaf);
      // a path that is also a group holds the token as its $root
      const isGroup = here !== undefined && here !== true;
      if ((isGroup ? here.rootTaken : here === true) || (n > 1 && isGroup)) continue;
      if (isGroup) here.rootTaken = true;
      else parent.kids.set(leaf, true);
      const segments = n === 1 && !isGroup ? plain : [...plain.slice(0, -1), leaf, ...(isGroup ? ['$root'] : [])];
      out[index] = { segments, renamed: segments !== plain || (worked[index]! && plain.join('/') !== r.name) };
      return;
    }
  };
  requests.forEach((r, i) => !isDeferred(r) && place(r, i));
  requests.forEach((r, i) => isDeferred(r) && place(r, i));
  return out;
}
