// The version cache and the quota forecast (issue 8), through the public API against the Figma fake: one Tier-1
// fetch per file version, shared across projects only after the caller's own token has proven access with its
// own /meta call; `start` says cache hit|partial|miss|bypass and forecasts Figma calls by tier and the time they
// take at the token's budget. Each test has its own file key (Figma calls are counted per file in the fake's
// log) and its own tokens (pacer penalties never leak between tests). The cache is off in the test pool's
// bindings (tests elsewhere inject faults into Figma calls on the shared sample file); these turn it on.
import { schema } from '@cogo/db';
import { storefrontFile } from '@cogo/fakes/samples';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, figmaFake, readSse, runFigmaJob, testDb, type StreamedEvent, projectWithOwnFigmaToken } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());
afterEach(() => figmaFake.clear());

const CACHE_ON = { ...env, FIGMA_VERSION_CACHE: 'true' };

interface Recorded {
  method: string;
  path: string;
  at: number;
}
interface Started {
  job_id: string;
  cache: string;
  file_version: string | null;
  cache_note?: string | null;
  plan: { chunks: number; figma_calls: { tier1: number; tier2: number }; estimated_seconds: number };
}

/** Figma calls the fake received for one file since `since`, by endpoint tier. */
async function callsFor(key: string, since: number) {
  const all = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Recorded[];
  const mine = all.filter((r) => r.at >= since && r.path.startsWith(`/v1/files/${key}`));
  const tier1 = mine.filter((r) => r.path === `/v1/files/${key}` || r.path === `/v1/files/${key}/nodes`);
  return { all: mine, tier1: tier1.length, meta: mine.filter((r) => r.path === `/v1/files/${key}/meta`).length, tier2: mine.length - tier1.length };
}

/** A copy of the sample file under a key of its own. */
async function ownFile(file = storefrontFile()) {
  const key = `CACHE${crypto.randomUUID().replaceAll('-', '').slice(0, 14)}`;
  await figmaFake.putFile(key, file);
  return { key, file };
}

const job = (projectKey: string, body: Record<string, unknown>, bindings: unknown = CACHE_ON) => runFigmaJob(projectKey, body, createApp(), bindings);
const startedOf = (r: { job: unknown }) => r.job as Started;
/** What a job streamed that does not depend on the job: its chunks, pages and final counts. */
const content = (events: StreamedEvent[]) => ({
  chunks: events.filter((e) => e.event === 'page.chunk' || e.event === 'page.ready' || e.event === 'page.includes').map((e) => e.data),
  counts: events.find((e) => e.event === 'done')?.data.counts,
});

describe('figma-context: version cache', () => {
  it('a second job on the same version (another project) makes 0 Tier-1 calls and streams identical content; start says miss, then hit', async () => {
    const { key } = await ownFile();
    const a = await projectWithOwnFigmaToken();
    const b = await projectWithOwnFigmaToken();

    const t0 = Date.now();
    const first = await job(a.key, { file_key: key });
    expect(first.events.at(-1)!.event).toBe('done');
    const s1 = startedOf(first);
    expect(s1).toMatchObject({ cache: 'miss', file_version: storefrontFile().version });
    const made1 = await callsFor(key, t0);
    expect(made1.tier1).toBeGreaterThan(1);
    // the forecast was the calls the job made: meta + skeleton + variables, then one /nodes call per chunk
    expect(s1.plan.figma_calls).toEqual({ tier1: made1.tier1, tier2: made1.tier2 });
    expect(s1.plan.figma_calls.tier1).toBe(1 + s1.plan.chunks);

    const t1 = Date.now();
    const second = await job(b.key, { file_key: key });
    const made2 = await callsFor(key, t1);
    expect(made2.tier1).toBe(0);
    expect(made2.all.map((r) => r.path)).toEqual([`/v1/files/${key}/meta`]); // its own proof of access, nothing else
    const s2 = startedOf(second);
    expect(s2).toMatchObject({ cache: 'hit', file_version: s1.file_version, plan: { figma_calls: { tier1: 0, tier2: 1 }, estimated_seconds: 0 } });
    expect(second.events.at(-1)!.event).toBe('done');
    expect(content(second.events)).toEqual(content(first.events));
    expect(content(second.events).chunks.length).toBeGreaterThan(3);
  });

  it('a node-scoped job replays its skeleton and scope lookup too: 0 Tier-1 calls the second time', async () => {
    const { key, file } = await ownFile();
    const frame = (file.document.children[0] as { children: Array<{ id: string }> }).children[0]!.id;
    const a = await projectWithOwnFigmaToken();
    const first = await job(a.key, { file_key: key, node_id: frame });
    expect(startedOf(first).cache).toBe('miss');
    const t1 = Date.now();
    const second = await job(a.key, { file_key: key, node_id: frame });
    expect((await callsFor(key, t1)).tier1).toBe(0);
    expect(startedOf(second).cache).toBe('hit');
    expect(content(second.events)).toEqual(content(first.events));
  });

  it('a new version re-fetches, and streams the new content', async () => {
    const { key, file } = await ownFile();
    const a = await projectWithOwnFigmaToken();
    const first = await job(a.key, { file_key: key });
    const frame = (file.document.children[0] as { children: Array<{ name: string }> }).children[0]!;
    frame.name = 'Renamed in version 2';
    await figmaFake.putFile(key, file); // the fake bumps the version, as an edit in Figma does

    const t1 = Date.now();
    const second = await job(a.key, { file_key: key });
    const s2 = startedOf(second);
    expect(s2.cache).toBe('miss');
    expect(s2.file_version).not.toBe(startedOf(first).file_version);
    expect((await callsFor(key, t1)).tier1).toBe(1 + s2.plan.chunks);
    expect(JSON.stringify(content(first.events))).not.toContain('Renamed in version 2');
    expect(JSON.stringify(content(second.events))).toContain('Renamed in version 2');
  });

  it('start says partial when only some of what the job needs is cached; the forecast counts only what is not', async () => {
    const { key } = await ownFile();
    const a = await projectWithOwnFigmaToken();
    await job(a.key, { file_key: key });
    const t1 = Date.now();
    // one node per chunk: the skeleton and variables are cached, most chunks are new requests
    const second = await job(a.key, { file_key: key, options: { max_nodes_per_chunk: 1 } });
    const s2 = startedOf(second);
    expect(s2.cache).toBe('partial');
    const made = await callsFor(key, t1);
    expect(made.tier1).toBeGreaterThan(0);
    expect(made.tier1).toBeLessThanOrEqual(s2.plan.chunks);
    expect(s2.plan.figma_calls).toEqual({ tier1: made.tier1, tier2: 1 });
    expect(second.events.at(-1)!.event).toBe('done');
  });
});

