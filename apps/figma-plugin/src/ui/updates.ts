// Project changes (seed 002: plugins are notified): GET /projects/current/updates followed from the moment the
// plugin opened (src/lib/change-follower.ts) — every 15 s, after an apply, or on Check: "Since you opened the
// plugin: 3 components added, 1 page changed (latest 10:42)", from anyone.
import { latestUpdateId, readUpdatesSince } from '@cogo/api-client';
import { ChangeFollower, type Feed } from '../lib/change-follower';
import { connect, type Settings } from './api';
import { describeError, status } from './dom';

const EVERY_MS = 15_000;
const follower = new ChangeFollower((text, error) => status('changes', error === undefined ? text : `${text}: ${describeError(error)}`, error !== undefined));
let timer: ReturnType<typeof setInterval> | null = null;

const feedOf = (settings: () => Settings) => (): Feed => {
  const { client } = connect(settings());
  return { latest: () => latestUpdateId(client), since: (after) => readUpdatesSince(client, after) };
};

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
  return follower.check(feedOf(settings));
}
