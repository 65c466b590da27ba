// The project's API keys (GET/POST /keys, rotate, revoke) and vault aliases (GET /vault/secrets): a new or rotated
// key is shown once; revoking asks again; rotating the key this tab uses switches the tab to its successor, revoking it
// signs the tab out.
'use client';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ErrorBox } from '../lib/error-box';
import { clientFor } from '../lib/session';

type ApiKey = { id: string; name: string; prefix: string; created_at: string; last_used_at: string | null; expires_at: string | null; revoked_at: string | null };
type Secret = { alias: string; version: number; status: string; last4: string | null; updated_at: string };

export function Keys({ apiKey, onKeyChange }: { apiKey: string; onKeyChange: (next: string | null) => void }) {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [secrets, setSecrets] = useState<Secret[] | null>(null);
  const [name, setName] = useState('');
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const client = clientFor(apiKey);

  const load = useCallback(async () => {
    const c = clientFor(apiKey);
    const [k, s] = await Promise.all([c.GET('/keys'), c.GET('/vault/secrets')]);
    if (k.error) return setError(k.error);
    if (s.error) return setError(s.error);
    setKeys((k.data as { items: ApiKey[] }).items);
    setSecrets((s.data as { items: Secret[] }).items);
  }, [apiKey]);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const { data, error: failed } = await client.POST('/keys', { body: { name: name.trim() } });
    if (failed) return setError(failed);
    setName('');
    // the list first, then the key: what the page shows is never the list from before the change
    await load().catch(setError);
    setShown({ name: data.name, key: data.key });
  };
  const rotate = async (k: ApiKey) => {
    setError(null);
    const { data, error: failed } = await client.POST('/keys/{id}/rotate', { params: { path: { id: k.id } } });
    if (failed) return setError(failed);
    // the tab's own key: the tab goes on with its successor (the list reloads for the new key)
    if (apiKey.startsWith(k.prefix)) onKeyChange(data.key);
    else await load().catch(setError);
    setShown({ name: data.name, key: data.key });
  };
  const revoke = async (k: ApiKey) => {
    setError(null);
    setConfirming(null);
    const { error: failed } = await client.DELETE('/keys/{id}', { params: { path: { id: k.id } } });
    if (failed) return setError(failed);
    if (apiKey.startsWith(k.prefix)) onKeyChange(null);
    else await load();
  };

  return (
    <section aria-label="API keys">
      <h2>API keys</h2>
      <ErrorBox error={error} />
      {shown ? (
        <div role="status" className="shown-key">
          New key <strong>{shown.name}</strong>: <code data-testid="new-key">{shown.key}</code>
          <div className="muted">Copy it now: it is not shown again.</div>
        </div>
      ) : null}
      {keys ? (
        <table aria-label="Keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Status</th>
              <th scope="col">Last used</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-testid="key-row">
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}</code>
                  {apiKey.startsWith(k.prefix) ? <span className="muted"> (this tab)</span> : null}
                </td>
                <td>{k.revoked_at ? 'revoked' : k.expires_at && Date.parse(k.expires_at) < Date.now() ? 'expired' : 'active'}</td>
                <td>{k.last_used_at ? new Date(k.last_used_at).toLocaleString() : '–'}</td>
                <td>
                  {k.revoked_at ? null : confirming === k.id ? (
                    <>
                      <button type="button" onClick={() => void revoke(k)}>
                        Confirm revoke {k.name}
                      </button>
                      <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <>
                      <button type="button" className="secondary" onClick={() => void rotate(k)}>
                        Rotate {k.name}
                      </button>
                      <button type="button" className="secondary" onClick={() => setConfirming(k.id)}>
                        Revoke {k.name}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form onSubmit={create} aria-label="Create a key">
        <label htmlFor="key-name">New key name</label>
        <input id="key-name" type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder="ci" />
        <button type="submit" disabled={!name.trim()}>
          Create key
        </button>
      </form>
      <h2>Vault</h2>
      {secrets?.length === 0 ? <p className="empty">No secrets stored (values are never shown; set one with PUT /vault/secrets/ALIAS).</p> : null}
      {secrets?.length ? (
        <table aria-label="Vault aliases">
          <thead>
            <tr>
              <th scope="col">Alias</th>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Ends in</th>
            </tr>
          </thead>
          <tbody>
            {secrets.map((s) => (
              <tr key={`${s.alias}@${s.version}`}>
                <td>{s.alias}</td>
                <td>{s.version}</td>
                <td>{s.status}</td>
                <td>{s.last4 ? `…${s.last4}` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
