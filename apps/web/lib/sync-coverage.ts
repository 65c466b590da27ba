// Coverage as a person reads it: per coded component its stories, tests and the Figma variant options its stories
// cover, as percentages (bars), and the project's totals. Pure: the CoverageDashboard draws these rows.
import type { CoverageResponse } from './sync-types';

/** `n` of `d` as a whole percentage; null when there is nothing to cover. */
export function percent(n: number, d: number): number | null {
  return d > 0 ? Math.round((Math.min(n, d) / d) * 100) : null;
}

export interface CoverageRow {
  key: string;
  name: string;
  figma: string | null;
  stories: number;
  tests: number;
  /** Stories that are tests, %. */
  testedPct: number | null;
  variants: { covered: number; total: number; pct: number | null; missing: string[] };
}

export interface CoverageSummary {
  rows: CoverageRow[];
  components: number;
  withStoriesPct: number | null;
  withTestsPct: number | null;
  variantsPct: number | null;
  variantsText: string;
}

/** Rows sorted by least covered first (variant %, then tests), then by name; totals from the API's own counts. */
export function coverageSummary(c: CoverageResponse): CoverageSummary {
  const rows = c.components.map(
    (x): CoverageRow => ({
      key: x.code_component.key,
      name: x.code_component.name,
      figma: x.figma?.name ?? null,
      stories: x.stories,
      tests: x.tests,
      testedPct: percent(x.tests, x.stories),
      variants: { covered: x.variants.covered, total: x.variants.total, pct: percent(x.variants.covered, x.variants.total), missing: x.variants.missing },
    }),
  );
  const rank = (r: CoverageRow) => [r.variants.pct ?? 101, r.testedPct ?? 101] as const;
  rows.sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1] || a.name.localeCompare(b.name));
  const t = c.totals;
  return {
    rows,
    components: t.components,
    withStoriesPct: percent(t.with_stories, t.components),
    withTestsPct: percent(t.with_tests, t.components),
    variantsPct: percent(t.variants_covered, t.variants),
    variantsText: `${t.variants_covered} of ${t.variants} Figma variant options`,
  };
}

/** "50 %" or "n/a" (nothing to cover). */
export const pctText = (p: number | null) => (p === null ? 'n/a' : `${p} %`);
