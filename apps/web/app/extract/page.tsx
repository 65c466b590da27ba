// Extract: a Figma URL (or the sample) → POST /figma-context/start, then its stream live through the client's
// reader (reconnects by cursor): progress by chunk and by page, cache and Figma calls from the start, 429 debug
// events; cancel; apply every page read.
'use client';
import { applyFigmaPage, startFigmaJob, streamFigmaJob, type ApplyPage } from '@cogo/api-client';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { RequireKey } from '../../lib/require-key';
import { SAMPLE_URL } from '../../lib/sample';
import { apiBase, clientFor } from '../../lib/session';
import { plural } from '../../lib/words';

type Started = Awaited<ReturnType<typeof startFigmaJob>>;
type PageRow = { id: string; name: string; chunks: number; read: number; components: ApplyPage['components'] };
type Phase = 'idle' | 'starting' | 'streaming' | 'done' | 'failed' | 'cancelled';

function Extract({ apiKey }: { apiKey: string }) {
  const [url, setUrl] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [started, setStarted] = useState<Started | null>(null);
  const [chunks, setChunks] = useState({ done: 0, total: 0 });
  const [pages, setPages] = useState<PageRow[]>([]);
  const [debug, setDebug] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const conn = { baseUrl: apiBase(), apiKey };

  async function run(figmaUrl: string) {
    setError(null);
    setApplied(null);
    setPages([]);
    setDebug([]);
    setChunks({ done: 0, total: 0 });
    setPhase('starting');
    const controller = new AbortController();
    abort.current = controller;
    try {
      const job = await startFigmaJob(conn, { figma_url: figmaUrl });
      setStarted(job);
      setChunks({ done: 0, total: job.plan.chunks });
      setPhase('streaming');
      for await (const ev of streamFigmaJob({ ...conn, jobId: job.job_id, signal: controller.signal })) {
        if (ev.event === 'page.ready') setPages((ps) => [...ps, { id: ev.data.page_id, name: ev.data.name, chunks: ev.data.chunks, read: 0, components: [] }]);
        else if (ev.event === 'page.chunk') {
          const { page_id, components, part } = ev.data;
          setPages((ps) => ps.map((p) => (p.id === page_id ? { ...p, read: p.read + (part === 0 ? 1 : 0), components: [...p.components, ...components] } : p)));
        } else if (ev.event === 'progress') setChunks({ done: ev.data.chunks_done, total: ev.data.chunks_total });
        else if (ev.event === 'debug') setDebug((d) => [...d.slice(-4), ev.data.message]);
        else if (ev.event === 'done') {
          setChunks((c) => ({ done: c.total, total: c.total }));
          setPhase('done');
        }
      }
    } catch (err) {
      if (controller.signal.aborted) setPhase('cancelled');
      else {
        setError(err);
        setPhase('failed');
      }
    }
  }

  async function cancel() {
    abort.current?.abort();
    if (!started) return;
    // a job that ended meanwhile answers 409: nothing to cancel, not an error to show
    const { error: failed, response } = await clientFor(apiKey).POST('/figma-context/cancel', { body: { job_id: started.job_id } });
    if (failed !== undefined && response.status !== 409) setError(failed);
  }

  async function apply() {
    if (!started) return;
    setError(null);
    try {
      let inserted = 0;
      let unchanged = 0;
      for (const p of pages) {
        const result = await applyFigmaPage(conn, { jobId: started.job_id, page: { node_id: p.id, name: p.name, components: p.components } });
        inserted += result.inserted + result.updated;
        unchanged += result.unchanged;
      }
      setApplied(`${plural(pages.length, 'page')} applied: ${plural(inserted, 'component')} written, ${unchanged.toLocaleString('en-US')} unchanged`);
    } catch (err) {
      setError(err);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(url.trim());
  };
  const busy = phase === 'starting' || phase === 'streaming';
  const percent = chunks.total ? Math.round((100 * chunks.done) / chunks.total) : 0;

  return (
    <>
      <h1>Extract a design</h1>
      <form onSubmit={submit} aria-label="Start an extraction">
        <label htmlFor="figma-url">Figma URL</label>
        <input id="figma-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://www.figma.com/design/…" />
        <button type="submit" disabled={busy || !url.trim()}>
          Extract
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void run(SAMPLE_URL)}>
          Extract the sample
        </button>
        {busy ? (
          <button type="button" className="secondary" onClick={() => void cancel()}>
            Cancel
          </button>
        ) : null}
      </form>
      {started ? (
        <section aria-label="Job">
          <dl>
            <dt>Job</dt>
            <dd className="muted">{started.job_id}</dd>
            <dt>Status</dt>
            <dd data-testid="job-phase">{phase}</dd>
            <dt>Cache</dt>
            <dd>{started.cache}</dd>
            <dt>Figma calls</dt>
            <dd>
              tier 1: {started.plan.figma_calls?.tier1 ?? '–'}, tier 2: {started.plan.figma_calls?.tier2 ?? '–'}
            </dd>
          </dl>
          <label htmlFor="chunks">
            Chunks {chunks.done} / {chunks.total}
          </label>
          <progress id="chunks" max={100} value={percent} aria-valuetext={`${percent} %`} />
          <table>
            <thead>
              <tr>
                <th scope="col">Page</th>
                <th scope="col">Chunks</th>
                <th scope="col">Components</th>
              </tr>
            </thead>
            <tbody>
              {pages.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>
                    {p.read} / {p.chunks}
                  </td>
                  <td>{p.components.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {debug.length ? (
            <ul aria-label="Figma notices" className="muted">
              {debug.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
          {phase === 'done' ? (
            <button type="button" onClick={() => void apply()}>
              Apply {plural(pages.length, 'page')}
            </button>
          ) : null}
          {applied ? (
            <p className="ok" role="status">
              {applied}
            </p>
          ) : null}
        </section>
      ) : null}
      <ErrorBox error={error} />
    </>
  );
}

export default function ExtractPage() {
  return <RequireKey>{(key) => <Extract apiKey={key} />}</RequireKey>;
}
