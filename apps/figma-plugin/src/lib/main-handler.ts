// The main thread's answer to each UI message (code.ts installs it as figma.ui.onmessage). Settings live in
// figma.clientStorage (per user, this plugin only): the COGO API URL and API key — never a Figma token.
import { countNodes, exportNodes, exportTargets } from './export-nodes';
import type { PluginHost } from './figma-host';
import { isUiToMain, type MainToUi, type UiToMain } from './protocol';
import { applyRenames, collectLayers } from './rename';
import { serializeCollection, serializeStyle, serializeVariable } from './variables';

/** clientStorage keys. */
export const STORAGE = { apiUrl: 'cogo.apiUrl', apiKey: 'cogo.apiKey' } as const;

/** Where the API is until the designer says otherwise: the dev stack. */
export const DEFAULT_API_URL = 'http://localhost:8787';

/** Returns the handler of UI messages; it resolves once the message is answered (errors are answered too). */
export function createMainHandler(host: PluginHost): (message: unknown) => Promise<void> {
  const post = (message: MainToUi) => host.ui.postMessage(message);

  async function handle(message: UiToMain): Promise<void> {
    switch (message.type) {
      case 'settings.load': {
        const [apiUrl, apiKey] = await Promise.all([host.clientStorage.getAsync(STORAGE.apiUrl), host.clientStorage.getAsync(STORAGE.apiKey)]);
        post({ type: 'settings', apiUrl: typeof apiUrl === 'string' && apiUrl ? apiUrl : DEFAULT_API_URL, apiKey: typeof apiKey === 'string' && apiKey ? apiKey : null });
        return;
      }
      case 'settings.save': {
        await host.clientStorage.setAsync(STORAGE.apiUrl, message.apiUrl.trim() || DEFAULT_API_URL);
        await host.clientStorage.setAsync(STORAGE.apiKey, message.apiKey.trim());
        return handle({ type: 'settings.load' });
      }
      case 'export.start': {
        const targets = await exportTargets(host, message.scope);
        const total = countNodes(targets);
        if (total === 0) throw new Error(message.scope === 'selection' ? 'Select at least one layer to export.' : 'Nothing to export: the page is empty.');
        post({ type: 'export.begin', scope: message.scope, total, fileKey: host.fileKey ?? null, name: host.root.name });
        let index = 0;
        for await (const node of exportNodes(targets)) post({ type: 'export.node', index: index++, total, node });
        const [variables, collections, ...styles] = await Promise.all([
          host.variables.getLocalVariablesAsync(),
          host.variables.getLocalVariableCollectionsAsync(),
          host.getLocalPaintStylesAsync(),
          host.getLocalTextStylesAsync(),
          host.getLocalEffectStylesAsync(),
          host.getLocalGridStylesAsync(),
        ]);
        post({ type: 'export.done', variables: variables.map(serializeVariable), variableCollections: collections.map(serializeCollection), styles: styles.flat().map(serializeStyle) });
        return;
      }
      case 'layers.collect': {
        const layers = collectLayers(host.currentPage.selection);
        if (layers.length === 0) throw new Error('Select the layers to rename.');
        post({ type: 'layers', layers });
        return;
      }
      case 'rename.apply': {
        const result = await applyRenames(host, message.renames);
        post({ type: 'rename.applied', ...result });
        if (result.renamed > 0) host.notify(`Renamed ${result.renamed} layer${result.renamed === 1 ? '' : 's'} (one undo step)`);
        return;
      }
    }
  }

  return async (message) => {
    if (!isUiToMain(message)) return;
    try {
      await handle(message);
    } catch (err) {
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
}
