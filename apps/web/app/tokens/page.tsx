// Tokens: a Figma file's variables and styles as DTCG tokens (POST /figma-compat/uui/variables/derive, stored per file
// version), by collection, in the default modes or one mode resolved, with colour swatches; each format downloadable.
'use client';
import { TOKEN_FILES, tokensText, type DerivedTokens, type TokenFormat } from '@cogo/api-client';
import { modeInput, resolveTokens, type ResolverDocument } from '@cogo/figma-compat/tokens';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { RequireKey } from '../../lib/require-key';
import { clientFor } from '../../lib/session';
import { tokenRows, type TokenRow } from '../../lib/tokens-view';
import { TokensDiff } from './diff';

type Derived = DerivedTokens;

/** A download link per format (blob URLs, released when the answer changes or the page goes). */
function Downloads({ derived }: { derived: Derived }) {
  const links = useMemo(
    () =>
      (Object.entries(TOKEN_FILES) as Array<[TokenFormat, string]>).map(([format, name]) => ({
        name,
        href: URL.createObjectURL(new Blob([tokensText(derived, format)], { type: format === 'css' || format === 'tailwind' ? 'text/css' : 'application/json' })),
      })),
    [derived],
  );
  useEffect(() => () => links.forEach((l) => URL.revokeObjectURL(l.href)), [links]);
  return (
    <p data-testid="tokens-downloads">
      Download:{' '}
      {links.map((l, i) => (
        <span key={l.name}>
          {i ? ' · ' : ''}
          <a href={l.href} download={l.name}>
            {l.name}
          </a>
        </span>
      ))}
    </p>
  );
}

function Tokens({ apiKey }: { apiKey: string }) {
  const [fileKey, setFileKey] = useState('COGOSAMPLE0001');
  const [derived, setDerived] = useState<Derived | null>(null);
  const [mode, setMode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const derive = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { data, error: failed } = await clientFor(apiKey).POST('/figma-compat/uui/variables/derive', { body: { file_key: fileKey.trim(), formats: ['dtcg', 'resolver', 'css', 'tailwind'] } });
      if (failed) setError(failed);
      else {
        setDerived(data as unknown as Derived);
        setMode('');
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const modes = useMemo(() => [...new Set(derived?.report.collections.flatMap((c) => c.modes.map((m) => m.name)) ?? [])], [derived]);
  // one mode resolved in every collection that has it (the resolver's own rules), or the default modes
  const view = useMemo((): { groups: ReturnType<typeof tokenRows> | null; problem: unknown } => {
    if (!derived) return { groups: null, problem: null };
    try {
      const resolver = derived.resolver as unknown as ResolverDocument;
      const doc = mode ? (resolveTokens(resolver, modeInput(resolver, mode)) as unknown as Record<string, unknown>) : derived.tokens;
      return { groups: tokenRows(doc), problem: null };
    } catch (err) {
      return { groups: null, problem: err };
    }
  }, [derived, mode]);
  const groups = view.groups;

  return (
    <>
      <h1>Tokens</h1>
      <form onSubmit={derive} aria-label="Derive tokens">
        <label htmlFor="file-key">Figma file key</label>
        <input id="file-key" type="text" value={fileKey} onChange={(e) => setFileKey(e.target.value)} />
        <button type="submit" disabled={busy || !fileKey.trim()}>
          Derive tokens
        </button>
      </form>
      <ErrorBox error={error ?? view.problem} />
      {derived ? (
        <>
          <p data-testid="tokens-summary">
            {derived.report.tokens.total} tokens from {derived.report.variables} variables, version {derived.version}
            {derived.cached ? ' (stored: no Figma read)' : ''}
          </p>
          <Downloads derived={derived} />
          {modes.length ? (
            <>
              <label htmlFor="mode">Mode</label>
              <select id="mode" value={mode} onChange={(e) => setMode(e.target.value)}>
                <option value="">default modes</option>
                {modes.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          {[...(groups ?? new Map<string, TokenRow[]>()).entries()].map(([group, rows]) => (
            <section key={group} aria-label={`Collection ${group}`}>
              <h2>{group}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Token</th>
                    <th scope="col">Type</th>
                    <th scope="col">Value</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.path}>
                      <td>{r.path}</td>
                      <td>{r.type}</td>
                      <td>
                        {r.swatch ? <span className="swatch" data-testid="swatch" style={{ background: r.swatch }} aria-hidden="true" /> : null}
                        <code>{r.value.length > 120 ? `${r.value.slice(0, 120)}…` : r.value}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      ) : null}
      {derived ? <TokensDiff apiKey={apiKey} fileKey={derived.file_key} current={`${derived.version}:${derived.content_hash}`} /> : null}
    </>
  );
}

export default function TokensPage() {
  return <RequireKey>{(key) => <Tokens apiKey={key} />}</RequireKey>;
}
