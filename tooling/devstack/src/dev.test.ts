// The README's run command end to end: embedded Postgres + proxy + migrations + fakes + wrangler dev.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, schema } from '@cogo/db';
import { ws } from '@cogo/db/node';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { runDev, type DevReady } from './dev';

const dataDir = mkdtempSync(join(tmpdir(), 'cogo-dev-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function devRun(onReady: (ready: DevReady) => Promise<void>): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runDev({ port: await freePort(), dataDir, check: true, log: (l) => lines.push(l), onReady });
  return { code, lines };
}

describe('./cogo dev', () => {
  it('comes up healthy with docs, and keeps its data across a stop and a start', async () => {
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
      const stream = await fetch(`${apiUrl}/figma-context/stream`, { method: 'POST', headers: auth, body: JSON.stringify({ job_id, cursor: '0' }) });
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const text = await stream.text();
      expect(text).toContain('event: page.chunk');
      expect(text.match(/^event: done$/gm)).toHaveLength(1);
      const h = createDb({ url: databaseUrl, wsProxy: databaseWsProxy, webSocketConstructor: ws.WebSocket });
      await h.db.insert(schema.projects).values({ slug, name: 'Kept' });
      await h.close();
    });
    expect(first.code).toBe(0);
    const printed = first.lines.join('\n');
    expect(printed).toMatch(/COGO is up in [\d.]+s[\s\S]*Docs\s+http:\/\/127\.0\.0\.1:\d+\/docs/);
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
    expect(second.code).toBe(0);
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
});
