// Progress display of `cogo extract`: a single redrawn bar on a terminal, plain lines otherwise
// (logs and CI keep every line; a bar would be one long line of carriage returns there).
import { plural } from './cli-text';
import type { FigmaPageCollector } from './figma-collect';
import type { FigmaPlan, FigmaStreamEvent } from './figma-types';

/** Where and how to report progress. */
export interface ProgressOptions {
  write: (text: string) => void;
  isTTY: boolean;
  now: () => number;
  plan: FigmaPlan;
}

/** Reacts to stream events; `finish` ends the bar's line. */
export interface ProgressReporter {
  update(event: FigmaStreamEvent, pages: FigmaPageCollector): void;
  finish(): void;
}

const BAR_WIDTH = 24;

/** Builds the reporter suited to the output: a bar for a TTY, lines otherwise. */
export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  return options.isTTY ? barReporter(options) : lineReporter(options);
}

function lineReporter({ write }: ProgressOptions): ProgressReporter {
  // chunk_index is job-wide; a person reads "chunk k of this page"
  const perPage = new Map<string, Set<number>>();
  return {
    update(event, pages) {
      if (event.event !== 'page.chunk') return;
      const { page_id, chunk_index, part, parts, components } = event.data;
      const seen = perPage.get(page_id) ?? new Set<number>();
      seen.add(chunk_index);
      perPage.set(page_id, seen);
      const ordinal = [...seen].sort((a, b) => a - b).indexOf(chunk_index) + 1;
      const page = pages.pages().find((p) => p.page_id === page_id);
      const of = page?.chunks == null ? '?' : String(page.chunks);
      const partText = parts > 1 ? ` (part ${part + 1}/${parts})` : '';
      write(`page ${page?.name ?? page_id}: chunk ${ordinal}/${of}${partText}, +${plural(components.length, 'component')}\n`);
    },
    finish() {},
  };
}

function barReporter({ write, now, plan }: ProgressOptions): ProgressReporter {
  const started = now();
  let chunksTotal = plan.chunks;
  let chunksDone = 0;
  let drawn = 0;
  return {
    update(event, collector) {
      if (event.event === 'ready') chunksTotal = event.data.chunks_total;
      if (event.event === 'progress') {
        chunksTotal = event.data.chunks_total;
        chunksDone = Math.max(chunksDone, event.data.chunks_done);
      }
      if (event.event !== 'page.chunk' && event.event !== 'progress' && event.event !== 'ready' && event.event !== 'done') return;
      const pages = collector.pages();
      chunksDone = Math.max(chunksDone, pages.reduce((n, p) => n + p.chunks_received, 0));
      if (event.event === 'done') chunksDone = chunksTotal;
      const pagesDone = pages.filter((p) => p.chunks !== null && p.chunks_received >= p.chunks).length;
      const ratio = chunksTotal > 0 ? Math.min(1, chunksDone / chunksTotal) : 0;
      const filled = Math.round(ratio * BAR_WIDTH);
      const elapsed = ((now() - started) / 1000).toFixed(1);
      const line =
        `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${chunksDone}/${chunksTotal} chunks · ` +
        `${pagesDone}/${Math.max(plan.pages.length, pages.length)} pages · ${collector.componentCount()} components · ${elapsed}s`;
      // pad over the previous line: it may have been longer
      write(`\r${line.padEnd(drawn)}`);
      drawn = line.length;
    },
    finish() {
      if (drawn > 0) write('\n');
      drawn = 0;
    },
  };
}
