// Row-level security of the routing catalogue (migration 0009), below any route: a tenant connection reads the
// platform's providers and models but cannot change, delete or add under them, whatever a query forgets.
import { createDb, schema } from '@cogo/db';
import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestProject, testDb } from '../../../test/helpers';

describe('catalogue tenancy in Postgres', () => {
  it('lets a tenant read platform rows and write only its own', async () => {
    const p = await createTestProject();
    const service = testDb();
    const tenant = createDb({ url: env.DATABASE_URL, wsProxy: env.DATABASE_WS_PROXY, tenant: { projectId: p.id } });
    const name = `plat-${crypto.randomUUID().slice(0, 8)}`;
    try {
      const [platform] = await service.db.insert(schema.llmProviders).values({ name, baseUrl: 'https://llm.example.com/v1', enabled: false }).returning();
      await service.db.insert(schema.llmModels).values({ providerId: platform!.id, name: `${name}-m`, upstreamModel: 'x', kind: 'chat', contextWindow: 1 });
      const seen = await tenant.db.select().from(schema.llmProviders).where(eq(schema.llmProviders.id, platform!.id));
      expect(seen).toHaveLength(1);
      expect(await tenant.db.select().from(schema.llmModels).where(eq(schema.llmModels.providerId, platform!.id))).toHaveLength(1);
      // writes to platform rows touch nothing
      expect(await tenant.db.delete(schema.llmProviders).where(eq(schema.llmProviders.id, platform!.id)).returning()).toHaveLength(0);
      expect(await tenant.db.update(schema.llmProviders).set({ enabled: true }).where(eq(schema.llmProviders.id, platform!.id)).returning()).toHaveLength(0);
      expect(await tenant.db.delete(schema.llmModels).where(eq(schema.llmModels.providerId, platform!.id)).returning()).toHaveLength(0);
      await expect(tenant.db.insert(schema.llmModels).values({ providerId: platform!.id, name: 'sneak', upstreamModel: 'x', kind: 'chat', contextWindow: 1 })).rejects.toThrow();
      await expect(tenant.db.insert(schema.llmProviders).values({ name: 'sneak', baseUrl: 'https://x.example/v1' })).rejects.toThrow();
      const still = await service.db.select().from(schema.llmProviders).where(eq(schema.llmProviders.id, platform!.id));
      expect(still[0]).toMatchObject({ enabled: false });
      // its own rows it may write
      const [own] = await tenant.db.insert(schema.llmProviders).values({ projectId: p.id, name: 'own', baseUrl: 'https://x.example/v1' }).returning();
      expect(await tenant.db.delete(schema.llmProviders).where(eq(schema.llmProviders.id, own!.id)).returning()).toHaveLength(1);
      await service.db.delete(schema.llmProviders).where(eq(schema.llmProviders.id, platform!.id));
    } finally {
      await tenant.close();
      await service.close();
    }
  });
});
