// Rate limits per IP, per user and per project and route class, counted exactly and leased a few admissions at a
// time into each isolate (leases.ts): per IP by one Durable Object per address (RateLimiter); per project, and per
// user of a project, by the project's ProjectGate, whose project lease also refuses an API key revoked since this
// isolate cached it (modules/projects/key-cache.ts) — a key is trusted for KEY_TRUST_MS after a lease named it, and
// asked about again after that even while admissions are held. Headers per draft-ietf-httpapi-ratelimit-headers:
//   RateLimit-Policy: "project-figma";q=30;w=60   RateLimit: "project-figma";r=12;t=41
// and Retry-After on 429. The first crossing of 90% and the first refusal of a window go to bus_events.
// The client address is CF-Connecting-IP only in production, where Cloudflare sets it and overwrites any
// value the client sent. Locally (wrangler dev / miniflare) the header is set from the peer address only
// when the client did not send one, and workerd's peer address (request.cf.clientIp) never reaches the
// Worker, so the header is the client's choice: outside production every request counts as one client.
import type { MiddlewareHandler } from 'hono';
import type { AppConfig } from '../env';
import { ApiError } from '../lib/errors';
import { projectGateName, rateLimiterName } from '../durable-objects/names';
import { forgetKey, keyTrusted, trustKey } from '../modules/projects/key-cache';
import { admitFromLease } from './leases';
import type { HitResult } from '../durable-objects/rate-window';

export type RouteClass = 'default' | 'heavy' | 'chat' | 'embed' | 'figma' | 'ai' | 'ai-heavy';

export interface RateLimitOptions {
  /** `ip` counts by client address (before auth); `project` by the authenticated project; `user` by who in it (key or JWT subject). */
  subject: 'ip' | 'project' | 'user';
  routeClass?: RouteClass;
  windowSeconds?: number;
}

/** The per-IP subject: the client's address in production, one shared `local` bucket elsewhere. */
export function clientSubject(config: AppConfig, header: (name: string) => string | undefined): string {
  if (config.ENVIRONMENT !== 'production') return 'ip:local';
  return `ip:${header('cf-connecting-ip')?.trim() || 'unknown'}`;
}

/** Requests per window for a route class. */
export function limitFor(config: AppConfig, subject: 'ip' | 'project' | 'user', routeClass: RouteClass): number {
  if (subject === 'ip') return config.RATE_LIMIT_IP_PER_MIN;
  switch (routeClass) {
    case 'ai':
      return config.AI_RATE_LIMIT_PER_MIN;
    case 'ai-heavy':
      return config.AI_HEAVY_RATE_LIMIT_PER_MIN;
    case 'heavy':
      return config.RATE_LIMIT_HEAVY_PER_MIN;
    case 'chat':
      return config.CHAT_RATE_LIMIT_PER_MIN;
    case 'embed':
      return config.EMBED_RATE_LIMIT_PER_MIN;
    case 'figma':
      return config.FIGMA_RATE_LIMIT_PER_MIN;
    default:
      return config.RATE_LIMIT_DEFAULT_PER_MIN;
  }
}

export interface RateLimitVariables {
  /** RateLimit headers gathered by the limiters that already ran on this request. */
  rateLimitHeaders: { policy: string; state: string } | undefined;
}

declare module 'hono' {
  interface ContextVariableMap extends RateLimitVariables {}
}

const join = (a: string | undefined, b: string) => (a ? `${a}, ${b}` : b);

/** Counts the request against its subject's window; 429 when over. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = (options.windowSeconds ?? 60) * 1000;
  const routeClass = options.routeClass ?? 'default';
  return async function rateLimitMiddleware(c, next) {
    const config = c.get('config');
    const principal = c.get('principal');
    const subjectId =
      options.subject === 'ip'
        ? clientSubject(config, (name) => c.req.header(name))
        : options.subject === 'user'
          ? `user:${principal?.projectId ?? 'anonymous'}:${principal?.actor ?? 'anonymous'}`
          : `project:${principal?.projectId ?? 'anonymous'}`;
    const policy = options.subject === 'project' ? `project-${routeClass}` : options.subject === 'user' ? `user-${routeClass}` : 'ip';
    const limit = limitFor(config, options.subject, routeClass);
    const now = Date.now();
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const windowEnd = windowStart + windowMs;
    let hit: HitResult;
    if (options.subject !== 'ip' && principal) {
      // a lease of the project's gate: admissions, and (the project's window) whether the request's API key was revoked
      // meanwhile. A user's windows are the gate's too: one object a project, warm with its traffic, rather than an
      // object a user that is new again after every pause (~5 ms of the isolate's thread each, profiled under load)
      const gateName = projectGateName(principal.projectId);
      const gate = config.PROJECT_GATE.get(config.PROJECT_GATE.idFromName(gateName));
      const keyId = options.subject === 'project' ? principal.keyId : undefined;
      const gatePolicy = options.subject === 'user' ? `${policy}::${principal.actor}` : policy;
      const ask = async (want: number) => {
        const askedAt = Date.now();
        const lease = await gate.lease({ policy: gatePolicy, limit, windowStartMs: windowStart, windowEndMs: windowEnd, want, keyId });
        if (lease.keyRevoked) {
          forgetKey(keyId!);
          throw new ApiError('UNAUTHORIZED', 'API key revoked', undefined, { 'WWW-Authenticate': 'Bearer realm="cogo"' });
        }
        if (keyId) trustKey(keyId, askedAt);
        return lease;
      };
      hit = await admitFromLease(`${gateName}::${gatePolicy}::${windowStart}`, limit, windowEnd, ask, { now, renew: keyId !== undefined && !keyTrusted(keyId, now) });
    } else {
      const ns = config.RATE_LIMITER;
      const name = rateLimiterName(policy, subjectId);
      const stub = ns.get(ns.idFromName(name));
      hit = await admitFromLease(`${name}::${windowStart}`, limit, windowEnd, (want) => stub.lease(limit, windowEnd, want), { now });
    }
    const resetSeconds = Math.max(1, Math.ceil((windowEnd - now) / 1000));
    const policyItem = `"${policy}";q=${limit};w=${windowMs / 1000}`;
    const stateItem = `"${policy}";r=${hit.remaining};t=${resetSeconds}`;
    const events = c.get('events');
    const eventPayload = { policy, subject: options.subject === 'ip' ? 'ip' : subjectId, limit, window_seconds: windowMs / 1000 };
    if (hit.nearLimitCrossed) events.emit('rate_limit_near', { ...eventPayload, count: hit.count }, { source: 'rate-limit' });
    if (hit.firstRejection) events.emit('rate_limit_exceeded', eventPayload, { source: 'rate-limit' });
    // headers of earlier limiters on this request are merged, so every policy is reported
    const prior = c.get('rateLimitHeaders');
    const merged = { policy: join(prior?.policy, policyItem), state: join(prior?.state, stateItem) };
    c.set('rateLimitHeaders', merged);
    if (!hit.allowed) {
      throw new ApiError('RATE_LIMITED', `rate limit of ${limit} requests per ${windowMs / 1000}s exceeded for ${policy}; retry in ${resetSeconds}s`, { policy, limit }, {
        'Retry-After': String(resetSeconds),
        'RateLimit-Policy': merged.policy,
        RateLimit: merged.state,
      });
    }
    await next();
    const final = c.get('rateLimitHeaders') ?? merged;
    c.res.headers.set('RateLimit-Policy', final.policy);
    c.res.headers.set('RateLimit', final.state);
  };
}
