// rename-layers batch planning (seed 004 "parallel batches"): siblings (same path) kept together where they fit, so
// one model call sees the names it must keep apart; batches of RENAME_BATCH_SIZE layers, in the request's order.
import type { LayerInput } from '@cogo/types';

/** Splits layers into batches of at most `size`, grouped by path (stable: the request's order within a path). */
export function planBatches(layers: readonly LayerInput[], size: number): string[][] {
  const byPath = new Map<string, string[]>();
  for (const layer of layers) {
    const group = byPath.get(layer.path);
    if (group) group.push(layer.id);
    else byPath.set(layer.path, [layer.id]);
  }
  const ordered = [...byPath.values()].flat();
  const batches: string[][] = [];
  for (let i = 0; i < ordered.length; i += size) batches.push(ordered.slice(i, i + size));
  return batches;
}
