// Writing a chat stream: OpenAI SSE frames (generated, or recorded ones), optionally paced (chunkDelayMs, like a
// model emitting tokens), then `data: [DONE]` — unless a fault says the stream ends without it (no-done) or dies
// after N chunks (stream-drop).
import type { ServerResponse } from 'node:http';
import { delayAtLeast, writeThenDestroy } from '../http/send';
import { sseFrame } from './sse';

/** How one stream is delivered. */
export interface StreamPlan {
  /** Destroy the connection after this many data chunks (stream-drop); never [DONE] then. */
  dropAfterChunks: number | undefined;
  /** Pause before each frame after the first. */
  chunkDelayMs: number;
  /** Send the closing `data: [DONE]` (false for no-done: the response still ends cleanly). */
  sendDone: boolean;
}

/** A plan with no fault: all frames, [DONE], and the fake's default pacing. */
export function plainStream(chunkDelayMs = 0): StreamPlan {
  return { dropAfterChunks: undefined, chunkDelayMs, sendDone: true };
}

/** Writes the stream's JSON chunks as SSE frames according to `plan`; headers must already be written. */
export function writeChatStream(res: ServerResponse, chunks: readonly object[], plan: StreamPlan): Promise<void> {
  return writeSseFrames(res, chunks.map((chunk) => sseFrame(JSON.stringify(chunk))), sseFrame('[DONE]'), plan);
}

/**
 * Writes ready-made SSE frames, then `doneFrame` (the `data: [DONE]` frame, '' for none), according to `plan`:
 * a dropped stream counts [DONE] among its frames; headers must already be written.
 */
export async function writeSseFrames(res: ServerResponse, data: readonly string[], doneFrame: string, plan: StreamPlan): Promise<void> {
  const frames = [...data];
  const drop = plan.dropAfterChunks;
  if (drop === undefined && plan.sendDone && doneFrame !== '') frames.push(doneFrame);
  const count = drop === undefined ? frames.length : Math.min(Math.max(0, drop), frames.length);
  // Headers go out now, so a client sees the 200 before the first (possibly delayed) chunk.
  res.flushHeaders();
  if (drop !== undefined && count === 0) return writeThenDestroy(res, '');
  for (let i = 0; i < count; i++) {
    if (i > 0 && plan.chunkDelayMs > 0) await delayAtLeast(plan.chunkDelayMs);
    // The client hung up (or the fake is closing) while we paused: nothing left to write to.
    if (res.destroyed) return;
    const frame = frames[i] ?? '';
    if (drop !== undefined && i === count - 1) return writeThenDestroy(res, frame);
    res.write(frame);
  }
  res.end();
}
