// A local headless Chromium with its DevTools endpoint on loopback: what browser test sessions drive in `./cogo dev`
// and the Worker tests (BROWSER_CDP_URL), as Cloudflare Browser Rendering is driven in production. Debian's
// chromium (`./cogo test|dev` installs it on a fresh machine) or COGO_CHROMIUM. The flags keep it off the network.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const FLAGS = ['--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--mute-audio'];

export interface LocalChromium {
  /** The DevTools HTTP endpoint, e.g. http://127.0.0.1:9222 (GET /json/version names the browser's WebSocket). */
  cdpUrl: string;
  child: ChildProcess;
  close: () => Promise<void>;
}

/** The Chromium binary: COGO_CHROMIUM, else the first of the usual paths; throws naming the fix. */
export function chromiumPath(): string {
  const path = process.env.COGO_CHROMIUM || CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path)) throw new Error('no Chromium found: run ./cogo test (or ./cogo dev) as root to install Debian\'s chromium, or set COGO_CHROMIUM');
  return path;
}

/** Starts Chromium (port 0: any free port) and resolves once its DevTools endpoint listens. */
export async function startChromium(port = 0): Promise<LocalChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'cogo-chromium-'));
  const args = [...FLAGS, `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1', `--user-data-dir=${profile}`];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(chromiumPath(), [...args, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    // its helper processes may still be writing the profile for a moment: retried, and never fatal
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // a leftover folder in the temp dir
    }
  };
  try {
    const wsUrl = await new Promise<string>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools endpoint within 20 s: ${seen.slice(-500)}`)), 20_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited (${code}) before listening: ${seen.slice(-500)}`));
      });
    });
    const url = new URL(wsUrl);
    return { cdpUrl: `http://${url.host}`, child, close };
  } catch (err) {
    await close();
    throw err;
  }
}
