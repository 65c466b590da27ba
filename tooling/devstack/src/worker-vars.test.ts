import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { devOptionsFrom } from './dev';
import { llmMocked, llmWorkerVars, workerVarNames } from './worker-vars';

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

describe('LLM vars of the dev command (offline dev)', () => {
  const fake = { url: 'http://127.0.0.1:4567/v1', apiKey: 'sk-dev-0123456789abcdef' };
  const onFake = {
    CHAT_API_BASE: fake.url,
    CHAT_API_KEY: fake.apiKey,
    CHAT_PROVIDER_NAME: 'fake-openai',
    EMBEDDING_API_BASE: fake.url,
    EMBEDDING_API_KEY: fake.apiKey,
    EMBEDDING_PROVIDER_NAME: 'fake-openai-embeddings',
  };

  it('point chat and embeddings at the local fake when no key is given, its host added to the outbound allowlist', () => {
    expect(llmMocked({})).toBe(true);
    expect(llmWorkerVars({}, fake)).toEqual({ ...onFake, OUTBOUND_ALLOWLIST: '127.0.0.1:4567' });
    expect(llmWorkerVars({ OUTBOUND_ALLOWLIST: 'api.example.com, 127.0.0.1:4567' }, fake).OUTBOUND_ALLOWLIST).toBe('api.example.com,127.0.0.1:4567');
    // a base without a key is not enough for a real provider
    expect(llmWorkerVars({ CHAT_API_BASE: 'https://llm.example.com/v1' }, fake)).toMatchObject(onFake);
  });

  it('point at the fake when CHAT_FORCE_MOCK is set, even with keys', () => {
    const given = { CHAT_API_KEY: 'sk-real-1', OPENAI_API_KEY: 'sk-real-2', CHAT_API_BASE: 'https://llm.example.com/v1', CHAT_FORCE_MOCK: 'true' };
    expect(llmMocked(given)).toBe(true);
    expect(llmWorkerVars(given, fake)).toMatchObject(onFake);
  });

  it('make the fake’s word-vector model the default embedding model, unless the developer named one', () => {
    const words = { ...fake, embeddingModel: 'glove-100d-mean' };
    expect(llmWorkerVars({}, words)).toEqual({ ...onFake, EMBEDDING_MODEL_DEFAULT: 'glove-100d-mean', OUTBOUND_ALLOWLIST: '127.0.0.1:4567' });
    expect(llmWorkerVars({ EMBEDDING_MODEL_DEFAULT: 'my-model' }, words)).not.toHaveProperty('EMBEDDING_MODEL_DEFAULT');
    expect(llmWorkerVars({ CHAT_API_KEY: 'sk-real-1' }, words)).toEqual({});
  });

  it('prepare word vectors for `./cogo dev`, use only existing ones for --check, none with COGO_WORD_VECTORS=off', async () => {
    const file = join(dir, 'empty.dev.vars');
    writeFileSync(file, '');
    expect((await devOptionsFrom([], { COGO_DEV_VARS: file })).wordVectors).toBe('prepare');
    expect((await devOptionsFrom(['--check'], { COGO_DEV_VARS: file })).wordVectors).toBe('existing');
    expect((await devOptionsFrom([], { COGO_DEV_VARS: file, COGO_WORD_VECTORS: 'off' })).wordVectors).toBe('off');
  });

  it("leave the developer's CHAT_API_* / EMBEDDING_API_* as given when a key is set", async () => {
    const keys: Array<Record<string, string>> = [{ CHAT_API_KEY: 'sk-real-1' }, { OPENAI_API_KEY: 'sk-real-2' }, { CHAT_API_KEY: 'sk-real-1', CHAT_FORCE_MOCK: 'false' }];
    for (const key of keys) {
      expect(llmMocked(key)).toBe(false);
      expect(llmWorkerVars(key, fake)).toEqual({});
    }
    const env = { CHAT_API_BASE: 'https://llm.example.com/v1', CHAT_API_KEY: 'sk-real-1', EMBEDDING_API_BASE: 'https://emb.example.com/v1', EMBEDDING_API_KEY: 'sk-real-3' };
    const file = join(dir, 'llm.dev.vars');
    writeFileSync(file, '');
    const options = await devOptionsFrom([], { ...env, COGO_DEV_VARS: file });
    expect(options.workerVars).toMatchObject(env);
  });
});
