import { schema } from '@cogo/db';
import { SAMPLE_FILE_KEY, sampleFiles, sampleVariables } from '@cogo/fakes/samples';
import { countRaw, mergeChunks } from '@cogo/figma-context';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { eq } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { jobCursorOf } from '../../durable-objects/names';
import { logTails } from './log-tail';
import { api, createTestProject, figmaFake, projectWithOwnFigmaToken, readSse, runFigmaJob, testDb, type StreamedEvent } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());
afterEach(() => figmaFake.clear());

const URL_OF_SAMPLE = `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront`;
const logged = (events: StreamedEvent[]) => events.filter((e) => e.id !== null);
const chunksOf = (events: StreamedEvent[]) => events.filter((e) => e.event === 'page.chunk');
type Streamed = { node_id: string; props: Record<string, unknown> };
/** The components apply would store, by node id (chunks hold them in document order; the order is not stored). */
const componentsOf = (events: StreamedEvent[]) =>
  chunksOf(events)
    .flatMap((e) => e.data.components as Streamed[])
    .sort((a, b) => (a.node_id < b.node_id ? -1 : 1));

describe('figma-context: start → stream → done', () => {
  it('plans from the depth-2 skeleton and streams every chunk once, with ids 1..N and one terminal done', async () => {
    const p = await createTestProject();
    const { job, events, calls } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 2 } });
    expect(job.plan.chunks).toBeGreaterThan(3);
    expect(calls).toBe(1);
    const ids = logged(events).map((e) => e.id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    expect(events[0]!.event).toBe('ready');
    expect(events.filter((e) => e.event === 'done')).toHaveLength(1);
    expect(events.at(-1)!.event).toBe('done');
    const chunks = chunksOf(events);
    expect(chunks.map((e) => e.data.chunk_index)).toEqual(Array.from({ length: job.plan.chunks }, (_, i) => i));

    // what the stream holds matches what the raw file holds (visible pages, components)
    const merged = mergeChunks(chunks.map((e) => ({ ...e.data.context, index: e.data.chunk_index, defs: { paints: {}, effects: {}, text: {}, layouts: {}, vars: {}, ...e.data.context.defs }, components: e.data.context.components ?? {} })));
    const raw = countRaw(sampleFiles()[SAMPLE_FILE_KEY]);
    // pages come from the plan (chunks are fetched below the pages); the rest from the chunks
    expect((job as unknown as { plan: { pages: unknown[] } }).plan.pages).toHaveLength(raw.keep.pages);
    for (const k of ['frames', 'components', 'instances', 'texts'] as const) expect(merged.counts[k]).toBe(raw.keep[k]);
    expect(raw.keep.components).toBeGreaterThan(0);
    const done = events.at(-1)!.data;
    expect(done.counts.components).toBe(merged.counts.components);

    // the row and the status agree
    const status = await (await api(`/figma-context/status?job_id=${job.job_id}`, { key: p.key })).json();
    expect(status).toMatchObject({ status: 'done', progress: { chunks_done: job.plan.chunks, chunks_total: job.plan.chunks, last_event_id: ids.length } });
    const [row] = await handle.db.select().from(schema.jobs).where(eq(schema.jobs.id, job.job_id));
    expect(row?.status).toBe('done');
    expect(row?.finishedAt).toBeTruthy();
  });

  it('ends a call at its budget with progress.next_cursor, and the next calls finish the job with nothing lost or repeated', async () => {
    const p = await projectWithOwnFigmaToken(); // its slow pacing stays with its own token
    const tight = { ...env, STREAM_BUDGET_MS: '500', FIGMA_REQUESTS_PER_MIN: '200' }; // 300 ms between Figma calls
    const app = createApp();
    const { job, events, calls } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 1 } }, app, tight);
    expect(calls).toBeGreaterThan(1);
    const ids = logged(events).map((e) => e.id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    expect(chunksOf(events).map((e) => e.data.chunk_index)).toEqual(Array.from({ length: job.plan.chunks }, (_, i) => i));
    // per-chunk progress is logged without a cursor; only a call that stops early ends with one, not logged,
    // resuming after the last event that call sent
    const progress = events.filter((e) => e.event === 'progress');
    for (const e of logged(progress)) expect(e.data.next_cursor).toBeNull();
    const ends = progress.filter((e) => e.data.next_cursor !== null);
    expect(ends).toHaveLength(calls - 1);
    for (const e of ends) {
      expect(e.id).toBeNull();
      expect(e.data.next_cursor).toBe(String(logged(events.slice(0, events.indexOf(e))).at(-1)!.id));
    }

    // issue 12: the components are those of any other chunking — one call of default chunks, or chunks of two ids
    // fetched one request each — down to their descriptions and the names of their bound variables (named across
    // calls, from the resumed dictionary)
    const components = componentsOf(events);
    const whole = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    const oneIdPerCall = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 2, max_ids_per_call: 2 } });
    expect(whole.calls).toBe(1);
    expect(componentsOf(whole.events)).toEqual(components);
    expect(componentsOf(oneIdPerCall.events)).toEqual(components);
    expect(components.filter((c) => c.props.bound_variables).length).toBeGreaterThan(2);
    // names, not dictionary ids: a variable first met in an earlier chunk is named as well
    const names = new Set(Object.values(sampleVariables()[SAMPLE_FILE_KEY]!.variables).map((v) => v.name));
    for (const c of components) for (const name of (c.props.bound_variables as string[] | undefined) ?? []) expect(names, name).toContain(name);
    expect(components.filter((c) => c.props.description).length).toBeGreaterThan(2);
  });

  it('resumes after a dropped connection from Last-Event-ID: the union equals an uninterrupted run', async () => {
    const p = await createTestProject();
    const full = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 2 } });

    const started = (await (await api('/figma-context/start', { method: 'POST', key: p.key, json: { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 2 } } })).json()) as { job_id: string };
    const first = await readSse(
      await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: started.job_id, cursor: '0' } }),
      (e) => e.event === 'page.chunk' && e.data.chunk_index === 1,
    );
    const lastId = logged(first).at(-1)!.id!;
    // the producer notices the drop; a reconnect may meet its lease for a moment and follow it
    const rest: StreamedEvent[] = [];
    let cursor = lastId;
    for (let i = 0; i < 50; i++) {
      const batch = await readSse(await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: started.job_id, cursor: '0' }, headers: { 'last-event-id': String(cursor) } }));
      rest.push(...batch);
      const last = logged(batch).at(-1);
      if (last) cursor = last.id!;
      if (last?.event === 'done') break;
    }
    const union = [...logged(first), ...logged(rest)];
    expect(union.map((e) => e.id)).toEqual(Array.from({ length: union.length }, (_, i) => i + 1));
    const strip = (es: StreamedEvent[]) => chunksOf(es).map((e) => JSON.stringify([e.data.chunk_index, e.data.part, e.data.context, e.data.components]));
    expect(strip(union)).toEqual(strip(full.events));
    expect(union.filter((e) => e.event === 'done')).toHaveLength(1);
  });

  it('replays a finished job from any cursor and ends with its terminal event', async () => {
    const p = await createTestProject();
    const { job, events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    const tail = await readSse(await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: job.job_id, cursor: String(logged(events).length - 2) } }));
    expect(logged(tail).map((e) => e.event)).toEqual(logged(events).slice(-2).map((e) => e.event));
  });

  it('scopes to a node-id subtree', async () => {
    const p = await createTestProject();
    const file = sampleFiles()[SAMPLE_FILE_KEY]!;
    const page = file.document.children[0]!;
    const frame = (page as { children: Array<{ id: string; name: string }> }).children[0]!;
    const { job, events } = await runFigmaJob(p.key, { figma_url: `${URL_OF_SAMPLE}?node-id=${frame.id.replace(':', '-')}` });
    const chunks = chunksOf(events);
    expect(job.plan.chunks).toBe(1);
    expect(chunks[0]!.data.context.nodes.map((n: { id: string }) => n.id)).toEqual([frame.id]);
  });
});

