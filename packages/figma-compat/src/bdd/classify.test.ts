import { describe, expect, it } from 'vitest';
import { classify, isPlaceholderText } from './classify';
import type { FigmaNode } from './figma-node';

const node = (name: string, extra: Partial<FigmaNode> = {}): FigmaNode => ({ id: '1:1', type: 'INSTANCE', name, children: [], ...extra });
const box = (name: string, text: string): FigmaNode =>
  node(name, { type: 'FRAME', strokes: [{ visible: true }], children: [{ id: '1:2', type: 'TEXT', name: text, characters: text }] });

describe('classify by name', () => {
  it.each([
    ['Email Input', { role: 'input', kind: 'email' }],
    ['TextField/Password', { role: 'input', kind: 'password' }],
    ['Search field', { role: 'input', kind: 'search' }],
    ['Phone number input', { role: 'input', kind: 'phone' }],
    ['Text Area', { role: 'input', kind: 'textarea' }],
    ['Checkbox', { role: 'input', kind: 'checkbox' }],
    ['Check box', { role: 'input', kind: 'checkbox' }],
    ['Radio Button', { role: 'input', kind: 'radio' }],
    ['Toggle', { role: 'input', kind: 'switch' }],
    ['Dropdown', { role: 'input', kind: 'select' }],
    ['Slider', { role: 'input', kind: 'slider' }],
    ['Search Button', { role: 'button' }],
    ['btn-primary', { role: 'button' }],
    ['CTA', { role: 'button' }],
    ['Link/Forgot password', { role: 'link' }],
    ['Card', null],
    ['Frame 12', null],
  ])('%s → %j', (name, role) => {
    expect(classify(node(name))).toEqual(role);
  });

  it('reads the component (set) name of an instance named otherwise', () => {
    expect(classify(node('Email'), ['Text Field'])).toEqual({ role: 'input', kind: 'email' });
    expect(classify(node('Primary'), ['Button'])).toEqual({ role: 'button' });
  });

  it('a navigation needs children; a TEXT layer is never classified by its name', () => {
    expect(classify(node('Bottom bar', { type: 'FRAME', children: [node('x')] }))).toEqual({ role: 'navigation' });
    expect(classify(node('Navbar', { type: 'FRAME', children: [] }))).toBeNull();
    expect(classify({ id: '1:1', type: 'TEXT', name: 'Submit button', characters: 'Submit' })).toBeNull();
  });
});

describe('classify by structure', () => {
  it('a bordered box around one placeholder text is a field, its kind from the placeholder', () => {
    expect(classify(box('Frame 3', 'you@example.com'))).toEqual({ role: 'input', kind: 'email' });
    expect(classify(box('Frame 4', '••••••'))).toEqual({ role: 'input', kind: 'password' });
    expect(classify(box('Frame 5', 'Enter your city'))).toEqual({ role: 'input', kind: 'text' });
  });

  it('a bordered box named for its content is a field; one with plain text or no border is not', () => {
    expect(classify(box('Password', 'hunter2'))).toEqual({ role: 'input', kind: 'password' });
    expect(classify(box('Card', 'Hello there'))).toBeNull();
    expect(classify({ ...box('Frame 3', 'you@example.com'), strokes: [{ visible: false }] })).toBeNull();
  });

  it('an instance exposing a Placeholder text property is a field', () => {
    const n = node('Display name', { componentProperties: { 'Placeholder#1:2': { type: 'TEXT', value: 'Your name' } } });
    expect(classify(n)).toEqual({ role: 'input', kind: 'text' });
  });
});

describe('isPlaceholderText', () => {
  it.each([
    ['Enter your email', true],
    ['you@example.com', true],
    ['••••••••', true],
    ['e.g. Oslo', true],
    ['DD/MM/YYYY', true],
    ['Email', false],
    ['Sign in', false],
  ])('%s → %s', (text, yes) => expect(isPlaceholderText(text)).toBe(yes));
});
