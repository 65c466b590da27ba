/**
 * The OpenAI-compatible fake at a model's pace (bench/lib/openai-paced-worker.ts): a fixed reply streamed at about
 * `tokensPerSecond`. The fake streams one chunk per `tokenPieces` piece (a word or ONE punctuation character), which
 * for JSON is about twice as many pieces as a tokenizer's tokens, so the pause comes from the reply's estimated
 * tokens (~4 characters each, OpenAI's rule of thumb and the fake's own estimate) spread over its chunks — not
 * 1000 / tokensPerSecond per chunk.
 */
import { Worker } from 'node:worker_threads';
import { tokenPieces } from '@cogo/fakes';

/** How a reply streams: its estimated tokens, its chunks and the pause between them for the wanted rate. */
export interface Pacing {
  tokens: number;
  /** Data frames of one stream: the role chunk, one per piece, the finish chunk, the usage chunk and [DONE]. */
  frames: number;
  /** What one stream should take at the wanted rate (ms). */
  targetMs: number;
  chunkDelayMs: number;
}

/** The pacing of `reply` at `tokensPerSecond` (0: no pacing). */
export function pacingOf(reply: string, tokensPerSecond: number): Pacing {
  const tokens = Math.max(1, Math.ceil(reply.length / 4));
  const frames = tokenPieces(reply).length + 4;
  const targetMs = tokensPerSecond > 0 ? (tokens / tokensPerSecond) * 1000 : 0;
  return { tokens, frames, targetMs, chunkDelayMs: targetMs / (frames - 1) };
}

export interface PacedFake {
  /** Base URL (…/v1). */
  url: string;
  /** Changes the pause between chunks from the next stream on. */
  pace: (chunkDelayMs: number) => Promise<void>;
  close: () => Promise<void>;
}

/** Starts the fake in a worker thread with `apiKey`, a fixed `reply` and `chunkDelayMs` between stream chunks. */
export function startPacedOpenAIFake(apiKey: string, reply: string, chunkDelayMs: number): Promise<PacedFake> {
  const worker = new Worker(new URL('./openai-paced-worker.ts', import.meta.url), { workerData: { apiKey, reply, chunkDelayMs }, execArgv: ['--import', 'tsx'] });
  const answer = (message: object, expect: string) =>
    new Promise<void>((done) => {
      const on = (m: { type: string }) => {
        if (m.type !== expect) return;
        worker.off('message', on);
        done();
      };
      worker.on('message', on);
      worker.postMessage(message);
    });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { type: string; url?: string; message?: string }) => {
      if (m.type !== 'ready') return reject(new Error(m.message));
      resolve({
        url: m.url!,
        pace: (ms) => answer({ type: 'pace', chunkDelayMs: ms }, 'paced'),
        close: () => answer({ type: 'close' }, 'closed').then(() => worker.terminate().then(() => undefined)),
      });
    });
    worker.once('error', reject);
  });
}
