import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

// API tests run inside real workerd, configured by the repository's one wrangler.toml ([env.test]: the
// same bindings as every environment; its `secrets.required = []` keeps a developer's .dev.vars out).
// global-setup.ts starts the embedded Postgres (+ proxy, migrations) and the fakes on the Node side and
// provides their addresses as bindings.
export default defineProject({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: '../../wrangler.toml', environment: 'test' },
      miniflare: {
        bindings: {
          ENVIRONMENT: 'test',
          LOG_LEVEL: 'warn',
          DATABASE_URL: inject<string>('databaseUrl'),
          DATABASE_WS_PROXY: inject<string>('databaseWsProxy'),
          // test-only secrets, generated per run by global-setup
          ADMIN_TOKEN: inject<string>('adminToken'),
          JWT_SECRET: inject<string>('jwtSecret'),
          VAULT_MASTER_KEY: inject<string>('vaultMasterKey'),
          // tests share one client address; the rate-limit tests set their own limits
          RATE_LIMIT_IP_PER_MIN: '1000000',
          RATE_LIMIT_DEFAULT_PER_MIN: '1000000',
          FIGMA_RATE_LIMIT_PER_MIN: '1000000',
          FIGMA_API_BASE: inject<string>('figmaBase'),
          FIGMA_API_KEY: inject<string>('figmaToken'),
          FIGMA_REQUESTS_PER_MIN: '100000',
          // most tests inject faults into Figma calls on the shared sample file, so Figma must be asked every
          // time: the version cache is off here, and its own tests (figma-context.cache.test.ts) turn it on
          FIGMA_VERSION_CACHE: 'false',
          UPLOAD_SIGNING_KEY: inject<string>('jwtSecret').split('').reverse().join(''),
          // the LLM gateway's own providers are the OpenAI fake; tests add project providers on prefixes of it
          // (<origin>/<prefix>/v1), whose host must be on the outbound allowlist
          CHAT_API_BASE: inject<string>('openaiBase'),
          CHAT_API_KEY: inject<string>('openaiKey'),
          CHAT_PROVIDER_NAME: 'fake-openai',
          EMBEDDING_API_BASE: inject<string>('openaiBase'),
          EMBEDDING_API_KEY: inject<string>('openaiKey'),
          EMBEDDING_PROVIDER_NAME: 'fake-openai-embeddings',
          // the sample Storybook's host too: a storybook credential's URL must be on an allowlist
          OUTBOUND_ALLOWLIST: `${new URL(inject<string>('openaiBase')).host},${new URL(inject<string>('storybookUrl')).host}`,
          CHAT_RATE_LIMIT_PER_MIN: '1000000',
          EMBED_RATE_LIMIT_PER_MIN: '1000000',
          // the embedding queue retries at once here, so a dead-letter test takes seconds, not 2 + 4 + 8
          EMBED_QUEUE_RETRY_BASE_SECONDS: '0',
          // design-sync's Slack notifications go to the Slack fake
          SLACK_WEBHOOK_BASE: inject<string>('slackBase'),
          // browser test sessions drive the local Chromium global-setup starts
          BROWSER_CDP_URL: inject<string>('browserCdpUrl'),
        },
      },
    })),
  ],
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    // one workerd module graph for every file instead of one per file: the Worker's code is loaded once (the whole
    // project ran 5.3 min instead of ~11; files already keep their own data by project id, and the module caches they
    // share — API keys, contexts, log tails — are keyed by what each test creates)
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
