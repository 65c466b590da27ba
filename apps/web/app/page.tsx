// Sign in: a project API key, checked against the API (GET /projects/current) and kept for this browser session; then
// the project, its keys and its vault aliases.
'use client';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorBox } from '../lib/error-box';
import { clientFor, useApiKey } from '../lib/session';
import { Keys } from './keys';

type Project = { id: string; slug: string; name: string; created_at: string };

export default function ProjectPage() {
  const [key, setKey] = useApiKey();
  const [draft, setDraft] = useState('');
  const [project, setProject] = useState<Project | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    // a new key for the same project (a rotation) keeps the page as it is until the API has answered
    if (!key) return setProject(null);
    let live = true;
    clientFor(key)
      .GET('/projects/current')
      .then(({ data, error: failed }) => {
        if (!live) return;
        if (failed) {
          setError(failed);
          setProject(null);
          setKey(null);
        } else setProject(data as Project);
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [key, setKey]);

  const signIn = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setKey(draft.trim() || null);
  };

  return (
    <>
      <h1>Project</h1>
      {project ? (
        <section aria-label="Signed in">
          <dl>
            <dt>Project</dt>
            <dd data-testid="project-name">{project.name}</dd>
            <dt>Slug</dt>
            <dd>{project.slug}</dd>
            <dt>Id</dt>
            <dd className="muted">{project.id}</dd>
          </dl>
          <button type="button" className="secondary" onClick={() => setKey(null)}>
            Sign out
          </button>
          <Keys apiKey={key!} onKeyChange={setKey} />
        </section>
      ) : (
        <form onSubmit={signIn} aria-label="Sign in">
          <label htmlFor="api-key">Project API key</label>
          <input id="api-key" type="password" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="cogo_…" />
          <p className="muted">Kept in this tab only (session storage) and sent only to this COGO API.</p>
          <button type="submit" disabled={!draft.trim()}>
            Sign in
          </button>
        </form>
      )}
      <ErrorBox error={error} />
    </>
  );
}
