/**
 * Fewest Tier-1 calls (issue 8): how many planned chunks one `/nodes` request fetches, or in how many
 * pieces one chunk is fetched, from the sizes of the answers seen so far in the job. The depth=2 skeleton
 * holds no subtree sizes, so the job learns them: its first request is the first chunk alone, then each
 * request takes as many ids as the learned characters per id fit into GROUP_FILL of the response budget —
 * whole chunks together when they are small, a chunk cut into equal pieces when it is large (instead of
 * asking for it whole, being refused and halving). Pure and deterministic: the same answers in the same
 * order give the same requests, so a job replayed from the version cache asks for exactly what the first
 * run asked for.
 */
import type { PlanChunk } from './plan';

/** What answers taught for a set of ids: characters and ids of those that fitted, and a lower bound per id from those that did not. */
export interface SizeEstimate {
  chars: number;
  ids: number;
  /** Characters per id at least: a refused request of n ids was over budget / n. */
  floor: number;
}

/**
 * What the job learned, per page: pages differ (a components page of small masters, then pages of screens), so a
 * page's own answers size its requests, and a page nothing is known of yet is asked for one chunk at a time,
 * sized by the largest characters per id any page showed — never grouped on the strength of another page.
 */
export interface SizeModel {
  pages: Record<string, SizeEstimate>;
}

/** Share of the response budget a request aims at: estimates are averages, and an answer over the budget is a wasted call. */
export const GROUP_FILL = 0.75;

export const emptyEstimate = (): SizeEstimate => ({ chars: 0, ids: 0, floor: 0 });
export const emptyModel = (): SizeModel => ({ pages: {} });
const pageKey = (chunk: PlanChunk) => chunk.pageId ?? '';

/** Characters per id, or null before any answer. */
export function charsPerId(e: SizeEstimate | undefined): number | null {
  if (!e || (e.ids === 0 && e.floor === 0)) return null;
  return Math.max(e.ids > 0 ? e.chars / e.ids : 0, e.floor);
}

/** Adds an answer that fitted (`chars` long) for `ids` ids of `chunk`'s page. */
export function learnAnswer(model: SizeModel, chunk: PlanChunk, chars: number, ids: number): void {
  const e = (model.pages[pageKey(chunk)] ??= emptyEstimate());
  e.chars += chars;
  e.ids += ids;
}

/** Adds a request of `ids` ids of `chunk`'s page refused as over `budget`. */
export function learnTooLarge(model: SizeModel, chunk: PlanChunk, budget: number, ids: number): void {
  const e = (model.pages[pageKey(chunk)] ??= emptyEstimate());
  e.floor = Math.max(e.floor, budget / Math.max(1, ids));
}

/** The next request from the first of `ahead`: `count` whole chunks together, or (count 1) the first chunk in `pieces`. */
export interface FetchGroup {
  count: number;
  pieces: number;
}

/** The next request over `ahead` (the next chunks, in order) within `budget` characters and `maxIds` ids. */
export function nextGroup(ahead: readonly PlanChunk[], model: SizeModel, budget: number, maxIds: number): FetchGroup {
  const first = ahead[0];
  if (!first) return { count: 1, pieces: 1 };
  const own = charsPerId(model.pages[pageKey(first)]);
  let per = own;
  if (per === null) for (const e of Object.values(model.pages)) per = Math.max(per ?? 0, charsPerId(e) ?? 0) || null;
  if (per === null) return { count: 1, pieces: 1 };
  const target = budget * GROUP_FILL;
  const firstChars = per * first.ids.length;
  if (firstChars > target) return { count: 1, pieces: Math.min(first.ids.length, Math.ceil(firstChars / target)) };
  if (own === null) return { count: 1, pieces: 1 };
  let count = 1;
  let ids = first.ids.length;
  let chars = firstChars;
  while (count < ahead.length) {
    const next = ahead[count]!;
    // a later page is taken along only at what its own answers showed
    const nextPer = pageKey(next) === pageKey(first) ? own : charsPerId(model.pages[pageKey(next)]);
    if (nextPer === null || ids + next.ids.length > maxIds || chars + nextPer * next.ids.length > target) break;
    ids += next.ids.length;
    chars += nextPer * next.ids.length;
    count++;
  }
  return { count, pieces: 1 };
}

/** The chunks from the first of `list` on that one request may take: at most `maxIds` ids in all, and at least the first. */
export function withinIds<T extends { ids: readonly string[] }>(list: readonly T[], maxIds: number): T[] {
  const out: T[] = [];
  let ids = 0;
  for (const c of list) {
    if (out.length > 0 && ids + c.ids.length > maxIds) break;
    ids += c.ids.length;
    out.push(c);
  }
  return out;
}

/** Characters per id over every page the model knows (answers only), or null. */
export function overallCharsPerId(model: SizeModel): number | null {
  let chars = 0;
  let ids = 0;
  for (const e of Object.values(model.pages)) {
    chars += e.chars;
    ids += e.ids;
  }
  return ids > 0 ? chars / ids : null;
}

/** `ids` cut into `pieces` consecutive slices of near-equal length. */
export function slices(ids: readonly string[], pieces: number): string[][] {
  const out: string[][] = [];
  const n = Math.max(1, Math.min(pieces, ids.length));
  for (let i = 0; i < n; i++) out.push(ids.slice(Math.floor((i * ids.length) / n), Math.floor(((i + 1) * ids.length) / n)));
  return out;
}

/**
 * Requests a job would send for `chunks` if every id cost `perId` characters (the quota forecast): each page's
 * first chunk alone (halved while over the budget, as the job does before it knows a page), then groups and
 * pieces as nextGroup makes them. With `perId` null (nothing learned of this file), one request per chunk.
 */
export function forecastRequests(chunks: readonly PlanChunk[], perId: number | null, budget: number, maxIds: number): number {
  if (perId === null) return chunks.length;
  const halving = (n: number): number => (n <= 1 || perId * n <= budget ? 1 : 1 + halving(Math.ceil(n / 2)) + halving(Math.floor(n / 2)));
  const model = emptyModel();
  let calls = 0;
  for (let i = 0; i < chunks.length; ) {
    const chunk = chunks[i]!;
    if (!model.pages[pageKey(chunk)] && Object.keys(model.pages).length === 0) {
      calls += halving(chunk.ids.length);
      i += 1;
    } else {
      const g = nextGroup(chunks.slice(i, i + maxIds), model, budget, maxIds);
      calls += g.pieces;
      i += g.count;
    }
    for (let j = 0; j < i; j++) model.pages[pageKey(chunks[j]!)] ??= { chars: perId, ids: 1, floor: 0 };
  }
  return calls;
}
