// Figma's webhooks v2 (Tier 2) in the fake: POST/GET/DELETE /v2/webhooks in Figma's shapes, its per-context
// limits (3 per file, 5 per project, 20 per team), and deliveries to the endpoint with the passcode, retried 3 times.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GetWebhooksResponse, WebhookV2 } from '@figma/rest-api-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFigmaFake } from './figma-fake';
import type { FigmaFake } from './figma-types';

describe('Figma fake: webhooks v2', () => {
  let fake: FigmaFake;
  beforeAll(async () => {
    fake = await startFigmaFake({ token: 'figd_hooks' });
  });
  afterAll(() => fake.close());
  const headers = { 'x-figma-token': 'figd_hooks', 'content-type': 'application/json' };
  const post = (body: unknown, h: Record<string, string> = headers) => fetch(`${fake.url}/v2/webhooks`, { method: 'POST', headers: h, body: JSON.stringify(body) });
  const hook = (contextId: string, context = 'file') => ({ event_type: 'FILE_UPDATE', context, context_id: contextId, endpoint: 'https://cogo.test/figma/webhooks', passcode: 'secret-passcode', description: 'cogo' });

  it('creates a webhook (the passcode is shown on create, empty on GET), lists it by context, deletes it', async () => {
    const res = await post(hook('FILEHOOK0001'));
    expect(res.status).toBe(200);
    const created = (await res.json()) as WebhookV2;
    expect(created).toMatchObject({ event_type: 'FILE_UPDATE', context: 'FILE', context_id: 'FILEHOOK0001', status: 'ACTIVE', passcode: 'secret-passcode', endpoint: 'https://cogo.test/figma/webhooks', description: 'cogo', client_id: null });
    expect(created.id).toMatch(/^\d+$/);

    const listed = (await (await fetch(`${fake.url}/v2/webhooks?context=file&context_id=FILEHOOK0001`, { headers })).json()) as GetWebhooksResponse;
    expect(listed.webhooks).toHaveLength(1);
    expect(listed.webhooks[0]).toMatchObject({ id: created.id, passcode: '' });
    const one = (await (await fetch(`${fake.url}/v2/webhooks/${created.id}`, { headers })).json()) as WebhookV2;
    expect(one).toMatchObject({ id: created.id, passcode: '' });

    const del = await fetch(`${fake.url}/v2/webhooks/${created.id}`, { method: 'DELETE', headers });
    expect(del.status).toBe(200);
    expect(((await del.json()) as WebhookV2).id).toBe(created.id);
    expect((await fetch(`${fake.url}/v2/webhooks/${created.id}`, { headers })).status).toBe(404);
    expect((await fetch(`${fake.url}/v2/webhooks/${created.id}`, { method: 'DELETE', headers })).status).toBe(404);
  });

  it('refuses a bad body, a missing token, and a 4th webhook on one file (Figma allows 3)', async () => {
    expect((await post({ ...hook('FILEHOOK0002'), passcode: 'x'.repeat(101) })).status).toBe(400);
    expect((await post({ ...hook('FILEHOOK0002'), context: 'planet' })).status).toBe(400);
    expect((await post(hook('FILEHOOK0002'), { 'content-type': 'application/json' })).status).toBe(403);
    for (let i = 0; i < 3; i++) expect((await post(hook('FILEHOOK0002'))).status).toBe(200);
    const fourth = await post(hook('FILEHOOK0002'));
    expect(fourth.status).toBe(400);
    expect(((await fourth.json()) as { err: string }).err).toMatch(/limit/i);
    for (let i = 0; i < 5; i++) expect((await post(hook('77', 'project'))).status).toBe(200);
    expect((await post(hook('77', 'project'))).status).toBe(400);
  });

  it('delivers an event to the endpoint with the passcode and webhook_id, retrying a failing endpoint 3 times', async () => {
    const seen: Array<Record<string, unknown>> = [];
    let failFirst = 2;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push(JSON.parse(body) as Record<string, unknown>);
        res.writeHead(failFirst-- > 0 ? 503 : 200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/figma/webhooks`;
      const created = (await (await post({ ...hook('FILEHOOK0003'), endpoint })).json()) as WebhookV2;
      const out = await fake.deliverWebhook(created.id, { event_type: 'FILE_UPDATE', file_key: 'FILEHOOK0003', file_name: 'F' });
      expect(out.statuses).toEqual([503, 503, 200]);
      expect(seen).toHaveLength(3);
      expect(seen[0]).toMatchObject({ event_type: 'FILE_UPDATE', file_key: 'FILEHOOK0003', passcode: 'secret-passcode', webhook_id: created.id, timestamp: expect.any(String) });
      expect(seen[2]).toEqual(seen[0]); // a retry is the same payload
      failFirst = 10;
      expect((await fake.deliverWebhook(created.id, { event_type: 'FILE_UPDATE', file_key: 'FILEHOOK0003' })).statuses).toEqual([503, 503, 503, 503]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
