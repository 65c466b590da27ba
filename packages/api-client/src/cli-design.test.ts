// `cogo design`: argv, what goes to stdout, stderr and files, exit codes, the artifact and apply calls, and when the
// turn is sent again. Against the real Worker (the OpenAI fake scripted with a page): apps/api/test/cli-design.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli';
import { parseCliArgs, UsageError, USAGE } from './cli-args';
import { featurePath } from './cli-design';

const TRACE = 'b'.repeat(32);
const PAGE = { schema: 'cogo_ui_json', version: '1.0', page: { id: 'page-1', name: 'Acme landing', source: { kind: 'generated', generator: 'llm' }, sections: [] } };
const USAGE_1 = { input_tokens: 1234, output_tokens: 567, cost_usd: 0.0012346, estimated: false };
const FEATURE = 'Feature: Acme landing\n  Scenario: Start free\n    When I click "Start free"\n';
const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const preview = (extra: Record<string, unknown>) => ({ sections: [], tokens_used: [], report: { pruned: [], unknown_components: [], unknown_tokens: [], nodes: 1, bytes: 2 }, summary: '"Acme landing": 1 section (hero)', ...extra });
const DONE = { trace_id: TRACE, intents: ['generate', 'bdd'], usage: USAGE_1, timings: { total_ms: 9, rag_ms: 1, llm_ms: 5, ui_ms: 1 } };

/** A whole turn: generate + bdd, the page inline unless `ui` says otherwise. */
function turn(ui: Record<string, unknown> = { cogo_ui_json: PAGE }, end = frame('done', DONE)) {
  return [
    frame('meta', { trace_id: TRACE, intents: ['generate', 'bdd'] }),
    frame('progress', { step: 'rag', status: 'started' }),
    frame('rag.item', { id: 'c1', external_id: 'acme', text: 'Acme', score: 1 }),
    frame('rag.item', { id: 'c2', external_id: 'acme-2', text: 'Acme 2', score: 0.5 }),
    frame('rag.done', { count: 2 }),
    frame('keepalive', { at: 'now' }),
    frame('llm.delta', { text: '{"schema":' }),
    frame('llm.delta', { text: '"cogo_ui_json"}' }),
    frame('llm.done', { usage: USAGE_1, provider: 'p1', model: 'm1' }),
    frame('ui.preview', preview(ui)),
    frame('some.future.event', { x: 1 }),
    frame('bdd.done', { feature: FEATURE, scenarios: 1 }),
    end,
  ].join('');
}

const sse = (text: string) => new Response(text, { headers: { 'content-type': 'text/event-stream', 'x-trace-id': TRACE } });
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const envelope = (code: string, message: string, requestId = 'req-9') => ({ error: { code, message, requestId } });

interface Seen {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
}

async function run(argv: string[], answer: (req: Request, n: number) => Response | Promise<Response>, extra: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const seen: Seen[] = [];
  const files = new Map<string, string>();
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { COGO_API_URL: 'http://cogo.test', COGO_API_KEY: 'cogo_env' },
    isTTY: false,
    fetch: async (req) => {
      const text = req.method === 'GET' ? '' : await req.text();
      seen.push({ method: req.method, path: new URL(req.url).pathname, auth: req.headers.get('authorization'), body: text ? JSON.parse(text) : null });
      return answer(req, seen.length);
    },
    writeFile: async (path, bytes) => void files.set(path, new TextDecoder().decode(bytes)),
    readFile: async (path) => {
      if (path === 'page.json') return JSON.stringify(PAGE);
      if (path === 'answer.json') return JSON.stringify({ page_id: 'x', cogo_ui_json: PAGE, uui_json: {} });
      if (path === 'broken.json') return '{"schema": ';
      throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    },
    ...extra,
  };
  return { code: await runCli(argv, io), stdout, stderr, seen, files };
}

