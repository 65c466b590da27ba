// The project's changes since this dashboard was opened (GET /projects/current/updates, followed every 10 s with
// the last id seen): "Changes: 12 components added, 2 pages added" in the navigation, from anyone — this tab, the
// Figma plugin, a teammate, an agent. Nothing without a key.
'use client';
import { describeUpdates, latestUpdateId, readUpdatesSince, type ProjectUpdate } from '@cogo/api-client';
import { useEffect, useState } from 'react';
import { clientFor, useApiKey } from '../lib/session';

const EVERY_MS = 10_000;

export function ProjectChanges() {
  const [key] = useApiKey();
  const [text, setText] = useState('');
  useEffect(() => {
    if (!key) return setText('');
    let live = true;
    let after: number | null = null;
    const seen: ProjectUpdate[] = [];
    const check = async () => {
      try {
        if (after === null) after = await latestUpdateId(clientFor(key));
        else {
          const got = await readUpdatesSince(clientFor(key), after);
          seen.push(...got.items);
          after = got.after;
        }
        if (live) setText(seen.length ? `Changes: ${describeUpdates(seen)}` : 'No changes since you opened');
      } catch {
        if (live) setText('Changes unavailable');
      }
    };
    void check();
    const timer = setInterval(() => void check(), EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [key]);
  if (!key || !text) return null;
  return (
    <span className="changes" aria-live="polite" data-testid="project-changes" title={text}>
      {text}
    </span>
  );
}
