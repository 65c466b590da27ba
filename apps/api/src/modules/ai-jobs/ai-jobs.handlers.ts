import type { Context } from 'hono';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import { callScope } from '../llm/call-scope';
import {
  cancelJobRoute,
  generateEditsRoute,
  generateImagesRoute,
  getJobRoute,
  getSettingsRoute,
  jobEventsRoute,
  listJobsRoute,
  listPromptsRoute,
  putSettingsRoute,
  renameLayersRoute,
} from './ai-jobs.routes';
import { aiJobsPage, cancelAiJob, createEditsJob, createImagesJob, createRenameJob, editPrompt, findOwn, getAiJob, type CreateAnswer, type JobContext } from './ai-jobs.service';
import { readAiSettings, writeAiSettings } from './ai-settings';
import { editsStream } from './edits/edits.stream';
import { jobEventsResponse } from './job-events.stream';
import { listPrompts } from './prompts';

function jobContext(c: Context): JobContext {
  const principal = principalOf(c);
  return { db: c.get('db')(), config: c.get('config'), projectId: principal.projectId, actor: principal.actor, traceId: c.get('traceId') };
}

const answer = (c: Context, a: CreateAnswer) => ('dry_run' in a ? c.json(a, 200) : c.json(a, 202));

/** The AI plugin job routes (seed 004's /api paths). */
export const aiJobsRouter = createRouter()
  .openapi(renameLayersRoute, async (c) => answer(c, await createRenameJob(jobContext(c), c.req.valid('json'))) as never)
  .openapi(generateEditsRoute, async (c) => {
    const req = c.req.valid('json');
    if (req.mode === 'stream' && !req.dry_run) {
      const prompt = editPrompt(req.prompt_name);
      return (await editsStream(c, callScope(c, 'ai-jobs'), req, prompt)) as never;
    }
    return answer(c, await createEditsJob(jobContext(c), req)) as never;
  })
  .openapi(generateImagesRoute, async (c) => answer(c, await createImagesJob(jobContext(c), c.req.valid('json'))) as never)
  .openapi(listJobsRoute, async (c) => c.json(await aiJobsPage(jobContext(c), c.req.valid('query')), 200))
  .openapi(getJobRoute, async (c) => c.json(await getAiJob(jobContext(c), c.req.valid('param').id), 200))
  .openapi(jobEventsRoute, async (c) => {
    const ctx = jobContext(c);
    const { id } = c.req.valid('param');
    await findOwn(ctx.db, ctx.projectId, id);
    const after = Number(c.req.valid('header')['last-event-id'] ?? 0);
    return jobEventsResponse(c, ctx.projectId, id, after) as never;
  })
  .openapi(cancelJobRoute, async (c) => c.json(await cancelAiJob(jobContext(c), c.req.valid('param').id), 200))
  .openapi(listPromptsRoute, (c) => c.json({ items: listPrompts().map((p) => ({ name: p.name, kind: p.kind, description: p.description })) }, 200))
  .openapi(getSettingsRoute, async (c) => c.json(await readAiSettings(c.get('db')(), principalOf(c).projectId), 200))
  .openapi(putSettingsRoute, async (c) => c.json(await writeAiSettings(c.get('db')(), principalOf(c).projectId, c.req.valid('json')), 200));
