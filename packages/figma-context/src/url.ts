/**
 * Figma URL / (file_key, node_id) parsing. Every failure names what is wrong so the caller can show
 * the message to the user as is.
 */

/** The design kinds the REST files API can serve (`board` is FigJam). */
export type FigmaKind = 'file' | 'design' | 'proto' | 'board';

export interface FigmaRef {
  /** The key to call the REST API with — for a branch URL this is the branch key. */
  fileKey: string;
  /** Normalised colon form (`9:5240`, `I5666:180910;1:10515`). */
  nodeId?: string;
  kind: FigmaKind;
  /** Set for branch URLs (equals `fileKey`). */
  branchKey?: string;
  /** Set for branch URLs: the key of the file the branch belongs to. */
  mainFileKey?: string;
}

export type FigmaRefErrorCode =
  | 'empty'
  | 'not-a-url'
  | 'not-figma'
  | 'no-file-key'
  | 'bad-file-key'
  | 'unsupported-kind'
  | 'bad-node-id';

export type FigmaRefResult =
  | { ok: true; value: FigmaRef }
  | { ok: false; code: FigmaRefErrorCode; message: string };

const KINDS: ReadonlySet<string> = new Set(['file', 'design', 'proto', 'board']);

// Path heads that are figma.com pages but not files the REST files API can return.
const UNSUPPORTED: Readonly<Record<string, string>> = {
  slides: 'a Figma Slides deck',
  deck: 'a Figma Slides deck',
  make: 'a Figma Make project',
  site: 'a Figma Sites site',
  buzz: 'a Figma Buzz file',
  community: 'a Community page, not a file (open it and use "Open in Figma" to get a file URL)',
  files: 'a file browser page, not a file',
  team: 'a team page, not a file',
  project: 'a project page, not a file',
};

const FILE_KEY = /^[A-Za-z0-9]{6,128}$/;
const NODE_ID = /^I?\d+:\d+(?:;\d+:\d+)*$/;

function fail(code: FigmaRefErrorCode, message: string): FigmaRefResult {
  return { ok: false, code, message };
}

/** Normalises a node id from URL (`9-5240`), colon (`9:5240`) or encoded (`9%3A5240`) form, or null if malformed. */
export function normalizeNodeId(raw: string): string | null {
  let id = raw.trim();
  if (id.includes('%')) {
    try {
      id = decodeURIComponent(id);
    } catch {
      return null;
    }
  }
  // URLs use `-` where the API uses `:`; instance ids keep their `;` separators.
  id = id.replace(/-/g, ':');
  return NODE_ID.test(id) ? id : null;
}

function checkKey(key: string, what: string): FigmaRefResult | null {
  if (key === '') return fail('no-file-key', `The ${what} is missing.`);
  if (!FILE_KEY.test(key)) {
    return fail('bad-file-key', `"${key}" is not a valid Figma ${what} (expected 6+ letters and digits).`);
  }
  return null;
}

function withNode(ref: FigmaRef, rawNode: string | null | undefined): FigmaRefResult {
  if (rawNode === undefined || rawNode === null) return { ok: true, value: ref };
  const nodeId = normalizeNodeId(rawNode);
  if (nodeId === null) {
    return fail(
      'bad-node-id',
      `node-id "${rawNode}" is malformed (expected forms like 9-5240, 9:5240 or I5666:180910;1:10515).`,
    );
  }
  return { ok: true, value: { ...ref, nodeId } };
}

/** Parses a figma.com file/design/proto/board URL (branch URLs included) into the key and node to fetch. */
export function parseFigmaUrl(input: string): FigmaRefResult {
  const text = input.trim();
  if (text === '') return fail('empty', 'No Figma URL was given.');
  // People paste links without the scheme; only accept that for figma.com itself.
  const withScheme = /^(www\.)?figma\.com\//i.test(text) ? `https://${text}` : text;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail('not-a-url', `"${text}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('not-a-url', `"${text}" is not an http(s) URL.`);
  }
  const host = url.hostname.toLowerCase();
  if (host !== 'figma.com' && host !== 'www.figma.com') {
    return fail('not-figma', `"${url.hostname}" is not figma.com.`);
  }
  const parts = url.pathname.split('/').filter((p) => p !== '');
  const head = parts[0]?.toLowerCase();
  if (head === undefined) return fail('no-file-key', 'The URL has no file path (expected figma.com/design/<file key>/…).');
  const unsupported = UNSUPPORTED[head];
  if (unsupported !== undefined) {
    return fail('unsupported-kind', `The URL is ${unsupported}; the Figma REST API cannot read it.`);
  }
  if (!KINDS.has(head)) {
    return fail('unsupported-kind', `"/${parts[0]}/" URLs are not Figma files (expected /design/, /file/, /proto/ or /board/).`);
  }
  const kind = head as FigmaKind;
  const key = parts[1] ?? '';
  const keyError = checkKey(key, 'file key');
  if (keyError) return keyError;
  const rawNode = url.searchParams.get('node-id');
  if (parts[2]?.toLowerCase() === 'branch') {
    const branchKey = parts[3] ?? '';
    const branchError = checkKey(branchKey, 'branch key');
    if (branchError) return branchError;
    return withNode({ fileKey: branchKey, kind, branchKey, mainFileKey: key }, rawNode);
  }
  return withNode({ fileKey: key, kind }, rawNode);
}

/** Validates the non-URL input form (`file_key` + optional `node_id`). */
export function fileKeyAndNode(fileKey: string, nodeId?: string | null): FigmaRefResult {
  const key = fileKey.trim();
  // A pasted URL in the key field is a common mistake; say so rather than "invalid key".
  if (/^(https?:\/\/|(www\.)?figma\.com\/)/i.test(key)) {
    return fail('bad-file-key', 'file_key looks like a URL; pass the URL as a URL or just the key part.');
  }
  const keyError = checkKey(key, 'file key');
  if (keyError) return keyError;
  return withNode({ fileKey: key, kind: 'file' }, nodeId === '' ? null : nodeId);
}
