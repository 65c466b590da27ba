// The routing catalogue's per-isolate copy: fresh for CATALOGUE_TTL_MS; then, on the LLM call paths, answered while a
// background refresh runs (up to CATALOGUE_MAX_STALE_MS old); older, or without a background runner, reloaded first.
import { schema } from '@cogo/db';
import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../env';
import { tenantDb } from '../../lib/db';
import { createTestProject, testDb } from '../../../test/helpers';
import { loadCatalogue } from './catalogue';
import { CATALOGUE_MAX_STALE_MS, CATALOGUE_TTL_MS, invalidateCatalogue } from './catalogue-cache';

const service = testDb();
afterAll(() => service.close());
afterEach(() => vi.useRealTimers());

const config = readConfig(env);

describe('routing catalogue cache', () => {
  it('answers an LLM call from a copy past its TTL and refreshes it in the background, once; too old a copy is reloaded first', async () => {
    const p = await createTestProject();
    const tenant = tenantDb(config, p.id);
    const refreshes: Array<Promise<unknown>> = [];
    const background = (work: Promise<unknown>) => void refreshes.push(work);
    const load = (withBackground = true) => loadCatalogue(tenant.db, p.id, config, withBackground ? background : undefined);
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(t0);
      expect((await load()).hasPolicy).toBe(false);
      await service.db.insert(schema.routingPolicies).values({ projectId: p.id, dailyBudgetUsd: 5 });

      vi.setSystemTime(t0 + CATALOGUE_TTL_MS / 2);
      expect((await load()).hasPolicy).toBe(false); // fresh copy: no database, no refresh
      expect(refreshes).toHaveLength(0);

      vi.setSystemTime(t0 + CATALOGUE_TTL_MS + 5_000);
      expect((await load()).hasPolicy).toBe(false); // the stale copy at once…
      expect((await load()).hasPolicy).toBe(false);
      expect(refreshes).toHaveLength(1); // …and one refresh for both calls
      await Promise.all(refreshes);
      const refreshed = await load();
      expect(refreshed.hasPolicy).toBe(true);
      expect(refreshed.policy.daily_budget_usd).toBe(5);
      expect(refreshes).toHaveLength(1);

      await service.db.delete(schema.routingPolicies).where(eq(schema.routingPolicies.projectId, p.id));
      // older than CATALOGUE_MAX_STALE_MS: reloaded before the call answers
      vi.setSystemTime(t0 + CATALOGUE_TTL_MS + 5_000 + CATALOGUE_MAX_STALE_MS + 1_000);
      expect((await load()).hasPolicy).toBe(false);
      expect(refreshes).toHaveLength(1);

      // a path with no background runner reloads a copy past its TTL first
      await service.db.insert(schema.routingPolicies).values({ projectId: p.id, dailyBudgetUsd: 7 });
      vi.setSystemTime(Date.now() + CATALOGUE_TTL_MS + 1_000);
      expect((await load(false)).policy.daily_budget_usd).toBe(7);
      expect(refreshes).toHaveLength(1);
    } finally {
      await tenant.close();
    }
  });

  it('never stores a load that an invalidation overtook', async () => {
    const p = await createTestProject();
    const tenant = tenantDb(config, p.id);
    try {
      const slow = loadCatalogue(tenant.db, p.id, config); // reads the catalogue before the policy exists…
      invalidateCatalogue(p.id); // …while a write through the admin routes drops the copy
      expect((await slow).hasPolicy).toBe(false);
      await service.db.insert(schema.routingPolicies).values({ projectId: p.id, dailyBudgetUsd: 3 });
      // the overtaken load was not kept as this isolate's copy
      expect((await loadCatalogue(tenant.db, p.id, config)).hasPolicy).toBe(true);
    } finally {
      await tenant.close();
    }
  });
});
