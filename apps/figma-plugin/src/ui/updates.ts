// Project changes (seed 002: plugins are notified): GET /projects/current/updates followed from the moment the
// plugin opened (@cogo/api-client's ChangeFollower) — every 15 s, after an apply, or on Check: "Since you opened the
// plugin: 3 components added, 1 page changed (latest 10:42)", from anyone.
import { ChangeFollower, updatesFeed, type FollowerNews } from '@cogo/api-client';
import { connect, type Settings } from './api';
import { describeError, status } from './dom';

const EVERY_MS = 15_000;
const at = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function show(news: FollowerNews): void {
  if (news.kind === 'none') return status('changes', 'Following project changes: none since you opened the plugin.');
  if (news.kind === 'changes') return status('changes', `Since you opened the plugin: ${news.text} (latest ${at(news.latestAt)}).`);
  status('changes', `Project changes unavailable: ${describeError(news.error)}`, true);
}

const follower = new ChangeFollower(show);
let timer: ReturnType<typeof setInterval> | null = null;

/** Starts (or restarts, for new settings) following the project's changes; nothing without a key. */
export function followUpdates(settings: () => Settings): void {
  if (timer) clearInterval(timer);
  follower.reset();
  if (!settings().apiKey) return status('changes', '');
  timer = setInterval(() => void checkUpdates(settings), EVERY_MS);
  void checkUpdates(settings);
}

/** Reads what changed since the last check (one at a time). */
export function checkUpdates(settings: () => Settings): Promise<void> {
  return follower.check(() => updatesFeed(connect(settings()).client));
}
