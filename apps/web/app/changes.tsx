// The project's changes since this dashboard was opened (GET /projects/current/updates, followed every 10 s with
// the last id seen): "Changes: 12 components added, 2 pages added" in the navigation, from anyone — this tab, the
// Figma plugin, a teammate, an agent. Nothing without a key.
'use client';
import { ChangeFollower, updatesFeed } from '@cogo/api-client';
import { useEffect, useState } from 'react';
import { clientFor, useApiKey } from '../lib/session';

const EVERY_MS = 10_000;

export function ProjectChanges() {
  const [key] = useApiKey();
  const [text, setText] = useState('');
  useEffect(() => {
    if (!key) return setText('');
    const follower = new ChangeFollower((news) =>
      setText(news.kind === 'none' ? 'No changes since you opened' : news.kind === 'changes' ? `Changes: ${news.text}` : 'Changes unavailable'),
    );
    const check = () => void follower.check(() => updatesFeed(clientFor(key)));
    check();
    const timer = setInterval(check, EVERY_MS);
    return () => {
      // a check in flight when the key changes or the page goes says nothing
      follower.reset();
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
