// Structured output (response_format json_schema): the answer must parse as JSON and satisfy the schema before it
// is returned; one repair call shows the model its errors. Validation is @cfworker/json-schema (no eval, so it
// runs in workerd), draft 2020-12.
import { Validator } from '@cfworker/json-schema';
import type { ChatMessage } from '@cogo/types';

export type Checked = { ok: true; value: unknown } | { ok: false; errors: string[] };

/** Parses `text` and validates it against `schema`; errors name the failing locations. */
export function checkStructured(text: string, schema: Record<string, unknown>): Checked {
  let value: unknown;
  try {
    value = JSON.parse(text.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    return { ok: false, errors: ['the answer is not valid JSON'] };
  }
  let result;
  try {
    result = new Validator(schema as never, '2020-12', false).validate(value);
  } catch {
    return { ok: false, errors: ['the schema could not be applied'] };
  }
  if (result.valid) return { ok: true, value };
  const errors = result.errors.filter((e) => e.keyword !== 'properties' && e.keyword !== 'items').map((e) => `${e.instanceLocation || '#'}: ${e.error}`);
  return { ok: false, errors: (errors.length ? errors : result.errors.map((e) => `${e.instanceLocation}: ${e.error}`)).slice(0, 10) };
}

/** The conversation of the one repair call: the invalid answer and what is wrong with it. */
export function repairMessages(messages: ChatMessage[], invalid: string, errors: string[]): ChatMessage[] {
  return [
    ...messages,
    { role: 'assistant', content: invalid },
    { role: 'user', content: `That answer does not match the required JSON schema:\n- ${errors.join('\n- ')}\nAnswer again with only the corrected JSON.` },
  ];
}
