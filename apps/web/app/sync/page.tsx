// Design sync (seed 003's six views over /design-sync/*): get started (ingest the Storybook build, suggest and confirm
// mappings), the drift list and one mapping's diff, sync with a confirmation and undo, coverage, credentials and a
// browser session's story results with screenshots. Each view loads its own data and reloads when `version` moves.
'use client';
import { useCallback, useState } from 'react';
import { RequireKey } from '../../lib/require-key';
import { BrowserSessionViewer } from './browser-session-viewer';
import { CoverageDashboard } from './coverage-dashboard';
import { CredentialStatusCard } from './credential-status-card';
import { DiffPreview } from './diff-preview';
import { DriftList } from './drift-list';
import { GetStarted } from './get-started';
import { SyncControlPanel } from './sync-control-panel';
import './sync.css';

const SECTIONS = [
  ['start', 'Get started'],
  ['drift', 'Drift'],
  ['sync', 'Sync'],
  ['coverage', 'Coverage'],
  ['credentials', 'Credentials'],
  ['browser', 'Browser session'],
] as const;

function Sync({ apiKey }: { apiKey: string }) {
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const props = { apiKey, version, onChange: changed };
  return (
    <div className="sync">
      <h1>Design sync</h1>
      <p className="muted">Your Storybook build against the Figma components you extracted and applied: what drifted, syncing it either way (and undoing), coverage and browser runs.</p>
      <nav aria-label="Sections" className="sync-toc">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {label}
          </a>
        ))}
      </nav>
      <GetStarted {...props} />
      <DriftList {...props} selected={selected} onPreview={setSelected} />
      <DiffPreview apiKey={apiKey} version={version} mappingId={selected} />
      <SyncControlPanel {...props} />
      <CoverageDashboard apiKey={apiKey} version={version} />
      <CredentialStatusCard {...props} />
      <BrowserSessionViewer apiKey={apiKey} />
    </div>
  );
}

export default function SyncPage() {
  return <RequireKey>{(key) => <Sync apiKey={key} />}</RequireKey>;
}
