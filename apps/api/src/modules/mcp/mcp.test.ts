// /mcp through the Worker with the official SDK client (v2), in both eras: the modern stateless protocol
// (2026-07-28, negotiated with versionNegotiation auto) and a 2025-era client; tools listed and called against
// the real services, another project's key sees nothing of this one, bad arguments are tool errors naming the path,
// and a request without credentials is a 401 in the envelope.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { api, BASE, createTestProject, runFigmaJob, type TestProject } from '../../../test/helpers';
import { llmProject } from '../../../test/llm-helpers';
import { longNamedLayers, runToEnd, sampleLayers } from '../ai-jobs/ai-jobs.test-helpers';

async function connect(p: Pick<TestProject, 'key'>, mode: 'auto' | 'legacy' = 'auto') {
  const transport = new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${p.key}` } },
    fetch: (url, init) => SELF.fetch(String(url), init),
  });
  const client = new Client({ name: 'cogo-test', version: '1.0.0' }, { versionNegotiation: { mode } });
  await client.connect(transport);
  return client;
}

type Structured = Record<string, any>;

describe('MCP at /mcp', () => {
  for (const mode of ['auto', 'legacy'] as const) {
    it(`lists the tools and queues a rename, then reads the job back (${mode} negotiation)`, async () => {
      const p = await createTestProject();
      const client = await connect(p, mode);
      try {
        const { tools } = await client.listTools();
        expect(tools.map((t) => t.name).sort()).toEqual(['apply_page', 'design_browser_test_session_start', 'design_browser_test_session_status', 'design_coverage_report', 'design_drift_report', 'design_sync', 'design_undo', 'download_images', 'get_design_context', 'get_job', 'get_metadata', 'get_screenshot', 'get_variables', 'list_jobs', 'rename_layers', 'search_design_system']);
        expect((tools.find((t) => t.name === 'rename_layers')!.inputSchema as { required?: string[] }).required).toEqual(['layers']);
        const queued = await client.callTool({ name: 'rename_layers', arguments: { layers: sampleLayers(12), context: 'via MCP' } });
        expect(queued.isError, JSON.stringify(queued.content)).toBeFalsy();
        const accepted = queued.structuredContent as Structured;
        expect(accepted).toMatchObject({ status: 'queued', estimate: { items: 12, model_calls: 2 } });
        expect(JSON.parse((queued.content as Array<{ text: string }>)[0]!.text)).toEqual(accepted);
        const job = (await client.callTool({ name: 'get_job', arguments: { job_id: accepted.job_id } })).structuredContent as Structured;
        expect(job).toMatchObject({ id: accepted.job_id, type: 'rename-layers', status: 'queued', payload: { layers: 12, context: 'via MCP' } });
        const listed = (await client.callTool({ name: 'list_jobs', arguments: {} })).structuredContent as Structured;
        expect(listed.items.map((j: { id: string }) => j.id)).toEqual([accepted.job_id]);
        // the same job through the REST API: one store
        expect((await api(`/api/jobs/${accepted.job_id}`, { key: p.key })).status).toBe(200);
        const drift = (await client.callTool({ name: 'design_drift_report', arguments: { only_drifted: true } })).structuredContent as Structured;
        expect(drift.mappings).toEqual([]);
        const cov = await client.callTool({ name: 'design_coverage_report', arguments: {} });
        expect(cov.isError, JSON.stringify(cov.content)).toBeFalsy();
      } finally {
        await client.close();
      }
    });
  }

  it("keeps projects apart and answers bad arguments and refusals as tool errors", async () => {
    const a = await createTestProject();
    const b = await createTestProject();
    const ca = await connect(a);
    const cb = await connect(b);
    try {
      const { job_id } = (await ca.callTool({ name: 'rename_layers', arguments: { layers: sampleLayers(2) } })).structuredContent as Structured;
      const foreign = await cb.callTool({ name: 'get_job', arguments: { job_id } });
      expect(foreign.isError).toBe(true);
      expect((foreign.structuredContent as Structured).error.code).toBe('NOT_FOUND');
      expect(((await cb.callTool({ name: 'list_jobs', arguments: {} })).structuredContent as Structured).items).toEqual([]);

      const bad = await ca.callTool({ name: 'rename_layers', arguments: { layers: [{ id: 'x', name: 'a', type: 'text' }] } });
      expect(bad.isError).toBe(true);
      expect(JSON.stringify(bad.content)).toContain('layers');
      // a NUL anywhere in a request is refused before MCP sees it, as on every route: 400 naming the path
      await expect(ca.callTool({ name: 'rename_layers', arguments: { layers: [{ id: 'x', name: 'a\u0000b', type: 'TEXT' }] } })).rejects.toThrow(/VALIDATION_FAILED.*arguments\.layers\.0\.name/);
      const notUuid = await ca.callTool({ name: 'get_job', arguments: { job_id: 'nope' } });
      expect(notUuid.isError).toBe(true);
    } finally {
      await ca.close();
      await cb.close();
    }
  });

  it('get_job reads a large result back from its job_output artifact: an agent gets the names, not only a URL', async () => {
    const p = await llmProject([{ name: 'p', models: [{ name: 'namer' }] }]);
    const layers = longNamedLayers(1_000);
    const res = await api('/api/rename-layers', { method: 'POST', key: p.key, json: { model: 'namer', layers } });
    const { job_id } = (await res.json()) as { job_id: string };
    await runToEnd(job_id);
    const rest = (await (await api(`/api/jobs/${job_id}`, { key: p.key })).json()) as Structured;
    expect(rest).toMatchObject({ status: 'completed', result: null, result_artifact: { kind: 'job_output' } });
    const client = await connect(p);
    try {
      const job = (await client.callTool({ name: 'get_job', arguments: { job_id } })).structuredContent as Structured;
      expect(job).toMatchObject({ id: job_id, status: 'completed', result_artifact: rest.result_artifact });
      expect(job.result.layers.map((l: { id: string }) => l.id)).toEqual(layers.map((l) => l.id));
      expect(job.result.partial).toBe(false);
    } finally {
      await client.close();
    }
  });

  it('get_design_context pages a design larger than max_bytes: the pages joined are the whole context, and a new connection continues by cursor', async () => {
    const p = await createTestProject();
    const { job } = await runFigmaJob(p.key, { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/x` });
    const whole = (await (await api(`/figma-context/context?job_id=${job.job_id}&max_bytes=4194304`, { key: p.key })).json()) as { content: string; next_cursor: string | null };
    expect(whole.next_cursor).toBeNull();
    expect(whole.content.length).toBeGreaterThan(4_096);

    const pages: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 200; i++) {
      // every page on a fresh connection: an agent that reconnects goes on by cursor
      const client = await connect(p);
      try {
        const res = await client.callTool({ name: 'get_design_context', arguments: cursor ? { cursor, max_bytes: 2_048 } : { job_id: job.job_id, max_bytes: 2_048 } });
        expect(res.isError, JSON.stringify(res.content).slice(0, 300)).toBeFalsy();
        const page = res.structuredContent as { content: string; bytes: number; next_cursor: string | null; job_status: string };
        expect(page.bytes).toBeLessThanOrEqual(2_048);
        expect(page.job_status).toBe('done');
        const text = (res.content as Array<{ text: string }>)[0]!.text;
        expect(text.startsWith(page.content)).toBe(true);
        if (page.next_cursor) expect(text).toContain(`cursor "${page.next_cursor}"`);
        pages.push(page.content);
        cursor = page.next_cursor;
      } finally {
        await client.close();
      }
      if (!cursor) break;
    }
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.join('')).toBe(whole.content);

    const other = await connect(await createTestProject());
    try {
      const foreign = await other.callTool({ name: 'get_design_context', arguments: { job_id: job.job_id } });
      expect(foreign.isError).toBe(true);
      expect((foreign.structuredContent as Structured).error.code).toBe('NOT_FOUND');
      const neither = await other.callTool({ name: 'get_design_context', arguments: {} });
      expect((neither.structuredContent as Structured).error.code).toBe('VALIDATION_FAILED');
      const forged = await other.callTool({ name: 'get_design_context', arguments: { cursor: 'not-a-cursor' } });
      expect(forged.isError).toBe(true);
      expect((forged.structuredContent as Structured).error.code).toMatch(/VALIDATION_FAILED|BAD_REQUEST/);
    } finally {
      await other.close();
    }
  });

  it('refuses a request without credentials with a 401 in the envelope', async () => {
    const res = await SELF.fetch(`${BASE}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });
});
