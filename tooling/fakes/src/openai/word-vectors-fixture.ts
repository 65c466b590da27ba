// A tiny hand-made word-vector table for tests (8 dimensions, two stop words): no download, and its geometry is
// known, so "primary button" sits near "main button" and far from "invoices exported to pdf".
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWordVectorTable } from './word-vector-table';

/** Rows in frequency order; `the` and `to` are the stop words. Components chosen to be exact in int8. */
export const TINY_WORDS: ReadonlyArray<{ word: string; vector: number[] }> = [
  { word: 'the', vector: [0, 0, 0, 0, 0, 0, 1, 1] },
  { word: 'to', vector: [0, 0, 0, 0, 0, 1, 0, 1] },
  { word: 'primary', vector: [1, 0, 0, 0, 0, 0, 0, 0] },
  { word: 'main', vector: [1, 0, 0, 0, 0, 0, 0, 0] },
  { word: 'button', vector: [0, 1, 0, 0, 0, 0, 0, 0] },
  { word: 'blue', vector: [0, 0, 1, 0, 0, 0, 0, 0] },
  { word: 'call', vector: [1, 1, 0, 0, 0, 0, 0, 0] },
  { word: 'action', vector: [0, 1, 0, 0, 1, 0, 0, 0] },
  { word: 'invoices', vector: [0, 0, 0, 1, 0, 0, 0, 0] },
  { word: 'pdf', vector: [0, 0, 0, 1, -1, 0, 0, 0] },
];

/** Writes the tiny table into a new temp folder and returns the folder. */
export function writeTinyTable(model = 'glove-100d-mean'): string {
  const dir = mkdtempSync(join(tmpdir(), 'cogo-wordvec-'));
  writeWordVectorTable(dir, { model, source: 'tiny test table', stopWords: 2, entries: TINY_WORDS });
  return dir;
}
