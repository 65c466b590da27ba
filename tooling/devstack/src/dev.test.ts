// The README's run command end to end: embedded Postgres + proxy + migrations + fakes + wrangler dev.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDb, schema } from '@cogo/db';
import { ws } from '@cogo/db/node';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { devOptionsFrom, runDev, type DevReady } from './dev';
import { pluginStale } from './plugin-build';
import { freePort } from './ports';

const dataDir = mkdtempSync(join(tmpdir(), 'cogo-dev-'));
const dirs = [dataDir];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cogo-dev-'));
  dirs.push(dir);
  return dir;
}

/** Signs like README "Signing" describes it, written here independently of the dev stack's signer. */
function signed(secret: string, method: string, pathWithQuery: string, body = ''): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const mac = createHmac('sha256', secret).update(`${method}\n${pathWithQuery}\n${timestamp}\n${bodyHash}`).digest('hex');
  return { 'x-timestamp': timestamp, 'x-signature': `v1=${mac}` };
}

/** The MCP Inspector's CLI (v2) against the stack's /mcp, its JSON answer parsed. */
async function inspector(apiUrl: string, apiKey: string, args: string[]): Promise<unknown> {
  const pkg = createRequire(import.meta.url).resolve('@modelcontextprotocol/inspector/package.json');
  const bin = join(dirname(pkg), (JSON.parse(readFileSync(pkg, 'utf8')) as { bin: Record<string, string> }).bin['mcp-inspector']!);
  const { stdout } = await promisify(execFile)(process.execPath, [bin, '--cli', `${apiUrl}/mcp`, ...args, '--header', `Authorization: Bearer ${apiKey}`], { timeout: 60_000 });
  return JSON.parse(stdout);
}

async function devRun(onReady: (ready: DevReady) => Promise<void>): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  // port 0: the dev command picks the port and picks again if a stack starting beside it took it (dev.ts startApi)
  const code = await runDev({ port: 0, dataDir, check: true, log: (l) => lines.push(l), onReady });
  return { code, lines };
}

