// BrowserSessionViewer: every story of the Storybook build rendered in a real browser (POST
// /design-sync/browser-session, then polled): each story passed / failed / timeout, its console errors and its
// screenshot (an artifact, fetched with the key and shown from an object URL).
'use client';
import { useEffect, useState } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { clientFor } from '../../lib/session';
import { sessionFinished, sessionTally } from '../../lib/sync-status';
import type { ArtifactPointer, BrowserSession } from '../../lib/sync-types';
import { unwrap } from '../../lib/use-api';
import { PastSessions } from './past-sessions';

function Screenshot({ apiKey, pointer, alt }: { apiKey: string; pointer: ArtifactPointer; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    unwrap(clientFor(apiKey).GET('/artifacts/{id}', { params: { path: { id: pointer.artifact_id } }, parseAs: 'blob' }))
      .then((blob) => {
        if (!live) return;
        url = URL.createObjectURL(blob as Blob);
        setSrc(url);
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [apiKey, pointer.artifact_id]);
  if (error) return <ErrorBox error={error} />;
  return src ? <img src={src} alt={alt} className="story-shot" data-testid="story-screenshot" /> : <p className="muted">Loading screenshot…</p>;
}

export function BrowserSessionViewer({ apiKey }: { apiKey: string }) {
  const api = clientFor(apiKey);
  const [session, setSession] = useState<BrowserSession | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // the past sessions' list reloads when a session starts and when the one shown finishes
  const [listVersion, setListVersion] = useState(0);
  const finished = session !== null && sessionFinished(session);
  useEffect(() => setListVersion((v) => v + 1), [session?.id, finished]);

  // poll the session each second until it is done or failed
  useEffect(() => {
    if (!session || sessionFinished(session)) return;
    const timer = setTimeout(() => {
      unwrap(clientFor(apiKey).GET('/design-sync/browser-session/{id}', { params: { path: { id: session.id } } }))
        .then(setSession)
        .catch(setError);
    }, 1_000);
    return () => clearTimeout(timer);
  }, [apiKey, session]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setSession(await unwrap(api.POST('/design-sync/browser-session', { body: {} })));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const open = async (id: string) => {
    setError(null);
    try {
      setSession(await unwrap(api.GET('/design-sync/browser-session/{id}', { params: { path: { id } } })));
    } catch (err) {
      setError(err);
    }
  };

  const running = session !== null && !sessionFinished(session);
  return (
    <section id="browser" aria-labelledby="browser-h" className="sync-card">
      <h2 id="browser-h">Browser session</h2>
      <p className="muted">Renders every story of the connected Storybook build in a real browser, each on its own.</p>
      <button type="button" disabled={busy || running} onClick={() => void start()}>
        Run every story
      </button>
      <ErrorBox error={error} />
      {session ? (
        <>
          <p role="status" data-testid="session-status">
            Session {session.status}: {sessionTally(session)}
            {session.initiation_ms !== null ? ` · browser ready in ${session.initiation_ms} ms` : ''}
          </p>
          {session.error ? <div className="error">{session.error}</div> : null}
          <ul className="stories">
            {session.results.map((r) => {
              return (
                <li key={r.story_id} className={`story story-${r.status}`} data-testid="story-result">
                  <h3>
                    {r.story_id} <span className={`badge badge-${r.status}`}>{r.status}</span> <span className="muted">{r.duration_ms} ms</span>
                  </h3>
                  {r.console_errors.length ? (
                    <ul className="console" aria-label={`Console errors of ${r.story_id}`}>
                      {r.console_errors.map((c, i) => (
                        <li key={i}>
                          <code>{c}</code>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">No console errors.</p>
                  )}
                  {r.screenshot ? <Screenshot apiKey={apiKey} pointer={r.screenshot} alt={`Screenshot of story ${r.story_id}`} /> : <p className="muted">No screenshot.</p>}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <PastSessions apiKey={apiKey} version={listVersion} openId={session?.id ?? null} onOpen={(id) => void open(id)} />
    </section>
  );
}