describe('cogo design: arguments', () => {
  it('reads the message, --page, --rag, --model, --out, --apply, --json; "-" means stdin', () => {
    expect(parseCliArgs(['design', 'Generate a landing page', '--page', 'p.json', '--rag', '0', '--model', 'm1', '--out', 'out/landing.json', '--apply', '--json'], { COGO_API_KEY: 'k' })).toEqual({
      command: 'design',
      content: 'Generate a landing page',
      pagePath: 'p.json',
      rag: 0,
      model: 'm1',
      keyword: false,
      out: 'out/landing.json',
      apply: true,
      json: true,
      baseUrl: 'http://127.0.0.1:8787',
      apiKey: 'k',
    });
    expect(parseCliArgs(['design', '-', '--rag', '20'], {})).toMatchObject({ command: 'design', content: null, pagePath: undefined, rag: 20, model: undefined, keyword: false, out: undefined, apply: false, json: false });
    expect(parseCliArgs(['design', 'A hero', '--keyword'], {})).toMatchObject({ command: 'design', keyword: true });
    expect(() => parseCliArgs(['design', 'A hero', '--keyword', '--model', 'm1'], {})).toThrow('--keyword asks no model');
    expect(featurePath('out/landing.json')).toBe('out/landing.feature');
    expect(featurePath('landing')).toBe('landing.feature');
  });

  it('refuses a missing or split message, a --rag outside 0–20, empty --model/--page/--out (exit 2 with the usage, nothing sent)', async () => {
    const bad: Array<[string[], string]> = [
      [['design'], 'design needs a message'],
      [['design', ' '], 'design needs a message'],
      [['design', 'a', 'page'], 'unexpected argument "page" (quote a message of several words)'],
      [['design', 'hi', '--rag', '21'], '--rag must be an integer from 0 to 20: 21'],
      [['design', 'hi', '--rag', 'lots'], '--rag must be an integer from 0 to 20: lots'],
      [['design', 'hi', '--rag=-1'], '--rag must be an integer from 0 to 20: -1'],
      [['design', 'hi', '--model', ' '], '--model is empty'],
      [['design', 'hi', '--page', ''], '--page is empty'],
      [['design', 'hi', '--out', ''], '--out is empty'],
    ];
    for (const [argv, message] of bad) {
      expect(() => parseCliArgs(argv, {}), argv.join(' ')).toThrow(UsageError);
      const { code, stdout, stderr, seen } = await run(argv, () => sse(''));
      expect(code, argv.join(' ')).toBe(2);
      expect([stdout, seen]).toEqual(['', []]);
      expect(stderr).toContain(`cogo: ${message}`);
    }
    expect(USAGE).toContain('Usage: cogo design <message | -> [--page <file.json>] [--rag <n>] [--model <m> | --keyword] [--out <file>] [--apply] [--json]');
  });

  it('a --page that cannot be read or is not JSON, an empty stdin: exit 2 before anything is sent', async () => {
    const missing = await run(['design', 'refine it', '--page', 'nope.json'], () => sse(turn()));
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: "cogo: --page nope.json: ENOENT: no such file or directory, open 'nope.json'\n", seen: [] });
    const broken = await run(['design', 'refine it', '--page', 'broken.json'], () => sse(turn()));
    expect(broken).toMatchObject({ code: 2, stderr: 'cogo: --page broken.json: not JSON\n', seen: [] });
    const empty = await run(['design', '-'], () => sse(turn()), { readStdin: async () => ' \n' });
    expect(empty).toMatchObject({ code: 2, stderr: 'cogo: design needs a message: stdin was empty\n', seen: [] });
  });
});

