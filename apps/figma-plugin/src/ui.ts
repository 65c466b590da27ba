// The plugin's UI (an iframe, origin `null`): settings, then one panel per task. Bundled into dist/ui.html.
import type { MainToUi } from './lib/protocol';
import type { Settings } from './ui/api';
import { onMain, send } from './ui/bridge';
import { $, status } from './ui/dom';
import { initExtract, onExportMessage } from './ui/extract';
import { initTools, onLayers } from './ui/tools';
import { checkUpdates, followUpdates } from './ui/updates';

let settings: Settings = { apiUrl: 'http://localhost:8787', apiKey: null };
const current = () => settings;

onMain((message: MainToUi) => {
  switch (message.type) {
    case 'settings':
      settings = { apiUrl: message.apiUrl, apiKey: message.apiKey };
      $<HTMLInputElement>('api-url').value = message.apiUrl;
      status('settings-status', message.apiKey ? 'Key saved in this Figma account (clientStorage).' : 'No key yet: paste a COGO project API key.');
      followUpdates(current);
      return;
    case 'layers':
      return onLayers(message.layers, current);
    case 'rename.applied':
      return status('rename-status', `Renamed ${message.renamed} layer(s) in one undo step${message.missing.length ? `; ${message.missing.length} no longer exist` : ''}.`);
    case 'error':
      return status('main-error', message.message, true);
    default:
      return onExportMessage(message, current);
  }
});

$('settings-save').addEventListener('click', () => {
  const key = $<HTMLInputElement>('api-key');
  send({ type: 'settings.save', apiUrl: $<HTMLInputElement>('api-url').value, apiKey: key.value });
  key.value = '';
});
for (const tab of document.querySelectorAll<HTMLButtonElement>('nav button')) {
  tab.addEventListener('click', () => {
    for (const panel of document.querySelectorAll<HTMLElement>('section')) panel.hidden = panel.id !== `panel-${tab.dataset.panel}`;
    for (const other of document.querySelectorAll<HTMLButtonElement>('nav button')) other.setAttribute('aria-pressed', String(other === tab));
  });
}
$('changes-check').addEventListener('click', () => void checkUpdates(current));
initExtract(current);
initTools(current);
send({ type: 'settings.load' });
