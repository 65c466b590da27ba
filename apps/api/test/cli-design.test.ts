// `cogo design` (packages/api-client/src/cli-design.ts) against the real Worker: the project's own provider on the
// OpenAI fake answers a scripted page, retrieval embeds on the fake too. What the CLI prints is checked against what
// the API stored: the page applied with --apply reads back the same from GET /pages/{id}/ui-json, on the turn's trace.
// The command is given parsed (runDesign), as workerd has no node:util parseArgs; argv parsing is tested in the
// package (packages/api-client/src/cli-design.test.ts).
import { CogoUiJsonSchema } from '@cogo/types';
import { afterEach, describe, expect, it } from 'vitest';
import { describeError } from '../../../packages/api-client/src/cli';
import type { RunnerIo } from '../../../packages/api-client/src/cli-connection';
import { runDesign, type DesignCommand } from '../../../packages/api-client/src/cli-design';
import { heroSection, modelPage, seedLibrary } from '../src/modules/figma-compat/figma-compat.ui.test-helpers';
import { workerTransport } from './e2e/client-helpers';
import { api, BASE, eventually } from './helpers';
import { llmProject, openaiFake, type LlmProject } from './llm-helpers';

afterEach(() => openaiFake.clear());

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// as design-chat.test.ts: the chat model on the project's own provider, embeddings allowed for retrieval
const project = () => llmProject([{ name: 'p1', models: [{ name: 'm1', input: 1, output: 2 }] }], { allowedModels: ['m1', 'text-embedding-3-small'], fallbackOrder: ['m1'] });

/** `cogo design <message> …` with the project's key; the CLI's fetch goes into the Worker. */
async function cogo(p: LlmProject, content: string, opts: Partial<DesignCommand> = {}, vars?: Record<string, string>, files: Record<string, string> = {}) {
  const transport = workerTransport(vars ? { vars } : {});
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: RunnerIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    fetch: transport.fetch,
    readFile: async (path) => files[path] ?? Promise.reject(new Error(`no file ${path}`)),
    writeFile: async (path, bytes) => void written.set(path, new TextDecoder().decode(bytes)),
  };
  const command: DesignCommand = { command: 'design', content, pagePath: undefined, rag: undefined, model: undefined, keyword: false, out: undefined, apply: false, json: false, baseUrl: BASE, apiKey: p.key, ...opts };
  const code = await runDesign(command, io, describeError);
  return { code, stdout, stderr, lines: stderr.trimEnd().split('\n'), written, requests: transport.requests };
}

/** The trace's timeline once `last` is on it (the events queue is asynchronous). */
async function timeline(key: string, trace: string, last: string) {
  return eventually(async () => {
    const body = (await (await api(`/metrics/trace/${trace}`, { key })).json()) as { events: Array<{ type: string }> };
    return body.events.some((e) => e.type === last) ? body.events.map((e) => e.type) : undefined;
  });
}