describe('figma-context: version cache, what is stored', () => {
  it('a chunk Figma found too large replays split the same way, still with 0 Tier-1 calls', async () => {
    const { key } = await ownFile();
    const a = await projectWithOwnFigmaToken();
    // Figma's "400 Request too large" for any /nodes call of more than one id: every chunk is split down to single ids
    await figmaFake.faults([{ fault: { kind: 'too-large', maxIds: 1 }, times: null, path: `/v1/files/${key}/nodes` }]);
    const first = await job(a.key, { file_key: key });
    await figmaFake.clear();
    expect(first.events.at(-1)!.event).toBe('done');
    expect(first.events.some((e) => e.event === 'page.chunk' && e.data.parts > 1)).toBe(true);

    const t1 = Date.now();
    const second = await job(a.key, { file_key: key });
    expect((await callsFor(key, t1)).tier1).toBe(0);
    expect(startedOf(second).cache).toBe('hit');
    expect(content(second.events)).toEqual(content(first.events));
  });

  it('an answer of another version (the file changed after /meta) is used by its job but never stored under the proven version', async () => {
    const { key, file } = await ownFile();
    const a = await projectWithOwnFigmaToken();
    const started = await createApp().request('/figma-context/start', { method: 'POST', headers: { authorization: `Bearer ${a.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ file_key: key }) }, CACHE_ON);
    const s = (await started.json()) as Started;
    expect(s.cache).toBe('miss');
    await figmaFake.putFile(key, file); // a new version lands before the chunks are read
    const rows = () => handle.db.select().from(schema.figmaCacheEntries).where(eq(schema.figmaCacheEntries.fileKey, key));
    const before = (await rows()).length;
    expect(before).toBe(2); // the skeleton and the variables, both of the proven version
    let cursor = '0';
    for (let i = 0; i < 20; i++) {
      const res = await createApp().request('/figma-context/stream', { method: 'POST', headers: { authorization: `Bearer ${a.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ job_id: s.job_id, cursor }) }, CACHE_ON);
      const events = await readSse(res);
      const last = events.filter((e) => e.id !== null).at(-1)!;
      if (last.event === 'done' || last.event === 'error') break;
      cursor = String(last.id);
    }
    const stored = await rows();
    expect(stored.map((r) => r.version)).toEqual([s.file_version, s.file_version]);
    expect(stored).toHaveLength(before);
  });
});

