// Figma's faults during a job: 429 with Retry-After, 5xx, truncated bodies, 400 too large, 403/404.
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { fromJson, mergeChunks, toJson, type ChunkOutput, type CompactJson } from '@cogo/figma-context';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { afterEach, describe, expect, it } from 'vitest';
import { api, createTestProject, figmaFake, readSse, runFigmaJob, type StreamedEvent } from '../../../test/helpers';

afterEach(() => figmaFake.clear());

const URL_OF_SAMPLE = `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront`;
const NODES = `/v1/files/${SAMPLE_FILE_KEY}/nodes`;
/** The JSON of the context a client merges from the chunks' contexts. */
const mergedJson = (contexts: unknown[]) => JSON.stringify(toJson(mergeChunks(contexts.map((c, index) => ({ ...fromJson(c as CompactJson), index }) as ChunkOutput))));
const chunkIds = (events: StreamedEvent[]) => events.filter((e) => e.event === 'page.chunk').map((e) => `${e.data.chunk_index}.${e.data.part}`);

async function baseline(key: string) {
  return chunkIds((await runFigmaJob(key, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 4 } })).events);
}

describe('figma-context under Figma faults', () => {
  it('waits out a 429 (Retry-After), reports plan tier and limit type in a debug event, and completes', async () => {
    const p = await createTestProject();
    const expected = await baseline(p.key);
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 1, planTier: 'starter', limitType: 'low' }, times: 1, path: NODES }]);
    const started = Date.now();
    const { events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 4 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const debug = events.find((e) => e.event === 'debug')!;
    expect(debug.data).toMatchObject({ retry_after_ms: 1000, plan_tier: 'starter', limit_type: 'low' });
    expect(chunkIds(events)).toEqual(expected);
    expect(events.at(-1)!.event).toBe('done');
  });

  it('retries 5xx and truncated bodies transparently', async () => {
    const p = await createTestProject();
    const expected = await baseline(p.key);
    await figmaFake.faults([
      { fault: { kind: 'server-error', status: 502 }, times: 2, path: NODES },
      { fault: { kind: 'truncated' }, times: 1, path: NODES },
    ]);
    const { events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 4 } });
    expect(chunkIds(events)).toEqual(expected);
    expect(events.at(-1)!.event).toBe('done');
  });

  it('splits a chunk Figma calls too large and keeps every node', async () => {
    const p = await createTestProject();
    const whole = (await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 4 } })).events;
    await figmaFake.faults([{ fault: { kind: 'too-large', maxIds: 1 }, times: null, path: NODES }]);
    const { events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 4 } });
    const chunks = events.filter((e) => e.event === 'page.chunk');
    expect(chunks.some((e) => e.data.parts > 1)).toBe(true);
    const nodeIds = (es: StreamedEvent[]) => es.filter((e) => e.event === 'page.chunk').flatMap((e) => e.data.context.nodes.map((n: { id: string }) => n.id));
    expect(nodeIds(events)).toEqual(nodeIds(whole));
    expect(events.at(-1)!.event).toBe('done');
  });

  it('ends the job with one terminal error when Figma refuses the token mid-stream', async () => {
    const p = await createTestProject();
    const started = (await (await api('/figma-context/start', { method: 'POST', key: p.key, json: { figma_url: URL_OF_SAMPLE } })).json()) as { job_id: string };
    await figmaFake.faults([{ fault: { kind: 'forbidden' }, times: null, path: NODES }]);
    const events = await readSse(await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: started.job_id, cursor: '0' } }));
    const terminal = events.filter((e) => e.event === 'done' || e.event === 'error');
    expect(terminal).toHaveLength(1);
    expect(terminal[0]!.data.error).toMatchObject({ code: 'FIGMA_FORBIDDEN' });
    const status = (await (await api(`/figma-context/status?job_id=${started.job_id}`, { key: p.key })).json()) as { status: string; last_error: { code: string } };
    expect(status.status).toBe('error');
    expect(status.last_error.code).toBe('FIGMA_FORBIDDEN');
    // a later call replays the same single terminal event and produces nothing more
    const again = await readSse(await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: started.job_id, cursor: '0' } }));
    expect(again.filter((e) => e.id !== null).map((e) => e.id)).toEqual(events.filter((e) => e.id !== null).map((e) => e.id));
  });

  it('answers start with the Figma error: 404 unknown file, 422 refused token, 429 with Retry-After', async () => {
    const p = await createTestProject();
    await figmaFake.faults([{ fault: { kind: 'forbidden' }, times: 1 }]);
    const forbidden = await api('/figma-context/start', { method: 'POST', key: p.key, json: { figma_url: URL_OF_SAMPLE } });
    expect(forbidden.status).toBe(422);
    expect(ErrorEnvelopeSchema.parse(await forbidden.json()).error.code).toBe('FIGMA_FORBIDDEN');
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 2 }, times: 1 }]);
    const limited = await api('/figma-context/start', { method: 'POST', key: p.key, json: { figma_url: URL_OF_SAMPLE } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
  });
});

