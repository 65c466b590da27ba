// The SSE parser lives with the contracts (packages/types), so the API reads its providers' streams with the same one.
import { parseSse, type SseFrame } from '@cogo/types/sse-parser';

export { parseSse, type SseFrame };

/** How a stream read by `readFrames` ended: `failed` when a read broke it (not an abort), with the read's error. */
export interface FramesEnd {
  failed: boolean;
  cause?: unknown;
}

/**
 * The frames of `stream` in order, to its end or to a failed read (recorded in `end`, so the caller can say how the
 * stream broke); an abort throws, and frames already buffered are not yielded after it. However the reader stops —
 * the end, break, return, a throw — the parser is closed and the stream cancelled.
 */
export async function* readFrames(stream: ReadableStream<Uint8Array>, signal: AbortSignal | undefined, end: FramesEnd): AsyncGenerator<SseFrame, void, undefined> {
  const frames = parseSse(stream);
  try {
    for (;;) {
      let step: IteratorResult<SseFrame>;
      try {
        step = await frames.next();
      } catch (err) {
        if (signal?.aborted) throw err;
        end.failed = true;
        end.cause = err;
        return;
      }
      if (step.done) return;
      // frames already buffered would still parse after an abort: stop at the first one
      signal?.throwIfAborted();
      yield step.value;
    }
  } finally {
    await frames.return(undefined);
    await stream.cancel().catch(() => undefined);
  }
}
