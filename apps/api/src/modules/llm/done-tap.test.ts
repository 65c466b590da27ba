import { describe, expect, it } from 'vitest';
import { doneWatcher, type DoneTap } from './done-tap';

async function run(chunks: string[]): Promise<{ tap: DoneTap; out: string }> {
  const tap: DoneTap = { sawDone: false };
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(enc.encode(chunk));
      c.close();
    },
  });
  const out = await new Response(body.pipeThrough(doneWatcher(tap))).text();
  return { tap, out };
}

describe('doneWatcher', () => {
  it('passes bytes through unchanged and sees [DONE] even when split across chunks', async () => {
    const stream = 'data: {"a":1}\n\ndata: [DONE]\n\n';
    for (let cut = 1; cut < stream.length; cut++) {
      const { tap, out } = await run([stream.slice(0, cut), stream.slice(cut)]);
      expect(out).toBe(stream);
      expect(tap.sawDone, `cut at ${cut}`).toBe(true);
    }
    expect((await run(['data:[DONE]\r\n\r\n'])).tap.sawDone).toBe(true);
  });

  it('does not take [DONE] inside a data payload, or a stream that stops, for the end', async () => {
    expect((await run(['data: {"text":"data: [DONE]"}\n\n'])).tap.sawDone).toBe(false);
    expect((await run(['data: {"a":1}\n\n', 'data: {"finish_reason":"stop"}\n\n'])).tap.sawDone).toBe(false);
  });
});
