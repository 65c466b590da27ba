// What a sync will change, shown before a person confirms it: per drifted mapping, which side is rewritten and which
// properties, in the chosen direction. Pure: built from the drift the API reports (the same drift the operation
// reads), so the confirmation says what the operation will do.
import type { DriftMapping, SyncDirection } from './sync-types';
import { plural } from './words';

export interface PlanEntry {
  mappingId: string;
  /** The side that is written, as a person names it. */
  target: string;
  /** The side it takes its values from. */
  source: string;
  subjects: string[];
  sentence: string;
}

export interface SyncPlan {
  direction: SyncDirection;
  entries: PlanEntry[];
  /** Total drift items the operation resolves. */
  changes: number;
  /** One line for the confirmation's heading. */
  headline: string;
}

const figmaName = (m: DriftMapping) => m.figma.name ?? `${m.figma.file_key} ${m.figma.node_id}`;

/** The plan of a sync of every drifted mapping in `drift` (mappings without items change nothing and are left out). */
export function syncPlan(drift: readonly DriftMapping[], direction: SyncDirection): SyncPlan {
  const entries = drift
    .filter((m) => m.items.length > 0)
    .map((m): PlanEntry => {
      const subjects = [...new Set(m.items.map((i) => i.subject))];
      const code = m.code_component.name;
      const figma = `Figma “${figmaName(m)}”`;
      const [target, source] = direction === 'design_to_code' ? [code, figma] : [figma, code];
      const extra = direction === 'design_to_code' ? '; a Storybook story and a Playwright test are generated' : '';
      return { mappingId: m.mapping_id, target, source, subjects, sentence: `${target} takes ${source}’s ${subjects.join(', ')}${extra}` };
    });
  const changes = drift.reduce((n, m) => n + m.items.length, 0);
  const headline = entries.length
    ? `${plural(entries.length, 'component')} will change (${plural(changes, 'drift item')}), ${direction === 'design_to_code' ? 'design → code' : 'code → design'}`
    : 'Nothing drifted: this sync would change nothing (a no-op)';
  return { direction, entries, changes, headline };
}
