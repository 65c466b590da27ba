// The tokens page's rows (lib/tokens-view.ts): a DTCG document by top-level group, inherited $type, colour swatches
// from hex or sRGB components, values as a person reads them (hex, 8px, else JSON).
import { describe, expect, it } from 'vitest';
import { cssColor, tokenRows } from '../lib/tokens-view';

describe('token rows', () => {
  it('groups by collection, inherits $type and makes swatches', () => {
    const rows = tokenRows({
      Brand: { $type: 'color', primary: { $value: { colorSpace: 'srgb', components: [0.2, 0.4, 1], hex: '#3366ff' } }, faint: { $value: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.5 } } },
      Space: { sm: { $type: 'dimension', $value: { value: 8, unit: 'px' } }, ref: { $type: 'color', $value: '{Brand.primary}' } },
    });
    expect([...rows.keys()]).toEqual(['Brand', 'Space']);
    expect(rows.get('Brand')).toEqual([
      { path: 'Brand.primary', type: 'color', swatch: '#3366ff', value: '#3366ff' },
      { path: 'Brand.faint', type: 'color', swatch: 'rgb(0 0 0 / 0.5)', value: '{"colorSpace":"srgb","components":[0,0,0],"alpha":0.5}' },
    ]);
    expect(rows.get('Space')).toEqual([
      { path: 'Space.sm', type: 'dimension', swatch: null, value: '8px' },
      { path: 'Space.ref', type: 'color', swatch: null, value: '{Brand.primary}' },
    ]);
  });

  it('reads colours it can draw, and nothing else', () => {
    expect(cssColor('#abc')).toBe('#abc');
    expect(cssColor({ colorSpace: 'display-p3', components: [1, 0, 0], hex: '#ff0000' })).toBe('#ff0000');
    expect(cssColor({ colorSpace: 'oklch', components: [0.5, 0.1, 200] })).toBeNull();
    expect(cssColor('{Brand.primary}')).toBeNull();
  });
});
