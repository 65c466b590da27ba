// The Figma fake's control API, for tests that cannot reach the fake object (Worker tests run in
// workerd) and for people poking the dev stack by hand. Never part of Figma's API:
//   PUT    /__fake/faults            JSON [{ fault, times?: number|null (null = always), path?, pathPattern? }]
//   DELETE /__fake/faults
//   PUT    /__fake/files/:key        JSON GetFileResponse (replacing a file bumps its `version`, as an edit in Figma does)
//   PUT    /__fake/variables/:key    JSON LocalVariablesMeta ({ variables, variableCollections }): the file's local variables
//   PUT    /__fake/quota             JSON FigmaQuota ({ planTier, limitType?, upgradeLink? }): tiered 429s per token
//   DELETE /__fake/quota
//   PUT    /__fake/tokens/:token     accept another token (its own quota buckets)
//   GET    /__fake/requests          the recorded requests (credentials redacted)
//   DELETE /__fake/requests
//   GET    /__fake/info              { images_origin }: the host image URLs point at (to allowlist it)
//   GET    /__fake/webhooks          the webhooks created through POST /v2/webhooks, passcodes included (figma-webhooks.ts)
//   POST   /__fake/webhooks/:id/deliver  JSON event: POSTs it to the webhook's endpoint as Figma does (3 retries)
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GetFileResponse } from '@figma/rest-api-spec';
import type { RecordedRequest } from '../http/request-log';
import { readBody, sendJson } from '../http/send';
import type { FigmaQuota } from './figma-quota';
import type { FigmaFake, FigmaFaultInput, LocalVariablesMeta } from './figma-types';

export const CONTROL_PREFIX = '/__fake/';

function noContent(res: ServerResponse): void {
  res.writeHead(204).end();
}

interface WireRule {
  fault: unknown;
  times?: number | null;
  path?: string;
  pathPattern?: string;
}

/** Handles a control request; false when the path is not a control path. */
export async function handleControl(fake: Pick<FigmaFake, 'addFile' | 'addVariables' | 'setFaults' | 'clearFaults' | 'setQuota' | 'addToken'>, requests: RecordedRequest[], req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (!url.pathname.startsWith(CONTROL_PREFIX)) return false;
  const method = req.method ?? 'GET';
  const rest = url.pathname.slice(CONTROL_PREFIX.length);
  try {
    if (rest === 'faults' && method === 'PUT') {
      const rules = JSON.parse((await readBody(req)).toString('utf8')) as WireRule[];
      if (!Array.isArray(rules)) throw new Error('expected an array of fault rules');
      fake.setFaults(
        rules.map(
          (r) =>
            ({
              fault: r.fault,
              times: r.times === null ? Number.POSITIVE_INFINITY : (r.times ?? 1),
              ...(r.pathPattern ? { path: new RegExp(r.pathPattern) } : r.path ? { path: r.path } : {}),
            }) as FigmaFaultInput,
        ),
      );
      noContent(res);
      return true;
    }
    if (rest === 'faults' && method === 'DELETE') {
      fake.clearFaults();
      noContent(res);
      return true;
    }
    if (rest.startsWith('files/') && method === 'PUT') {
      // files for memory benches run to ~150 MB of JSON (200k nodes): past readBody's default limit
      fake.addFile(decodeURIComponent(rest.slice('files/'.length)), JSON.parse((await readBody(req, 512 * 1024 * 1024)).toString('utf8')) as GetFileResponse);
      noContent(res);
      return true;
    }
    if (rest.startsWith('variables/') && method === 'PUT') {
      const meta = JSON.parse((await readBody(req)).toString('utf8')) as LocalVariablesMeta;
      if (typeof meta?.variables !== 'object' || typeof meta?.variableCollections !== 'object') throw new Error('expected { variables, variableCollections }');
      fake.addVariables(decodeURIComponent(rest.slice('variables/'.length)), meta);
      noContent(res);
      return true;
    }
    if (rest === 'quota' && (method === 'PUT' || method === 'DELETE')) {
      const quota = method === 'PUT' ? (JSON.parse((await readBody(req)).toString('utf8')) as FigmaQuota) : null;
      if (quota !== null && !['starter', 'pro', 'org', 'enterprise'].includes(quota.planTier)) throw new Error('planTier must be starter, pro, org or enterprise');
      fake.setQuota(quota);
      noContent(res);
      return true;
    }
    if (rest.startsWith('tokens/') && method === 'PUT') {
      fake.addToken(decodeURIComponent(rest.slice('tokens/'.length)));
      noContent(res);
      return true;
    }
    if (rest === 'requests' && method === 'GET') {
      await sendJson(res, 200, requests);
      return true;
    }
    if (rest === 'requests' && method === 'DELETE') {
      requests.length = 0;
      noContent(res);
      return true;
    }
    await sendJson(res, 404, { error: `no control route ${method} ${url.pathname}` });
  } catch (err) {
    await sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
  return true;
}
