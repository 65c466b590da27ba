/**
 * Worker-thread entry for bench/llm-gateway.ts: the OpenAI-compatible fake (@cogo/fakes) on its own event loop, so
 * the bench's clients do not delay its answers (same process, same 2 CPUs). Replies are fixed when given (no pacing),
 * so what differs between a direct call and a call through the gateway is the gateway.
 * Protocol (parentPort): → { type: 'ready', url } | { type: 'error', message };  ← { type: 'close' } → { type: 'closed' }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startOpenAIFake } from '@cogo/fakes';

const { apiKey, reply } = workerData as { apiKey: string; reply?: string };
try {
  // no reply: the fake's own answers (echo, schema instances, the offline layer namer and design editor)
  const fake = await startOpenAIFake({ apiKey, ...(reply === undefined ? {} : { reply: () => reply }) });
  parentPort!.postMessage({ type: 'ready', url: fake.url });
  parentPort!.on('message', async (m: { type: string }) => {
    if (m.type !== 'close') return;
    await fake.close();
    parentPort!.postMessage({ type: 'closed' });
  });
} catch (err) {
  parentPort!.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
