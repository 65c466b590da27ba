// Watches an upstream SSE body for the `data: [DONE]` line while passing every byte through unchanged. The SDK
// ends its iteration quietly when a body simply stops; this tap is how a stream without [DONE] is told apart
// from a finished one (issue 11: a truncated stream is a failure). It scans bytes (no decoding): `[DONE]` can
// only appear in a stream as that line's payload, since JSON data would carry it inside a quoted string.

export interface DoneTap {
  sawDone: boolean;
}

const MARK = new TextEncoder().encode('data: [DONE]');
const MARK_NO_SPACE = new TextEncoder().encode('data:[DONE]');

/** True when `mark` starts at `at` of the concatenation `tail + chunk`. */
function matchesAt(tail: Uint8Array, chunk: Uint8Array, at: number, mark: Uint8Array): boolean {
  for (let i = 0; i < mark.length; i++) {
    const k = at + i;
    const byte = k < tail.length ? tail[k] : chunk[k - tail.length];
    if (byte !== mark[i]) return false;
  }
  return true;
}

/** A transform that sets `tap.sawDone` once a `data: [DONE]` line (at a line start) has gone through. */
export function doneWatcher(tap: DoneTap): TransformStream<Uint8Array, Uint8Array> {
  // the last bytes of the previous chunks, with a virtual line start before the first
  let tail: Uint8Array = new Uint8Array([0x0a]);
  return new TransformStream({
    transform(chunk, controller) {
      if (!tap.sawDone) {
        const total = tail.length + chunk.length;
        for (let at = 0; at < total - MARK_NO_SPACE.length; at++) {
          const byte = at < tail.length ? tail[at] : chunk[at - tail.length];
          if (byte !== 0x0a && byte !== 0x0d) continue;
          if (matchesAt(tail, chunk, at + 1, MARK) || matchesAt(tail, chunk, at + 1, MARK_NO_SPACE)) {
            tap.sawDone = true;
            break;
          }
        }
        const keep = MARK.length + 1;
        const joined = new Uint8Array(Math.min(keep, total));
        for (let i = 0; i < joined.length; i++) {
          const k = total - joined.length + i;
          joined[i] = (k < tail.length ? tail[k] : chunk[k - tail.length])!;
        }
        tail = joined;
      }
      controller.enqueue(chunk);
    },
  });
}
