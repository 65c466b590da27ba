/**
 * The peer's (Framelink's) recorded figures per shared fixture: the MANIFEST's "measured side by side" table (CPU of
 * its transformation, and its output as served, minified and as `tree` text). bench/figma-context.ts and
 * bench/mcp.ts compare with them when the peer does not run live.
 */
import { existsSync, readFileSync } from 'node:fs';

function bytesOf(size: string): number {
  const m = /^([\d.]+)\s*(B|KB|MB)$/.exec(size.trim());
  if (!m) return Number.NaN;
  return Number(m[1]) * (m[2] === 'MB' ? 1048576 : m[2] === 'KB' ? 1024 : 1);
}

/** The peer's figures for one file: CPU of its transformation (ms) and its three output sizes (bytes). */
export interface PeerFigures {
  warmMin: number;
  warmMed: number;
  cold: number;
  served: number;
  minified: number;
  tree: number;
  /** true = measured in this run, false = the recorded MANIFEST figures. */
  live: boolean;
}

/** The MANIFEST's "measured side by side" table, by file name without `.json`. */
export function recordedPeers(manifest: string): Map<string, PeerFigures> {
  const rows = new Map<string, PeerFigures>();
  if (!existsSync(manifest)) return rows;
  for (const line of readFileSync(manifest, 'utf8').split('\n')) {
    // | file | peer warm CPU ms (min / med) | peer cold CPU ms | served | minified | tree |
    const c = line.split('|').map((x) => x.trim());
    if (c.length !== 8 || !/^`[^`/]+`$/.test(c[1] ?? '')) continue;
    const [min, med] = (c[2] ?? '').split('/').map((x) => Number.parseFloat(x));
    rows.set((c[1] as string).replace(/`/g, ''), {
      warmMin: min ?? Number.NaN, warmMed: med ?? Number.NaN, cold: Number.parseFloat(c[3] ?? ''),
      served: bytesOf(c[4] ?? ''), minified: bytesOf(c[5] ?? ''), tree: bytesOf(c[6] ?? ''), live: false,
    });
  }
  return rows;
}

