// `cogo context` (packages/api-client/src/cli-context.ts) against the real Worker: it runs the job, then
// prints the whole compact context from GET /figma-context/context — checked against the job's log as
// the API holds it (toText / toJson of the merged page.chunk contexts). The command is given parsed.
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { fromJson, mergeChunks, toJson, toText, type CompactContext, type CompactJson } from '@cogo/figma-context';
import { afterEach, describe, expect, it } from 'vitest';
import { runContext, type ContextCommand } from '../../../../packages/api-client/src/cli-context';
import { describeError } from '../../../../packages/api-client/src/cli';
import { BASE, createTestProject, figmaFake, type TestProject } from '../helpers';
import { jobLog, workerTransport } from './client-helpers';

afterEach(() => figmaFake.clear());

const SAMPLE_URL = `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront`;

async function cogoContext(p: TestProject, opts: Partial<Omit<ContextCommand, 'command' | 'baseUrl' | 'apiKey'>>) {
  const transport = workerTransport();
  let stdout = '';
  let stderr = '';
  const command: ContextCommand = { command: 'context', start: null, format: undefined, maxBytes: undefined, cursor: undefined, baseUrl: BASE, apiKey: p.key, ...opts };
  const code = await runContext(command, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, fetch: transport.fetch }, describeError);
  const jobId = /^job ([0-9a-f-]{36})/.exec(stderr)?.[1];
  const next = /next_cursor: (\S+)\n/.exec(stderr)?.[1];
  return { code, stdout, stderr, jobId, next: next === 'null' ? null : next, transport };
}

/** The job's whole context as the API logged it, and its top-level nodes per chunk (a part under a node adds none). */
async function mergedLog(key: string, jobId: string) {
  const chunks = (await jobLog(key, jobId)).filter((e) => e.event === 'page.chunk');
  const contexts = chunks.map((e) => ({ ...(fromJson(e.data.context as CompactJson) as CompactContext & { under?: string }), index: e.data.chunk_index as number }));
  const sizes = new Map<number, number>();
  for (const c of contexts) sizes.set(c.index, (sizes.get(c.index) ?? 0) + (c.under === undefined ? c.nodes.length : 0));
  return Object.assign(mergeChunks(contexts), { chunkSizes: [...sizes.values()] });
}

/** The whole text the API serves: toText with templates chosen per chunk. */
const wholeText = (ctx: Awaited<ReturnType<typeof mergedLog>>) => `${toText(ctx, { dedupePer: ctx.chunkSizes })}\n`;

describe('cogo context against the Worker', () => {
  it('runs the job and prints the whole text context: every kept node, text, style, layout, variable', async () => {
    const p = await createTestProject();
    const run = await cogoContext(p, { start: { figma_url: SAMPLE_URL, options: { max_nodes_per_chunk: 2 } } });
    expect(run.code, run.stderr).toBe(0);
    const ctx = await mergedLog(p.key, run.jobId!);
    expect(run.stdout).toBe(wholeText(ctx));
    // more than the component list: texts, dictionaries, every node
    expect(run.stdout).toMatch(/^# COGO Sample/);
    expect(run.stdout).toMatch(/\n@t\d+ /);
    expect(run.stdout).toMatch(/\n@l\d+ /);
    expect(run.stdout).toMatch(/\n@v\d+ VariableID:/);
    expect(run.stdout).toMatch(/ props=\{/);
    const ids: string[] = [];
    const walk = (n: { id: string; ch?: { id: string }[] }) => {
      ids.push(n.id);
      for (const c of n.ch ?? []) walk(c);
    };
    ctx.nodes.forEach(walk);
    expect(ids.length).toBe(ctx.counts.nodes);
    // each as its own line, in a template use's `ids=`, or (an instance's sublayer) as its template's `I$;…` line
    const listed = new Set([...[...run.stdout.matchAll(/ #(\S+)/g)].map((m) => m[1]!), ...[...run.stdout.matchAll(/ ids=(\S+)/g)].flatMap((m) => m[1]!.split(','))]);
    for (const id of ids) expect(listed.has(id) || (id.includes(';') && listed.has(`I$;${id.slice(id.indexOf(';') + 1)}`)), id).toBe(true);
    const paths = run.transport.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths[0]).toBe('POST /figma-context/start');
    expect(paths.filter((x) => x === 'GET /figma-context/context').length).toBeGreaterThanOrEqual(1);
  });

  it('--format json --node-id prints the node’s context as JSON', async () => {
    const p = await createTestProject();
    const run = await cogoContext(p, { start: { file_key: SAMPLE_FILE_KEY, node_id: '1:2' }, format: 'json' });
    expect(run.code, run.stderr).toBe(0);
    const ctx = await mergedLog(p.key, run.jobId!);
    expect(run.stdout).toBe(`${JSON.stringify(toJson(ctx))}\n`);
    expect(ctx.nodes.length).toBeGreaterThan(0);
    expect((JSON.parse(run.stdout) as CompactJson).nodes).toEqual(ctx.nodes);
  });

  it('--max-bytes prints one page and the next cursor; --cursor the next ones, without running a job; together the whole', async () => {
    const p = await createTestProject();
    const first = await cogoContext(p, { start: { figma_url: SAMPLE_URL }, maxBytes: 1024 });
    expect(first.code, first.stderr).toBe(0);
    expect(new TextEncoder().encode(first.stdout).length).toBeLessThanOrEqual(1024);
    expect(first.next).toBeTruthy();
    let text = first.stdout;
    let next = first.next;
    let runs = 0;
    while (next) {
      const run = await cogoContext(p, { cursor: next, maxBytes: 1024 });
      expect(run.code, run.stderr).toBe(0);
      expect(run.transport.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /figma-context/context']);
      expect(new TextEncoder().encode(run.stdout).length).toBeLessThanOrEqual(1024);
      text += run.stdout;
      next = run.next;
      expect(++runs).toBeLessThan(100);
    }
    expect(runs).toBeGreaterThan(1);
    expect(text).toBe(wholeText(await mergedLog(p.key, first.jobId!)));
  });

  it('exits 1 naming the API error for a cursor it did not issue', async () => {
    const p = await createTestProject();
    const run = await cogoContext(p, { cursor: 'forged.0000000000000000' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cogo: VALIDATION_FAILED: invalid request: query\.cursor \(request [0-9a-f-]{36}\)\n$/);
  });
});
