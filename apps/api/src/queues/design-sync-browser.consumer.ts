// Consumer of the `cogo-browser` queue: design-sync browser test sessions (browser/).
import type { Bindings } from '../env';

/** Handles one batch of the browser queue. */
export async function consumeBrowserSessions(batch: MessageBatch<unknown>, _env: Bindings): Promise<void> {
  batch.retryAll();
}
