// CredentialStatusCard: the Figma token, Slack webhook and Storybook URL — each one's last check, expiry and last 4
// characters (the API never answers a value); add one (checked by a real call first: a 422 says why) or remove one
// after a confirmation.
'use client';
import { useMemo, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { clientFor } from '../../lib/session';
import { CREDENTIAL_KINDS, KIND_HINT, KIND_LABEL, credentialLine } from '../../lib/sync-credentials';
import type { CredentialKind } from '../../lib/sync-types';
import { unwrap, useApi } from '../../lib/use-api';

interface Props {
  apiKey: string;
  version: number;
  onChange: () => void;
}

export function CredentialStatusCard({ apiKey, version, onChange }: Props) {
  const api = clientFor(apiKey);
  const state = useApi(() => unwrap(api.GET('/design-sync/credentials')), [apiKey, version]);
  const lines = useMemo(() => CREDENTIAL_KINDS.map((k) => credentialLine(k, state.data?.credentials.find((c) => c.kind === k), new Date())), [state.data]);
  const [kind, setKind] = useState<CredentialKind>('figma');
  const [value, setValue] = useState('');
  const [expires, setExpires] = useState('');
  const [removing, setRemoving] = useState<CredentialKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await unwrap(api.POST('/design-sync/credentials', { body: { kind, value: value.trim(), ...(expires ? { expires_at: `${expires}T00:00:00Z` } : {}) } }));
      setValue('');
      setExpires('');
    });
  };
  const remove = (k: CredentialKind) =>
    act(async () => {
      await unwrap(api.DELETE('/design-sync/credentials/{kind}', { params: { path: { kind: k } } }));
      setRemoving(null);
    });

  return (
    <section id="credentials" aria-labelledby="cred-h" className="sync-card">
      <h2 id="cred-h">Credentials</h2>
      <ErrorBox error={state.error} />
      {state.data ? (
        <ul className="cred-list">
          {lines.map((l) => (
            <li key={l.kind} className={`cred cred-${l.state}`} data-testid="credential" aria-label={l.label}>
              <strong>{l.label}</strong> <span className="cred-status">{l.status}</span>
              {l.stored ? (
                <dl>
                  <dt>Last check</dt>
                  <dd>{l.check}</dd>
                  <dt>Expires</dt>
                  <dd>{l.expiry}</dd>
                  <dt>Ends with</dt>
                  <dd data-testid="last4">{l.last4}</dd>
                </dl>
              ) : null}
              {l.stored && removing !== l.kind ? (
                <button type="button" className="secondary" disabled={busy} onClick={() => setRemoving(l.kind)} aria-label={`Remove ${l.label}`}>
                  Remove
                </button>
              ) : null}
              {removing === l.kind ? (
                <span>
                  Remove the {l.label} from the vault?{' '}
                  <button type="button" disabled={busy} onClick={() => void remove(l.kind)} aria-label={`Confirm remove ${l.label}`}>
                    Remove it
                  </button>
                  <button type="button" className="secondary" onClick={() => setRemoving(null)}>
                    Keep
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : state.loading ? (
        <p className="muted">Loading…</p>
      ) : null}
      <form onSubmit={save} aria-label="Add a credential" className="cred-form">
        <label htmlFor="cred-kind">Kind</label>
        <select id="cred-kind" value={kind} onChange={(e) => setKind(e.target.value as CredentialKind)}>
          {CREDENTIAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <label htmlFor="cred-value">Value</label>
        <input id="cred-value" type="password" autoComplete="off" required value={value} onChange={(e) => setValue(e.target.value)} aria-describedby="cred-hint" />
        <p id="cred-hint" className="muted">
          {KIND_HINT[kind]}; checked before it is stored, kept in the vault, never shown again.
        </p>
        <label htmlFor="cred-expires">Expires (optional)</label>
        <input id="cred-expires" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        <button type="submit" disabled={busy || !value.trim()}>
          Save credential
        </button>
      </form>
      <ErrorBox error={error} />
    </section>
  );
}
