// A chunk's `page.chunk` events within FIGMA_EVENT_MAX_BYTES (issue 8 v2): each is a row of the job's
// Durable Object (a SQLite value ≤ 2 MB) and part of an RPC message (≤ 32 MiB), however large the frame.
// A chunk whose events fit is logged exactly as before (one event per output); otherwise each output too
// large is cut by splitOutput and its apply components spread over its parts, in order. A chunk's events
// are committed together: all but the last batch (stageBatchBytes) staged first (JobCursor.stage).
import { emptyCounts, emptyDefs, splitOutput, toJson, type ChunkOutput } from '@cogo/figma-context';
import type { NewEvent } from '../../durable-objects/job-cursor';
import { utf8Length } from './context-page';

/** Data bytes per JobCursor call while a chunk is committed: a few events, at most 8 MiB (an RPC message holds 32 MiB). */
export const stageBatchBytes = (eventMaxBytes: number) => Math.min(8 * 1024 * 1024, 8 * eventMaxBytes);

/** One output of a chunk and the apply components extracted from all of it (ApplyComponentSchema items). */
export interface OutputWithComponents {
  out: ChunkOutput;
  components: unknown[];
}

const json = (v: unknown) => JSON.stringify(v);
/** More digits than any part number or count of parts takes. */
const BIG = 999_999_999;

/**
 * The `page.chunk` events of one chunk, each of at most `maxBytes` UTF-8 bytes of data (but for what
 * splitOutput cannot cut: a node's own fields, one dictionary entry — or one apply component — larger),
 * numbered `part` 0..parts-1 in order. Events that fit are the ones a chunk always had.
 */
export function chunkEvents(outputs: OutputWithComponents[], where: { page_id: string; chunk_index: number }, maxBytes: number): NewEvent[] {
  const event = (part: number, parts: number, context: ChunkOutput, components: unknown[]): NewEvent => ({
    type: 'page.chunk',
    data: json({ ...where, part, parts, context: toJson(context), components }),
  });
  const whole = outputs.map(({ out, components }, part) => event(part, outputs.length, out, components));
  if (whole.every((e) => utf8Length(e.data) <= maxBytes)) return whole;

  // room for the context and components of one event: the bound less the rest of it (`"context":0` less its 0)
  const room = maxBytes - (utf8Length(json({ ...where, part: BIG, parts: BIG, context: 0, components: [] })) - 1);
  const pieces: Array<{ context: ChunkOutput; components: unknown[] }> = [];
  for (const { out, components } of outputs) {
    const sizes = components.map((c) => utf8Length(json(c)));
    const parts = splitOutput(out, room).map((context) => ({ context, components: [] as unknown[], used: utf8Length(json(toJson(context))) }));
    // components in order, each into the first part from the current one with room for it; the rest in parts of their own
    let at = 0;
    sizes.forEach((size, i) => {
      const cost = (p: (typeof parts)[number]) => size + (p.components.length > 0 ? 1 : 0);
      while (at < parts.length && parts[at]!.used + cost(parts[at]!) > room) at++;
      if (at === parts.length) {
        const empty: ChunkOutput = { v: 1, index: out.index, nodes: [], defs: emptyDefs(), components: {}, counts: emptyCounts() };
        parts.push({ context: empty, components: [], used: utf8Length(json(toJson(empty))) });
      }
      const p = parts[at]!;
      p.used += cost(p);
      p.components.push(components[i]!);
    });
    pieces.push(...parts);
  }
  return pieces.map((p, part) => event(part, pieces.length, p.context, p.components));
}

/** Events cut into consecutive batches of at most `maxBytes` of data (an event larger alone in its batch). */
export function commitBatches(events: NewEvent[], maxBytes: number): NewEvent[][] {
  const out: NewEvent[][] = [[]];
  let bytes = 0;
  for (const e of events) {
    const size = utf8Length(e.data);
    if (bytes + size > maxBytes && out.at(-1)!.length > 0) {
      out.push([]);
      bytes = 0;
    }
    out.at(-1)!.push(e);
    bytes += size;
  }
  return out;
}
