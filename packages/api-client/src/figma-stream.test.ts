// The end-of-call rule of streamFigmaJob on fixed bytes. Its behaviour against the API itself (budgets,
// drops, replays, errors) is tested against the real Worker: apps/api/test/e2e/client-stream.test.ts.
import { describe, expect, it } from 'vitest';
import { readFigmaJob } from './figma-stream';

/** A fetch answering the n-th call with the n-th SSE text, recording each call's cursor. */
function canned(...bodies: string[]) {
  const cursors: string[] = [];
  const fetch = async (req: Request) => {
    cursors.push(((await req.json()) as { cursor: string }).cursor);
    return new Response(bodies[cursors.length - 1] ?? '', { headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch, cursors };
}

const frame = (id: number | null, event: string, data: unknown) => `${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const progress = (next: string | null) => ({ chunks_done: 1, chunks_total: 2, next_cursor: next });

describe('streamFigmaJob: where a call ends', () => {
  it('reads a call to its end past a cursor mid-call; the closing progress (no id of its own) resumes the next call', async () => {
    const api = canned(
      frame(1, 'ready', { job_id: 'j' }) + frame(2, 'progress', progress('2')) + frame(3, 'page.ready', { page_id: '1:1', name: 'P', chunks: 0 }) + frame(null, 'progress', progress('3')),
      frame(4, 'done', { job_id: 'j', chunks_total: 2, counts: {}, duration_ms: 1 }),
    );
    const sleeps: number[] = [];
    const events = await readFigmaJob({ baseUrl: 'http://cogo.test', jobId: 'j', fetch: api.fetch, sleep: async (ms) => void sleeps.push(ms) });
    expect(events.map((e) => [e.id, e.event])).toEqual([
      [1, 'ready'],
      [2, 'progress'],
      [3, 'page.ready'],
      [null, 'progress'],
      [4, 'done'],
    ]);
    expect(api.cursors).toEqual(['0', '3']);
    expect(sleeps).toEqual([]);
  });

  it('takes a call that ends on anything but a closing progress for a drop, and resumes after a backoff', async () => {
    const api = canned(frame(1, 'ready', { job_id: 'j' }) + frame(2, 'progress', progress(null)), frame(3, 'done', { job_id: 'j', chunks_total: 2, counts: {}, duration_ms: 1 }));
    const sleeps: number[] = [];
    const events = await readFigmaJob({ baseUrl: 'http://cogo.test', jobId: 'j', fetch: api.fetch, sleep: async (ms) => void sleeps.push(ms) });
    expect(events.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(api.cursors).toEqual(['0', '2']);
    expect(sleeps).toEqual([250]);
  });
});
