import { defineConfig } from 'vitest/config';

// One `vitest run` for the whole workspace: every package with a vitest.config.ts is a project.
export default defineConfig({
  test: {
    projects: ['apps/*/vitest.config.ts', 'packages/*/vitest.config.ts', 'tooling/*/vitest.config.ts'],
  },
});
