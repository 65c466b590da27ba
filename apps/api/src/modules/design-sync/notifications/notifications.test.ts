// Slack notifications through the Worker, its notify queue's consumer (driven by hand: [env.test] declares no
// consumer) and the Slack fake: settings per category, immediate → queued → exactly this Block Kit message posted →
// sent; digest → one message a day; 429 → retried after Retry-After then sent; 410 → webhook disabled; 400 → failed.
import { schema } from '@cogo/db';
import { NotificationEventListSchema, NotificationSettingsSchema } from '@cogo/types';
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import worker from '../../../index';
import { createTestProject, testDb, type TestProject } from '../../../../test/helpers';
import { ds } from '../design-sync.test-helpers';
import { errorOf, ok } from '../sync.test-helpers';
import { sendDigests } from './digest';
import { setLastDigest } from './notifications.repo';
import { notify } from './notify';
import { slackHook, storeSlackWebhook, type SlackHook } from './notifications.test-helpers';

const service = testDb();
afterAll(() => service.close());

const ev = schema.notificationEvents;
const settings = (v: unknown) => NotificationSettingsSchema.parse(v);
const eventsOf = async (p: TestProject, q = '') => ok(await ds(p, `notifications/events${q}`), 200, (v) => NotificationEventListSchema.parse(v));
const deps = () => ({ db: service.db, queue: env.NOTIFY_QUEUE as Queue<unknown> });