describe('figma-context: bad input', () => {
  it('answers 400 naming what is wrong with a URL, and 404 for an unknown job', async () => {
    const p = await createTestProject();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ figma_url: 'https://example.com/file/abc' }, 'json.figma_url'],
      [{ figma_url: 'not a url' }, 'json.figma_url'],
      [{ figma_url: `${URL_OF_SAMPLE}?node-id=zz` }, 'json.figma_url'],
      [{ file_key: SAMPLE_FILE_KEY, node_id: 'abc' }, 'json.node_id'],
      [{}, 'json.figma_url'],
    ];
    for (const [body, path] of cases) {
      const res = await api('/figma-context/start', { method: 'POST', key: p.key, json: body });
      expect(res.status).toBe(400);
      const err = ErrorEnvelopeSchema.parse(await res.json()).error;
      expect(err.details?.issues?.[0]?.path).toBe(path);
    }
    const missing = await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: crypto.randomUUID(), cursor: '0' } });
    expect(missing.status).toBe(404);
    expect((await api('/figma-context/start', { method: 'POST', key: p.key, json: { file_key: 'NOSUCHFILE99' } })).status).toBe(404);
  });

  it("refuses another project's job: stream, status, cancel and apply answer 404", async () => {
    const a = await createTestProject();
    const b = await createTestProject();
    const { job } = await runFigmaJob(a.key, { figma_url: URL_OF_SAMPLE });
    expect((await api('/figma-context/stream', { method: 'POST', key: b.key, json: { job_id: job.job_id, cursor: '0' } })).status).toBe(404);
    expect((await api(`/figma-context/status?job_id=${job.job_id}`, { key: b.key })).status).toBe(404);
    expect((await api('/figma-context/cancel', { method: 'POST', key: b.key, json: { job_id: job.job_id } })).status).toBe(404);
    const apply = await api('/figma-context/apply', { method: 'POST', key: b.key, json: { job_id: job.job_id, page: { node_id: '0:1', name: 'x', components: [] } } });
    expect(apply.status).toBe(404);
  });
});

