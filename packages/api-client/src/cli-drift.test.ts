// `cogo drift` argv parsing. What it does against the API is tested against the real Worker:
// apps/api/test/e2e/client-drift.test.ts.
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './cli-args';

describe('cogo drift: arguments', () => {
  it('takes a file (key or URL) to narrow to, a build to push first, and what drift does to the exit code', () => {
    expect(parseCliArgs(['drift'], { COGO_API_KEY: 'cogo_env' })).toEqual({
      command: 'drift',
      fileKey: undefined,
      storybook: undefined,
      prune: false,
      failOnDrift: false,
      json: false,
      baseUrl: 'http://127.0.0.1:8787',
      apiKey: 'cogo_env',
    });
    expect(parseCliArgs(['drift', 'https://www.figma.com/design/COGOSAMPLE0001/Storefront?node-id=1-2', '--storybook', 'storybook-static', '--prune', '--fail-on-drift'], {})).toMatchObject({
      fileKey: 'COGOSAMPLE0001',
      storybook: 'storybook-static',
      prune: true,
      failOnDrift: true,
    });
    expect(parseCliArgs(['drift', 'COGOSAMPLE0001', '--json'], {})).toMatchObject({ fileKey: 'COGOSAMPLE0001', json: true });
  });

  it('refuses what it cannot do', () => {
    for (const argv of [['drift', '--prune'], ['drift', '--storybook', ''], ['drift', 'COGOSAMPLE0001', '--node-id', '1:2'], ['drift', 'https://example.com/nothing-here'], ['drift', 'a', 'b']]) {
      expect(() => parseCliArgs(argv, {}), argv.join(' ')).toThrow(UsageError);
    }
  });
});
