// Test tooling: the page Figma puts the plugin's UI in, served on loopback (a secure context, as figma.com is): the
// UI's HTML in a sandboxed iframe without allow-same-origin, so its origin is opaque (`null`) as in Figma, and the
// bridge Figma provides — the UI's parent.postMessage({ pluginMessage }) reaches `window.__cogoToMain` (the test
// hands it to code.js), and `window.__cogoToUi(message)` posts { pluginMessage } into the iframe.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export interface PluginHost {
  url: string;
  close(): Promise<void>;
}

/** Serves the host page for `uiHtml` on 127.0.0.1 (any free port). */
export async function startPluginHost(uiHtml: string): Promise<PluginHost> {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Figma plugin host (test)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head><body>
<iframe id="ui" title="COGO plugin" sandbox="allow-scripts allow-downloads allow-forms" srcdoc="${escapeAttr(uiHtml)}"></iframe>
<script>
  const frame = document.getElementById('ui');
  addEventListener('message', (e) => { if (e.source === frame.contentWindow && e.data && 'pluginMessage' in e.data) window.__cogoToMain(e.data.pluginMessage); });
  window.__cogoToUi = (m) => frame.contentWindow.postMessage({ pluginMessage: m }, '*');
</script></body></html>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page), 'cache-control': 'no-store' });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