describe('cogo design: output', () => {
  it('stderr: a line per step as it happens, the trace and cost last; stdout: the page, then the feature after a blank line', async () => {
    const { code, stdout, stderr, seen } = await run(['design', 'Generate a landing page with BDD', '--rag', '3', '--model', 'm1'], () => sse(turn()));
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.stringify(PAGE, null, 2)}\n\n${FEATURE}`);
    expect(stderr.split('\n')).toEqual([
      `design: generate + bdd · trace ${TRACE}`,
      'rag: 2 items',
      'plan: m1 via p1 · 1234→567 tokens · $0.001235',
      'ui: "Acme landing": 1 section (hero)',
      'bdd: 1 scenario',
      `trace ${TRACE} · $0.001235`,
      '',
    ]);
    expect(seen).toEqual([{ method: 'POST', path: '/chat/design', auth: 'Bearer cogo_env', body: { prompt: 'Generate a landing page with BDD', model: 'm1', rag: { limit: 3 } } }]);
  });

  it('sends the --page document (or the cogo_ui_json of an answer saved to a file) and the message from stdin', async () => {
    const direct = await run(['design', 'Refine button styles', '--page', 'page.json', '--rag', '0'], () => sse(turn()));
    expect(direct.seen[0]!.body).toEqual({ prompt: 'Refine button styles', cogo_ui_json: PAGE, rag: { limit: 0 } });
    const wrapped = await run(['design', '-', '--page', 'answer.json'], () => sse(turn()), { readStdin: async () => 'Add login flow BDD\n' });
    expect(wrapped.seen[0]!.body).toEqual({ prompt: 'Add login flow BDD', cogo_ui_json: PAGE });
  });

  it('a skipped step says why; a turn with no page (scenarios only) prints just the feature', async () => {
    const bddOnly = [
      frame('meta', { trace_id: TRACE, intents: ['bdd'] }),
      ...['rag', 'plan', 'ui'].map((step) => frame('progress', { step, status: 'skipped', detail: 'the message asks for scenarios only' })),
      frame('bdd.done', { feature: FEATURE, scenarios: 3 }),
      frame('done', { ...DONE, intents: ['bdd'], usage: { ...USAGE_1, cost_usd: 0 } }),
    ].join('');
    const { code, stdout, stderr } = await run(['design', 'Add login flow BDD', '--page', 'page.json', '--apply'], () => sse(bddOnly));
    expect(code).toBe(0);
    expect(stdout).toBe(FEATURE);
    expect(stderr).toBe(
      [
        `design: bdd · trace ${TRACE}`,
        'rag: skipped (the message asks for scenarios only)',
        'plan: skipped (the message asks for scenarios only)',
        'ui: skipped (the message asks for scenarios only)',
        'bdd: 3 scenarios',
        'apply: skipped (the turn made no page)',
        `trace ${TRACE} · $0.000000`,
        '',
      ].join('\n'),
    );
  });

  it('--json: every event (deltas too) as one JSON line, keepalives and unknown events left out', async () => {
    const { code, stdout, stderr } = await run(['design', 'Generate', '--json'], () => sse(turn()));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { event: string; data: unknown });
    expect(lines.map((l) => l.event)).toEqual(['meta', 'progress', 'rag.item', 'rag.item', 'rag.done', 'llm.delta', 'llm.delta', 'llm.done', 'ui.preview', 'bdd.done', 'done']);
    expect(lines.at(-1)!.data).toEqual(DONE);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(`trace ${TRACE} · $0.001235`);
  });

  it('--out writes the page there and the feature beside it; stdout stays empty', async () => {
    const { code, stdout, stderr, files } = await run(['design', 'Generate', '--out', 'out/landing.json'], () => sse(turn()));
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(Object.fromEntries(files)).toEqual({ 'out/landing.json': `${JSON.stringify(PAGE, null, 2)}\n`, 'out/landing.feature': FEATURE });
    expect(stderr).toContain('wrote out/landing.json\nwrote out/landing.feature\n');
  });
});

describe('cogo design: the page by artifact, and applied', () => {
  const bytes = new TextEncoder().encode(JSON.stringify({ cogo_ui_json: PAGE, uui_json: { schema: 'uui_json' } }));
  const hex = async (b: Uint8Array) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', b))].map((x) => x.toString(16).padStart(2, '0')).join('');
  const pointer = async (sha?: string) => ({ artifact_id: '4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11', url: '/artifacts/4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11', kind: 'ui_json', content_type: 'application/json', bytes: bytes.byteLength, sha256: sha ?? (await hex(bytes)) });

  it('a ui.preview with an artifact pointer: the page is fetched with the key (checked against its sha256) and printed', async () => {
    const artifact = await pointer();
    const { code, stdout, stderr, seen } = await run(['design', 'Generate', '--json'], (req) => (req.method === 'GET' ? new Response(bytes) : sse(turn({ artifact }))));
    expect(code).toBe(0);
    expect(seen.map((s) => [s.method, s.path, s.auth])).toEqual([
      ['POST', '/chat/design', 'Bearer cogo_env'],
      ['GET', artifact.url, 'Bearer cogo_env'],
    ]);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { event: string; data: { cogo_ui_json?: unknown } });
    expect(lines.slice(-2).map((l) => l.event)).toEqual(['done', 'ui.artifact']);
    expect(lines.at(-1)!.data.cogo_ui_json).toEqual(PAGE);
    expect(stderr).toContain(`ui: "Acme landing": 1 section (hero) · artifact ${artifact.artifact_id} (${bytes.byteLength} bytes)\n`);

    const plain = await run(['design', 'Generate'], (req) => (req.method === 'GET' ? new Response(bytes) : sse(turn({ artifact }))));
    expect(plain.stdout.startsWith(`${JSON.stringify(PAGE, null, 2)}\n\n`)).toBe(true);

    const tampered = await run(['design', 'Generate'], async (req) => (req.method === 'GET' ? new Response(bytes) : sse(turn({ artifact: await pointer('0'.repeat(64)) }))));
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toBe('');
    expect(tampered.stderr).toMatch(/\ncogo: ARTIFACT_MISMATCH: artifact 4f6c1a9e-\S+ is not the one pointed at \(sha256 [0-9a-f]{64}, expected 0{64}\)\n$/);
  });

  it('--apply: after done, POST /figma-context/apply { page, trace_id } and the counts, then the trace line', async () => {
    const applied = { page_id: '9d3c0e4a-1b2c-4d5e-8f70-112233445566', inserted: 5, updated: 1, deleted: 2, unchanged: 0 };
    const { code, stderr, seen } = await run(['design', 'Generate', '--apply'], (req) => (new URL(req.url).pathname === '/figma-context/apply' ? json(applied) : sse(turn())));
    expect(code).toBe(0);
    expect(seen[1]).toEqual({ method: 'POST', path: '/figma-context/apply', auth: 'Bearer cogo_env', body: { page: PAGE, trace_id: TRACE } });
    expect(stderr.trimEnd().split('\n').slice(-2)).toEqual([`applied: page ${applied.page_id} · +5 ~1 -2 =0`, `trace ${TRACE} · $0.001235`]);
  });
});

describe('cogo design: failures', () => {
  it('exits 1 with one line: an error answer, an error event (nothing on stdout), a stream that ends without done', async () => {
    const refused = await run(['design', 'Generate'], () => json(envelope('BUDGET_EXCEEDED', 'the monthly budget is spent'), 402));
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: 'cogo: BUDGET_EXCEEDED: the monthly budget is spent (request req-9)\n' });

    const bad = await run(['design', 'Generate'], () => sse(turn({ cogo_ui_json: PAGE }, frame('error', envelope('LLM_BAD_OUTPUT', 'the model did not answer a valid page', 'req-7')))));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n').at(-1)).toBe('cogo: LLM_BAD_OUTPUT: the model did not answer a valid page (request req-7)');

    const ended = await run(['design', 'Generate', '--apply'], () => sse(turn({ cogo_ui_json: PAGE }, '')));
    expect(ended.code).toBe(1);
    expect(ended.stdout).toBe('');
    expect(ended.stderr.trimEnd().split('\n').at(-1)).toBe('cogo: STREAM_CUT: the design stream ended without done or error');
    // nothing applied without done
    expect(ended.seen.map((s) => s.path)).toEqual(['/chat/design']);
  });

  it('sends the turn again only when it was refused before it began (429/503); a failed connection is not retried', async () => {
    const limited = await run(['design', 'Generate'], (_req, n) => (n === 1 ? json(envelope('RATE_LIMITED', 'slow down'), 429, { 'retry-after': '0' }) : sse(turn())));
    expect(limited.code).toBe(0);
    expect(limited.seen.map((s) => s.path)).toEqual(['/chat/design', '/chat/design']);

    const refusedTwice = await run(['design', 'Generate'], () => json(envelope('UNAVAILABLE', 'try later'), 503, { 'retry-after': '0' }));
    expect(refusedTwice.code).toBe(1);
    expect(refusedTwice.seen).toHaveLength(3);

    const down = await run(['design', 'Generate'], () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:8787') });
    });
    expect(down).toMatchObject({ code: 1, stderr: 'cogo: NETWORK_ERROR: fetch failed (connect ECONNREFUSED 127.0.0.1:8787)\n' });
    expect(down.seen).toHaveLength(1);
  });
});
