import type { MiddlewareHandler } from 'hono';
import { authenticate, requireAdmin } from './authenticate';
import { bodyGuard } from './body-guard';
import { idempotency } from './idempotency';
import { rateLimit, type RouteClass } from './rate-limit';
import { verifySignature } from './verify-signature';

/**
 * The guard chain of a project route, in order: per-IP limit (before any work), body limits, signature,
 * credentials, per-project limit for the route class, per-user limit when the route has one (the AI job routes of
 * seed 004), idempotency of writes.
 */
export function guard(routeClass: RouteClass = 'default', userClass?: RouteClass): MiddlewareHandler[] {
  const perUser = userClass ? [rateLimit({ subject: 'user', routeClass: userClass })] : [];
  return [rateLimit({ subject: 'ip' }), bodyGuard(), verifySignature(), authenticate(), rateLimit({ subject: 'project', routeClass }), ...perUser, idempotency()];
}

/** The guard chain of an admin route. */
export function adminGuard(): MiddlewareHandler[] {
  return [rateLimit({ subject: 'ip' }), bodyGuard(), verifySignature(), requireAdmin(), idempotency()];
}