describe('cogo design against the Worker', () => {
  it('prints the previewed page; --apply stores it on the same trace (GET /pages/{id}/ui-json gives the printed page back)', async () => {
    const p = await project();
    const ids = await seedLibrary(p.id);
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(modelPage([heroSection()]))]);
    const run = await cogo(p, 'Generate a landing page for Acme with hero, CTA and features', { apply: true });
    expect(run.code, run.stderr).toBe(0);

    const printed = CogoUiJsonSchema.parse(JSON.parse(run.stdout));
    expect(printed.page.source).toMatchObject({ kind: 'generated', generator: 'llm' });
    // the library's button was matched: the printed page references the stored component
    expect(JSON.stringify(printed)).toContain(ids['Button/Primary']);

    const [first, ...rest] = run.lines;
    const trace = new RegExp(`^design: generate · trace ([0-9a-f]{32})$`).exec(first!)![1]!;
    expect(rest.slice(0, -2)).toEqual([
      expect.stringMatching(/^rag: \d+ items?$/),
      expect.stringMatching(/^plan: m1 via p1 · \d+→\d+ tokens · \$\d+\.\d{6}$/),
      expect.stringMatching(/^ui: "Acme landing": 1 section \(hero\); \d+ components, 1 from your library/),
    ]);
    const applied = new RegExp(`^applied: page (${UUID}) · \\+(\\d+) ~0 -0 =0$`).exec(rest.at(-2)!)!;
    expect(Number(applied[2])).toBeGreaterThan(0);
    expect(rest.at(-1)).toMatch(new RegExp(`^trace ${trace} · \\$\\d+\\.\\d{6}$`));
    expect(run.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/chat/design', 200],
      ['POST', '/figma-context/apply', 200],
    ]);

    const stored = await api(`/pages/${applied[1]}/ui-json`, { key: p.key });
    expect(stored.status).toBe(200);
    expect(((await stored.json()) as { cogo_ui_json: unknown }).cogo_ui_json).toEqual(printed);
    const types = await timeline(p.key, trace, 'figma_apply_done');
    const order = ['gen_plan_scheduled', 'gen_plan_succeeded', 'ui_generate_succeeded', 'figma_apply_started', 'figma_apply_done'];
    expect(types.filter((t) => order.includes(t))).toEqual(order);
  });

  it('--page refines the file given; --out writes the page (an apply body as is) and its feature beside it', async () => {
    const p = await project();
    await seedLibrary(p.id);
    const page = modelPage([heroSection()]);
    const refined = structuredClone(page);
    refined.page.sections[0]!.style = { background: '{color.text.default}' };
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(refined)]);
    const run = await cogo(p, 'Refine the hero and add BDD scenarios', { pagePath: 'page.json', rag: 0, out: 'out/page.json' }, undefined, { 'page.json': JSON.stringify(page) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.lines).toContain('rag: skipped (rag.limit is 0)');
    expect(run.lines.slice(-4)).toEqual(['bdd: 1 scenario', 'wrote out/page.json', 'wrote out/page.feature', expect.stringMatching(/^trace [0-9a-f]{32} · \$/)]);
    // the model was given the page from the file
    const [request] = await openaiFake.requests(p.prefix('p1'));
    expect(JSON.stringify(request!.body)).toContain('Ship faster with Acme');
    const written = CogoUiJsonSchema.parse(JSON.parse(run.written.get('out/page.json')!));
    expect(written.page.id).toBe(page.page.id);
    expect(written.page.sections[0]!.style).toEqual({ background: '{color.text.default}' });
    const feature = run.written.get('out/page.feature')!;
    expect(feature).toContain('Feature: Acme landing');
    expect(feature).toContain('When I press "Start free"');

    // the written file is what apply takes, on the turn's trace
    const trace = /^trace ([0-9a-f]{32}) · /.exec(run.lines.at(-1)!)![1]!;
    const applied = await api('/figma-context/apply', { method: 'POST', key: p.key, json: { page: written, trace_id: trace } });
    expect(applied.status, await applied.clone().text()).toBe(200);
    expect(((await applied.json()) as { inserted: number }).inserted).toBeGreaterThan(0);
  });

  it('a page over ARTIFACT_INLINE_MAX_BYTES comes as an artifact: the CLI fetches it and prints that page', async () => {
    const p = await project();
    const filler = 'Acme keeps every plan simple. '.repeat(4);
    const components = Array.from({ length: 40 }, (_, i) => ({ id: `t-${i}`, type: 'text' as const, text: `${i}: ${filler}` }));
    await openaiFake.replies(p.chatPath('p1'), [JSON.stringify(modelPage([{ id: 'features', type: 'features', name: 'Features', blocks: [{ id: 'grid', type: 'grid', components }] }]))]);
    const run = await cogo(p, 'Generate a features section', { rag: 0 }, { ARTIFACT_INLINE_MAX_BYTES: '1024' });
    expect(run.code, run.stderr).toBe(0);
    const line = run.lines.find((l) => l.startsWith('ui: '))!;
    const [, artifactId] = new RegExp(`· artifact (${UUID}) \\(\\d+ bytes\\)$`).exec(line)!;
    expect(run.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/chat/design', 200],
      ['GET', `/artifacts/${artifactId}`, 200],
    ]);
    const printed = CogoUiJsonSchema.parse(JSON.parse(run.stdout));
    const stored = (await (await api(`/artifacts/${artifactId}`, { key: p.key })).json()) as { cogo_ui_json: unknown };
    expect(printed).toEqual(stored.cogo_ui_json);
    expect(printed.page.sections[0]!.blocks[0]!.components).toHaveLength(40);
  });

  it('--keyword: the offline generator makes the page, no model is asked, nothing is spent, and it applies', async () => {
    const p = await project();
    const ids = await seedLibrary(p.id);
    const run = await cogo(p, 'Generate a landing page for Acme with hero, CTA and features', { keyword: true, rag: 0, apply: true });
    expect(run.code, run.stderr).toBe(0);
    const page = CogoUiJsonSchema.parse(JSON.parse(run.stdout));
    expect(page.page.source).toMatchObject({ kind: 'generated', generator: 'keyword' });
    expect(page.page.sections.map((s) => s.type)).toEqual(['hero', 'cta', 'features']);
    expect(JSON.stringify(page)).toContain(ids['Button/Primary']);
    expect(await openaiFake.requests(p.prefix('p1'))).toEqual([]);
    expect(run.lines.some((l) => l.startsWith('applied: page '))).toBe(true);
    expect(run.lines.at(-1)).toMatch(/^trace [0-9a-f]{32} · \$0\.000000$/);
  });

  it('a model answering garbage twice: exit 1 with the LLM_BAD_OUTPUT line, nothing printed or applied', async () => {
    const p = await project();
    await openaiFake.replies(p.chatPath('p1'), ['{"page": 1}', 'still not a page']);
    const run = await cogo(p, 'Generate a landing page', { rag: 0, apply: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.lines.at(-1)).toMatch(new RegExp(`^cogo: LLM_BAD_OUTPUT: .+ \\(request ${UUID}\\)$`));
    expect(run.requests.map((r) => r.path)).toEqual(['/chat/design']);
  });
});
