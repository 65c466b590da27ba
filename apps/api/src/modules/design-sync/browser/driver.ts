// Where a browser session's browser comes from — one interface, two places:
//   BROWSER_CDP_URL  a local Chromium's DevTools endpoint (`./cogo dev` and the tests start one): its browser WebSocket
//   BROWSER          Cloudflare Browser Rendering (production): a session acquired, then its DevTools WebSocket, the
//                    two calls @cloudflare/puppeteer makes (`/v1/acquire`, `/v1/connectDevtools?browser_session=`)
import type { AppConfig } from '../../../env';
import { ApiError } from '../../../lib/errors';
import { connectCdp, type CdpConnection } from './cdp';

/** True when sessions can run here. */
export const browserConfigured = (config: AppConfig) => Boolean(config.BROWSER_CDP_URL || config.BROWSER);

/** A connection to a fresh browser (or the local one); the caller closes it. */
export async function openBrowser(config: AppConfig): Promise<CdpConnection> {
  if (config.BROWSER_CDP_URL) {
    const res = await fetch(`${config.BROWSER_CDP_URL.replace(/\/+$/, '')}/json/version`);
    if (!res.ok) throw new Error(`the local browser answered ${res.status} at /json/version`);
    const { webSocketDebuggerUrl } = (await res.json()) as { webSocketDebuggerUrl?: string };
    if (!webSocketDebuggerUrl) throw new Error('the local browser named no DevTools WebSocket');
    return connectCdp(webSocketDebuggerUrl.replace(/^ws:/, 'http:').replace(/^wss:/, 'https:'));
  }
  if (config.BROWSER) {
    const browser = config.BROWSER;
    const acquired = await browser.fetch('https://browser.rendering/v1/acquire');
    if (!acquired.ok) throw new Error(`Browser Rendering refused a session: ${acquired.status} ${(await acquired.text()).slice(0, 200)}`);
    const { sessionId } = (await acquired.json()) as { sessionId: string };
    return connectCdp(`https://browser.rendering/v1/connectDevtools?browser_session=${encodeURIComponent(sessionId)}`, browser as unknown as { fetch: typeof fetch });
  }
  throw new ApiError('UNPROCESSABLE', 'no browser configured: set BROWSER (Cloudflare Browser Rendering) or BROWSER_CDP_URL (a local Chromium)');
}
