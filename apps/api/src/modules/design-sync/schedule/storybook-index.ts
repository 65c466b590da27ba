// Reads a Storybook build's `index.json` (and the JSON a build step publishes beside it) from its URL (the project's
// storybook credential): the nightly schedule and POST /design-sync/registry/storybook ingest them. Hosts:
// STORYBOOK_HOSTS + OUTBOUND_ALLOWLIST; the answer is bounded.
import type { AppConfig } from '../../../env';
import { readTextBounded } from '../../../lib/bounded-read';
import { createHttpClient, OutboundBlockedError } from '../../../lib/http-client';

/** Largest index.json read (a 20,000-story Storybook is ~8 MB). */
export const STORYBOOK_INDEX_MAX_BYTES = 16 * 1024 * 1024;

export type StorybookIndexResult = { ok: true; index: Record<string, unknown> } | { ok: false; status: number | null; message: string };

/** The hosts a Storybook URL may be on. */
export function storybookHosts(config: AppConfig): string[] {
  return [...config.STORYBOOK_HOSTS.split(','), ...config.OUTBOUND_ALLOWLIST.split(',')].map((h) => h.trim()).filter(Boolean);
}

/** A JSON document of a Storybook build, or why not (`status`: the upstream's, when it answered). */
export type StorybookDocumentResult = { ok: true; value: unknown } | { ok: false; status: number | null; message: string };

/** GET `<url>/<file>` as JSON (bounded). Never throws for the upstream; messages never name the URL (a secret). */
export async function fetchStorybookDocument(config: AppConfig, url: string, file: string, traceId: string): Promise<StorybookDocumentResult> {
  const http = createHttpClient({ allowHosts: storybookHosts(config), timeoutMs: 10_000, retries: 1, traceId });
  let res: Response;
  try {
    res = await http(`${url.replace(/\/+$/, '')}/${file}`, { redirect: 'manual', headers: { accept: 'application/json' } });
  } catch (err) {
    // the URL is the project's secret: the reason, never the address
    const why = err instanceof OutboundBlockedError ? 'its host is not on STORYBOOK_HOSTS or OUTBOUND_ALLOWLIST' : /timed out/.test(String(err)) ? 'timed out' : 'no answer';
    return { ok: false, status: null, message: `Storybook unreachable: ${why}` };
  }
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => {});
    return { ok: false, status: res.status, message: `Storybook answered ${res.status} for ${file}` };
  }
  const text = await readTextBounded(res.body, STORYBOOK_INDEX_MAX_BYTES);
  if (text === null) return { ok: false, status: 200, message: `${file} is over ${STORYBOOK_INDEX_MAX_BYTES} bytes` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 200, message: `${file} is not JSON` };
  }
}

/** GET `<url>/index.json`: a Storybook index (v4/v5: `v` and `entries`), or why not. Never throws for the upstream. */
export async function fetchStorybookIndex(config: AppConfig, url: string, traceId: string): Promise<StorybookIndexResult> {
  const got = await fetchStorybookDocument(config, url, 'index.json', traceId);
  if (!got.ok) return got.message.endsWith('is not JSON') ? { ok: false, status: 200, message: 'not a Storybook index (index.json needs `v` and `entries`)' } : got;
  const index = got.value;
  if (index && typeof index === 'object' && 'v' in index && 'entries' in index) return { ok: true, index: index as Record<string, unknown> };
  return { ok: false, status: 200, message: 'not a Storybook index (index.json needs `v` and `entries`)' };
}
