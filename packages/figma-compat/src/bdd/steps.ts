// The step vocabulary: one fixed wording per thing a user does or sees, so generated and refined features
// share steps that one set of step definitions can run. Quoted values escape `\` and `"` the way Cucumber
// Expressions' {string} reads them.
import type { FigmaTrigger } from './figma-node';
import type { Outcome } from './outcomes';
import type { UiElement } from './page-model';
import { clip, oneLine } from './words';

/** A step before its keyword is chosen (Given/When/Then, or And after the same kind). */
export interface Step {
  kind: 'given' | 'when' | 'then';
  text: string;
}

/** A value inside double quotes: one line, `\` and `"` escaped. */
export function quote(value: string): string {
  return `"${oneLine(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const KEYS: Record<number, string> = { 8: 'Backspace', 9: 'Tab', 13: 'Enter', 27: 'Escape', 32: 'Space', 37: 'ArrowLeft', 38: 'ArrowUp', 39: 'ArrowRight', 40: 'ArrowDown' };
const keyName = (code: number) => KEYS[code] ?? (code >= 48 && code <= 90 ? String.fromCharCode(code) : `key ${code}`);

/** "800 ms", "2 seconds". REST sends milliseconds; a value under 50 can only be seconds (plugin exports). */
export function duration(timeout: number | undefined): string {
  const ms = timeout === undefined || !Number.isFinite(timeout) ? 0 : timeout < 50 ? timeout * 1000 : timeout;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 100) / 10;
  return `${s} second${s === 1 ? '' : 's'}`;
}

type Verb = 'click' | 'hover' | 'leave' | 'drag' | 'timeout' | 'key' | 'media-end' | 'media-hit';
function verbOf(t: FigmaTrigger): Verb {
  switch (t.type) {
    case 'ON_HOVER':
    case 'MOUSE_ENTER':
      return 'hover';
    case 'MOUSE_LEAVE':
      return 'leave';
    case 'ON_DRAG':
      return 'drag';
    case 'AFTER_TIMEOUT':
      return 'timeout';
    case 'ON_KEY_DOWN':
      return 'key';
    case 'ON_MEDIA_END':
      return 'media-end';
    case 'ON_MEDIA_HIT':
      return 'media-hit';
    default:
      return 'click'; // ON_CLICK, ON_PRESS, MOUSE_DOWN, MOUSE_UP and triggers Figma adds later
  }
}

const keys = (t: FigmaTrigger) => quote((t.keyCodes ?? []).map(keyName).join('+') || 'any');

/** The When step of a trigger on an element (or on the screen itself when `el` is null). */
export function triggerStep(t: FigmaTrigger, el: UiElement | null): string {
  const target = el ? quote(el.label) : null;
  switch (verbOf(t)) {
    case 'hover':
      return target ? `I hover over ${target}` : 'I hover over the screen';
    case 'leave':
      return target ? `I move the pointer away from ${target}` : 'I move the pointer away from the screen';
    case 'drag':
      return target ? `I drag ${target}` : 'I drag on the screen';
    case 'timeout':
      return `I wait ${duration(t.timeout)}`;
    case 'key':
      return `I press the ${keys(t)} key`;
    case 'media-end':
      return `the video ${target ?? quote('video')} ends`;
    case 'media-hit':
      return `the video ${target ?? quote('video')} reaches ${duration((t.mediaHitTime ?? 0) * 1000)}`;
    default:
      if (!el) return 'I click anywhere on the screen';
      if (el.role === 'button') return `I press ${target}`;
      if (el.role === 'nav-item') return `I choose ${target} in the navigation`;
      return `I click ${target}`;
  }
}

/** The trigger as a scenario title starts: "Pressing \"Sign in\"", "Waiting 2 seconds". */
export function triggerTitle(t: FigmaTrigger, el: UiElement | null): string {
  const target = el ? quote(el.label) : 'the screen';
  switch (verbOf(t)) {
    case 'hover':
      return `Hovering over ${target}`;
    case 'leave':
      return `Moving away from ${target}`;
    case 'drag':
      return `Dragging ${target}`;
    case 'timeout':
      return `Waiting ${duration(t.timeout)}`;
    case 'key':
      return `Pressing the ${keys(t)} key`;
    case 'media-end':
    case 'media-hit':
      return `Playing ${target}`;
    default:
      if (el?.role === 'button') return `Pressing ${target}`;
      if (el?.role === 'nav-item') return `Choosing ${target} in the navigation`;
      return `Clicking ${target}`;
  }
}

/** The Then step of an outcome; `el` names what a CHANGE_TO changes. */
export function outcomeStep(o: Outcome, el: UiElement | null): string {
  switch (o.kind) {
    case 'screen':
      return `I see the ${quote(o.target)} screen`;
    case 'overlay':
      return `I see the ${quote(o.target)} overlay`;
    case 'scroll':
      return `the screen scrolls to ${quote(o.target)}`;
    case 'change':
      return `${el ? quote(el.label) : 'the component'} changes to ${quote(o.target)}`;
    case 'back':
      return 'I return to the previous screen';
    case 'close':
      return 'the overlay closes';
    case 'url':
      return `the link ${quote(o.url)} opens`;
  }
}

/** The outcome as a scenario title ends: "opens the \"Dashboard\" screen". */
export function outcomeTitle(o: Outcome): string {
  switch (o.kind) {
    case 'screen':
      return `opens the ${quote(o.target)} screen`;
    case 'overlay':
      return `opens the ${quote(o.target)} overlay`;
    case 'scroll':
      return `scrolls to ${quote(o.target)}`;
    case 'change':
      return `changes to ${quote(o.target)}`;
    case 'back':
      return 'returns to the previous screen';
    case 'close':
      return 'closes the overlay';
    case 'url':
      return `opens ${quote(clip(o.url, 60))}`;
  }
}

/** The Given step that puts the user on a screen. */
export const onScreen = (name: string) => `I am on the ${quote(name)} screen`;
/** The Then step for a screen the user has not left. */
export const stillOn = (name: string) => `I am still on the ${quote(name)} screen`;
