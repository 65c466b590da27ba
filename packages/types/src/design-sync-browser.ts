// design-sync browser test sessions (issue 15, seed 003): every story of the project's Storybook build rendered in a
// real browser — Cloudflare Browser Rendering in production, a local Chromium in development and tests — with its
// status, console errors and a screenshot (an artifact) per story.
import { z } from '@hono/zod-openapi';
import { ArtifactPointerSchema } from './artifacts';
import { TraceIdSchema, UuidSchema } from './ids';

export const BROWSER_SESSION_LIMITS = {
  /** Stories rendered by one session. */
  stories: 200,
  /** Longest wait for one story to render. */
  storyTimeoutMs: 15_000,
} as const;

export const BrowserSessionRequestSchema = z
  .object({
    /** Story ids to render (Storybook `id`s); default: every story of the registry (type story). */
    story_ids: z
      .array(z.string().min(1).max(300).regex(/^[a-z0-9][a-z0-9._-]*--[a-z0-9._-]+$/i, 'a Storybook story id'))
      .min(1)
      .max(BROWSER_SESSION_LIMITS.stories)
      .optional(),
    viewport: z.object({ width: z.number().int().min(200).max(3_840), height: z.number().int().min(200).max(2_160) }).optional(),
    trace_id: TraceIdSchema.optional(),
  })
  .strict()
  .openapi('BrowserSessionRequest');
export type BrowserSessionRequest = z.infer<typeof BrowserSessionRequestSchema>;

export const StoryResultSchema = z
  .object({
    story_id: z.string(),
    /** `passed`: rendered without an error; `failed`: an uncaught error, console error or a failed load; `timeout`. */
    status: z.enum(['passed', 'failed', 'timeout']),
    console_errors: z.array(z.string()),
    screenshot: ArtifactPointerSchema.nullable(),
    duration_ms: z.number().int(),
  })
  .openapi('StoryResult');
export type StoryResult = z.infer<typeof StoryResultSchema>;

export const BrowserSessionSchema = z
  .object({
    id: UuidSchema,
    status: z.enum(['queued', 'running', 'done', 'failed']),
    stories: z.object({ total: z.number().int(), passed: z.number().int(), failed: z.number().int() }),
    results: z.array(StoryResultSchema),
    /** Why the whole session failed (no browser, Storybook unreachable…). */
    error: z.string().nullable(),
    /** From the request until the browser was ready, ms (seed 003: < 3 s). */
    initiation_ms: z.number().int().nullable(),
    duration_ms: z.number().int().nullable(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
    trace_id: z.string(),
  })
  .openapi('BrowserSession');
export type BrowserSession = z.infer<typeof BrowserSessionSchema>;

/** A session as GET /design-sync/browser-session lists it: everything but its results (GET …/{id} has them). */
export const BrowserSessionSummarySchema = BrowserSessionSchema.omit({ results: true }).openapi('BrowserSessionSummary');
export type BrowserSessionSummary = z.infer<typeof BrowserSessionSummarySchema>;
