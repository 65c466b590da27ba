import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { projectGateName, REVOCATION_KEEP_MS } from './project-gate';

const gate = () => env.PROJECT_GATE.get(env.PROJECT_GATE.idFromName(projectGateName(crypto.randomUUID())));

describe('ProjectGate', () => {
  it('counts each policy and window apart, exactly, with near-limit and first-refusal flags once', async () => {
    const g = gate();
    const w0 = Math.floor(Date.now() / 60_000) * 60_000;
    const admit = (policy: string, start = w0) => g.admit({ policy, limit: 3, windowStartMs: start, windowEndMs: start + 60_000 });
    const a = await Promise.all([admit('project-default'), admit('project-default'), admit('project-default'), admit('project-default'), admit('project-default')]);
    const allowed = a.filter((r) => !r.keyRevoked && r.allowed);
    expect(allowed).toHaveLength(3);
    expect(a.filter((r) => !r.keyRevoked && r.nearLimitCrossed)).toHaveLength(1);
    expect(a.filter((r) => !r.keyRevoked && r.firstRejection)).toHaveLength(1);
    expect(await admit('project-figma')).toMatchObject({ allowed: true, count: 1, remaining: 2 });
    expect(await admit('project-default', w0 + 60_000)).toMatchObject({ allowed: true, count: 1 });
  });

  it('refuses a revoked key without counting it, and only that key', async () => {
    const g = gate();
    const w0 = Math.floor(Date.now() / 60_000) * 60_000;
    const req = (keyId?: string) => g.admit({ policy: 'project-default', limit: 10, windowStartMs: w0, windowEndMs: w0 + 60_000, keyId });
    await g.revokeKeys(['k-revoked']);
    expect(await req('k-revoked')).toEqual({ keyRevoked: true });
    expect(await req('k-live')).toMatchObject({ keyRevoked: false, allowed: true, count: 1 });
    expect(await req()).toMatchObject({ keyRevoked: false, count: 2 });
  });

  it('its alarm drops ended windows and old revocations, keeping the rest and the next alarm', async () => {
    const g = gate();
    const now = Date.now();
    const old = Math.floor(now / 60_000) * 60_000 - 10 * 60_000;
    const live = Math.floor(now / 60_000) * 60_000;
    await g.admit({ policy: 'project-default', limit: 5, windowStartMs: old, windowEndMs: old + 60_000 });
    await g.admit({ policy: 'project-default', limit: 5, windowStartMs: live, windowEndMs: live + 60_000 });
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
