import { describe, expect, it } from 'vitest';
import { parseSse, type SseFrame } from './sse';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(enc.encode(c));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<SseFrame[]> {
  const out: SseFrame[] = [];
  for await (const f of parseSse(stream)) out.push(f);
  return out;
}

describe('parseSse', () => {
  it('parses ids, event names, multi-line data and retry, ignoring comments', async () => {
    const frames = await collect(streamOf(': keepalive\n\nid: 1\nevent: ready\ndata: {"a":1}\n\nid: 2\ndata: line1\ndata: line2\nretry: 3000\n\n'));
    expect(frames).toEqual([
      { id: '1', event: 'ready', data: '{"a":1}' },
      { id: '2', event: 'message', data: 'line1\nline2', retry: 3000 },
    ]);
  });

  it('handles frames split across chunks at any byte, including CRLF split in two', async () => {
    const text = 'id: 7\r\nevent: page.chunk\r\ndata: {"x":"é"}\r\n\r\n';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes.slice(0, cut));
          c.enqueue(bytes.slice(cut));
          c.close();
        },
      });
      expect(await collect(stream)).toEqual([{ id: '7', event: 'page.chunk', data: '{"x":"é"}' }]);
    }
  });

  it('reads a data line longer than many chunks whole, with CR, LF and CRLF line ends cut anywhere', async () => {
    const big = 'x'.repeat(300_000) + 'é' + 'y'.repeat(1_000);
    const text = `id: 1\rdata: ${big}\r\n\r\nid: 2\ndata: a\ndata: b\n\nid: 3\r\ndata: ${big}\r\r`;
    const bytes = new TextEncoder().encode(text);
    for (const size of [999, 4_096, 65_536]) {
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < bytes.length; i += size) c.enqueue(bytes.slice(i, i + size));
          c.close();
        },
      });
      expect(await collect(stream)).toEqual([
        { id: '1', event: 'message', data: big },
        { id: '2', event: 'message', data: 'a\nb' },
        { id: '3', event: 'message', data: big },
      ]);
    }
  });

  it('carries the last id over to a frame without an id line, and says it was carried over', async () => {
    const frames = await collect(streamOf('id: 4\nevent: progress\ndata: {}\n\nevent: progress\ndata: {"next_cursor":"4"}\n\n\nid: 5\ndata: x\n\n'));
    expect(frames).toEqual([
      { id: '4', event: 'progress', data: '{}' },
      { id: '4', idInherited: true, event: 'progress', data: '{"next_cursor":"4"}' },
      { id: '5', event: 'message', data: 'x' },
    ]);
  });

  it('drops an incomplete trailing frame (no blank line) as the spec says', async () => {
    expect(await collect(streamOf('data: complete\n\ndata: cut off'))).toEqual([{ event: 'message', data: 'complete' }]);
  });
});