describe('./cogo dev', () => {
  it('comes up healthy with docs, and keeps its data across a stop and a start', async () => {
    // the plugin's build is the dev command's to make
    rmSync(fileURLToPath(new URL('../../../apps/figma-plugin/dist', import.meta.url)), { recursive: true, force: true });
    const slug = `dev-${Date.now()}`;
    const first = await devRun(async ({ apiUrl, apiKey, sampleUrl, databaseUrl, databaseWsProxy }) => {
      const health = (await (await fetch(`${apiUrl}/healthz`)).json()) as { status: string; db: { ok: boolean } };
      expect(health).toMatchObject({ status: 'ok', db: { ok: true } });
      const docs = await fetch(`${apiUrl}/docs`);
      expect(docs.status).toBe(200);
      // the offline flow: the printed sample URL is served by the Figma fake, no token needed
      const auth = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
      const start = await fetch(`${apiUrl}/figma-context/start`, { method: 'POST', headers: auth, body: JSON.stringify({ figma_url: sampleUrl }) });
      expect(start.status).toBe(201);
      const { job_id } = (await start.json()) as { job_id: string };
      // a busy machine may spend a call's budget before the end: resume from the last event id, as clients do
      let text = '';
      let cursor = '0';
      for (let call = 0; call < 20 && !/^event: (done|error)$/m.test(text); call++) {
        const stream = await fetch(`${apiUrl}/figma-context/stream`, { method: 'POST', headers: auth, body: JSON.stringify({ job_id, cursor }) });
        expect(stream.headers.get('content-type')).toContain('text/event-stream');
        const part = await stream.text();
        text += part;
        cursor = [...part.matchAll(/^id: (\d+)$/gm)].at(-1)?.[1] ?? cursor;
      }
      expect(text).toContain('event: page.chunk');
      expect(text.match(/^event: done$/gm)).toHaveLength(1);
      // offline LLM: with no key given, the gateway's provider is the local fake, and the answer says so
      const completion = await fetch(`${apiUrl}/llm/completions`, { method: 'POST', headers: auth, body: JSON.stringify({ messages: [{ role: 'user', content: 'hello offline' }] }) });
      expect(completion.status).toBe(200);
      // the Figma plugin's iframe (origin null) may call; another origin's preflight is refused
      const preflight = (origin: string) => fetch(`${apiUrl}/projects/current`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
      const plugin = await preflight('null');
      expect([plugin.status, plugin.headers.get('access-control-allow-origin')]).toEqual([204, 'null']);
      expect((await preflight('https://evil.example')).status).toBe(403);
      expect(await completion.json()).toMatchObject({ provider: 'fake-openai', providers: ['fake-openai'], text: expect.stringContaining('hello offline') });
      // a coding agent's client we did not write — the MCP Inspector's CLI — lists the tools and reads the sample's outline
      const inspected = await inspector(apiUrl, apiKey, ['--method', 'tools/list']);
      expect((inspected as { tools: Array<{ name: string }> }).tools.map((t) => t.name)).toEqual(expect.arrayContaining(['get_design_context', 'get_metadata', 'get_variables', 'search_design_system']));
      const outline = (await inspector(apiUrl, apiKey, ['--method', 'tools/call', '--tool-name', 'get_metadata', '--tool-arg', 'file_key=COGOSAMPLE0001'])) as { content: Array<{ text: string }>; structuredContent: { nodes: Array<{ type: string }> } };
      expect(outline.structuredContent.nodes.filter((n) => n.type === 'CANVAS').length).toBeGreaterThan(0);
      expect(outline.content[0]!.text).toContain('CANVAS');
      const h = createDb({ url: databaseUrl, wsProxy: databaseWsProxy, webSocketConstructor: ws.WebSocket });
      await h.db.insert(schema.projects).values({ slug, name: 'Kept' });
      await h.close();
    });
    // on failure, what the dev command and wrangler printed (a start that exits early says why only there)
    expect(first.code, first.lines.join('\n')).toBe(0);
    const printed = first.lines.join('\n');
    expect(printed).toMatch(/COGO is up in [\d.]+s[\s\S]*Docs\s+http:\/\/127\.0\.0\.1:\d+\/docs/);
    expect(printed).toContain('Plugin     apps/figma-plugin/manifest.json, built in apps/figma-plugin/dist (Figma: Plugins → Development → Import plugin from manifest; CORS_ORIGINS=null)');
    // the plugin Figma imports is built and current
    expect(pluginStale()).toBe(false);
    expect(printed).toMatch(/LLM: local OpenAI-compatible fake at http:\/\/127\.0\.0\.1:\d+\/v1; every answer's provider is fake-openai \(set CHAT_API_BASE and CHAT_API_KEY for a real provider\)/);
    const key = /API key\s+(cogo_\S+)/.exec(printed)?.[1];
    expect(key).toBeTruthy();

    const second = await devRun(async ({ apiKey, databaseUrl, databaseWsProxy }) => {
      // the dev project and its key survive the restart too
      expect(apiKey).toBe(key);
      const h = createDb({ url: databaseUrl, wsProxy: databaseWsProxy, webSocketConstructor: ws.WebSocket });
      const rows = await h.db.select({ name: schema.projects.name }).from(schema.projects).where(eq(schema.projects.slug, slug));
      await h.close();
      expect(rows).toEqual([{ name: 'Kept' }]);
    });
    expect(second.code, second.lines.join('\n')).toBe(0);
  });

  it('fails with a clear message and exit code 1 when the database cannot be reached', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: unknown) => void errors.push(String(line));
    try {
      const code = await runDev({
        port: await freePort(),
        dataDir,
        databaseUrl: 'postgres://u:p@127.0.0.1:1/none',
        check: true,
        log: () => {},
      });
      expect(code).toBe(1);
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).toMatch(/^dev failed: /m);
  });

  it('gives the Worker the guard settings of its environment and of the .dev.vars file, and signs its own calls', async () => {
    const dir = tempDir();
    const secret = `hmac-${randomBytes(24).toString('hex')}`;
    const llmKey = `sk-mine-${randomBytes(16).toString('hex')}`;
    const varsFile = join(dir, 'test.dev.vars');
    writeFileSync(varsFile, '# per-IP limit from the file\nRATE_LIMIT_IP_PER_MIN=50\nRATE_LIMIT_DEFAULT_PER_MIN=999\n');
    const options = await devOptionsFrom(['--check'], {
      PORT: String(await freePort()),
      COGO_DATA_DIR: dir,
      COGO_DEV_VARS: varsFile,
      REQUIRE_HMAC: 'true',
      HMAC_SECRET: secret,
      // the environment wins over the file
      RATE_LIMIT_DEFAULT_PER_MIN: '7',
      // a developer's own LLM provider passes through (nothing listens there: router-select only names it)
      CHAT_API_BASE: 'http://127.0.0.1:9/v1',
      CHAT_API_KEY: llmKey,
    });
    const lines: string[] = [];
    let selected: unknown;
    const seen: { unsigned?: number; unsignedMessage?: string; signed?: number; policy?: string | null } = {};
    const code = await runDev({
      ...options,
      log: (l) => lines.push(l),
      onReady: async ({ apiUrl, apiKey }) => {
        const auth = { authorization: `Bearer ${apiKey}` };
        const unsigned = await fetch(`${apiUrl}/projects/current`, { headers: auth });
        seen.unsigned = unsigned.status;
        seen.unsignedMessage = ((await unsigned.json()) as { error?: { message: string } }).error?.message;
        const ok = await fetch(`${apiUrl}/projects/current`, { headers: { ...auth, ...signed(secret, 'GET', '/projects/current') } });
        seen.signed = ok.status;
        seen.policy = ok.headers.get('ratelimit-policy');
        const body = JSON.stringify({ kind: 'chat' });
        const select = await fetch(`${apiUrl}/llm/router-select`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json', ...signed(secret, 'POST', '/llm/router-select', body) },
          body,
        });
        selected = ((await select.json()) as { selected?: unknown }).selected;
      },
    });
    expect(code).toBe(0);
    expect(seen).toEqual({
      unsigned: 401,
      unsignedMessage: 'request signature rejected: X-Timestamp and X-Signature are required',
      signed: 200,
      policy: '"ip";q=50;w=60, "project-default";q=7;w=60',
    });
    const printed = lines.join('\n');
    // names of the variables it passed on, never their values
    expect(printed).toMatch(/Worker vars .*HMAC_SECRET.*REQUIRE_HMAC/);
    expect(printed).not.toContain(secret);
    // with a key given, the Worker routes to the developer's CHAT_API_BASE, not to the fake
    expect(selected).toMatchObject({ provider: 'env-chat', model: 'gpt-4o-mini', status: 'selected' });
    expect(printed).toContain('LLM: your provider at http://127.0.0.1:9/v1, answers name it env-chat');
    expect(printed).not.toContain('every answer\'s provider is fake-openai');
    expect(printed).not.toContain(llmKey);
  });

  it('stops at once, naming the var, when the Worker refuses a var from the environment', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: unknown) => void errors.push(String(line));
    try {
      const options = await devOptionsFrom(['--check'], { PORT: String(await freePort()), COGO_DATA_DIR: tempDir(), RATE_LIMIT_DEFAULT_PER_MIN: '0' });
      expect(await runDev({ ...options, log: () => {} })).toBe(1);
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).toContain('dev failed: the API refused its vars: server configuration invalid: RATE_LIMIT_DEFAULT_PER_MIN');
  });
});
