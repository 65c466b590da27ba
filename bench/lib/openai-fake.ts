/** The OpenAI-compatible fake in a worker thread of the bench's process (bench/lib/openai-fake-worker.ts). */
import { Worker } from 'node:worker_threads';

/** Starts it with `apiKey` and a fixed chat `reply` (or the fake's own answers); resolves with its base URL (…/v1) and a close. */
export function startOpenAIFakeWorker(apiKey: string, reply?: string): Promise<{ url: string; close: () => Promise<void> }> {
  const worker = new Worker(new URL('./openai-fake-worker.ts', import.meta.url), { workerData: { apiKey, reply }, execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { type: string; url?: string; message?: string }) => {
      if (m.type !== 'ready') return reject(new Error(m.message));
      resolve({
        url: m.url!,
        close: () =>
          new Promise<void>((done) => {
            worker.once('message', () => void worker.terminate().then(() => done()));
            worker.postMessage({ type: 'close' });
          }),
      });
    });
    worker.once('error', reject);
  });
}
