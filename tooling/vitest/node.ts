import { defineProject, type ViteUserConfig } from 'vitest/config';

/** The shared preset for Node-side packages: tests beside the code, no retries, generous hook timeouts. */
export function nodeProject(name: string, extra: ViteUserConfig['test'] = {}) {
  return defineProject({
    test: {
      name,
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
      testTimeout: 20_000,
      hookTimeout: 60_000,
      ...extra,
    },
  });
}
