// The UI's side of the protocol: messages to the main thread through parent.postMessage, and theirs back.
import type { MainToUi, UiToMain } from '../lib/protocol';

/** Sends one message to the main thread (code.ts). */
export function send(message: UiToMain): void {
  parent.postMessage({ pluginMessage: message }, '*');
}

/** Calls `handler` with every message of the main thread. */
export function onMain(handler: (message: MainToUi) => void): void {
  window.addEventListener('message', (event: MessageEvent<{ pluginMessage?: MainToUi }>) => {
    const message = event.data?.pluginMessage;
    if (message && typeof message === 'object' && typeof message.type === 'string') handler(message);
  });
}