describe('figma-context stream limits', () => {
  it('stops an in-flight Figma call at the hard limit without failing the job; the next call finishes it', async () => {
    const { createApp } = await import('../../app');
    const { env } = await import('cloudflare:test');
    const p = await createTestProject();
    const tight = { ...env, STREAM_BUDGET_MS: '500', STREAM_HARD_LIMIT_MS: '1500' };
    const app = createApp();
    const post = (path: string, body: unknown) =>
      Promise.resolve(app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } }, tight));
    const started = (await (await post('/figma-context/start', { figma_url: URL_OF_SAMPLE })).json()) as { job_id: string };
    await figmaFake.faults([{ fault: { kind: 'latency', ms: 4000 }, times: 1, path: NODES }]);
    const t0 = Date.now();
    const first = await readSse(await post('/figma-context/stream', { job_id: started.job_id, cursor: '0' }));
    expect(Date.now() - t0).toBeLessThan(3500);
    expect(first.some((e) => e.event === 'error')).toBe(false);
    const progress = first.filter((e) => e.event === 'progress').at(-1)!;
    // the call's closing progress is not logged: it resumes after the last event the call sent
    expect(progress.id).toBeNull();
    expect(progress.data.next_cursor).toBe(String(first.filter((e) => e.id !== null).at(-1)?.id ?? 0));
    let cursor = progress.data.next_cursor as string;
    let tail: StreamedEvent[] = [];
    for (let i = 0; i < 20 && tail.at(-1)?.event !== 'done'; i++) {
      tail = await readSse(await post('/figma-context/stream', { job_id: started.job_id, cursor }));

      const last = tail.filter((e) => e.id !== null).at(-1);
      if (last) cursor = String(last.id);
    }
    expect(tail.at(-1)?.event).toBe('done');
  });
});

/** Byte sizes, straight from the fake, of the skeleton and of each top-level unit's nodes response. */
async function sampleSizes() {
  const { env } = await import('cloudflare:test');
  const get = (path: string) => fetch(`${env.FIGMA_API_BASE}${path}`, { headers: { 'x-figma-token': env.FIGMA_API_KEY } }).then((r) => r.arrayBuffer());
  const skeleton = await get(`/v1/files/${SAMPLE_FILE_KEY}?depth=2`);
  const pages = (JSON.parse(new TextDecoder().decode(skeleton)) as { document: { children: Array<{ children?: Array<{ id: string }> }> } }).document.children;
  const units = pages.flatMap((pg) => pg.children ?? []);
  const size = async (ids: string[]) => (await get(`${NODES}?ids=${ids.map(encodeURIComponent).join(',')}`)).byteLength;
  const unitSizes = await Promise.all(units.map((u) => size([u.id])));
  const pageSizes = await Promise.all(pages.map((pg) => size((pg.children ?? []).map((u) => u.id))));
  return { skeleton: skeleton.byteLength, largestUnit: Math.max(...unitSizes), largestPage: Math.max(...pageSizes) };
}

describe('figma-context memory bound', () => {
  it('never holds a response over FIGMA_MAX_RESPONSE_BYTES: big chunks are split, every node still streamed', async () => {
    const { createApp } = await import('../../app');
    const { env } = await import('cloudflare:test');
    const p = await createTestProject();
    const sizes = await sampleSizes();
    const whole = (await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE })).events;
    // every unit fits, but the chunk of a whole page does not
    const budget = Math.max(sizes.largestUnit, sizes.skeleton) + 1;
    expect(sizes.largestPage).toBeGreaterThan(budget);
    const { events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE }, createApp(), { ...env, FIGMA_MAX_RESPONSE_BYTES: String(budget) });
    const nodeIds = (es: StreamedEvent[]) => es.filter((e) => e.event === 'page.chunk').flatMap((e) => e.data.context.nodes.map((n: { id: string }) => n.id));
    expect(events.filter((e) => e.event === 'page.chunk').some((e) => e.data.parts > 1)).toBe(true);
    expect(nodeIds(events)).toEqual(nodeIds(whole));
    expect(events.at(-1)!.event).toBe('done');
  });

  // issue 8 "any file size": this was FIGMA_TOO_LARGE; such a node is now fetched in pieces (compactInPieces)
  it('fetches a single node over the budget in pieces: the job completes with the context of whole answers', async () => {
    const { createApp } = await import('../../app');
    const { env } = await import('cloudflare:test');
    const p = await createTestProject();
    const sizes = await sampleSizes();
    expect(sizes.largestUnit).toBeGreaterThan(sizes.skeleton + 1);
    const whole = (await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE })).events;
    const { events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE }, createApp(), { ...env, FIGMA_MAX_RESPONSE_BYTES: String(sizes.skeleton + 1) });
    const terminal = events.filter((e) => e.event === 'done' || e.event === 'error');
    expect(terminal).toHaveLength(1);
    expect(terminal[0]!.event).toBe('done');
    const contexts = (es: StreamedEvent[]) => es.filter((e) => e.event === 'page.chunk').map((e) => e.data.context as unknown);
    expect(mergedJson(contexts(events))).toEqual(mergedJson(contexts(whole)));
    // and the same components: keys and descriptions read from the pieces' answers, bound variables named
    const components = (es: StreamedEvent[]) => es.filter((e) => e.event === 'page.chunk').flatMap((e) => e.data.components as Array<{ props: Record<string, unknown> }>);
    expect(components(events)).toEqual(components(whole));
    expect(components(whole).some((c) => c.props.description && c.props.bound_variables)).toBe(true);
  });
});
