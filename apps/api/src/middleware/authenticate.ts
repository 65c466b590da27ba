// Authentication: project API keys (`Authorization: Bearer cogo_…`), short-lived JWTs (HS256 secret
// and/or JWKS), the admin token, and — local dev only — EDGE_AUTH_OPTIONAL.
// A JWT must name a project that exists (401 otherwise); a JWKS that cannot be fetched when a token
// needs it answers 503 with Retry-After: the credential may be fine, it just cannot be checked now.
import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { createHttpClient } from '../lib/http-client';
import { jwksResolver, JwksUnavailableError, JwtError, looksLikeJwt, verifyJwt } from '../lib/jwt';
import { checkKey, markTouched } from '../modules/projects/key-cache';
import { projectExists } from '../modules/projects/projects.service';
import { touchKey } from '../modules/projects/projects.repo';
import type { AppConfig } from '../env';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOUCH_EVERY_MS = 60_000;

function unauthorized(message: string): ApiError {
  return new ApiError('UNAUTHORIZED', message, undefined, { 'WWW-Authenticate': 'Bearer realm="cogo"' });
}

/** The bearer token of a request, or null; 401 for a malformed Authorization header. */
export function bearerOf(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw unauthorized('Authorization must be "Bearer <api key or token>"');
  return m[1]!;
}

const resolvers = new Map<string, ReturnType<typeof jwksResolver>>();
function jwksFor(config: AppConfig) {
  const url = config.JWT_JWKS_URL;
  if (!url) return undefined;
  let r = resolvers.get(url);
  if (!r) {
    // short timeout, one retry: callers wait on this fetch (the resolver shares it and caches the set)
    const http = createHttpClient({ allowHosts: [new URL(url).host], timeoutMs: 3_000, retries: 1 });
    r = jwksResolver(async () => {
      const res = await http(url);
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`JWKS fetch answered ${res.status}`);
      }
      return (await res.json()) as { keys: JsonWebKey[] };
    });
    resolvers.set(url, r);
  }
  return r;
}

/** Requires a project principal (API key, JWT, or the dev project when EDGE_AUTH_OPTIONAL). */
export function authenticate(): MiddlewareHandler {
  return async function authenticateMiddleware(c, next) {
    const config = c.get('config');
    const token = bearerOf(c.req.header('authorization'));
    if (!token) {
      if (config.EDGE_AUTH_OPTIONAL && config.DEV_PROJECT_ID) {
        c.set('principal', { projectId: config.DEV_PROJECT_ID, kind: 'dev', actor: 'dev' });
        return next();
      }
      throw unauthorized('missing credentials: send Authorization: Bearer <api key or token>');
    }
    if (token.startsWith('cogo_')) {
      // before the key is found there is no project to scope to: the lookup by prefix reads every project's keys;
      // a key this isolate checked lately comes from its cache, and its gate still refuses it once revoked
      const db = () => c.get('serviceDb')('api key lookup');
      const result = await checkKey(db, token, c.get('defer'));
      if (!result.ok) throw unauthorized(result.reason);
      const { key } = result;
      if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        markTouched(key);
        c.get('defer')('api key touch', touchKey(db(), key.id)); // bookkeeping: the answer does not wait for it
      }
      c.set('principal', { projectId: key.projectId, kind: 'api_key', actor: `key:${key.prefix}`, keyId: key.id });
      return next();
    }
    if (looksLikeJwt(token)) {
      if (!config.JWT_SECRET && !config.JWT_JWKS_URL) throw unauthorized('tokens are not accepted by this deployment; use an API key');
      let claims;
      try {
        claims = await verifyJwt(token, {
          secret: config.JWT_SECRET,
          jwks: jwksFor(config),
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          maxTtlSeconds: config.JWT_MAX_TTL_SECONDS,
        });
      } catch (err) {
        if (err instanceof JwtError) throw unauthorized(`invalid token: ${err.message}`);
        if (err instanceof JwksUnavailableError) {
          c.get('log').warn('JWKS unavailable', { error: err.message });
          throw new ApiError('SERVICE_UNAVAILABLE', 'cannot check the token now: its signing keys (JWKS) are unreachable; retry later', undefined, {
            'Retry-After': String(err.retryAfterSeconds),
          });
        }
        throw err;
      }
      const claimed = claims.project_id;
      if (typeof claimed !== 'string' || !UUID.test(claimed)) throw unauthorized('invalid token: no project_id claim');
      const projectId = claimed.toLowerCase();
      // otherwise reads answer empty lists and writes fail on the foreign key
      // checked before the principal exists (it is what admits one), so through the service database
      if (!(await projectExists(() => c.get('serviceDb')('jwt project check'), projectId))) throw unauthorized('invalid token: its project does not exist');
      c.set('principal', { projectId, kind: 'jwt', actor: `jwt:${claims.sub ?? 'anonymous'}` });
      return next();
    }
    throw unauthorized('unrecognised credentials');
  };
}

/** Requires the platform admin token (ADMIN_TOKEN); 403 when administration is not configured. */
export function requireAdmin(): MiddlewareHandler {
  return async function requireAdminMiddleware(c, next) {
    const config = c.get('config');
    if (!config.ADMIN_TOKEN) throw new ApiError('FORBIDDEN', 'administration is disabled: ADMIN_TOKEN is not set');
    const token = bearerOf(c.req.header('authorization'));
    if (!token) throw unauthorized('missing credentials: send Authorization: Bearer <admin token>');
    if (!timingSafeEqual(token, config.ADMIN_TOKEN)) throw unauthorized('invalid admin token');
    c.set('admin', true);
    return next();
  };
}

/** The request's principal; 401 if authenticate() did not run. */
export function principalOf(c: { get: (k: 'principal') => import('./services').Principal | undefined }) {
  const p = c.get('principal');
  if (!p) throw unauthorized('missing credentials');
  return p;
}
