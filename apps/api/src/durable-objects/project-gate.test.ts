import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { projectGateName, REVOCATION_KEEP_MS } from './project-gate';
import { KEY_TRUST_MS } from './rate-window';

const gate = () => env.PROJECT_GATE.get(env.PROJECT_GATE.idFromName(projectGateName(crypto.randomUUID())));

describe('ProjectGate', () => {
  it('leases each policy and window apart, exactly: what is left, then refusals, flagging only the first', async () => {
    const g = gate();
    const w0 = Math.floor(Date.now() / 60_000) * 60_000;
    const lease = (policy: string, want: number, start = w0) => g.lease({ policy, limit: 5, windowStartMs: start, windowEndMs: start + 60_000, want });
    expect(await lease('project-default', 3)).toEqual({ keyRevoked: false, from: 1, to: 3, firstRejection: false });
    expect(await lease('project-default', 3)).toEqual({ keyRevoked: false, from: 4, to: 5, firstRejection: false });
    expect(await lease('project-default', 3)).toEqual({ keyRevoked: false, from: 6, to: 5, firstRejection: true });
    expect(await lease('project-default', 1)).toEqual({ keyRevoked: false, from: 6, to: 5, firstRejection: false });
    expect(await lease('project-figma', 2)).toMatchObject({ from: 1, to: 2 });
    expect(await lease('project-default', 1, w0 + 60_000)).toMatchObject({ from: 1, to: 1 });
    // one call at a time: concurrent leases of one never overlap and never pass the limit
    const h = gate();
    const all = await Promise.all(Array.from({ length: 8 }, () => h.lease({ policy: 'p', limit: 5, windowStartMs: w0, windowEndMs: w0 + 60_000, want: 1 })));
    const granted = all.flatMap((l) => (l.keyRevoked || l.to < l.from ? [] : [l.from]));
    expect(granted.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(all.filter((l) => !l.keyRevoked && l.firstRejection)).toHaveLength(1);
  });

  it('writes the counts behind its answers, every window changed in a turn at once: what a new instance starts from', async () => {
    const g = gate();
    const w0 = Math.floor(Date.now() / 60_000) * 60_000;
    const lease = (policy: string, want: number) => g.lease({ policy, limit: 5, windowStartMs: w0, windowEndMs: w0 + 60_000, want });
    await Promise.all([lease('project-default', 2), lease('project-default', 2), lease('project-figma', 1), lease('project-default', 2)]);
    await new Promise((r) => setTimeout(r, 50));
    const stored = await runInDurableObject(g, (_o, state) =>
      state.storage.sql.exec<{ policy: string; admitted: number; rejected: number }>('select policy, admitted, rejected from windows order by policy').toArray(),
    );
    expect(stored).toEqual([
      { policy: 'project-default', admitted: 5, rejected: 0 },
      { policy: 'project-figma', admitted: 1, rejected: 0 },
    ]);
  });

  it('refuses a revoked key without counting it, and only that key', async () => {
    const g = gate();
    const w0 = Math.floor(Date.now() / 60_000) * 60_000;
    const req = (keyId?: string) => g.lease({ policy: 'project-default', limit: 10, windowStartMs: w0, windowEndMs: w0 + 60_000, want: 1, keyId });
    await g.revokeKeys(['k-revoked']);
    expect(await req('k-revoked')).toEqual({ keyRevoked: true });
    expect(await req('k-live')).toMatchObject({ keyRevoked: false, from: 1, to: 1 });
    expect(await req()).toMatchObject({ keyRevoked: false, from: 2 });
  });

  it('a revocation settles once the trust its leases gave the key has ended: KEY_TRUST_MS after the last one', async () => {
    const g = gate();
    const w0 = Math.floor(Date.now() / 60_000) * 60_000;
    // a new instance does not know what an earlier one leased: until KEY_TRUST_MS after it started, it waits for all
    await g.isRevoked('any');
    expect((await g.revokeKeys(['never-leased-1'])).settledAtMs).toBeGreaterThan(Date.now());
    await new Promise((r) => setTimeout(r, KEY_TRUST_MS + 200));
    // an instance older than KEY_TRUST_MS, a key no lease named: settled already
    expect((await g.revokeKeys(['never-leased-2'])).settledAtMs).toBeLessThanOrEqual(Date.now());
    const askedAt = Date.now();
    await g.lease({ policy: 'project-default', limit: 10, windowStartMs: w0, windowEndMs: w0 + 60_000, want: 1, keyId: 'k-used' });
    const { settledAtMs } = await g.revokeKeys(['k-used']);
    expect(settledAtMs).toBeGreaterThanOrEqual(askedAt + KEY_TRUST_MS);
    expect(settledAtMs).toBeLessThanOrEqual(Date.now() + KEY_TRUST_MS + 100);
  });

  it('its alarm drops ended windows and old revocations, keeping the rest and the next alarm', async () => {
    const g = gate();
    const now = Date.now();
    const old = Math.floor(now / 60_000) * 60_000 - 10 * 60_000;
    const live = Math.floor(now / 60_000) * 60_000;
    await g.lease({ policy: 'project-default', limit: 5, windowStartMs: old, windowEndMs: old + 60_000, want: 1 });
    await g.lease({ policy: 'project-default', limit: 5, windowStartMs: live, windowEndMs: live + 60_000, want: 1 });
    await g.revokeKeys(['stale'], now - REVOCATION_KEEP_MS - 1_000);
    await g.revokeKeys(['fresh'], now);
    expect(await runDurableObjectAlarm(g)).toBe(true);
    const rows = await runInDurableObject(g, (_o, state) => ({
      windows: state.storage.sql.exec<{ start_ms: number }>('select start_ms from windows').toArray().map((r) => r.start_ms),
      keys: state.storage.sql.exec<{ id: string }>('select id from revoked_keys').toArray().map((r) => r.id),
    }));
    expect(rows).toEqual({ windows: [live], keys: ['fresh'] });
    const next = await runInDurableObject(g, (_o, state) => state.storage.getAlarm());
    expect(next).toBe(live + 120_000);
  });
});