/** Delivers event ids as one batch of the notify queue (attempt `attempts`); answers acks and retries. */
async function deliver(ids: string[], attempts = 1) {
  const batch = createMessageBatch('cogo-notify', ids.map((id, i) => ({ id: `n${i}-${id}`, timestamp: new Date(), attempts, body: { event_id: id } })));
  // the queue result names retried messages, not their delay: the delay is read off the retry calls
  const delays = new Map<string, number | undefined>();
  for (const m of batch.messages) {
    const retry = m.retry.bind(m);
    Object.defineProperty(m, 'retry', { value: (o?: QueueRetryOptions) => (delays.set(m.id, o?.delaySeconds), retry(o)) });
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  const result = await getQueueResult(batch, ctx);
  return { ...result, retryMessages: result.retryMessages.map((r) => ({ msgId: r.msgId, delaySeconds: delays.get(r.msgId) })) };
}

async function projectWithSlack(): Promise<{ p: TestProject; hook: SlackHook }> {
  const p = await createTestProject();
  const hook = await slackHook();
  await storeSlackWebhook(p.id, hook.url);
  return { p, hook };
}

const failNotice = (key: string) => ({ category: 'sync_failed' as const, dedupeKey: key, title: 'Design sync partial: 1 failed', lines: ['*Product <Card>* & co: gone'], fields: { Operation: 'op_1' }, traceId: 'a'.repeat(32) });

describe('design-sync notifications', () => {
  it('has defaults until saved, merges saved categories, and refuses bad settings', async () => {
    const p = await createTestProject();
    const first = await ok(await ds(p, 'notifications'), 200, settings);
    expect(first).toEqual({
      categories: { sync_done: 'digest', sync_failed: 'immediate', drift_found: 'digest', credential_expiring: 'immediate', coverage_dropped: 'digest' },
      digest_hour_utc: 9,
      last_digest_at: null,
      slack: 'missing',
    });
    const saved = await ok(await ds(p, 'notifications', { method: 'PUT', json: { categories: { drift_found: 'immediate', sync_done: 'off' }, digest_hour_utc: 17 } }), 200, settings);
    expect(saved.categories).toMatchObject({ drift_found: 'immediate', sync_done: 'off', sync_failed: 'immediate' });
    expect(saved.digest_hour_utc).toBe(17);
    const again = await ok(await ds(p, 'notifications', { method: 'PUT', json: { categories: { coverage_dropped: 'off' } } }), 200, settings);
    expect(again.categories).toMatchObject({ drift_found: 'immediate', sync_done: 'off', coverage_dropped: 'off' });
    for (const json of [{ categories: { deploys: 'immediate' } }, { digest_hour_utc: 24 }, { categories: { sync_done: 'loud' } }, { extra: true }]) {
      await errorOf(await ds(p, 'notifications', { method: 'PUT', json }), 400, 'VALIDATION_FAILED');
    }
  });

  it('posts an immediate notification to Slack as exactly its Block Kit message, once', async () => {
    const { p, hook } = await projectWithSlack();
    expect(await ok(await ds(p, 'notifications'), 200, settings)).toMatchObject({ slack: 'active' });
    expect(await notify(deps(), p.id, failNotice('sync:op_1'))).toBe('queued');
    expect(await notify(deps(), p.id, failNotice('sync:op_1'))).toBe('duplicate');
    const [row] = await service.db.select().from(ev).where(eq(ev.projectId, p.id));
    expect(row).toMatchObject({ status: 'queued', category: 'sync_failed' });
    const result = await deliver([row!.id]);
    expect(result.explicitAcks).toHaveLength(1);
    const posts = await hook.posts();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.status).toBe(200);
    expect(posts[0]!.body).toEqual(row!.message);
    const body = posts[0]!.body as { text: string; blocks: Array<{ type: string; text?: { text: string } }> };
    expect(body.text).toBe('Design sync partial: 1 failed');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    // user text cannot become a Slack link or mention
    expect(body.blocks[1]!.text!.text).toBe('*Product &lt;Card&gt;* &amp; co: gone');
    const { events, failed_total } = await eventsOf(p);
    expect(events[0]).toMatchObject({ status: 'sent', attempts: 1, last_status: 200, last_error: null });
    expect(failed_total).toBe(0);
    // a redelivery of the same message posts nothing
    await deliver([row!.id]);
    expect(await hook.posts()).toHaveLength(1);
  });

  it('records nothing for an `off` category and keeps `digest` ones for one daily message', async () => {
    const { p, hook } = await projectWithSlack();
    // the digest hour is the next full hour: the events below are made now, before it (a fixed hour failed whenever
    // the test ran in that hour, after the digest moment it pretends)
    const next = new Date(Math.ceil((Date.now() + 1) / 3_600_000) * 3_600_000);
    await ds(p, 'notifications', { method: 'PUT', json: { categories: { sync_done: 'off' }, digest_hour_utc: next.getUTCHours() } });
    // from 23:00 UTC the next hour is tomorrow's 00:00, and today's 00:00 has passed with no digest sent: a new
    // project's digest is due at once. Today's is taken as sent then, so the moment below is still tomorrow's
    if (next.getUTCHours() === 0) await setLastDigest(service.db, p.id, new Date(next.getTime() - 86_400_000));
    expect(await notify(deps(), p.id, { category: 'sync_done', dedupeKey: 'd0', title: 'x', lines: [] })).toBe('off');
    for (const [i, title] of ['Design drift in 2 components', 'Story coverage dropped to 40 %'].entries()) {
      expect(await notify(deps(), p.id, { category: i === 0 ? 'drift_found' : 'coverage_dropped', dedupeKey: `d${i + 1}`, title, lines: ['line'] })).toBe('digest');
    }
    const before = new Date(next.getTime() - 60_000);
    const after = new Date(next.getTime() + 60_000);
    await sendDigests(env, before);
    expect((await eventsOf(p, '?status=digest')).events).toHaveLength(2);
    expect(await sendDigests(env, after)).toBeGreaterThanOrEqual(1);
    const digest = (await eventsOf(p, '?status=queued')).events;
    expect(digest).toHaveLength(1);
    expect(digest[0]!.category).toBe('digest');
    expect((await eventsOf(p, '?status=digested')).events).toHaveLength(2);
    await deliver([digest[0]!.id]);
    const posts = await hook.posts();
    expect(posts).toHaveLength(1);
    const text = JSON.stringify(posts[0]!.body);
    expect(text).toContain('Design drift in 2 components');
    expect(text).toContain('Story coverage dropped to 40 %');
    expect(text).toContain('drift found');
    // the same day again: nothing more
    await notify(deps(), p.id, { category: 'drift_found', dedupeKey: 'd9', title: 'later', lines: [] });
    await sendDigests(env, new Date(after.getTime() + 3600_000));
    expect((await eventsOf(p, '?status=queued')).events).toHaveLength(0);
    expect((await ok(await ds(p, 'notifications'), 200, settings)).last_digest_at).toBe(after.toISOString());
  });

  it('retries a 429 after its Retry-After, then sends', async () => {
    const { p, hook } = await projectWithSlack();
    await hook.faults([{ status: 429, body: 'rate_limited', retryAfter: 7 }]);
    await notify(deps(), p.id, failNotice('k429'));
    const [row] = await service.db.select().from(ev).where(eq(ev.projectId, p.id));
    const first = await deliver([row!.id]);
    expect(first.retryMessages).toEqual([{ msgId: `n0-${row!.id}`, delaySeconds: 7 }]);
    expect(first.explicitAcks).toEqual([]);
    expect((await eventsOf(p)).events[0]).toMatchObject({ status: 'queued', attempts: 1, last_status: 429, last_error: '429 rate_limited' });
    const second = await deliver([row!.id], 2);
    expect(second.explicitAcks).toHaveLength(1);
    expect((await eventsOf(p)).events[0]).toMatchObject({ status: 'sent', attempts: 2, last_status: 200 });
    expect((await hook.posts()).map((x) => x.status)).toEqual([429, 200]);
  });

  it('disables a webhook that answers 410 and fails the later events without a call', async () => {
    const { p, hook } = await projectWithSlack();
    await hook.archive();
    await notify(deps(), p.id, failNotice('k410'));
    const [row] = await service.db.select().from(ev).where(eq(ev.projectId, p.id));
    expect((await deliver([row!.id])).explicitAcks).toHaveLength(1);
    expect((await eventsOf(p)).events[0]).toMatchObject({ status: 'failed', last_status: 410, last_error: '410 channel_is_archived' });
    expect(await ok(await ds(p, 'notifications'), 200, settings)).toMatchObject({ slack: 'disabled' });
    await notify(deps(), p.id, failNotice('k410-2'));
    const later = (await eventsOf(p, '?status=queued')).events[0]!;
    await deliver([later.id]);
    expect((await hook.posts())).toHaveLength(1);
    const { events, failed_total } = await eventsOf(p, '?status=failed');
    expect(events.map((e) => e.last_error)).toContain('no active Slack webhook');
    expect(failed_total).toBe(2);
  });

  it('fails a rejected message (400) without a retry, and backs off on a 5xx', async () => {
    const { p, hook } = await projectWithSlack();
    await hook.faults([{ status: 400, body: 'invalid_payload' }, { status: 500, body: 'rollup_error' }]);
    await notify(deps(), p.id, failNotice('k400'));
    await notify(deps(), p.id, failNotice('k500'));
    const rows = await service.db.select().from(ev).where(eq(ev.projectId, p.id)).orderBy(ev.createdAt);
    const a = await deliver([rows[0]!.id]);
    expect(a.retryMessages).toEqual([]);
    expect((await eventsOf(p, '?status=failed')).events[0]).toMatchObject({ last_status: 400, last_error: '400 invalid_payload' });
    const b = await deliver([rows[1]!.id], 3);
    expect(b.retryMessages).toEqual([{ msgId: `n0-${rows[1]!.id}`, delaySeconds: 8 }]);
    // the last attempt fails it for good
    await hook.faults([{ status: 503, body: 'service_unavailable' }]);
    const c = await deliver([rows[1]!.id], 10);
    expect(c.explicitAcks).toHaveLength(1);
    expect((await eventsOf(p, '?status=failed')).failed_total).toBe(2);
  });

  it("acks a malformed message, and shows no project another's events", async () => {
    const batch = createMessageBatch('cogo-notify', [{ id: 'bad', timestamp: new Date(), attempts: 1, body: { event_id: 'nope' } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['bad']);
    const { p } = await projectWithSlack();
    await notify(deps(), p.id, failNotice('mine'));
    const other = await createTestProject();
    expect((await eventsOf(other)).events).toEqual([]);
    await errorOf(await ds(p, 'notifications/events?limit=0'), 400, 'VALIDATION_FAILED');
  });
});
