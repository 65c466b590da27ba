// Watches an upstream SSE body for the `data: [DONE]` line while passing every byte through unchanged. The SDK
// ends its iteration quietly when a body simply stops; this tap is how a stream without [DONE] is told apart
// from a finished one (issue 11: a truncated stream is a failure).

export interface DoneTap {
  sawDone: boolean;
}

const DONE = /(^|\n)data: ?\[DONE\]\s*(\n|$)/;

/** A transform that sets `tap.sawDone` once `data: [DONE]` has gone through. */
export function doneWatcher(tap: DoneTap): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  let tail = '\n';
  return new TransformStream({
    transform(chunk, controller) {
      if (!tap.sawDone) {
        const text = tail + decoder.decode(chunk, { stream: true }).replaceAll('\r', '');
        if (DONE.test(text)) tap.sawDone = true;
        tail = text.slice(-32);
      }
      controller.enqueue(chunk);
    },
    flush() {
      if (!tap.sawDone && DONE.test(`${tail}\n`)) tap.sawDone = true;
    },
  });
}
