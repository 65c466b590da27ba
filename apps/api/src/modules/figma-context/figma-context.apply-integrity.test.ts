// Issue 7 #1: a batch that is refused or fails must not count in replace mode — only accepted
// batches decide which of a page's components survive the last batch.
import { schema } from '@cogo/db';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { api, createTestProject, runFigmaJob, testDb } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

const apply = (key: string, body: unknown) => api('/figma-context/apply', { method: 'POST', key, json: body });
const comp = (node_id: string, name = `n${node_id}`) => ({ node_id, name, type: 'COMPONENT' });

async function nodeIdsOf(projectId: string): Promise<string[]> {
  const rows = await handle.db.select({ n: schema.components.nodeId }).from(schema.components).where(eq(schema.components.projectId, projectId));
  return rows.map((r) => r.n).sort();
}

async function jobFor() {
  const p = await createTestProject();
  const { job } = await runFigmaJob(p.key, { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/x` });
  return { p, jobId: job.job_id };
}

describe('apply: only accepted batches count in replace mode', () => {
  it('a batch refused for a NUL in a name is not recorded; the retried batch decides what is deleted', async () => {
    const { p, jobId } = await jobFor();
    const page = (components: unknown[]) => ({ node_id: '9:0', name: 'P', components });
    expect((await apply(p.key, { job_id: jobId, page: page([comp('9:1'), comp('9:2')]) })).status).toBe(200);
    expect((await apply(p.key, { job_id: jobId, page: page([comp('9:1')]), batch: { index: 0, count: 2 } })).status).toBe(200);
    const refused = await apply(p.key, { job_id: jobId, page: page([comp('9:3'), comp('9:2', 'b\u0000')]), batch: { index: 1, count: 2 } });
    expect(refused.status).toBe(400);
    const retried = await apply(p.key, { job_id: jobId, page: page([comp('9:3')]), batch: { index: 1, count: 2 } });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ inserted: 1, deleted: 1 });
    expect(await nodeIdsOf(p.id)).toEqual(['9:1', '9:3']);
  });

  it('a batch whose transaction fails in the database is not recorded either', async () => {
    const { p, jobId } = await jobFor();
    // a trigger makes the database refuse one node id, as a lost connection or a constraint would
    const fn = `cogo_test_refuse_${p.id.replaceAll('-', '')}`;
    await handle.db.execute(sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
      if new.node_id = '9:666' and new.project_id = '${p.id}' then raise exception 'refused by test'; end if; return new; end $$`));
    await handle.db.execute(sql.raw(`create trigger ${fn} before insert on components for each row execute function ${fn}()`));
    try {
      const page = (components: unknown[]) => ({ node_id: '9:0', name: 'P', components });
      expect((await apply(p.key, { job_id: jobId, page: page([comp('9:1'), comp('9:2')]) })).status).toBe(200);
      expect((await apply(p.key, { job_id: jobId, page: page([comp('9:1')]), batch: { index: 0, count: 2 } })).status).toBe(200);
      const failed = await apply(p.key, { job_id: jobId, page: page([comp('9:3'), comp('9:2'), comp('9:666')]), batch: { index: 1, count: 2 } });
      expect(failed.status).toBe(500);
      expect(await nodeIdsOf(p.id)).toEqual(['9:1', '9:2']);
      const retried = await apply(p.key, { job_id: jobId, page: page([comp('9:3')]), batch: { index: 1, count: 2 } });
      expect(retried.status).toBe(200);
      expect(await nodeIdsOf(p.id)).toEqual(['9:1', '9:3']);
    } finally {
      await handle.db.execute(sql.raw(`drop trigger ${fn} on components`));
      await handle.db.execute(sql.raw(`drop function ${fn}()`));
    }
  });
});
