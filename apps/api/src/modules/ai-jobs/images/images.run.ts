// Runs a generate-images job: the request's payload is read back from R2 (an artifact of kind job_input), each image
// is asked for on its own (n = 1: never more than one image in memory), decoded and stored in R2 as an artifact of
// kind `image` before the next is asked for, so a retried delivery keeps the images already made. Failed calls come
// back through the queue after the backoff until AI_JOB_MAX_ATTEMPTS.
import type { ArtifactPointer, GenerateImagesRequest } from '@cogo/types';
import { ApiError } from '../../../lib/errors';
import { tenantDb } from '../../../lib/db';
import { openArtifact, storeArtifact } from '../../artifacts/artifacts.service';
import { jobStatus, setProgress } from '../ai-jobs.repo';
import { endJob, isRetryable, jobError, retryDelayMs, type RunContext, type RunOutcome } from '../job-run';
import { generateImage, imageProvider } from './image-provider';

interface ImagesProgress {
  images?: ArtifactPointer[];
  cost_usd?: number;
}

/** One delivery of a generate-images job. */
export async function runImages(ctx: RunContext): Promise<RunOutcome> {
  const { job, config, db } = ctx;
  const pointer = (job.input as { payload: ArtifactPointer }).payload;
  const tenant = tenantDb(config, job.projectId, 1);
  const images = [...((job.progress as ImagesProgress).images ?? [])];
  let cost = (job.progress as ImagesProgress).cost_usd ?? 0;
  try {
    const opened = await openArtifact(tenant.db, config.ARTIFACTS, job.projectId, pointer.artifact_id);
    const req = JSON.parse(await new Response(opened.body).text()) as GenerateImagesRequest;
    const provider = imageProvider(config);
    if (!provider) throw new ApiError('SERVICE_UNAVAILABLE', 'no image provider is configured (CHAT_API_BASE)');
    const model = req.model ?? config.IMAGE_MODEL_DEFAULT;
    while (images.length < req.n) {
      if ((await jobStatus(db, job.id)) === 'cancelled') return { kind: 'done' };
      const bytes = await generateImage(ctx.scope, provider, { model, prompt: req.prompt, size: req.size });
      const stored = await storeArtifact(tenant.db, config.ARTIFACTS, { projectId: job.projectId, kind: 'image', contentType: 'image/png', body: bytes, traceId: job.traceId, ttlDays: config.ARTIFACT_TTL_DAYS });
      images.push(stored);
      cost += config.IMAGE_PRICE_USD;
      await setProgress(db, job.id, { unit: 'images', total: req.n, done: images.length, failed: 0, images, cost_usd: cost });
      await ctx.emit('job.progress', { image: images.length - 1, artifact: stored });
    }
    const result = { images, model, size: req.size, cost_usd: cost };
    if (await endJob(ctx, { status: 'completed', result, progress: { unit: 'images', total: req.n, done: images.length, failed: 0, cost_usd: cost } })) {
      await ctx.emit('job.completed', { status: 'completed', images: images.length });
    }
    return { kind: 'done' };
  } catch (err) {
    const error = jobError(err);
    if (isRetryable(err) && job.attempts < config.AI_JOB_MAX_ATTEMPTS) {
      const delayMs = retryDelayMs(job.attempts, err);
      await ctx.emit('job.retrying', { attempt: job.attempts, error, retry_in_ms: delayMs });
      return { kind: 'retry', delaySeconds: Math.max(1, Math.ceil(delayMs / 1000)) };
    }
    if (await endJob(ctx, { status: 'failed', error, result: images.length ? { images, partial: true } : null })) await ctx.emit('job.failed', { status: 'failed', error });
    return { kind: 'done' };
  } finally {
    await tenant.close();
  }
}
