// A rename job's progress from its events: batches done and failed, names so far, a batch waiting to retry.
import { describe, expect, it } from 'vitest';
import { onJobEvent, progressText, startProgress, type JobEventLike } from '../src/lib/job-progress';

const names = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `L-${i}`, name: `Name ${i}` }));

describe('rename progress from job events', () => {
  it('counts batches and names as they arrive, a retry while it waits, and the end', () => {
    const events: JobEventLike[] = [
      { event: 'job.queued', data: {} },
      { event: 'job.started', data: {} },
      { event: 'job.progress', data: { batch: 0, attempt: 1, layers: names(20) } },
      { event: 'job.retrying', data: { batch: 1, attempt: 1, retry_in_ms: 3_500 } },
    ];
    const texts: string[] = [];
    let p = startProgress(3);
    texts.push(progressText(p));
    for (const e of events) texts.push(progressText((p = onJobEvent(p, e))));
    expect(texts).toEqual([
      'Queued: 0 of 3 batches, 0 names so far',
      'Queued: 0 of 3 batches, 0 names so far',
      'Running: 0 of 3 batches, 0 names so far',
      'Running: 1 of 3 batches, 20 names so far',
      'Running: 1 of 3 batches, 20 names so far · batch 2 retries in 4 s',
    ]);
    p = onJobEvent(p, { event: 'job.progress', data: { batch: 1, attempt: 2, layers: names(7) } });
    p = onJobEvent(p, { event: 'job.progress', data: { batch: 2, attempt: 3, failed: true, error: { code: 'LLM_BAD_OUTPUT' } } });
    // a replayed event changes nothing
    p = onJobEvent(p, { event: 'job.progress', data: { batch: 1, attempt: 2, layers: names(7) } });
    p = onJobEvent(p, { event: 'job.failed', data: { status: 'failed' } });
    expect(progressText(p)).toBe('Failed: 2 of 3 batches, 27 names, 1 failed');
    expect(onJobEvent(p, { event: 'something.new', data: {} })).toBe(p);
  });

  it('never shows more done than total when the estimate was low', () => {
    let p = startProgress(1);
    p = onJobEvent(p, { event: 'job.progress', data: { batch: 0, layers: names(1) } });
    p = onJobEvent(p, { event: 'job.progress', data: { batch: 1, layers: names(1) } });
    p = onJobEvent(p, { event: 'job.completed', data: {} });
    expect(progressText(p)).toBe('Completed: 2 of 2 batches, 2 names');
  });
});
