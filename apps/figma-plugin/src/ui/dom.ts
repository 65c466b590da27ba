// A few DOM helpers: elements by id, building elements, errors in words with the API's request id.
import { CogoApiError } from '@cogo/api-client';

/** The element with this id (the markup in ui.html has it). */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`ui.html has no #${id}`);
  return el as T;
}

/** An element with text and attributes. */
export function h(tag: string, text = '', attrs: Record<string, string> = {}): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** An error as the designer reads it: the API's code and message, and its request id to quote. */
export function describeError(err: unknown): string {
  if (err instanceof CogoApiError) return `${err.message}${err.requestId ? ` (request ${err.requestId})` : ''}`;
  return err instanceof Error ? err.message : String(err);
}

/** Shows `text` in the element `id` as a status line (`error` styles it). */
export function status(id: string, text: string, error = false): void {
  const el = $(id);
  el.textContent = text;
  el.classList.toggle('error', error);
}
