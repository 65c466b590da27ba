// Writing responses: JSON bodies with an exact Content-Length, written chunk by chunk with backpressure, and
// the deliberately broken variants the fault kinds need (truncated body, dropped connection).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { byteLength } from './json-chunks';

/** The Content-Type both real APIs send for JSON. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Sends a small JSON value with the given status and extra headers. */
export async function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  await sendChunks(res, status, [Buffer.from(JSON.stringify(body), 'utf8')], headers);
}

/** Sends pre-serialised chunks as one JSON body, awaiting 'drain' so a huge body never piles up in memory. */
export async function sendChunks(
  res: ServerResponse,
  status: number,
  chunks: readonly Buffer[],
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  res.writeHead(status, {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': byteLength(chunks),
    ...headers,
  });
  for (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await waitForDrain(res);
  }
  res.end();
}

/**
 * Announces the full Content-Length but sends only the first half of the bytes, then destroys the socket:
 * what a client sees when a connection dies mid-body.
 */
export async function sendTruncated(
  res: ServerResponse,
  status: number,
  chunks: readonly Buffer[],
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  const total = byteLength(chunks);
  const half = Buffer.concat(chunks).subarray(0, Math.floor(total / 2));
  res.writeHead(status, { 'content-type': JSON_CONTENT_TYPE, 'content-length': total, ...headers });
  await writeThenDestroy(res, half);
}

/** Writes `data`, waits until it reached the socket, then kills the connection without finishing the response. */
export async function writeThenDestroy(res: ServerResponse, data: Buffer | string): Promise<void> {
  await new Promise<void>((resolve) => {
    res.write(data, () => resolve());
  });
  res.socket?.destroy();
  res.destroy();
}

/** Reads the whole request body, up to `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 32 * 1024 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new RangeError(`request body over ${limit} bytes`);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Waits at least `ms` by the wall clock: timers may fire a tick early against performance.now(). */
export async function delayAtLeast(ms: number): Promise<void> {
  const start = performance.now();
  await sleep(ms);
  while (performance.now() - start < ms) await sleep(1);
}

function waitForDrain(res: ServerResponse): Promise<void> {
  // 'close' too: a client that hangs up mid-body would otherwise leave us waiting for a drain that never comes.
  // Both listeners are removed either way, so a long body does not pile up listeners.
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
