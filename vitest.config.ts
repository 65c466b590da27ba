import { defineConfig } from 'vitest/config';
import { runLast } from './tooling/vitest/run-last-sequencer';

// One `vitest run` for the whole workspace: every package with a vitest.config.ts is a project.
export default defineConfig({
  test: {
    projects: ['apps/*/vitest.config.ts', 'packages/*/vitest.config.ts', 'tooling/*/vitest.config.ts'],
    // seeded in the background from apps/api's global setup: run last, it does not wait (tooling/vitest/run-last-sequencer.ts)
    sequence: { sequencer: runLast(['apps/api/src/modules/rag/rag-search.volume.test.ts']) },
  },
});
