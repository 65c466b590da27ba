// Following the project's change feed from the moment the plugin opened: the first check learns where the feed
// stands, later ones collect what changed since and say it in words. One check in flight at a time; new settings
// (reset) make a check begun under the old ones change nothing. No DOM: the UI passes what to show.
import { describeUpdates, type ProjectUpdate } from '@cogo/api-client';

/** The feed as the follower reads it (the api-client's latestUpdateId / readUpdatesSince over one client). */
export interface Feed {
  latest(): Promise<number>;
  since(after: number): Promise<{ items: ProjectUpdate[]; after: number }>;
}

/** What to show: a sentence, or an error. */
export type Show = (text: string, error?: unknown) => void;

export class ChangeFollower {
  private after: number | null = null;
  private seen: ProjectUpdate[] = [];
  private generation = 0;
  private running: Promise<void> | null = null;

  constructor(private readonly show: Show) {}

  /** Starts over (new settings): the next check learns where the feed stands. */
  reset(): void {
    this.generation++;
    this.running = null;
    this.after = null;
    this.seen = [];
  }

  /** Reads what changed since the last check; `feed()` may throw (no key yet), which is shown like a failed read. */
  check(feed: () => Feed): Promise<void> {
    if (this.running) return this.running;
    // cleared only while it is the one stored (a check that fails at once has not been stored yet)
    const run: Promise<void> = this.read(this.generation, feed).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async read(mine: number, feed: () => Feed): Promise<void> {
    try {
      const f = feed();
      if (this.after === null) {
        const latest = await f.latest();
        if (mine !== this.generation) return;
        this.after = latest;
        return this.show('Following project changes: none since you opened the plugin.');
      }
      const got = await f.since(this.after);
      if (mine !== this.generation) return;
      this.after = got.after;
      this.seen.push(...got.items);
      if (this.seen.length === 0) return;
      const at = new Date(this.seen.at(-1)!.created_at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      this.show(`Since you opened the plugin: ${describeUpdates(this.seen)} (latest ${at}).`);
    } catch (err) {
      if (mine === this.generation) this.show('Project changes unavailable', err);
    }
  }
}