describe('figma-context: version cache, when its bytes are gone', () => {
  it('an index row whose R2 object is missing is a miss: the job fetches from Figma, completes identically and restores the bytes', async () => {
    const { key } = await ownFile();
    const a = await projectWithOwnFigmaToken();
    const first = await job(a.key, { file_key: key });
    const listed = await env.FIGMA_CACHE.list({ prefix: `figma/${key}/` });
    expect(listed.objects.length).toBeGreaterThan(2);
    await env.FIGMA_CACHE.delete(listed.objects.map((o) => o.key));

    const t1 = Date.now();
    const second = await job(a.key, { file_key: key });
    expect((await callsFor(key, t1)).tier1).toBe(1 + startedOf(second).plan.chunks);
    expect(content(second.events)).toEqual(content(first.events));
    expect((await env.FIGMA_CACHE.list({ prefix: `figma/${key}/` })).objects.length).toBe(listed.objects.length);
    const t2 = Date.now();
    await job(a.key, { file_key: key });
    expect((await callsFor(key, t2)).tier1).toBe(0);
  });
});

describe('figma-context: version cache, safely shared', () => {
  it("a project whose token gets 403 on /meta never sees another project's cached chunks: the start fails FIGMA_FORBIDDEN", async () => {
    const { key } = await ownFile();
    const a = await projectWithOwnFigmaToken();
    const first = await job(a.key, { file_key: key });
    expect(first.events.at(-1)!.event).toBe('done');
    const someText = JSON.stringify(content(first.events).chunks[1]).slice(0, 40);

    const c = await projectWithOwnFigmaToken();
    await figmaFake.faults([{ fault: { kind: 'forbidden' }, times: null, path: `/v1/files/${key}/meta` }]);
    const t1 = Date.now();
    const res = await createApp().request('/figma-context/start', { method: 'POST', headers: { authorization: `Bearer ${c.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ file_key: key }) }, CACHE_ON);
    const text = await res.text();
    expect(res.status).toBe(422);
    expect(ErrorEnvelopeSchema.parse(JSON.parse(text)).error.code).toBe('FIGMA_FORBIDDEN');
    expect(text).not.toContain(someText);
    const made = await callsFor(key, t1);
    expect(made.all.map((r) => r.path)).toEqual([`/v1/files/${key}/meta`]);
    expect(await handle.db.select().from(schema.jobs).where(eq(schema.jobs.projectId, c.id))).toEqual([]); // no job was made
  });

  it('when /meta is rate limited the job runs without the cache (bypass), says so, and fetches from Figma itself', async () => {
    const { key } = await ownFile();
    const a = await projectWithOwnFigmaToken();
    await job(a.key, { file_key: key }); // cached

    const b = await projectWithOwnFigmaToken();
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 30, planTier: 'pro', limitType: 'high' }, times: 1, path: `/v1/files/${key}/meta` }]);
    const t1 = Date.now();
    const second = await job(b.key, { file_key: key });
    const s2 = startedOf(second);
    expect(s2.cache).toBe('bypass');
    expect(s2.file_version).toBeNull();
    expect(s2.cache_note).toMatch(/meta/);
    expect(s2.cache_note).toMatch(/rate limit/i);
    expect(second.events.at(-1)!.event).toBe('done');
    expect((await callsFor(key, t1)).tier1).toBe(1 + s2.plan.chunks);
  });

  it('with FIGMA_VERSION_CACHE=false nothing is cached or asked: no /meta call, cache off', async () => {
    const { key } = await ownFile();
    const a = await projectWithOwnFigmaToken();
    const t0 = Date.now();
    const first = await job(a.key, { file_key: key }, { ...env, FIGMA_VERSION_CACHE: 'false' });
    expect(startedOf(first).cache).toBe('off');
    expect((await callsFor(key, t0)).meta).toBe(0);
  });
});

describe('figma-context: quota forecast', () => {
  it("estimates the stream's Tier-1 calls at the token's budget (pro: 10 a minute, one every 6 s)", async () => {
    const { key } = await ownFile();
    const a = await projectWithOwnFigmaToken();
    const bindings = { ...CACHE_ON, FIGMA_REQUESTS_PER_MIN: undefined, FIGMA_PLAN_TIER: 'pro' };
    const res = await createApp().request('/figma-context/start', { method: 'POST', headers: { authorization: `Bearer ${a.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ file_key: key }) }, bindings);
    expect(res.status).toBe(201);
    const s = (await res.json()) as Started;
    expect(s.cache).toBe('miss');
    expect(s.plan.figma_calls).toEqual({ tier1: 1 + s.plan.chunks, tier2: 2 });
    // the skeleton took this minute's first Tier-1 slot: the stream's n calls go 6 s apart after it
    const n = s.plan.chunks;
    expect(s.plan.estimated_seconds).toBeGreaterThanOrEqual(n * 6 - 2);
    expect(s.plan.estimated_seconds).toBeLessThanOrEqual(n * 6);
  }, 30_000);
});
