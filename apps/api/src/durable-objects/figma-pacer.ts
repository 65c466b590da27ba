// FigmaPacer — one Durable Object per Figma token: id = idFromName(`figma::<sha256(token) prefix>`).
// Every call to Figma with that token first asks for a slot, so concurrent jobs on one token are
// spaced `intervalMs` apart instead of tripping Figma's limit together; a 429's Retry-After pushes
// every later slot back. The slots are kept in memory on purpose: an object is only evicted after
// it has been idle, and an idle token needs no spacing, so nothing is stored and nothing to clean up.
import { DurableObject } from 'cloudflare:workers';

export { figmaPacerName } from './names';

export class FigmaPacer extends DurableObject {
  private nextAt = 0;
  private blockedUntil = 0;

  /** Reserves the next slot; returns how many ms the caller must wait before sending. */
  async acquire(intervalMs: number): Promise<number> {
    const now = Date.now();
    const slot = Math.max(now, this.nextAt, this.blockedUntil);
    this.nextAt = slot + intervalMs;
    return slot - now;
  }

  /** Figma said to wait until `untilMs`: nobody on this token sends before then. */
  async penalize(untilMs: number): Promise<void> {
    this.blockedUntil = Math.max(this.blockedUntil, untilMs);
  }
}
