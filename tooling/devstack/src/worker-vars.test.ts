import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { devOptionsFrom } from './dev';
import { workerVarNames } from './worker-vars';

const dir = mkdtempSync(join(tmpdir(), 'cogo-devvars-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The variable names in the first column of README's "The Worker" table (the bindings row aside). */
function documentedWorkerVars(): string[] {
  const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
  const section = readme.slice(readme.indexOf('### The Worker'), readme.indexOf('### The dev command'));
  return section
    .split('\n')
    .filter((row) => row.startsWith('| `'))
    .flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
}

describe('Worker vars of the dev command', () => {
  it("are the Worker's own EnvSchema keys: every documented variable, and no binding", async () => {
    const names = await workerVarNames();
    const documented = documentedWorkerVars();
    expect(documented.length).toBeGreaterThan(30);
    expect(names).toEqual(expect.arrayContaining(documented));
    for (const binding of ['JOB_CURSOR', 'IDEMPOTENCY', 'RATE_LIMITER', 'NONCE_STORE', 'FIGMA_PACER', 'EVENTS_QUEUE', 'UPLOADS']) {
      expect(names).not.toContain(binding);
    }
  });

  it('come from the environment over .dev.vars; the database and Figma wiring stay the stack’s', async () => {
    const file = join(dir, 'a.dev.vars');
    writeFileSync(
      file,
      [
        '# comments and quotes as in dotenv',
        'RATE_LIMIT_IP_PER_MIN=5',
        'JWT_ISSUER="https://issuer.example"',
        'LOG_LEVEL=debug',
        'DATABASE_WS_PROXY=10.0.0.1:1',
        'NOT_A_WORKER_VAR=x',
        'PORT=9911',
        '',
      ].join('\n'),
    );
    const options = await devOptionsFrom([], { COGO_DEV_VARS: file, RATE_LIMIT_IP_PER_MIN: '9', REQUIRE_HMAC: 'true', HOME: '/root', FIGMA_API_BASE: 'http://x' });
    expect(options.workerVars).toEqual({ RATE_LIMIT_IP_PER_MIN: '9', JWT_ISSUER: 'https://issuer.example', LOG_LEVEL: 'debug', REQUIRE_HMAC: 'true' });
    expect(options.port).toBe(9911);
  });

  it('refuses a COGO_DEV_VARS file that does not exist', async () => {
    await expect(devOptionsFrom([], { COGO_DEV_VARS: join(dir, 'missing.vars') })).rejects.toThrow(/COGO_DEV_VARS names .*missing\.vars, which does not exist/);
  });
});
