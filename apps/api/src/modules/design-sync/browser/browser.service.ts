// Browser test sessions: POST records the session and queues it (answering at once: seed 003's initiation < 3 s);
// the cogo-browser consumer renders each story (story-run.ts) in the configured browser (driver.ts), stores each
// screenshot as an artifact (kind `screenshot`) and the results on the session.
import type { Db } from '@cogo/db';
import { BROWSER_SESSION_LIMITS, type BrowserSession, type BrowserSessionRequest, type BrowserSessionSummary, type PageQuery, type StoryResult } from '@cogo/types';
import type { AppConfig } from '../../../env';
import { ApiError } from '../../../lib/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../../lib/keyset-cursor';
import type { Logger } from '../../../lib/logger';
import { storeArtifact } from '../../artifacts/artifacts.service';
import { audited, type ActionScope } from '../action';
import { resolveCredential } from '../credentials/credentials.resolve';
import { fetchStorybookIndex } from '../schedule/storybook-index';
import * as repo from './browser.repo';
import { browserConfigured, openBrowser } from './driver';
import { runStory } from './story-run';

const DEFAULT_VIEWPORT = { width: 1280, height: 800 };
/** Stories rendered at once in one browser. */
const CONCURRENCY = 2;
const ACTOR = 'service:design-sync-browser';

export function sessionView(row: repo.SessionRow): BrowserSession {
  const results = row.results as StoryResult[];
  return {
    id: row.id,
    status: row.status as BrowserSession['status'],
    stories: { total: row.storyIds.length, passed: results.filter((r) => r.status === 'passed').length, failed: results.filter((r) => r.status !== 'passed').length },
    results,
    error: row.error,
    initiation_ms: row.initiationMs,
    duration_ms: row.durationMs,
    created_at: row.createdAt.toISOString(),
    finished_at: row.finishedAt?.toISOString() ?? null,
    trace_id: row.traceId,
  };
}

/** POST /design-sync/browser-session: 422 without a browser, a Storybook URL or stories; else queued. */
export function startSession(scope: ActionScope, config: AppConfig, body: BrowserSessionRequest): Promise<BrowserSession> {
  return audited(scope, 'browser.start', async () => {
    const db = scope.db();
    if (!browserConfigured(config)) throw new ApiError('UNPROCESSABLE', 'no browser configured: set BROWSER (Cloudflare Browser Rendering) or BROWSER_CDP_URL (a local Chromium)');
    const url = await resolveCredential({ db, config, actor: ACTOR, traceId: scope.traceId }, scope.projectId, 'storybook');
    if (!url) throw new ApiError('UNPROCESSABLE', 'no Storybook URL: store one with POST /design-sync/credentials (kind storybook)');
    const storyIds = body.story_ids ? [...new Set(body.story_ids)] : (await repo.registryStoryIds(db, scope.projectId)).slice(0, BROWSER_SESSION_LIMITS.stories);
    if (storyIds.length === 0) throw new ApiError('UNPROCESSABLE', 'no stories to render: ingest the Storybook index first (POST /design-sync/registry) or name story_ids');
    const row = await repo.insertSession(db, { projectId: scope.projectId, storyIds, viewport: body.viewport ?? DEFAULT_VIEWPORT, traceId: scope.traceId, actor: scope.actor });
    await config.BROWSER_QUEUE.send({ session_id: row.id });
    return { result: sessionView(row), subject: row.id, counts: { stories: storyIds.length } };
  });
}

/** GET /design-sync/browser-session: a page of the project's sessions, newest first, without their results. */
export async function sessionsPage(db: Db, projectId: string, query: PageQuery): Promise<{ items: BrowserSessionSummary[]; nextCursor: string | null }> {
  const rows = await repo.listSessions(db, projectId, query.limit + 1, query.cursor ? decodeKeysetCursor(query.cursor) : undefined);
  const items = rows.slice(0, query.limit);
  return {
    items: items.map((row) => {
      const { results: _results, ...summary } = sessionView(row);
      return summary;
    }),
    nextCursor: rows.length > query.limit ? encodeKeysetCursor(items[items.length - 1]!) : null,
  };
}

export async function getSession(db: Db, projectId: string, id: string): Promise<BrowserSession> {
  const row = await repo.findSession(db, projectId, id);
  if (!row) throw new ApiError('NOT_FOUND', 'no such browser session in this project');
  return sessionView(row);
}

/** Runs a queued session (the consumer); a session not queued is left alone. */
export async function runSession(db: Db, config: AppConfig, log: Logger, id: string): Promise<void> {
  const row = await repo.claimSession(db, id, new Date());
  if (!row) return;
  const started = Date.now();
  const finish = (set: Omit<Parameters<typeof repo.finishSession>[2], 'durationMs'>) => repo.finishSession(db, id, { ...set, durationMs: Date.now() - started });
  const url = await resolveCredential({ db, config, actor: ACTOR, traceId: row.traceId }, row.projectId, 'storybook');
  if (!url) return finish({ status: 'failed', results: [], error: 'the Storybook URL credential is gone', initiationMs: null });
  const index = await fetchStorybookIndex(config, url, row.traceId);
  if (!index.ok) return finish({ status: 'failed', results: [], error: index.message, initiationMs: null });
  let cdp;
  try {
    cdp = await openBrowser(config);
  } catch (err) {
    return finish({ status: 'failed', results: [], error: `no browser: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500), initiationMs: null });
  }
  const initiationMs = Date.now() - row.createdAt.getTime();
  const results: StoryResult[] = new Array(row.storyIds.length);
  try {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < row.storyIds.length; i = next++) {
        const run = await runStory(cdp, url, row.storyIds[i]!, row.viewport, BROWSER_SESSION_LIMITS.storyTimeoutMs);
        const screenshot = run.png
          ? await storeArtifact(db, config.ARTIFACTS, { projectId: row.projectId, kind: 'screenshot', contentType: 'image/png', body: run.png, traceId: row.traceId, ttlDays: config.ARTIFACT_TTL_DAYS })
          : null;
        results[i] = { story_id: run.story_id, status: run.status, console_errors: run.console_errors, screenshot, duration_ms: run.duration_ms };
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, row.storyIds.length) }, worker));
    await finish({ status: 'done', results, error: null, initiationMs });
  } catch (err) {
    await finish({ status: 'failed', results: results.filter(Boolean), error: `the browser failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500), initiationMs });
  } finally {
    cdp.close();
  }
  log.info('design sync browser session', { action: 'browser.run', sessionId: id, projectId: row.projectId, correlationId: row.traceId, stories: row.storyIds.length, failed: results.filter((r) => r && r.status !== 'passed').length, initiationMs, durationMs: Date.now() - started });
}
