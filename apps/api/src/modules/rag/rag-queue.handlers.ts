import { ApiError } from '../../lib/errors';
import { createRouter } from '../../lib/openapi';
import { sseResponse } from '../../lib/sse';
import { callScope, closeAfter } from '../llm/call-scope';
import { frameSender, streamErrorBody } from '../llm/completion-stream';
import { jobCounts } from './rag-queue.repo';
import { ragIngestJobRoute, ragIngestStartRoute, ragIngestStreamRoute } from './rag-queue.routes';
import { jobStatus, requireJob, stageCall, startJob, type StagedCall } from './rag-queue.service';

/** How often a stream looks at its chunks while the queue embeds them. */
const POLL_MS = 250;

/** `POST /rag/ingest/start`, `POST /rag/ingest/stream`, `GET /rag/ingest/jobs/{id}`. */
export const ragQueueRouter = createRouter()
  .openapi(ragIngestStartRoute, async (c) => {
    const body = c.req.valid('json');
    const scope = callScope(c, 'rag', body.trace_id);
    try {
      return c.json(await startJob(scope), 201);
    } finally {
      closeAfter(c, scope);
    }
  })
  .openapi(ragIngestStreamRoute, async (c) => {
    const body = c.req.valid('json');
    const job = await requireJob(c.get('db')(), body.job_id);
    // every event of a job, this call's and the queue's, is on the job's trace
    const s = callScope(c, 'rag', job.traceId);
    let staged: StagedCall;
    try {
      staged = await stageCall(s, job, body);
    } catch (err) {
      s.events.emit('rag_ingest_failed', { job_id: job.id, code: err instanceof ApiError ? err.code : 'INTERNAL' });
      closeAfter(c, s);
      throw err;
    }
    const { response, done } = sseResponse(
      async (sink) => {
        const send = frameSender(sink);
        try {
          for (const d of staged.documents) await send('rag.ingest.item', d);
          const deadline = Date.now() + body.wait_seconds * 1000;
          let last = '';
          let counts = await jobCounts(s.db(), staged.job.id, staged.pending);
          while (counts.pending > 0 && Date.now() < deadline && !sink.signal.aborted) {
            const progress = { queued: staged.pending.length, embedded: counts.embedded, pending: counts.pending, failed: counts.failed };
            const key = JSON.stringify(progress);
            if (key !== last) await send('rag.ingest.progress', progress);
            last = key;
            await new Promise((r) => setTimeout(r, POLL_MS));
            counts = await jobCounts(s.db(), staged.job.id, staged.pending);
          }
          const count = (status: string) => staged.documents.filter((d) => d.status === status).length;
          await send('rag.ingest.done', {
            job_id: staged.job.id,
            documents: staged.documents.length,
            created: count('created'),
            updated: count('updated'),
            unchanged: count('unchanged'),
            queued: staged.pending.length,
            embedded: counts.embedded,
            pending: counts.pending,
            failed: counts.failed,
            settled: counts.pending === 0,
            trace_id: s.traceId,
          });
        } catch (err) {
          await send('error', streamErrorBody(err, s.requestId, s.log));
        }
      },
      { requestSignal: c.req.raw.signal, headers: { 'x-trace-id': s.traceId } },
    );
    closeAfter(c, s, done);
    return response as never;
  })
  .openapi(ragIngestJobRoute, async (c) => {
    return c.json(await jobStatus(c.get('db')(), c.req.valid('param').id), 200);
  });
