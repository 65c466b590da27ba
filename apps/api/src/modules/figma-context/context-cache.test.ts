// The context route's chunk reader over an isolate-level cache (issue 10): a job's log, once read, is served
// from memory — no JobCursor call, no parse — and what it yields, and so every page rendered from it, is
// exactly what reading the log gives. The log here is a fake JobCursor holding events in memory and
// counting its calls; the oracle is the reader as it was before the cache, over the same events.
import { fromJson, mergeChunks, toJson, type CompactContext, type CompactJson, type CompactNode } from '@cogo/figma-context';
import { describe, expect, it } from 'vitest';
import type { JobCursor, JobEvent } from '../../durable-objects/job-cursor';
import { START, type ChunkReader, type ContextFormat, type RenderPos, type SummarySource } from './context-blocks';
import { ChunkCache } from './context-cache';
import { renderPage } from './context-page';
import { keptSummary, logChunkReader } from './context';

const counts = (nodes: number) => ({ pages: 0, frames: 1, components: 0, instances: 0, texts: nodes, icons: 0, nodes, folded: 0, hidden: 0 });
const defs = (extra: Partial<CompactContext['defs']> = {}): CompactContext['defs'] => ({ paints: {}, effects: {}, text: {}, layouts: {}, vars: {}, ...extra });

type Part = CompactContext & { under?: string };

/** A job's log in memory, answering eventsAfter as JobCursor does; counts calls and events handed out. */
class FakeLog {
  events: JobEvent[] = [];
  calls: Array<{ after: number; limit: number }> = [];
  sent = 0;
  get last() {
    return this.events.at(-1)?.id ?? 0;
  }
  chunk(ctx: Part, part = 0): number {
    return this.push('page.chunk', { page_id: '0:1', chunk_index: 0, part, parts: 1, context: toJson(ctx), components: [] });
  }
  push(type: string, data: unknown): number {
    const id = this.last + 1;
    this.events.push({ id, type, data: JSON.stringify(data) });
    return id;
  }
  get stub() {
    const eventsAfter = async (after: number, limit = 500) => {
      this.calls.push({ after, limit });
      const out = this.events.filter((e) => e.id > after).slice(0, limit);
      this.sent += out.length;
      return out.map((e) => ({ ...e }));
    };
    return { eventsAfter } as unknown as DurableObjectStub<JobCursor>;
  }
}

/** The reader before the cache: every page.chunk up to `through` from `fromId` on, parts `under` a node merged into their group. */
const reference =
  (log: FakeLog, through: number): ChunkReader =>
  async function* read(fromId: number) {
    let group: { id: number; parts: Part[] } | null = null;
    const whole = (g: { id: number; parts: Part[] }) => ({ id: g.id, ctx: g.parts.length === 1 ? g.parts[0]! : mergeChunks(g.parts) });
    for (const ev of log.events) {
      if (ev.id < fromId || ev.type !== 'page.chunk') continue;
      if (ev.id > through) break;
      const ctx: Part = fromJson((JSON.parse(ev.data) as { context: CompactJson }).context);
      if (ctx.under !== undefined && group) group.parts.push(ctx);
      else {
        if (group) yield whole(group);
        group = { id: ev.id, parts: [ctx] };
      }
    }
    if (group) yield whole(group);
  };

async function collect(read: ChunkReader, fromId = 0) {
  const out: Array<{ id: number; ctx: CompactContext }> = [];
  for await (const g of read(fromId)) out.push(g);
  return out;
}

/** What a read gives: its groups as plain JSON, or its error. */
const outcome = (read: ChunkReader, fromId: number) =>
  collect(read, fromId).then(plainOf, (err: unknown) => ({ error: String(err) }));

/** Plain JSON of what a reader yields (the cached objects are the same ones again; compare values). */
const plainOf = (groups: Array<{ id: number; ctx: CompactContext }>) => JSON.parse(JSON.stringify(groups)) as unknown;

const text = (id: string, tx: string): CompactNode => ({ id, t: 'T', tx, ts: 't1' });
const frame = (id: string, n: string, ch: CompactNode[]): CompactNode => ({ id, t: 'F', n, wh: [320, 200], ch });
const part = (nodes: CompactNode[], extra: Partial<Part> = {}): Part => ({ v: 1, name: 'Shop', nodes, defs: defs(), components: {}, counts: counts(nodes.length), ...extra });

