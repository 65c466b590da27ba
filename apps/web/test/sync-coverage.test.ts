// The CoverageDashboard's rows (lib/sync-coverage.ts): percentages of tested stories and covered Figma variant
// options, least covered first, totals from the API's counts; nothing to cover is n/a, never a division by zero.
import { describe, expect, it } from 'vitest';
import { coverageSummary, pctText, percent } from '../lib/sync-coverage';
import type { CoverageResponse } from '../lib/sync-types';

const comp = (name: string, stories: number, tests: number, covered: number, total: number, missing: string[] = []) => ({
  code_component: { id: name, key: `Components/${name}`, name },
  figma: total ? { file_key: 'F', node_id: '1:1', name } : null,
  stories,
  tests,
  variants: { total, covered, missing },
});

describe('coverage', () => {
  it('turns counts into percentages, least covered first', () => {
    const c: CoverageResponse = {
      components: [comp('Button', 4, 4, 3, 4, ['Size=Large']), comp('Badge', 1, 0, 0, 0), comp('Card', 1, 1, 1, 3, ['Variant=A', 'Variant=B'])],
      totals: { components: 3, with_stories: 3, with_tests: 2, variants: 7, variants_covered: 4, ratio: 4 / 7 },
      trace_id: 't',
    };
    const s = coverageSummary(c);
    expect(s.rows.map((r) => [r.name, r.variants.pct, r.testedPct])).toEqual([
      ['Card', 33, 100],
      ['Button', 75, 100],
      ['Badge', null, 0],
    ]);
    expect(s.rows[0]!.variants.missing).toEqual(['Variant=A', 'Variant=B']);
    expect(s.rows[2]!.figma).toBeNull();
    expect([s.withStoriesPct, s.withTestsPct, s.variantsPct]).toEqual([100, 67, 57]);
    expect(s.variantsText).toBe('4 of 7 Figma variant options');
  });

  it('has no percentage for nothing to cover', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(5, 4)).toBe(100);
    expect(pctText(null)).toBe('n/a');
    expect(pctText(57)).toBe('57 %');
  });
});