describe('figma-context: concurrent stream calls on one job', () => {
  it('lets one call produce while the other follows the log: no event twice in a call, one done, the full log', async () => {
    const p = await projectWithOwnFigmaToken(); // its slow pacing stays with its own token
    const slow = { ...env, FIGMA_REQUESTS_PER_MIN: '600' }; // 100 ms between Figma calls, so the calls overlap
    const app = createApp();
    const call = (cursor: string) =>
      Promise.resolve(
        app.request(
          '/figma-context/stream',
          { method: 'POST', body: JSON.stringify({ job_id: started.job_id, cursor }), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } },
          slow,
        ),
      );
    const started = (await (
      await app.request(
        '/figma-context/start',
        { method: 'POST', body: JSON.stringify({ figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 1 } }), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } },
        slow,
      )
    ).json()) as { job_id: string; plan: { chunks: number } };
    const [a, b] = await Promise.all([call('0').then(readSse), call('0').then(readSse)]);
    for (const events of [a, b]) {
      const ids = logged(events).map((e) => e.id!);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
    }
    // finish whatever is left, then the log is whole: every chunk once, one done
    const rest = await readSse(await call(String(Math.max(...logged([...a, ...b]).map((e) => e.id!)))));
    const all = new Map([...a, ...b, ...rest].filter((e) => e.id !== null).map((e) => [e.id, e]));
    const log = [...all.values()].sort((x, y) => x.id! - y.id!);
    expect(log.map((e) => e.id)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    expect(chunksOf(log).map((e) => e.data.chunk_index)).toEqual(Array.from({ length: started.plan.chunks }, (_, i) => i));
    expect(log.filter((e) => e.event === 'done')).toHaveLength(1);
  });

  it('followers in one isolate share the encoded frames of the log: each gets exactly the logged events, intact', async () => {
    const p = await projectWithOwnFigmaToken(); // its slow pacing stays with its own token
    const slow = { ...env, FIGMA_REQUESTS_PER_MIN: '600' };
    const app = createApp();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${p.key}` };
    const started = (await (
      await app.request('/figma-context/start', { method: 'POST', body: JSON.stringify({ figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 1 } }), headers }, slow)
    ).json()) as { job_id: string };
    const call = (cursor: string) => Promise.resolve(app.request('/figma-context/stream', { method: 'POST', body: JSON.stringify({ job_id: started.job_id, cursor }), headers }, slow));
    const hits = logTails.stats.hits;
    const calls = await Promise.all([call('0').then(readSse), call('0').then(readSse), call('0').then(readSse)]);
    expect(logTails.stats.hits).toBeGreaterThan(hits);
    let cursor = String(Math.max(...calls.flatMap(logged).map((e) => e.id!)));
    for (let i = 0; i < 20 && !calls.flat().some((e) => e.event === 'done'); i++) {
      const more = await readSse(await call(cursor));
      calls.push(more);
      cursor = String(Math.max(Number(cursor), ...logged(more).map((e) => e.id!)));
    }
    // the whole log as the job's object holds it (not through the tail)
    const stored = await jobCursorOf(env.JOB_CURSOR, started.job_id).eventsAfter(0, 10_000);
    const full = new Map(stored.map((e) => [e.id, JSON.stringify({ event: e.type, data: JSON.parse(e.data) })]));
    expect(full.size).toBeGreaterThan(3);
    for (const events of calls) {
      for (const e of logged(events)) expect(JSON.stringify({ event: e.event, data: e.data })).toBe(full.get(e.id!));
    }
  });
});
