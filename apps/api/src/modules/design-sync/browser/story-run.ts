// One story in a browser: its own browser context (no state shared with the other stories), the story's iframe URL
// as Storybook serves it, the render awaited (the sample marks `data-story-rendered`; a real Storybook fills
// #storybook-root or shows its error), every uncaught exception, console.error and error log entry collected, and a
// PNG screenshot. A story that does not render in time is a `timeout`; one with errors `failed`.
import type { CdpConnection, CdpEvent } from './cdp';

export interface StoryRun {
  story_id: string;
  status: 'passed' | 'failed' | 'timeout';
  console_errors: string[];
  png: Uint8Array | null;
  duration_ms: number;
}

const MAX_ERRORS = 20;
const ERROR_CHARS = 500;
/** After the render, how long late errors (a throw in a timer) are still collected. */
const SETTLE_MS = 150;

const RENDERED = `(() => { const b = document.body; if (!b) return ''; if (b.dataset.storyRendered) return b.dataset.storyRendered;
  if (document.querySelector('.sb-show-errordisplay')) return 'error';
  const r = document.querySelector('#storybook-root, #root'); return r && r.children.length ? '1' : ''; })()`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function errorText(e: CdpEvent): string | null {
  const p = e.params as Record<string, any>;
  if (e.method === 'Runtime.exceptionThrown') return String(p.exceptionDetails?.exception?.description ?? p.exceptionDetails?.text ?? 'exception');
  if (e.method === 'Runtime.consoleAPICalled' && p.type === 'error') return (p.args ?? []).map((a: any) => (a.value !== undefined ? String(a.value) : (a.description ?? a.type))).join(' ');
  // the browser's own favicon request is no part of the story
  if (e.method === 'Log.entryAdded' && p.entry?.level === 'error' && !/\/favicon\.ico(\?|$)/.test(String(p.entry.url ?? ''))) return String(p.entry.text ?? 'error');
  return null;
}

/** Renders one story; never throws for the page (a browser failure does throw). */
export async function runStory(cdp: CdpConnection, storybookUrl: string, storyId: string, viewport: { width: number; height: number }, timeoutMs: number): Promise<StoryRun> {
  const started = Date.now();
  const { browserContextId } = await cdp.send<{ browserContextId: string }>('Target.createBrowserContext', { disposeOnDetach: true });
  try {
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const errors: string[] = [];
    let loaded = false;
    const off = cdp.on((e) => {
      if (e.sessionId !== sessionId) return;
      if (e.method === 'Page.loadEventFired') loaded = true;
      const text = errorText(e);
      if (text !== null && errors.length < MAX_ERRORS) errors.push(text.slice(0, ERROR_CHARS));
    });
    try {
      await Promise.all([
        cdp.send('Page.enable', {}, sessionId),
        cdp.send('Runtime.enable', {}, sessionId),
        cdp.send('Log.enable', {}, sessionId),
        cdp.send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: false }, sessionId),
      ]);
      const url = `${storybookUrl.replace(/\/+$/, '')}/iframe.html?id=${encodeURIComponent(storyId)}&viewMode=story`;
      const nav = await cdp.send<{ errorText?: string }>('Page.navigate', { url }, sessionId);
      if (nav.errorText) return { story_id: storyId, status: 'failed', console_errors: [`navigation failed: ${nav.errorText}`], png: null, duration_ms: Date.now() - started };
      let rendered = '';
      const deadline = started + timeoutMs;
      while (Date.now() < deadline) {
        if (loaded) {
          const r = await cdp.send<{ result: { value?: unknown } }>('Runtime.evaluate', { expression: RENDERED, returnByValue: true }, sessionId);
          rendered = typeof r.result.value === 'string' ? r.result.value : '';
          if (rendered) break;
        }
        await sleep(50);
      }
      if (rendered) await sleep(SETTLE_MS);
      const shot = await cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png' }, sessionId);
      const png = Uint8Array.from(atob(shot.data), (ch) => ch.charCodeAt(0));
      const status = !rendered ? 'timeout' : rendered === 'error' || errors.length > 0 ? 'failed' : 'passed';
      return { story_id: storyId, status, console_errors: [...errors], png, duration_ms: Date.now() - started };
    } finally {
      off();
    }
  } finally {
    await cdp.send('Target.disposeBrowserContext', { browserContextId }).catch(() => {});
  }
}
