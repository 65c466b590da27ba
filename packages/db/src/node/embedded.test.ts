import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, schema } from '../index';
import { startEmbeddedPostgres } from './embedded';
import { runMigrations } from './migrate';
import { startWsProxy } from './ws-proxy';
import { ws } from './ws';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('embedded Postgres behind the WebSocket proxy', () => {
  it('keeps data in its data folder across a stop and a start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cogo-pglite-'));
    dirs.push(dataDir);
    const slug = `persist-${Date.now()}`;

    const first = await startEmbeddedPostgres({ dataDir });
    const proxy1 = await startWsProxy();
    await runMigrations(first.url, proxy1.address);
    const h1 = createDb({ url: first.url, wsProxy: proxy1.address, webSocketConstructor: ws.WebSocket });
    await h1.db.insert(schema.projects).values({ slug, name: 'Persisted' });
    await h1.close();
    await proxy1.close();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    const proxy2 = await startWsProxy();
    // migrating an up-to-date database is a no-op, not an error
    await runMigrations(second.url, proxy2.address);
    const h2 = createDb({ url: second.url, wsProxy: proxy2.address, webSocketConstructor: ws.WebSocket });
    const rows = await h2.db.select({ slug: schema.projects.slug }).from(schema.projects);
    expect(rows.map((r) => r.slug)).toContain(slug);
    const applied = await h2.pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(applied.rows[0]?.n).toBeGreaterThanOrEqual(2);
    await h2.close();
    await proxy2.close();
    await second.stop();
  });

  it('refuses to proxy to a host that is not allowed', async () => {
    const proxy = await startWsProxy({ allowHosts: ['127.0.0.1'] });
    const socket = new ws.WebSocket(`ws://${proxy.address}/v1?address=example.com:5432`);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    expect(closed.code).toBe(1008);
    expect(closed.reason).toContain('example.com');
    await proxy.close();
  });

  it('answers a plain HTTP request with 426', async () => {
    const proxy = await startWsProxy();
    const res = await fetch(`http://${proxy.address}/v1`);
    expect(res.status).toBe(426);
    await proxy.close();
  });
});