/** A finished job's log: chunks logged whole and in parts, other events between them, the terminal event last. */
function doneLog(): FakeLog {
  const log = new FakeLog();
  log.push('progress', { phase: 'plan' });
  log.chunk(part([frame('1:1', 'Card', [text('1:2', 'Price')])], { defs: defs({ text: { t1: { font: 'Inter', weight: 400, size: 12 } } }) }));
  log.push('progress', { chunks_done: 1 });
  log.chunk(part([frame('2:1', 'Giant', [text('2:2', 'first')])]));
  log.chunk(part([text('2:3', 'second')], { under: '2:1' }), 1);
  log.chunk(part([text('2:4', 'third')], { under: '2:1' }), 2);
  log.chunk(part([frame('3:1', 'After', [])], { components: { '3:1': { name: 'After' } } }));
  log.push('progress', { chunks_done: 2 });
  log.chunk(part([text('4:1', 'last')], { missing: ['9:9'] }));
  log.push('done', {});
  return log;
}

const sealed = (log: FakeLog) => ({ key: `job-${crypto.randomUUID()}`, through: log.last, sealed: true });

describe('logChunkReader over the chunk cache', () => {
  it('reads a job again, and from any group, without a JobCursor call: the same groups', async () => {
    const log = doneLog();
    const cache = new ChunkCache(1 << 20);
    const view = sealed(log);
    const expected = plainOf(await collect(reference(log, log.last)));

    expect(plainOf(await collect(logChunkReader(log.stub, view, cache)))).toEqual(expected);
    expect(log.calls.length).toBeGreaterThan(0);
    const calls = log.calls.length;
    // another request (another stub) for the same log, from the start and from every group
    const again = logChunkReader(new FakeLog().stub, view, cache);
    expect(plainOf(await collect(again))).toEqual(expected);
    for (const g of await collect(reference(log, log.last))) {
      expect(plainOf(await collect(again, g.id))).toEqual(plainOf(await collect(reference(log, log.last), g.id)));
      expect(plainOf(await collect(logChunkReader(log.stub, view, cache), g.id))).toEqual(plainOf(await collect(reference(log, log.last), g.id)));
    }
    expect(log.calls.length).toBe(calls);
    // the parts of the chunk logged in parts are merged, as ever
    const giant = (expected as Array<{ ctx: CompactContext }>)[1]!.ctx.nodes[0]!;
    expect(giant.ch?.map((n) => n.id)).toEqual(['2:2', '2:3', '2:4']);
  });

  it('asks the log for a few events when a page needs one group, not a batch of megabyte chunks', async () => {
    const log = new FakeLog();
    for (let i = 0; i < 40; i++) log.chunk(part([text(`${i}:1`, `node ${i}`)]));
    const view = sealed(log);
    let first: number | undefined;
    for await (const g of logChunkReader(log.stub, view, new ChunkCache(1 << 20))(0)) {
      first = g.id;
      break;
    }
    expect(first).toBe(1);
    expect(log.sent).toBeLessThanOrEqual(4);
  });

  it("keeps no running job's last group: parts logged later are seen; an earlier view still reads its own", async () => {
    const log = new FakeLog();
    const cache = new ChunkCache(1 << 20);
    const key = `job-${crypto.randomUUID()}`;
    log.chunk(part([frame('1:1', 'Head', [])]));
    log.chunk(part([frame('2:1', 'Giant', [text('2:2', 'first')])]));
    log.chunk(part([text('2:3', 'second')], { under: '2:1' }), 1);
    const early = log.last;
    expect(plainOf(await collect(logChunkReader(log.stub, { key, through: early, sealed: false }, cache)))).toEqual(plainOf(await collect(reference(log, early))));

    // the job goes on: one more part of the chunk, then the next chunk, then its end
    log.chunk(part([text('2:4', 'third')], { under: '2:1' }), 2);
    log.chunk(part([frame('3:1', 'Next', [])]));
    log.push('done', {});
    const late = await collect(logChunkReader(log.stub, { key, through: log.last, sealed: true }, cache));
    expect(plainOf(late)).toEqual(plainOf(await collect(reference(log, log.last))));
    expect(late[1]!.ctx.nodes[0]!.ch?.map((n) => n.id)).toEqual(['2:2', '2:3', '2:4']);
    // a cursor of the earlier sequence reads the earlier view, though the whole group is kept now
    for (const from of [0, 2]) {
      expect(plainOf(await collect(logChunkReader(log.stub, { key, through: early, sealed: false }, cache), from))).toEqual(plainOf(await collect(reference(log, early), from)));
    }
    // the whole job again: from memory
    const calls = log.calls.length;
    expect(plainOf(await collect(logChunkReader(log.stub, { key, through: log.last, sealed: true }, cache)))).toEqual(plainOf(late));
    expect(log.calls.length).toBe(calls);
  });

  it('keeps nothing of a running job that has logged no chunk yet: chunks logged later are read', async () => {
    const log = new FakeLog();
    const cache = new ChunkCache(1 << 20);
    const key = `job-${crypto.randomUUID()}`;
    log.push('progress', { phase: 'plan' });
    expect(await collect(logChunkReader(log.stub, { key, through: log.last, sealed: false }, cache))).toEqual([]);
    log.chunk(part([frame('1:1', 'First', [])]));
    log.push('done', {});
    const view = { key, through: log.last, sealed: true };
    expect(plainOf(await collect(logChunkReader(log.stub, view, cache)))).toEqual(plainOf(await collect(reference(log, log.last))));
    expect(await collect(logChunkReader(log.stub, view, cache))).toHaveLength(1);
  });

  it('reads a chunk whole after a read that began inside its parts', async () => {
    const log = new FakeLog();
    const cache = new ChunkCache(1 << 20);
    log.chunk(part([frame('1:1', 'Giant', [text('1:2', 'first')])]));
    log.chunk(part([text('1:3', 'second')], { under: '1:1' }), 1);
    log.chunk(part([frame('2:1', 'Next', [])]));
    log.push('done', {});
    const view = sealed(log);
    // from the part: the part alone (no reader is given such a position but by a forged cursor)
    expect(plainOf(await collect(logChunkReader(log.stub, view, cache), 2))).toEqual(plainOf(await collect(reference(log, log.last), 2)));
    const whole = await collect(logChunkReader(log.stub, view, cache));
    expect(plainOf(whole)).toEqual(plainOf(await collect(reference(log, log.last))));
    expect(whole[0]!.ctx.nodes[0]!.ch?.map((n) => n.id)).toEqual(['1:2', '1:3']);
  });

  it('stays within its bytes, forgetting the least recently used; a group larger than all of it is not kept', async () => {
    const log = new FakeLog();
    for (let i = 0; i < 12; i++) log.chunk(part([text(`${i}:1`, 'x'.repeat(i === 5 ? 4000 : 200))]));
    const cache = new ChunkCache(3000);
    const view = sealed(log);
    const expected = plainOf(await collect(reference(log, log.last)));
    for (let round = 0; round < 3; round++) {
      expect(plainOf(await collect(logChunkReader(log.stub, view, cache)))).toEqual(expected);
      expect(cache.bytes).toBeLessThanOrEqual(3000);
      expect(cache.bytes).toBeGreaterThan(0);
    }
    // the last groups read are the ones kept: reading the tail again asks nothing
    const calls = log.calls.length;
    expect(plainOf(await collect(logChunkReader(log.stub, view, cache), 12))).toEqual(plainOf(await collect(reference(log, log.last), 12)));
    expect(log.calls.length).toBe(calls);
    // the oversized one is read from the log every time
    await collect(logChunkReader(log.stub, view, cache), 6);
    expect(log.calls.length).toBeGreaterThan(calls);
  });

  it('yields what the log gives for every view, start and order of reads, through a small cache shared by all', async () => {
    // mulberry32: a seeded generator whose low bits are not periodic
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    for (let trial = 0; trial < 6; trial++) {
      const log = new FakeLog();
      for (let c = 0; c < 10; c++) {
        if (rand(3) === 0) log.push('progress', { c });
        const head = `${c}:1`;
        log.chunk(part([frame(head, `F${c}`, [text(`${c}:2`, 'y'.repeat(rand(300)))])], rand(2) ? { defs: defs({ paints: { [`p${c}`]: { v: ['#fff'] } } }) } : {}));
        for (let p = 1, n = rand(3); p <= n; p++) {
          if (rand(4) === 0) log.push('progress', { c, p });
          log.chunk(part([text(`${c}:${p + 2}`, 'z'.repeat(rand(200)))], { under: head }), p);
        }
      }
      // from a few groups to all of them: some reads find everything kept, some little
      const cache = new ChunkCache(2000 + rand(40_000));
      const key = `job-${crypto.randomUUID()}`;
      for (let r = 0; r < 40; r++) {
        const through = rand(2) ? log.last : rand(log.last + 1);
        const from = rand(4) === 0 ? 0 : rand(log.last + 2);
        const view = { key, through, sealed: through === log.last && rand(2) === 0 };
        // a read begun among a chunk's parts fails as it always did (mergeChunks: the node they go under is not there)
        const got = await outcome(logChunkReader(log.stub, view, cache), from);
        expect(got, `trial ${trial} read ${r} through ${through} from ${from}`).toEqual(await outcome(reference(log, through), from));
        expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
      }
      // the reads went through the cache, not around it
      expect(cache.stats.hits).toBeGreaterThan(20);
    }
  });

  it("makes a view's summary once: a later page that needs only it reads no chunk; another view has its own", async () => {
    const log = new FakeLog();
    const cache = new ChunkCache(1 << 20);
    const key = `job-${crypto.randomUUID()}`;
    log.chunk(part([frame('1:1', 'Card', [])], { defs: defs({ paints: { p1: { v: ['#fff'] }, p2: { v: ['#000'] } } }) }));
    const early = { key, through: log.last, sealed: false };
    log.chunk(part([frame('2:1', 'Later', [])], { defs: defs({ paints: { p3: { v: ['#f00'] } } }), missing: ['7:7'] }));
    log.push('done', {});
    const late = { key, through: log.last, sealed: true };
    // a reader that counts the reads begun
    let reads = 0;
    const counted = (read: ChunkReader): ChunkReader => (fromId) => {
      reads++;
      return read(fromId);
    };
    for (const view of [early, late, early, late]) {
      for (const format of ['text', 'json'] as const) {
        const expected = await renderPage(format, reference(log, view.through), START, 10_000);
        reads = 0;
        expect(await renderPage(format, counted(logChunkReader(log.stub, view, cache)), START, 10_000, keptSummary(view, cache))).toEqual(expected);
        expect(reads).toBeGreaterThan(0);
      }
      // a first text page that ends in the dictionaries: the summary alone, kept
      const expected = await renderPage('text', reference(log, view.through), START, 12);
      reads = 0;
      expect(await renderPage('text', counted(logChunkReader(log.stub, view, cache)), START, 12, keptSummary(view, cache))).toEqual(expected);
      expect(reads).toBe(0);
    }
  });

  it('renders byte-identical pages and cursors from the cache, which no page changes', async () => {
    const log = doneLog();
    const cache = new ChunkCache(1 << 20);
    const view = sealed(log);
    // every context the cache hands out frozen: rendering must not write to what later requests read
    const frozen = (read: ChunkReader): ChunkReader =>
      async function* (fromId) {
        for await (const g of read(fromId)) yield { id: g.id, ctx: deepFreeze(g.ctx) };
      };
    const pages = async (format: ContextFormat, read: () => ChunkReader, maxBytes: number, summary?: SummarySource) => {
      const out: Array<{ content: string; next: RenderPos | null }> = [];
      for (let from: RenderPos | null = START; from; ) {
        const page = await renderPage(format, read(), from, maxBytes, summary);
        out.push({ content: page.content, next: page.next });
        from = page.next;
      }
      return out;
    };
    await collect(logChunkReader(log.stub, view, cache));
    const calls = log.calls.length;
    for (const format of ['text', 'json'] as const) {
      for (const maxBytes of [7, 64, 300, 100_000]) {
        const expected = await pages(format, () => reference(log, log.last), maxBytes);
        for (let round = 0; round < 2; round++) expect(await pages(format, () => frozen(logChunkReader(log.stub, view, cache)), maxBytes, keptSummary(view, cache))).toEqual(expected);
      }
    }
    // every page of every size from memory
    expect(log.calls.length).toBe(calls);
  });
});

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
