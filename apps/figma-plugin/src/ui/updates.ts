// Project changes (seed 002: plugins are notified): GET /projects/current/updates followed from the moment the
// plugin opened — the first read asks where the feed stands (one item), later reads (every 15 s, after an apply, or on Check) show
// what changed since, from anyone: "Since you opened the plugin: 3 components added, 1 page changed (10:42)".
import { describeUpdates, latestUpdateId, readUpdatesSince, type ProjectUpdate } from '@cogo/api-client';
import { connect, type Settings } from './api';
import { describeError, status } from './dom';

const EVERY_MS = 15_000;
let after: number | null = null;
let seen: ProjectUpdate[] = [];
let timer: ReturnType<typeof setInterval> | null = null;
let running: Promise<void> | null = null;
// bumped by new settings: a read begun under the old ones changes nothing when it ends
let generation = 0;

/** Starts (or restarts, for new settings) following the project's changes; nothing without a key. */
export function followUpdates(settings: () => Settings): void {
  if (timer) clearInterval(timer);
  generation++;
  running = null;
  after = null;
  seen = [];
  if (!settings().apiKey) return status('changes', '');
  timer = setInterval(() => void checkUpdates(settings), EVERY_MS);
  void checkUpdates(settings);
}

/** Reads what changed since the last read (one read at a time). */
export function checkUpdates(settings: () => Settings): Promise<void> {
  if (running) return running;
  // cleared only once it is the one in flight (a read that failed at once has not been stored yet)
  const run: Promise<void> = read(generation, settings).finally(() => {
    if (running === run) running = null;
  });
  running = run;
  return run;
}

async function read(mine: number, settings: () => Settings): Promise<void> {
  try {
    const { client } = connect(settings());
    if (after === null) {
      const latest = await latestUpdateId(client);
      if (mine !== generation) return;
      after = latest;
      return status('changes', 'Following project changes: none since you opened the plugin.');
    }
    const got = await readUpdatesSince(client, after);
    if (mine !== generation) return;
    after = got.after;
    seen.push(...got.items);
    if (seen.length === 0) return;
    const latest = new Date(seen.at(-1)!.created_at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    status('changes', `Since you opened the plugin: ${describeUpdates(seen)} (latest ${latest}).`);
  } catch (err) {
    if (mine === generation) status('changes', `Project changes unavailable: ${describeError(err)}`, true);
  }
}
