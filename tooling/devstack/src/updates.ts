// `./cogo updates replay [--project ID] [--since ISO]`: asks the API (COGO_API_URL, default the dev stack's) to send
// undelivered outbox rows to the projection worker again — after a DLQ incident, once its cause is fixed. The API
// does the work (`POST /admin/updates/replay`, admin token in COGO_ADMIN_TOKEN), so this works against any environment.
import { parseArgs } from 'node:util';

const USAGE = 'usage: ./cogo updates replay [--project <project id>] [--since <ISO time>]   (env: COGO_API_URL, COGO_ADMIN_TOKEN)\n';

/** Runs the command; resolves to the exit code (0 ok, 1 API error, 2 usage). */
export async function runUpdates(argv: string[], env: NodeJS.ProcessEnv, out = process.stdout, err = process.stderr, doFetch = fetch): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { project: { type: 'string' }, since: { type: 'string' } } });
  } catch (e) {
    err.write(`cogo: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.join(' ') !== 'replay') {
    err.write(USAGE);
    return 2;
  }
  const token = env.COGO_ADMIN_TOKEN;
  if (!token) {
    err.write(`cogo: COGO_ADMIN_TOKEN is not set (the API's ADMIN_TOKEN)\n${USAGE}`);
    return 2;
  }
  const base = (env.COGO_API_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
  const body = { ...(parsed.values.project ? { project_id: parsed.values.project } : {}), ...(parsed.values.since ? { since: parsed.values.since } : {}) };
  let more = true;
  let total = 0;
  // one call sends at most 10,000; repeat while the API says more remain
  while (more) {
    let res: Response;
    try {
      res = await doFetch(`${base}/admin/updates/replay`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (e) {
      err.write(`cogo: cannot reach ${base}: ${(e as Error).message}\n`);
      return 1;
    }
    const json = (await res.json().catch(() => ({}))) as { sent?: number; more?: boolean; error?: { code: string; message: string; requestId: string } };
    if (!res.ok || json.error) {
      const e = json.error;
      err.write(`cogo: ${e?.code ?? res.status}: ${e?.message ?? res.statusText} (request ${e?.requestId ?? '?'})\n`);
      return 1;
    }
    total += json.sent ?? 0;
    more = Boolean(json.more);
  }
  out.write(`replayed ${total} undelivered update(s)\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runUpdates(process.argv.slice(2), process.env);
