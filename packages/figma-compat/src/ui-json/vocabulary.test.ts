import { describe, expect, it } from 'vitest';
import { tokensOfDtcg } from './vocabulary';

describe('tokensOfDtcg', () => {
  it('lists every token path in document order, with $type inherited from the nearest group', () => {
    const doc = JSON.parse(`{
      "$description": "doc",
      "color": {
        "$type": "color",
        "brand": { "primary": { "$value": "#2563eb" }, "on-primary": { "$value": "{color.white}", "$type": "color" } },
        "accent": { "$root": { "$value": "#f59e0b" }, "light": { "$value": "#fde68a" } },
        "white": { "$value": "#fff" }
      },
      "spacing": { "md": { "$value": { "value": 16, "unit": "px" }, "$type": "dimension" }, "$extensions": { "x": { "$value": 1 } } },
      "untyped": { "a": { "$value": 1 } },
      "__proto__": { "evil": { "$value": 1 } },
      "not-a-group": 3
    }`);
    expect(tokensOfDtcg(doc)).toEqual([
      { path: 'color.brand.primary', type: 'color' },
      { path: 'color.brand.on-primary', type: 'color' },
      { path: 'color.accent.$root', type: 'color' },
      { path: 'color.accent.light', type: 'color' },
      { path: 'color.white', type: 'color' },
      { path: 'spacing.md', type: 'dimension' },
      { path: 'untyped.a' },
    ]);
  });

  it('lists nothing for an empty or odd document', () => {
    expect(tokensOfDtcg({})).toEqual([]);
    expect(tokensOfDtcg(null as unknown as Record<string, unknown>)).toEqual([]);
  });
});
