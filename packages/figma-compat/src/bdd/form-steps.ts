// Filling a form: a valid sample value per field (from its kind, then its label), the invalid rows of a
// Scenario Outline (each text field left empty in turn; an email that is not one), and the fill steps.
import type { UiElement } from './page-model';
import { quote } from './steps';
import { words } from './words';

/** Fields a user types into (the rest are clicked or chosen). */
export const TYPED = new Set(['text', 'email', 'password', 'search', 'phone', 'number', 'date', 'textarea']);

const BY_LABEL: [RegExp, string][] = [
  [/\b(first ?name|given name|forename)\b/, 'Ada'],
  [/\b(last ?name|surname|family name)\b/, 'Lovelace'],
  [/\b(full ?name|name)\b/, 'Ada Lovelace'],
  [/\b(user ?name|login|handle)\b/, 'ada'],
  [/\b(company|organi[sz]ation)\b/, 'Example Inc.'],
  [/\b(address|street)\b/, '1 Example Street'],
  [/\bcity\b/, 'Springfield'],
  [/\b(zip|postal|post ?code)\b/, '12345'],
  [/\bcountry\b/, 'Norway'],
  [/\b(website|url|link)\b/, 'https://example.com'],
  [/\bcard\b/, '4242 4242 4242 4242'],
  [/\b(cvc|cvv)\b/, '123'],
  [/\b(code|otp|pin)\b/, '123456'],
  [/\b(message|comment|description|bio|note)\b/, 'Hello from the test'],
  [/\b(title|subject)\b/, 'Hello'],
];

/** A valid value for a typed field, the same on every run. */
export function sampleValue(input: UiElement): string {
  switch (input.kind) {
    case 'email':
      return 'user@example.com';
    case 'password':
      return 'Secret-123';
    case 'phone':
      return '+1 555 0100';
    case 'number':
      return '42';
    case 'date':
      return '2025-01-31';
    case 'textarea':
      return 'Hello from the test';
  }
  const label = words(input.label).join(' ');
  return BY_LABEL.find(([re]) => re.test(label))?.[1] ?? (input.kind === 'search' ? 'example' : `Example ${input.label.toLowerCase()}`);
}

/** The step that sets one field to `value` (typed fields; `column` for an outline's `<column>`) or operates it. */
export function fillStep(input: UiElement, value: string, column = false): string {
  const field = quote(input.label);
  switch (input.kind) {
    case 'checkbox':
      return `I check ${field}`;
    case 'switch':
      return `I turn on ${field}`;
    case 'radio':
      return `I choose ${field}`;
    case 'select':
      return input.value ? `I choose ${quote(input.value)} from ${field}` : `I choose an option from ${field}`;
    case 'slider':
      return `I move the ${field} slider`;
    default:
      return `I fill ${field} with ${column ? `"<${value}>"` : quote(value)}`;
  }
}

/** One invalid row of an outline: the typed values, and the field that must show an error. */
export interface InvalidRow {
  values: string[];
  field: string;
}

/** Rows where one field is wrong and the others valid: each typed field empty, each email malformed. */
export function invalidRows(typed: readonly UiElement[]): InvalidRow[] {
  const valid = typed.map(sampleValue);
  const rows: InvalidRow[] = [];
  typed.forEach((input, i) => {
    rows.push({ values: valid.map((v, k) => (k === i ? '' : v)), field: input.label });
    if (input.kind === 'email') rows.push({ values: valid.map((v, k) => (k === i ? 'not-an-email' : v)), field: input.label });
  });
  return rows;
}
