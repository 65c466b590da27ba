// readUpdatesSince (packages/api-client) against the real Worker: a follower's first read pages through the feed to
// its tip, latestUpdateId finds the tip in one small request, the next read from that id holds only what changed
// since, and describeUpdates says it in words.
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { describe, expect, it } from 'vitest';
import { createCogoClient } from '../../../../packages/api-client/src/index';
import { describeUpdates, latestUpdateId, readUpdatesSince } from '../../../../packages/api-client/src/updates';
import { api, BASE, createTestProject, runFigmaJob } from '../helpers';
import { workerTransport } from './client-helpers';

const comp = (node_id: string) => ({ node_id, name: `n${node_id}`, type: 'COMPONENT' });

describe('readUpdatesSince against the Worker', () => {
  it('reads to the tip in pages, then only what changed since', async () => {
    const p = await createTestProject();
    const { job } = await runFigmaJob(p.key, { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/x` });
    const apply = (components: ReturnType<typeof comp>[]) => api('/figma-context/apply', { method: 'POST', key: p.key, json: { job_id: job.job_id, page: { node_id: '9:0', name: 'P', components } } });
    expect((await apply([comp('9:1'), comp('9:2'), comp('9:3')])).status).toBe(200);
    const transport = workerTransport();
    const client = createCogoClient({ baseUrl: BASE, apiKey: p.key, fetch: transport.fetch });

    const first = await readUpdatesSince(client, 0, { limit: 2 });
    expect(first.items.map((u) => `${u.entity} ${u.operation}`)).toEqual(['project insert', 'page insert', 'component insert', 'component insert', 'component insert']);
    expect(first.after).toBe(first.items.at(-1)!.id);
    expect(transport.requests.map((r) => new URL(r.url).search)).toEqual([`?after=0&limit=2`, `?after=${first.items[1]!.id}&limit=2`, `?after=${first.items[3]!.id}&limit=2`]);
    expect(describeUpdates(first.items)).toBe('3 components added, 1 page added, 1 project added');

    expect(await readUpdatesSince(client, first.after)).toEqual({ items: [], after: first.after });
    // a follower starting now: one request of one item tells where the feed stands
    const before = transport.requests.length;
    expect(await latestUpdateId(client)).toBe(first.after);
    expect(transport.requests.slice(before).map((r) => new URL(r.url).search)).toEqual(['?limit=1']);
    // one component renamed, one gone: only those since the tip
    expect((await apply([{ ...comp('9:1'), name: 'Renamed' }, comp('9:2')])).status).toBe(200);
    const next = await readUpdatesSince(client, first.after);
    expect(describeUpdates(next.items)).toBe('1 component removed, 1 component changed');
    expect(next.items.every((u) => u.id > first.after)).toBe(true);
    await expect(readUpdatesSince(createCogoClient({ baseUrl: BASE, apiKey: 'cogo_wrong', fetch: transport.fetch }), 0)).rejects.toMatchObject({ status: 401 });
  });
});
