// Property-based fuzzing of every operation in the API's own /openapi.json (issue 7), with a fixed
// seed and a bounded count. For every generated request: no 5xx; every 4xx is the one error envelope
// carrying the response's request id; and a rejected request writes no row of the project's data.
import { ErrorEnvelopeSchema } from '@cogo/types';
import { env, SELF } from 'cloudflare:test';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { api, BASE, createTestProject, runFigmaJob, testDb, type TestProject } from './helpers';
import { bodyFor, hostileString, knownIds, valueFor, type OpenApiDoc, type Operation } from './fuzz/openapi-arbitrary';

const SEED = 20261201;
const RUNS_PER_OPERATION = 50;

const handle = testDb();
let doc: OpenApiDoc;
let project: TestProject;

beforeAll(async () => {
  doc = (await (await SELF.fetch(`${BASE}/openapi.json`)).json()) as OpenApiDoc;
  project = await createTestProject('Fuzz');
  // real resources of the project, so generated ids reach handlers and the database: a job (its
  // pages and components are then applied by the fuzzer), a second key (the first one authenticates)
  const { job } = await runFigmaJob(project.key, { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/x` });
  const extra = (await (await api('/keys', { method: 'POST', key: project.key, json: { name: 'fuzz-spare' } })).json()) as { id: string };
  knownIds.push(job.job_id, extra.id);
});
afterAll(() => handle.close());

/** Everything a rejected request must leave as it was (api keys' last_used_at is bookkeeping, not data). */
async function fingerprint(projectId: string): Promise<string> {
  // `table` may be schema-qualified (`cogo.jobs`); its rows are aliased `t`
  const agg = (table: string, cols = 't::text') =>
    `(select count(*) || ':' || md5(coalesce(string_agg(${cols}, '|' order by t.id::text), '')) from ${table} t where t.project_id = $1)`;
  const { rows } = await handle.pool.query(
    `select (select name || slug from projects where id = $1) as project,
            ${agg('cogo.project_api_keys', `t.id || ':' || t.name || ':' || coalesce(t.revoked_at::text, '')`)} as keys,
            ${agg('cogo.secure_keys')} as secrets,
            (select count(*) from cogo.secure_keys_audit where project_id = $1 and action <> 'use') as audit,
            ${agg('public.pages')} as pages,
            ${agg('public.components')} as components,
            ${agg('public.artifacts')} as artifacts,
            ${agg('cogo.jobs', 't.id::text')} as jobs`,
    [projectId],
  );
  return JSON.stringify(rows[0]);
}

interface FuzzRequest {
  path: string;
  query: string;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string } | { kind: 'none' };
  auth: 'right' | 'none' | 'garbage';
  headers: Record<string, string>;
}

const isAdmin = (op: Operation) => /\(admin\)/.test(op.summary ?? '');

function requestArbitrary(path: string, op: Operation): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const headerParams = params.filter((p) => p.in === 'header');
  const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  const pathArb = fc
    .tuple(...pathParams.map((p) => valueFor(doc, p.schema ?? {})))
    .map((values) => pathParams.reduce((acc, p, i) => acc.replace(`{${p.name}}`, encodeURIComponent(asText(values[i])) || '%20'), path));
  const queryArb = fc
    .tuple(...queryParams.map((p) => fc.option(valueFor(doc, p.schema ?? {}), { freq: 3 })))
    .map((values) => {
      const q = new URLSearchParams();
      values.forEach((v, i) => v !== null && q.set(queryParams[i]!.name, asText(v)));
      return q.size ? `?${q}` : '';
    });
  const schema = op.requestBody?.content?.['application/json']?.schema;
  const bodyArb: fc.Arbitrary<FuzzRequest['body']> = schema
    ? fc.oneof(
        { weight: 16, arbitrary: bodyFor(doc, schema).map((value) => ({ kind: 'json' as const, value })) },
        { weight: 1, arbitrary: fc.constantFrom('{"a":', '[', 'nul\u0000', '{"x":"\\u0000"}', '').map((text) => ({ kind: 'raw' as const, text, contentType: 'application/json' })) },
        { weight: 1, arbitrary: hostileString.map((text) => ({ kind: 'raw' as const, text, contentType: 'text/plain' })) },
        { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
      )
    : fc.constant({ kind: 'none' as const });
  const authArb = fc.constantFrom<FuzzRequest['auth']>('right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'none', 'garbage');
  // header values are what fetch can send: printable ASCII
  const headersArb = fc
    .tuple(...headerParams.map((p) => fc.option(valueFor(doc, p.schema ?? {}), { freq: 2 })))
    .map((values) => Object.fromEntries(values.flatMap((v, i) => (v !== null && /^[\x20-\x7e]*$/.test(asText(v)) ? [[headerParams[i]!.name, asText(v)]] : []))));
  return fc.record({ path: pathArb, query: queryArb, body: bodyArb, auth: authArb, headers: headersArb });
}

async function send(method: string, op: Operation, req: FuzzRequest): Promise<Response> {
  const headers = new Headers(req.headers);
  if (req.auth === 'right') headers.set('authorization', `Bearer ${isAdmin(op) ? env.ADMIN_TOKEN : project.key}`);
  if (req.auth === 'garbage') headers.set('authorization', 'Bearer cogo_not_a_key');
  let body: string | undefined;
  if (req.body.kind === 'json') {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(req.body.value) ?? 'null';
  } else if (req.body.kind === 'raw') {
    headers.set('content-type', req.body.contentType);
    body = req.body.text;
  }
  return SELF.fetch(`${BASE}${req.path}${req.query}`, { method: method.toUpperCase(), headers, body });
}

/** Slugs a generated POST /projects asked for: a rejected one must not exist afterwards. */
async function projectWithSlug(req: FuzzRequest): Promise<boolean> {
  const slug = req.body.kind === 'json' ? (req.body.value as { slug?: unknown } | null)?.slug : undefined;
  // Postgres cannot even compare a string holding NUL: such a project cannot exist
  if (typeof slug !== 'string' || slug.includes('\u0000')) return false;
  const { rows } = await handle.pool.query('select 1 from projects where slug = $1', [slug]);
  return rows.length > 0;
}

describe('fuzzing every operation of /openapi.json', () => {
  it('covers every operation of the document', () => {
    const operations = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
    expect(operations.length).toBeGreaterThanOrEqual(28);
  });

  const operations = (): Array<[string, string]> =>
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => [m, path] as [string, string]));

  it('no 5xx, every 4xx in the envelope, no row written by a rejected request', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    for (const [method, path] of operations()) {
      const op = doc.paths[path]![method]!;
      await fc.assert(
        fc.asyncProperty(requestArbitrary(path, op), async (req) => {
          const before = await fingerprint(project.id);
          const existedBefore = await projectWithSlug(req);
          const res = await send(method, op, req);
          const what = `${method.toUpperCase()} ${req.path}${req.query} → ${res.status}`;
          if (res.headers.get('content-type')?.includes('text/event-stream')) {
            await res.body?.cancel();
            expect(res.status, what).toBe(200);
            return;
          }
          const text = await res.text();
          expect(res.status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400) {
            const envelope = ErrorEnvelopeSchema.safeParse(JSON.parse(text));
            expect(envelope.success, `${what}: not the envelope: ${text.slice(0, 300)}`).toBe(true);
            expect(envelope.data!.error.requestId, what).toBe(res.headers.get('x-request-id'));
            expect(await fingerprint(project.id), `${what}: a rejected request wrote rows`).toBe(before);
            if (!existedBefore) expect(await projectWithSlug(req), `${what}: a rejected request created a project`).toBe(false);
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      ).catch((err: unknown) => {
        const e = err as Error & { cause?: Error };
        failures.push(`${method.toUpperCase()} ${path}: ${e.cause?.message ?? ''}\n${String(e.message).split('\n').slice(0, 4).join('\n')}`);
      });
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
