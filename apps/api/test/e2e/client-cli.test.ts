// `cogo extract` (packages/api-client/src/cli.ts) against the real Worker: the CLI's fetch goes into
// the Worker, so what it prints is checked against what the API streamed and stored. The command is
// given parsed (runExtract): workerd has no node:util parseArgs; argv parsing is tested in the package.
import { SAMPLE_FILE_KEY, storefrontFile } from '@cogo/fakes/samples';
import { afterEach, describe, expect, it } from 'vitest';
import { runExtract, type CliIo } from '../../../../packages/api-client/src/cli';
import type { StartFigmaJobRequest } from '../../../../packages/api-client/src/figma-types';
import { api, BASE, createTestProject, figmaFake, type TestProject } from '../helpers';
import { jobLog, workerTransport, type TransportFault } from './client-helpers';

afterEach(() => figmaFake.clear());

const SAMPLE = { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront` };
const SAMPLE_PAGES = [
  ['0:1', 'Storefront'],
  ['1:2', 'Components'],
  ['1:3', 'Archive'],
];
const LONG_BUDGET = { STREAM_BUDGET_MS: '60000', STREAM_HARD_LIMIT_MS: '120000' };
/** "1 component", "11 components": how the CLI counts. */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  p: TestProject;
  transport: ReturnType<typeof workerTransport>;
}

/** `cogo extract <target> [--apply] [--json]` with the project's key. */
async function run(
  target: StartFigmaJobRequest,
  opts: { apply?: boolean; json?: boolean; isTTY?: boolean; apiKey?: string; vars?: Record<string, string>; faults?: (n: number, path: string) => TransportFault | undefined; project?: TestProject } = {},
): Promise<Run> {
  const p = opts.project ?? (await createTestProject());
  const transport = workerTransport({ ...(opts.vars ? { vars: opts.vars } : {}), ...(opts.faults ? { faults: opts.faults } : {}) });
  let stdout = '';
  let stderr = '';
  let clock = 0;
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
    isTTY: opts.isTTY ?? false,
    fetch: transport.fetch,
    now: () => (clock += 100),
  };
  const command = { command: 'extract' as const, start: target, apply: opts.apply ?? false, json: opts.json ?? false, baseUrl: BASE, apiKey: opts.apiKey ?? p.key };
  const code = await runExtract(command, io);
  return { code, stdout, stderr, p, transport };
}

interface JsonResult {
  job_id: string;
  file_key: string;
  pages: { page_id: string; name: string; chunks: number; components: { node_id: string }[] }[];
  counts: { pages: number; chunks: number; components: number };
  server_counts: Record<string, number>;
  applied?: { page_id: string; name: string; result: { inserted: number; updated: number; deleted: number; unchanged: number; batches: number } }[];
}

/** Components per page, in stream order, from the job's log as the API holds it. */
async function streamed(key: string, jobId: string) {
  const log = await jobLog(key, jobId);
  const chunks = log.filter((e) => e.event === 'page.chunk');
  return {
    log,
    components: chunks.flatMap((e) => e.data.components as { node_id: string }[]),
    perPage: (pageId: string) => chunks.filter((e) => e.data.page_id === pageId).flatMap((e) => e.data.components as unknown[]).length,
  };
}

describe('cogo extract against the Worker', () => {
  it('--json prints the merged result of ONE stream call: every streamed component, pages counted by the API', async () => {
    const { code, stdout, stderr, p, transport } = await run(SAMPLE, { json: true, vars: LONG_BUDGET });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as JsonResult;
    expect(result.file_key).toBe(SAMPLE_FILE_KEY);
    const s = await streamed(p.key, result.job_id);
    expect(result.pages.map((pg) => [pg.page_id, pg.name, pg.components.length])).toEqual(SAMPLE_PAGES.map(([id, name]) => [id, name, s.perPage(id!)]));
    expect(result.pages.flatMap((pg) => pg.components)).toEqual(s.components);
    expect(result.counts).toEqual({ pages: 3, chunks: 3, components: s.components.length });
    expect(result.server_counts).toMatchObject({ pages: 3, empty_pages: 0 });
    // a multi-chunk job whose budget is long enough is one stream call
    expect(transport.streamCalls).toHaveLength(1);
    expect(stderr).toContain(`page Storefront: chunk 1/1, +${count(s.perPage('0:1'), 'component')}`);
  });

  it('prints one plain line per chunk when stderr is not a terminal', async () => {
    const { code, stdout, stderr, p } = await run({ file_key: SAMPLE_FILE_KEY });
    expect(code).toBe(0);
    expect(stderr).not.toContain('\r');
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^job [0-9a-f-]{36}: file ${SAMPLE_FILE_KEY}, 3 pages, 3 chunks$`));
    const jobId = /^job ([0-9a-f-]{36})/.exec(lines[0]!)![1]!;
    const s = await streamed(p.key, jobId);
    expect(lines[1]).toMatch(/^cache off — .+: Figma calls tier 1: 4, tier 2: 1, ~\d+ s$/);
    expect(lines.slice(2)).toEqual(SAMPLE_PAGES.map(([id, name]) => `page ${name}: chunk 1/1, +${count(s.perPage(id!), 'component')}`));
    expect(stdout).toBe(
      `job ${jobId} (file ${SAMPLE_FILE_KEY}): 3 pages, 3 chunks, ${s.components.length} components\n` +
        SAMPLE_PAGES.map(([id, name]) => `  ${name} (${id}): ${count(s.perPage(id!), 'component')}\n`).join(''),
    );
    // the sample's Archive page holds one component: counted in the singular
    expect(s.perPage('1:3')).toBe(1);
    expect(stdout).toContain('  Archive (1:3): 1 component\n');
  });

  it('redraws a single progress line with \\r on a terminal and ends it with a newline', async () => {
    const { code, stderr, stdout } = await run(SAMPLE, { isTTY: true });
    expect(code).toBe(0);
    const total = /, (\d+) components\n/.exec(stdout)![1];
    expect(stderr.startsWith('\r[')).toBe(true);
    // the bar, ended by a newline, then the cache line
    const [bar, cache, rest] = stderr.split('\n');
    expect(cache).toMatch(/^cache off/);
    expect(rest).toBe('');
    const frames = bar!.slice(1).split('\r');
    expect(frames.length).toBeGreaterThan(3);
    expect(frames.at(-1)?.trimEnd()).toMatch(new RegExp(`^\\[#{24}\\] 3/3 chunks · 3/3 pages · ${total} components · \\d+\\.\\ds$`));
    expect(frames[0]).toMatch(/^\[-{24}\] 0\/3 chunks · 0\/3 pages · 0 components · /);
  });

  it('resumes a dropped stream and still gets every component', async () => {
    const cut = (n: number, path: string): TransportFault | undefined => (path === '/figma-context/stream' && n === 1 ? { kind: 'cut', afterFrames: 6 } : undefined);
    const { code, stdout, stderr, p, transport } = await run(SAMPLE, { json: true, faults: cut });
    expect(code).toBe(0);
    expect(stderr).toContain('reconnecting after event 6 in 250 ms (attempt 1): connection reset\n');
    const result = JSON.parse(stdout) as JsonResult;
    const s = await streamed(p.key, result.job_id);
    expect(result.pages.flatMap((pg) => pg.components)).toEqual(s.components);
    expect(result.counts).toEqual({ pages: 3, chunks: 3, components: s.components.length });
    expect(transport.streamCalls.map((c) => c.cursor)).toEqual(['0', '6']);
  });

  it('--apply stores every page and prints its counts', async () => {
    const { code, stdout, transport, p } = await run(SAMPLE, { apply: true });
    expect(code).toBe(0);
    const jobId = /^job ([0-9a-f-]{36})/.exec(stdout)![1]!;
    const s = await streamed(p.key, jobId);
    for (const [id, name] of SAMPLE_PAGES) {
      expect(stdout).toContain(`applied ${name} (${id}): {"inserted":${s.perPage(id!)},"updated":0,"deleted":0,"unchanged":0}\n`);
    }
    const applies = transport.requests.filter((r) => r.path === '/figma-context/apply');
    expect(applies.map((r) => [(r.body as { page: { node_id: string } }).page.node_id, r.idempotencyKey])).toEqual(SAMPLE_PAGES.map(([id]) => [id, `apply-${jobId}-${id}-0-1`]));
    const pages = (await (await api('/pages', { key: p.key })).json()) as { items: { node_id: string; name: string }[] };
    expect(pages.items.map((pg) => [pg.node_id, pg.name]).sort()).toEqual([...SAMPLE_PAGES].sort());
  });

  it('--apply --json puts the apply results in the JSON; applying again changes nothing', async () => {
    const first = await run(SAMPLE, { apply: true, json: true });
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as JsonResult;
    const s = await streamed(first.p.key, result.job_id);
    expect(result.applied?.map((a) => [a.page_id, a.result.inserted, a.result.batches])).toEqual(SAMPLE_PAGES.map(([id]) => [id, s.perPage(id!), 1]));
    const again = JSON.parse((await run(SAMPLE, { apply: true, json: true, project: first.p })).stdout) as JsonResult;
    expect(again.applied?.map((a) => [a.page_id, a.result.inserted, a.result.unchanged])).toEqual(SAMPLE_PAGES.map(([id]) => [id, 0, s.perPage(id!)]));
  });

  it('lists and applies empty pages too, so /pages holds every planned page', async () => {
    const file = storefrontFile();
    const [screens, components, archive] = file.document.children;
    const blank = (id: string, name: string) => ({ ...screens!, id, name, children: [] });
    file.document.children = [blank('900:1', 'Cover'), screens!, components!, blank('900:2', 'Notes'), archive!] as never;
    const key = `CLIEMPTY${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await figmaFake.putFile(key, file);

    const { code, stdout, p } = await run({ file_key: key }, { apply: true, json: true });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as JsonResult;
    const planned = file.document.children.map((pg) => [pg.id, pg.name]);
    expect(result.pages.map((pg) => [pg.page_id, pg.name])).toEqual(planned);
    expect(result.pages.filter((pg) => pg.components.length === 0).map((pg) => pg.page_id)).toEqual(['900:1', '900:2']);
    expect(result.counts.pages).toBe(5);
    expect(result.server_counts).toMatchObject({ pages: 5, empty_pages: 2 });
    const pages = (await (await api('/pages', { key: p.key })).json()) as { items: { node_id: string; name: string }[] };
    expect(pages.items.map((pg) => [pg.node_id, pg.name]).sort()).toEqual([...planned].sort());
  });
});

describe('cogo extract: API errors', () => {
  it('exits 1 with a one-line message for an API error and for a missing key', async () => {
    const missing = await run({ file_key: 'MISSINGFILE0' });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^cogo: FIGMA_NOT_FOUND: .+ \(request [0-9a-f-]{36}\)\n$/);
    const unauthorized = await run(SAMPLE, { apiKey: '' });
    expect(unauthorized.code).toBe(1);
    expect(unauthorized.stderr).toMatch(/^cogo: UNAUTHORIZED: .+ \(request [0-9a-f-]{36}\)\n$/);
  });

  it('exits 1 naming the terminal error of a job that fails mid-stream', async () => {
    await figmaFake.faults([{ fault: { kind: 'forbidden' }, times: null, path: `/v1/files/${SAMPLE_FILE_KEY}/nodes` }]);
    const failed = await run(SAMPLE);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n').at(-1)).toMatch(/^cogo: FIGMA_FORBIDDEN: .+ \(request [0-9a-f-]{36}\)$/);
  });

  it('says where the job reads from: a miss on first sight of a version, then a hit with no Tier-1 call', async () => {
    const key = `CLICACHE${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await figmaFake.putFile(key, storefrontFile());
    const vars = { ...LONG_BUDGET, FIGMA_VERSION_CACHE: 'true' };
    const first = await run({ file_key: key }, { vars });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^cache miss \(version \S+\): Figma calls tier 1: [1-9]\d*, tier 2: \d+, ~\d+ s$/m);
    const second = await run({ file_key: key }, { vars, json: true });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/^cache hit \(version \S+\): Figma calls tier 1: 0, tier 2: 1, ~0 s$/m);
    const result = JSON.parse(second.stdout) as { cache: string; file_version: string; figma_calls: { tier1: number } };
    expect(result).toMatchObject({ cache: 'hit', figma_calls: { tier1: 0 } });
    expect(result.file_version).toMatch(/\S/);
  });
});
