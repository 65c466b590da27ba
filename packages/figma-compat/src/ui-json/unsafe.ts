// What a UI JSON string or key must never carry into a renderer (issue 14): script-ish URLs (javascript:, vbscript:,
// data:), with the tricks browsers forgive — any case, whitespace and control characters inside the scheme, HTML
// entities (`&#106;`, `&#x6A`, `&Tab;`, `&colon;`) — event-handler code (`alert(`, `<script`, `<img onerror=`) and
// keys that pollute prototypes or name handlers.

/** Keys never copied: assigning them reaches Object.prototype or a constructor. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// lowercase `on…` keys name a handler only when the rest is a DOM event (a prop named `online` is not one)
const DOM_EVENTS = new Set(
  (
    'abort animationend animationiteration animationstart auxclick beforeinput beforeunload blur cancel canplay change click close ' +
    'contextmenu copy cut dblclick drag dragend dragenter dragleave dragover dragstart drop durationchange ended error focus focusin ' +
    'focusout formdata hashchange input invalid keydown keypress keyup load loadeddata loadstart message mousedown mouseenter mouseleave ' +
    'mousemove mouseout mouseover mouseup paste pause play playing pointerdown pointerenter pointerleave pointermove pointerout ' +
    'pointerover pointerup popstate progress reset resize scroll search select selectionchange show submit suspend toggle touchend ' +
    'touchmove touchstart transitionend unload volumechange wheel press longpress'
  ).split(' '),
);

/** Whether a key holding a string is an event handler: `onClick`, `on_click`, or `on` + a DOM event (`onerror`). */
export function isHandlerKey(key: string): boolean {
  if (!/^on[A-Za-z_]/.test(key)) return false;
  if (/^on[A-Z_]/.test(key)) return true;
  return DOM_EVENTS.has(key.slice(2).toLowerCase());
}

const NAMED: Record<string, string> = { tab: '\t', newline: '\n', colon: ':', lpar: '(', rpar: ')', sol: '/', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML character references decoded (numeric ones with or without `;`), a few rounds for double encoding. */
export function decodeEntities(text: string): string {
  let out = text;
  for (let round = 0; round < 3 && out.includes('&'); round++) {
    const next = out
      .replace(/&#x([0-9a-f]{1,6});?/gi, (m, hex: string) => fromCode(parseInt(hex, 16), m))
      .replace(/&#(\d{1,7});?/g, (m, dec: string) => fromCode(parseInt(dec, 10), m))
      .replace(/&([a-z]+);/gi, (m, name: string) => NAMED[name.toLowerCase()] ?? m);
    if (next === out) break;
    out = next;
  }
  return out;
}

function fromCode(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

// whitespace, C0/C1 controls and invisible characters: browsers skip them inside a URL scheme
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

/** Whether a string is a script-ish URL: `javascript:` / `vbscript:` / a `data:` URL, however disguised. */
export function isScriptUrl(value: string): boolean {
  const decoded = decodeEntities(value);
  const squeezed = decoded.replace(INVISIBLE, '').toLowerCase();
  if (squeezed.startsWith('javascript:') || squeezed.startsWith('vbscript:')) return true;
  // `data:text/html,…` is one; "Data: 5 items" (a space after the colon) is prose
  if (!squeezed.startsWith('data:')) return false;
  const afterColon = decoded.slice(decoded.indexOf(':') + 1);
  return afterColon.length > 0 && !/^\s/.test(afterColon);
}

const CODE_PATTERNS: readonly RegExp[] = [
  /<\s*\/?\s*script\b/i,
  /<\s*(?:iframe|object|embed)\b/i,
  /<[^>]*\son[a-z]+\s*=/i,
  /<[^>]*=\s*["']?\s*(?:javascript|vbscript|data)\s*:/i,
  /\b(?:alert|eval)\s*\(/i,
  /\b(?:confirm|prompt)\(/i,
  /\bnew\s+Function\s*\(/,
  /\bdocument\s*\.\s*(?:cookie|write|location|domain)\b/i,
  /\bwindow\s*\.\s*(?:location|open|eval)\b/i,
  /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
];

/** Whether a string carries event-handler or script code (checked as written and with entities decoded). */
export function isHandlerCode(value: string): boolean {
  const decoded = decodeEntities(value);
  return CODE_PATTERNS.some((p) => p.test(value) || (decoded !== value && p.test(decoded)));
}
