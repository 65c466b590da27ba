// Test file order for the workspace run: vitest's own (failed first, then longest first), except that the named files
// run after every other file of their project. apps/api's rag-search.volume.test.ts waits for a database that its
// project's global setup seeds in a child process (apps/api/test/volume-database.ts); as the longest file it would
// run first and hold the one worker while the seeding runs, where run last it finds the database ready.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** A sequencer class that moves the files whose path ends with one of `suffixes` behind the rest of their project. */
export function runLast(suffixes: string[]) {
  return class RunLastSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      const last = (s: TestSpecification) => suffixes.some((suffix) => s.moduleId.endsWith(suffix));
      const out = sorted.filter((s) => !last(s));
      for (const s of sorted.filter(last)) {
        // projects run one after another: stay within this one, so its pool is not started twice
        const end = out.findLastIndex((o) => o.project.name === s.project.name);
        out.splice(end + 1, 0, s);
      }
      return out;
    }
  };
}
