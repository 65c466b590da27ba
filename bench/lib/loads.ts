/**
 * The kinds of load the memory bench runs, one kind per run so a growth can be pinned on it. Each is
 * bounded in requests and in time (it stops starting requests at `deadline`), loopback only.
 */
export interface Target {
  url: string;
  apiKey: string;
}

export interface LoadResult {
  requests: number;
  /** status → count; `ERR` for a request that failed at the network level. */
  statuses: Record<string, number>;
}

export type Load = (t: Target, deadline: number) => Promise<LoadResult>;

const SAMPLE_URL = 'https://www.figma.com/design/COGOSAMPLE0001/COGO-Sample-Storefront';

/** Runs `count` calls of `one`, `concurrency` at a time, until `deadline`; tallies statuses. */
async function many(count: number, concurrency: number, deadline: number, one: (i: number) => Promise<number | string>): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count && Date.now() < deadline; i = next++) {
      const s = String(await one(i).catch(() => 'ERR'));
      statuses[s] = (statuses[s] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { requests: Object.values(statuses).reduce((a, b) => a + b, 0), statuses };
}

const auth = (t: Target, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/json', ...extra });

/** POST and drain the body; returns the status. */
async function post(t: Target, path: string, body: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${t.url}${path}`, { method: 'POST', headers, body });
  await res.arrayBuffer();
  return res.status;
}

/** GET and drain the body; returns the status. */
async function get(t: Target, path: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${t.url}${path}`, { headers });
  await res.arrayBuffer();
  return res.status;
}

/** Starts `n` figma-context jobs on the fake's sample file; returns their ids. */
export async function startJobs(t: Target, n: number, deadline: number): Promise<string[]> {
  const ids: string[] = [];
  await many(n, 10, deadline, async () => {
    const res = await fetch(`${t.url}/figma-context/start`, { method: 'POST', headers: auth(t), body: JSON.stringify({ figma_url: SAMPLE_URL }) });
    const body = (await res.json()) as { job_id?: string };
    if (body.job_id) ids.push(body.job_id);
    return res.status;
  });
  return ids;
}

/** Reads an SSE stream; with `cancelAfterBytes`, the client leaves once that much has arrived. */
async function stream(t: Target, jobId: string, cancelAfterBytes?: number): Promise<number> {
  const abort = new AbortController();
  const res = await fetch(`${t.url}/figma-context/stream`, { method: 'POST', headers: auth(t), body: JSON.stringify({ job_id: jobId, cursor: '0' }), signal: abort.signal });
  if (!res.body) return res.status;
  const reader = res.body.getReader();
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += value.byteLength;
      if (cancelAfterBytes !== undefined && seen >= cancelAfterBytes) {
        abort.abort();
        break;
      }
    }
  } catch {
    // aborted by us
  }
  return res.status;
}

/** The load kinds by name. */
export const LOADS: Record<string, { what: string; run: Load }> = {
  'idem-same': {
    what: '1,000 concurrent POST /figma-compat/uui/presign with one Idempotency-Key',
    run: (t, d) => {
      const key = `same-${crypto.randomUUID()}`;
      return many(1000, 1000, d, () => post(t, '/figma-compat/uui/presign', '{}', auth(t, { 'idempotency-key': key })));
    },
  },
  'idem-distinct': {
    what: '500 POST /figma-compat/uui/presign, each with its own Idempotency-Key (500 IdempotencyKey objects)',
    run: (t, d) => many(500, 25, d, () => post(t, '/figma-compat/uui/presign', '{}', auth(t, { 'idempotency-key': crypto.randomUUID() }))),
  },
  'rl-flood': {
    what: "3,000 POST /figma-compat/uui/ingest, 50 at a time: past the heavy class's 60/min (one RateLimiter object, ~2,940 × 429)",
    run: (t, d) => many(3000, 50, d, () => post(t, '/figma-compat/uui/ingest', '{"upload_id":"00000000-0000-4000-8000-000000000000"}', auth(t))),
  },
  malformed: {
    what: '7,000 malformed requests: bad JSON, bad auth header, unknown API key, unknown route',
    run: (t, d) =>
      many(7000, 50, d, async (i) => {
        const kind = i % 4;
        const res =
          kind === 0
            ? await fetch(`${t.url}/figma-context/start`, { method: 'POST', headers: auth(t), body: '{"figma_url":' })
            : kind === 1
              ? await fetch(`${t.url}/projects/current`, { headers: { authorization: 'Basic nope' } })
              : kind === 2
                ? await fetch(`${t.url}/projects/current`, { headers: { authorization: `Bearer cogo_${'x'.repeat(8)}_${'y'.repeat(32)}` } })
                : await fetch(`${t.url}/no/such/route/${i}`);
        await res.arrayBuffer();
        return res.status;
      }),
  },
  'conc-nodb': {
    what: '1,000 concurrent GET /projects/current with a malformed Authorization (401 before any database work)',
    run: (t, d) =>
      many(1000, 1000, d, async () => {
        const res = await fetch(`${t.url}/projects/current`, { headers: { authorization: 'Basic nope' } });
        await res.arrayBuffer();
        return res.status;
      }),
  },
  'seq-nodb': {
    what: '1,000 GET /projects/current with a malformed Authorization, 10 at a time (same requests as conc-nodb, low concurrency)',
    run: (t, d) =>
      many(1000, 10, d, async () => {
        const res = await fetch(`${t.url}/projects/current`, { headers: { authorization: 'Basic nope' } });
        await res.arrayBuffer();
        return res.status;
      }),
  },
  'seq-docs': {
    what: '1,000 GET /docs, 10 at a time (no middleware of ours: no Durable Object, no queue, no database)',
    run: (t, d) => many(1000, 10, d, () => get(t, '/docs')),
  },
  'seq-404': {
    what: '1,000 GET of unknown routes, 10 at a time (services + metrics → one queue message each; no Durable Object)',
    run: (t, d) => many(1000, 10, d, (i) => get(t, `/no/such/route/${i}`)),
  },
  'conc-db': {
    what: '1,000 concurrent GET /projects/current with a valid key (each opens a database pool to authenticate)',
    run: (t, d) =>
      many(1000, 1000, d, async () => {
        const res = await fetch(`${t.url}/projects/current`, { headers: auth(t) });
        await res.arrayBuffer();
        return res.status;
      }),
  },
  'db-auth': {
    what: '3,000 GET /projects/current with a valid key (one database pool per request)',
    run: (t, d) =>
      many(3000, 25, d, async () => {
        const res = await fetch(`${t.url}/projects/current`, { headers: auth(t) });
        await res.arrayBuffer();
        return res.status;
      }),
  },
  jobs: {
    what: '200 figma-context jobs started (200 JobCursor objects), not streamed',
    run: async (t, d) => {
      const ids = await startJobs(t, 200, d);
      return { requests: 200, statuses: { started: ids.length } };
    },
  },
  'sse-full': {
    what: '200 concurrent SSE streams on 200 new jobs, each read to its end',
    run: async (t, d) => {
      const ids = await startJobs(t, 200, d);
      return many(ids.length, 200, d, (i) => stream(t, ids[i]!));
    },
  },
  'sse-cancel': {
    what: '200 concurrent SSE streams on 200 new jobs, each cancelled by the client after its first 2 KB',
    run: async (t, d) => {
      const ids = await startJobs(t, 200, d);
      return many(ids.length, 200, d, (i) => stream(t, ids[i]!, 2048));
    },
  },
};
