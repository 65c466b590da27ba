// Issue 8 "any file size", against the clock: a frame read in pieces whose Figma answers outlast one stream call
// (STREAM_HARD_LIMIT_MS) must still finish. The chunk is logged only whole, so each call starts it again — and
// goes further each time, because the pieces already fetched replay from the version cache; when the version is
// unknown (`bypass`: /meta refused) they are kept under the job alone. Without that, each call fetched the same
// first pieces and the job never ended.
import { fromJson, mergeChunks, toJson, type ChunkOutput, type CompactJson } from '@cogo/figma-context';
import { generateLargeFile } from '@cogo/fakes/samples';
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { figmaAnswerBytes, projectWithOwnFigmaToken, figmaFake, readSse, runFigmaJob, type StreamedEvent } from '../../../test/helpers';

const KEY = 'SLOWPIECES08';
const file = generateLargeFile({ nodes: 1_500, frames: 'board', seed: 12 });
const page = file.document.children[1]!;
const boardId = page.children[0]!.id;
const screens = (page.children[0] as unknown as { children: Array<{ id: string }> }).children;

afterEach(() => figmaFake.clear());

const contextOf = (events: StreamedEvent[]) =>
  JSON.stringify(toJson(mergeChunks(events.filter((e) => e.event === 'page.chunk').map((e) => fromJson(e.data.context as CompactJson) as ChunkOutput))));

describe('figma-context: a frame whose pieces outlast a stream call', () => {
  it('finishes over several calls when the version is unknown (bypass), the pieces kept for the job', async () => {
    const p = await projectWithOwnFigmaToken(); // its /meta 429 penalises its own token only
    await figmaFake.putFile(KEY, file);
    const reference = await runFigmaJob(p.key, { file_key: KEY }, createApp(), { ...env, FIGMA_VERSION_CACHE: 'false', FIGMA_MAX_RESPONSE_BYTES: String(64 * 1024 * 1024) });
    expect(reference.events.at(-1)?.event).toBe('done');

    const screenBytes = await Promise.all(screens.map((s) => figmaAnswerBytes(`/v1/files/${KEY}/nodes?ids=${encodeURIComponent(s.id)}`)));
    const bindings = {
      ...env,
      FIGMA_VERSION_CACHE: 'true',
      // each screen fits one answer, the board does not: it is read in pieces
      FIGMA_MAX_RESPONSE_BYTES: String(Math.max(...screenBytes) + 1024),
      STREAM_BUDGET_MS: '500',
      STREAM_HARD_LIMIT_MS: '1000',
    };
    await figmaFake.faults([
      { fault: { kind: 'rate-limit', retryAfterSeconds: 30, planTier: 'pro', limitType: 'high' }, times: null, path: `/v1/files/${KEY}/meta` },
      { fault: { kind: 'latency', ms: 200 }, times: null, path: `/v1/files/${KEY}/nodes` },
    ]);
    const call = (path: string, json: unknown) =>
      Promise.resolve(createApp().request(path, { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json', authorization: `Bearer ${p.key}` } }, bindings));
    const started = (await (await call('/figma-context/start', { file_key: KEY })).json()) as { job_id: string; cache: string };
    expect(started.cache).toBe('bypass');
    const events: StreamedEvent[] = [];
    let cursor = '0';
    let calls = 0;
    for (; calls < 40; calls++) {
      const batch = await readSse(await call('/figma-context/stream', { job_id: started.job_id, cursor }));
      events.push(...batch);
      const last = batch.filter((e) => e.id !== null).at(-1);
      if (last?.event === 'done' || last?.event === 'error') break;
      if (last) cursor = String(last.id);
    }
    expect(events.filter((e) => e.id !== null).at(-1)?.event).toBe('done');
    expect(calls).toBeGreaterThan(1); // it did take several calls
    expect(events.some((e) => e.event === 'page.chunk' && (e.data.page_id as string) === page.id)).toBe(true);
    expect(contextOf(events)).toBe(contextOf(reference.events));
    expect(boardId).toBeTruthy();
    // each call ~1 s of Figma latency, several calls: longer than the suite's default per-test limit on a busy machine
  }, 90_000);
});
