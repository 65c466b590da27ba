import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { generateFromPrompt } from './generate';
import { UI_JSON_RESPONSE_SCHEMA } from './response-schema';
import { fullDoc, VOCAB } from './samples.test-helpers';

describe('UI_JSON_RESPONSE_SCHEMA', () => {
  const validator = new Validator(UI_JSON_RESPONSE_SCHEMA as object, '2020-12', false);

  it('is compact, with named $defs and one self-reference (children)', () => {
    const text = JSON.stringify(UI_JSON_RESPONSE_SCHEMA);
    expect(text.length).toBeLessThan(6_000);
    expect(Object.keys(UI_JSON_RESPONSE_SCHEMA.$defs as object).sort()).toEqual(['UiAction', 'UiBlock', 'UiComponentNode', 'UiId', 'UiLayout', 'UiSection', 'UiStyle']);
    expect(text).not.toContain('__schema');
    const node = (UI_JSON_RESPONSE_SCHEMA.$defs as any).UiComponentNode;
    expect(node.properties.children.items).toEqual({ $ref: '#/$defs/UiComponentNode' });
  });

  it('accepts valid documents and refuses invalid ones', () => {
    expect(validator.validate(fullDoc()).valid).toBe(true);
    expect(validator.validate(generateFromPrompt({ prompt: 'landing page for Acme with hero, pricing and a login form' }, VOCAB).doc).valid).toBe(true);
    const bad = fullDoc() as any;
    bad.page.sections[0].blocks[0].components[0].children[0].type = 'Not A Type';
    expect(validator.validate(bad).valid).toBe(false);
    const extra = fullDoc() as any;
    extra.page.sections[0].onClick = 'x';
    expect(validator.validate(extra).valid).toBe(false);
  });
});
