/**
 * Worker-thread entry for bench/chat-design.ts: the OpenAI-compatible fake (@cogo/fakes) on its own event loop with a
 * fixed reply whose stream is paced (`chunkDelayMs` between chunks, like a model producing tokens). The pause can be
 * changed while it runs (the bench calibrates it against the measured rate): the fake reads its options object on
 * every request, so the new value applies from the next stream on.
 * Protocol (parentPort): → { type: 'ready', url } | { type: 'error', message };
 *   ← { type: 'pace', chunkDelayMs } → { type: 'paced' };  ← { type: 'close' } → { type: 'closed' }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startOpenAIFake, type OpenAIFakeOptions } from '@cogo/fakes';

const { apiKey, reply, chunkDelayMs } = workerData as { apiKey: string; reply: string; chunkDelayMs: number };
try {
  const options: OpenAIFakeOptions = { apiKey, reply: () => reply, chunkDelayMs };
  const fake = await startOpenAIFake(options);
  parentPort!.postMessage({ type: 'ready', url: fake.url });
  parentPort!.on('message', async (m: { type: string; chunkDelayMs?: number }) => {
    if (m.type === 'pace') {
      options.chunkDelayMs = m.chunkDelayMs ?? 0;
      parentPort!.postMessage({ type: 'paced' });
      return;
    }
    if (m.type !== 'close') return;
    await fake.close();
    parentPort!.postMessage({ type: 'closed' });
  });
} catch (err) {
  parentPort!.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
