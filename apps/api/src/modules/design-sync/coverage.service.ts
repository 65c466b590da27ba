// Coverage (issue 15): per registry component its stories, its tests, and which variant options of its confirmed
// mapping's Figma component some story covers. One round of queries (the registry, the confirmed mappings with
// their design side), then pure @cogo/design-sync coverageOf per component — it stays fast for a 200-component registry.
import type { Db } from '@cogo/db';
import { coverageOf } from '@cogo/design-sync';
import type { CoverageResponse } from '@cogo/types';
import { coverageMappings } from './mappings.repo';
import { allCodeComponents } from './registry.repo';
import { codeOf, designOf } from './sides';

/** Coverage of every registry component (with `fileKey`: of those mapped to a component of that file). */
export async function coverage(db: Db, projectId: string, traceId: string, fileKey?: string): Promise<CoverageResponse> {
  const [codeRows, confirmed] = await Promise.all([allCodeComponents(db, projectId), coverageMappings(db, projectId, fileKey)]);
  // a component confirmed to several Figma components is covered against its oldest mapping (listMappings' order)
  const mappingOf = new Map<string, (typeof confirmed)[number]>();
  for (const m of confirmed) if (!mappingOf.has(m.codeComponentId)) mappingOf.set(m.codeComponentId, m);

  const components: CoverageResponse['components'] = [];
  for (const row of codeRows) {
    const m = mappingOf.get(row.id);
    if (fileKey && !m) continue;
    const design = m?.design ? designOf(m.design) : null;
    const report = coverageOf(codeOf(row), design, m?.props ?? {});
    components.push({
      code_component: { id: row.id, key: row.key, name: row.name },
      figma: m?.design && design ? { file_key: m.design.fileKey, node_id: m.design.nodeId, name: m.design.name } : null,
      stories: report.stories,
      tests: report.tests,
      variants: report.variants,
    });
  }
  const variants = components.reduce((n, c) => n + c.variants.total, 0);
  const covered = components.reduce((n, c) => n + c.variants.covered, 0);
  return {
    components,
    totals: {
      components: components.length,
      with_stories: components.filter((c) => c.stories > 0).length,
      with_tests: components.filter((c) => c.tests > 0).length,
      variants,
      variants_covered: covered,
      // no variant to cover is nothing missing
      ratio: variants === 0 ? 1 : Math.round((covered / variants) * 10_000) / 10_000,
    },
    trace_id: traceId,
  };
}
