import { describe, expect, it } from 'vitest';
import { charsPerId, emptyModel, forecastRequests, learnAnswer, learnTooLarge, nextGroup, slices } from './fetch-groups';
import type { PlanChunk } from './plan';

const chunk = (index: number, n: number, pageId = '0:1'): PlanChunk => ({ index, pageId, ids: Array.from({ length: n }, (_, i) => `${index + 1}:${i + 1}`) });
const chunks = (sizes: number[], pageId = '0:1') => sizes.map((n, i) => chunk(i, n, pageId));

describe('fetch groups: fewest /nodes requests from learned answer sizes', () => {
  it('asks for the first chunk alone before anything is learned', () => {
    expect(nextGroup(chunks([100, 100, 100]), emptyModel(), 1_000_000, 500)).toEqual({ count: 1, pieces: 1 });
  });

  it('takes small chunks of a known page together up to the budget share and the id limit', () => {
    const m = emptyModel();
    learnAnswer(m, chunk(0, 100), 100_000, 100); // 1,000 characters per id
    // 750 ids fit 75 % of 1 MB, but 500 ids is the most one request takes
    expect(nextGroup(chunks([100, 100, 100, 100, 100, 100, 100]), m, 1_000_000, 500)).toEqual({ count: 5, pieces: 1 });
    // 75 % of 300 kB: 225 ids, so two chunks of 100
    expect(nextGroup(chunks([100, 100, 100]), m, 300_000, 500)).toEqual({ count: 2, pieces: 1 });
  });

  it('never groups into a page nothing is known of; its first chunk is sized by the largest size any page showed', () => {
    const m = emptyModel();
    learnAnswer(m, chunk(0, 2, 'components'), 2_000, 2); // small masters
    learnAnswer(m, chunk(1, 10, 'screens'), 1_000_000, 10); // 100 kB per screen
    const next = [chunk(2, 100, 'more'), chunk(3, 100, 'more')];
    // 100 ids × 100 kB = 10 MB against 75 % of 4 MB: pieces, not the whole chunk, not a group
    expect(nextGroup(next, m, 4_000_000, 500)).toEqual({ count: 1, pieces: 4 });
    // fits: still alone, since the page itself is unknown
    expect(nextGroup(next, m, 100_000_000, 500)).toEqual({ count: 1, pieces: 1 });
    // a page already known is taken along at its own size
    const mixed = [chunk(4, 10, 'components'), chunk(5, 10, 'screens')];
    expect(nextGroup(mixed, m, 2_000_000, 500)).toEqual({ count: 2, pieces: 1 });
    expect(nextGroup(mixed, m, 1_000_000, 500)).toEqual({ count: 1, pieces: 1 });
  });

  it('cuts a chunk larger than the budget share into pieces instead of asking for it whole', () => {
    const m = emptyModel();
    learnAnswer(m, chunk(0, 10), 2_000_000, 10); // 200 kB per id: 100 ids = 20 MB
    const g = nextGroup(chunks([100, 100]), m, 12_000_000, 500);
    expect(g).toEqual({ count: 1, pieces: Math.ceil(20_000_000 / 9_000_000) });
    expect(slices(chunk(0, 100).ids, g.pieces).map((s) => s.length)).toEqual([33, 33, 34]);
  });

  it('a refused request raises the page estimate to at least budget / ids', () => {
    const m = emptyModel();
    learnAnswer(m, chunk(0, 100), 1_000, 100);
    learnTooLarge(m, chunk(0, 100), 1_000_000, 100);
    expect(charsPerId(m.pages['0:1'])).toBe(10_000);
    expect(nextGroup(chunks([100]), m, 1_000_000, 500).pieces).toBe(2);
  });

  it('slices keep every id once, in order', () => {
    const ids = chunk(0, 7).ids;
    expect(slices(ids, 3).flat()).toEqual(ids);
    expect(slices(ids, 20)).toHaveLength(7);
  });

  it('forecasts the requests the job makes at a known size per id', () => {
    const plan = chunks([100, 100, 100, 100]);
    expect(forecastRequests(plan, null, 1_000_000, 500)).toBe(4);
    // small: the first chunk alone, then the other three together
    expect(forecastRequests(plan, 100, 1_000_000, 500)).toBe(2);
    // 150 kB per id against 12 MB: the first chunk (15 MB) is refused and halved (3 calls), then 2 pieces per chunk
    expect(forecastRequests(plan, 150_000, 12_000_000, 500)).toBe(3 + 3 * 2);
    // a second page: its first chunk alone, then the rest of it together
    expect(forecastRequests([...plan, ...chunks([100, 100, 100], '0:2')], 100, 1_000_000, 500)).toBe(2 + 2);
  });
});
