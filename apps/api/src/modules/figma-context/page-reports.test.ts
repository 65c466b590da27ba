import { describe, expect, it } from 'vitest';
import { pageReports } from './page-reports';

const pg = (id: string) => ({ id, name: `P${id}` });

describe('pageReports', () => {
  it('places each empty page before the next page with chunks, the rest at the end, and counts them', () => {
    const r = pageReports([pg('a'), pg('b'), pg('c'), pg('d'), pg('e'), pg('f')], ['b', 'b', 'd', 'e']);
    expect(r.emptyBefore('b')).toEqual([pg('a')]);
    expect(r.emptyBefore('d')).toEqual([pg('c')]);
    expect(r.emptyBefore('e')).toEqual([]);
    expect(r.emptyAtEnd).toEqual([pg('f')]);
    expect(r).toMatchObject({ pages: 6, emptyPages: 3 });
  });

  it('puts every page at the end when no page has a chunk, and nothing anywhere for a selection', () => {
    expect(pageReports([pg('a'), pg('b')], [])).toMatchObject({ emptyAtEnd: [pg('a'), pg('b')], pages: 2, emptyPages: 2 });
    const selection = pageReports([], [null, null]);
    expect(selection.emptyBefore(null)).toEqual([]);
    expect(selection).toMatchObject({ emptyAtEnd: [], pages: 0, emptyPages: 0 });
  });

  it('counts a page only the chunks name', () => {
    expect(pageReports([pg('a')], ['a', 'z'])).toMatchObject({ pages: 2, emptyPages: 0 });
  });
});
