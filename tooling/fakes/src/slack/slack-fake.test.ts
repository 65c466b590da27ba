// The Slack fake over real HTTP: every answer of Slack's incoming webhooks, Retry-After on 429, Block Kit checks,
// revoke/archive, the per-webhook limiter and the request log (without the secret).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMessage } from './slack-blocks';
import { startSlackFake, type SlackFake } from './slack-fake';

let slack: SlackFake;
beforeAll(async () => {
  slack = await startSlackFake();
});
afterAll(() => slack.close());

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const control = (path: string, body?: unknown) => fetch(`${slack.url}/__fake/${path}`, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('Slack incoming-webhook fake', () => {
  it('posts a valid message: 200 ok, text/plain, recorded without the secret', async () => {
    const hook = slack.createWebhook();
    const res = await post(hook.url, { text: 'Sync done', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Sync done' } }, { type: 'section', text: { type: 'mrkdwn', text: '*Button*' } }] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('ok');
    const last = slack.posts().at(-1)!;
    expect(last).toMatchObject({ webhook: hook.id, status: 200, answer: 'ok', body: { text: 'Sync done' } });
    expect(last.path).toMatch(/^\/services\/T[0-9A-F]+\/B[0-9A-F]+\/\[secret\]$/);
    expect(JSON.stringify(slack.posts())).not.toContain(hook.url.split('/').at(-1)!);
  });

  it('answers 400 invalid_payload, no_text and invalid_blocks as Slack does', async () => {
    const hook = slack.createWebhook();
    const cases: Array<[unknown, string]> = [
      ['not json', 'invalid_payload'],
      [{}, 'no_text'],
      [{ text: '   ' }, 'no_text'],
      [{ blocks: [{ type: 'banner' }] }, 'invalid_blocks'],
      [{ blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] }, 'invalid_blocks'],
      [{ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] }, 'invalid_blocks'],
      [{ blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }, 'invalid_blocks'],
    ];
    for (const [body, error] of cases) {
      const res = await post(hook.url, body);
      expect([res.status, await res.text()], JSON.stringify(body).slice(0, 60)).toEqual([400, error]);
    }
  });

  it('answers 404 no_service for an unknown or revoked webhook, 410 for an archived channel', async () => {
    const hook = slack.createWebhook();
    const unknown = await post(`${slack.url}/services/T0/B0/nope`, { text: 'x' });
    expect([unknown.status, await unknown.text()]).toEqual([404, 'no_service']);
    expect((await control(`webhooks/${hook.id}/revoke`)).status).toBe(200);
    const revoked = await post(hook.url, { text: 'x' });
    expect([revoked.status, await revoked.text()]).toEqual([404, 'no_service']);
    const other = slack.createWebhook();
    await control(`webhooks/${other.id}/archive`);
    const archived = await post(other.url, { text: 'x' });
    expect([archived.status, await archived.text()]).toEqual([410, 'channel_is_archived']);
  });

  it('serves queued faults in order (429 with Retry-After, 403, 500), then posts again', async () => {
    const hook = slack.createWebhook();
    const set = await control(`webhooks/${hook.id}/faults`, { faults: [{ status: 429, body: 'rate_limited', retryAfter: 7 }, { status: 403, body: 'action_prohibited' }, { status: 500, body: 'rollup_error' }] });
    expect(set.status).toBe(200);
    const r1 = await post(hook.url, { text: 'x' });
    expect([r1.status, r1.headers.get('retry-after'), await r1.text()]).toEqual([429, '7', 'rate_limited']);
    const r2 = await post(hook.url, { text: 'x' });
    expect([r2.status, await r2.text()]).toEqual([403, 'action_prohibited']);
    const r3 = await post(hook.url, { text: 'x' });
    expect([r3.status, await r3.text()]).toEqual([500, 'rollup_error']);
    const r4 = await post(hook.url, { text: 'x' });
    expect([r4.status, await r4.text()]).toEqual([200, 'ok']);
    expect((await control(`webhooks/${hook.id}/faults`, { faults: [{ status: 'x' }] })).status).toBe(400);
  });

  it('limits a webhook to N messages a second when asked, with Retry-After', async () => {
    const hook = slack.createWebhook();
    await control(`webhooks/${hook.id}/rate-limit`, { perSecond: 1 });
    expect((await post(hook.url, { text: '1' })).status).toBe(200);
    const limited = await post(hook.url, { text: '2' });
    expect([limited.status, limited.headers.get('retry-after'), await limited.text()]).toEqual([429, '1', 'rate_limited']);
  });

  it('lists posts through the control API', async () => {
    const res = await fetch(`${slack.url}/__fake/posts`);
    const { posts } = (await res.json()) as { posts: unknown[] };
    expect(posts.length).toBe(slack.posts().length);
    expect(checkMessage(JSON.stringify({ text: 'hi' }))).toMatchObject({ ok: true });
  });
});
