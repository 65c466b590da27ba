import { createRoute } from '@hono/zod-openapi';
import { DependencyHealthSchema, HealthSchema, LivenessSchema } from '@cogo/types';

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Readiness: the database answers',
  description:
    "200 when the database answers, 503 (same body, `status: degraded`) when it does not within 3 s. The probe checks both ways the API reaches the database — a WebSocket session (transactions) and SQL over HTTP (every other statement) — as `cogo-health` (application_name), which the local embedded database serves before queued user queries; `db.connectMs` (the session's connect) and `db.latencyMs` (both) say how long it waited. Use it to decide whether to send traffic; use `/livez` to decide whether to restart.",
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'Database unreachable', content: { 'application/json': { schema: HealthSchema } } },
  },
});

export const livenessRoute = createRoute({
  method: 'get',
  path: '/livez',
  tags: ['system'],
  summary: 'Liveness: the process answers',
  description: 'Always 200 while the Worker runs: touches neither the database nor the configuration, so a slow or down database or a bad var never reads as a dead process (see `/healthz` for readiness).',
  responses: {
    200: { description: 'Alive', content: { 'application/json': { schema: LivenessSchema } } },
  },
});

export const dependencyHealthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Dependencies: database, queue, LLM providers — 503 names the failing part',
  description:
    "Seed 004's health check: `checks.database` (answers within 3 s on its own connection), `checks.queue` (no AI job has waited in `queued` longer than AI_JOB_STALL_SECONDS, 300 s: the queue delivers and its consumer runs), `checks.providers` (the deployment's own LLM providers: none configured, or at least one whose circuit is closed). 200 when all pass; 503 with the same body and `failing` naming each part that did not. Public, like /healthz.",
  responses: {
    200: { description: 'Every dependency answers', content: { 'application/json': { schema: DependencyHealthSchema } } },
    503: { description: 'At least one dependency failed (named in `failing`)', content: { 'application/json': { schema: DependencyHealthSchema } } },
  },
});
