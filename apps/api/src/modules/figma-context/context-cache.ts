// Parsed chunk groups of job logs, kept by the isolate (issue 10: no per-request work that can be done
// once). A job's logged events never change — JobCursor's log is append-only, its ids stable — so a group
// of page.chunk events (a chunk logged whole, or its parts merged) fetched and parsed once serves every
// later page of every sequence that reads it. Only groups known to be complete are put here (the reader,
// context.ts, decides); each says where the next group starts, so a reader walks from one to the next
// without the Durable Object. The summary of a view (context-blocks.ts: dictionaries, components, counts)
// is kept too, under the view's last event: the log up to it is all it depends on. Bounded by an estimate
// of the heap all of it holds, least recently used first out. Entries are shared by requests: nothing may
// write to a cached context or summary.
import type { CompactContext } from '@cogo/figma-context';
import type { Summary } from './context-blocks';

/** A complete group, as the reader yields it, and where the log goes on after it. */
export interface CachedGroup {
  kind: 'group';
  /** Id of its first event: the group's id. */
  id: number;
  ctx: CompactContext;
  /** Id of its last part: a view of the log that ends before it holds less of the group. */
  last: number;
  /** Id of the event that starts the next group; null: no page.chunk is logged after this group, ever. */
  next: number | null;
  /** Whether its first event is no part `under` a node, i.e. a group starts there whatever came before. */
  head: boolean;
}

/** Reading from a position finds the first page.chunk at `to` (null: none is logged from there on, ever). */
export interface CachedSkip {
  kind: 'skip';
  to: number | null;
}

export type CacheEntry = CachedGroup | CachedSkip;

/** V8 holds a parsed JSON tree in about 2.5 times its text (measured on compact node trees). */
export const HEAP_PER_JSON_CHAR = 2.5;
/** What a small entry costs: its key and an object. */
const ENTRY_BYTES = 64;
/** The isolate's budget: a Worker has 128 MiB; parsed contexts may take this much of it. */
export const CHUNK_CACHE_BYTES = 16 * 1024 * 1024;

/** Groups and skips of job logs by log key and position, and summaries by log key and last event; least recently used first out beyond `maxBytes`. */
export class ChunkCache {
  private readonly entries = new Map<string, { entry: CacheEntry | Summary; bytes: number }>();
  private used = 0;
  /** Lookups answered and not (for tests and diagnostics). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(readonly maxBytes: number) {}

  /** Estimated heap bytes held. */
  get bytes(): number {
    return this.used;
  }

  /** What reading log `log` from event `at` on was found to give first, if kept. */
  get(log: string, at: number): CacheEntry | undefined {
    return this.take(`${log}#${at}`) as CacheEntry | undefined;
  }

  /** The summary of log `log` up to event `through`, if kept. */
  summary(log: string, through: number): Summary | undefined {
    return this.take(`${log}@${through}`) as Summary | undefined;
  }

  /** Keeps a complete group (under its own id), of `jsonChars` characters of event data. */
  putGroup(log: string, group: CachedGroup, jsonChars: number): void {
    this.put(`${log}#${group.id}`, group, Math.ceil(jsonChars * HEAP_PER_JSON_CHAR));
  }

  /** Keeps that reading `log` from `at` finds its first page.chunk at `to`. */
  putSkip(log: string, at: number, to: number | null): void {
    this.put(`${log}#${at}`, { kind: 'skip', to }, ENTRY_BYTES);
  }

  /** Keeps the summary of log `log` up to event `through`. */
  putSummary(log: string, through: number, summary: Summary): void {
    this.put(`${log}@${through}`, summary, summaryBytes(summary));
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  private take(key: string): CacheEntry | Summary | undefined {
    const held = this.entries.get(key);
    if (!held) {
      this.stats.misses++;
      return undefined;
    }
    // most recently used last: Map keeps insertion order
    this.entries.delete(key);
    this.entries.set(key, held);
    this.stats.hits++;
    return held.entry;
  }

  private put(key: string, entry: CacheEntry | Summary, bytes: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= old.bytes;
    }
    // larger than the whole budget: kept, it would push out everything else
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { entry, bytes });
    this.used += bytes;
    for (const [k, held] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(k);
      this.used -= held.bytes;
    }
  }
}

/** A summary's heap: its entries' values (shared with the groups they came from, while those are kept) and the bookkeeping around them. */
function summaryBytes(s: Summary): number {
  let chars = 0;
  let entries = s.shown.size + s.missing.length;
  for (const list of [...Object.values(s.dicts), s.components]) {
    chars += JSON.stringify(list.map((h) => h.value)).length;
    entries += list.length;
  }
  return Math.ceil(chars * HEAP_PER_JSON_CHAR) + entries * ENTRY_BYTES;
}

/** The isolate's cache: module state, so it lives as long as the isolate and serves all its requests. */
export const chunkCache = new ChunkCache(CHUNK_CACHE_BYTES);
