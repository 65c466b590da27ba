// The tokens page's rows (lib/tokens-view.ts): a DTCG document by top-level group, inherited $type, colour swatches
// from hex or sRGB components, values as a person reads them (hex, 8px, composites in short, references followed).
import { describe, expect, it } from 'vitest';
import { cssColor, tokenRows, valueText } from '../lib/tokens-view';

describe('token rows', () => {
  it('groups by collection, inherits $type and makes swatches', () => {
    const rows = tokenRows({
      Brand: { $type: 'color', primary: { $value: { colorSpace: 'srgb', components: [0.2, 0.4, 1], hex: '#3366ff' } }, faint: { $value: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.5 } } },
      Space: { sm: { $type: 'dimension', $value: { value: 8, unit: 'px' } }, ref: { $type: 'color', $value: '{Brand.primary}' } },
    });
    expect([...rows.keys()]).toEqual(['Brand', 'Space']);
    expect(rows.get('Brand')).toEqual([
      { path: 'Brand.primary', type: 'color', swatch: '#3366ff', value: '#3366ff' },
      { path: 'Brand.faint', type: 'color', swatch: 'rgb(0 0 0 / 0.5)', value: 'rgb(0 0 0 / 0.5)' },
    ]);
    expect(rows.get('Space')).toEqual([
      { path: 'Space.sm', type: 'dimension', swatch: null, value: '8px' },
      { path: 'Space.ref', type: 'color', swatch: '#3366ff', value: '{Brand.primary} → #3366ff' },
    ]);
  });

  it('reads colours it can draw, and nothing else', () => {
    expect(cssColor('#abc')).toBe('#abc');
    expect(cssColor({ colorSpace: 'display-p3', components: [1, 0, 0], hex: '#ff0000' })).toBe('#ff0000');
    expect(cssColor({ colorSpace: 'oklch', components: [0.5, 0.1, 200] })).toBeNull();
    expect(cssColor('{Brand.primary}')).toBeNull();
  });

  it('follows a chain of references to its end, and leaves one that names nothing here (or loops) as written', () => {
    const rows = tokenRows({
      C: {
        $type: 'color',
        base: { $value: { colorSpace: 'srgb', components: [1, 0, 0.4], hex: '#ff0066' } },
        hover: { $value: '{C.base}' },
        pressed: { $value: '{C.hover}' },
        elsewhere: { $value: '{Other.brand}' },
        loop: { $value: '{C.loop}' },
        accent: { $root: { $value: '{C.base}' } },
        root: { $value: '{C.accent.$root}' },
      },
    }).get('C')!;
    expect(rows.map((r) => [r.path, r.swatch, r.value])).toEqual([
      ['C.base', '#ff0066', '#ff0066'],
      ['C.hover', '#ff0066', '{C.base} → #ff0066'],
      ['C.pressed', '#ff0066', '{C.hover} → #ff0066'],
      ['C.elsewhere', null, '{Other.brand}'],
      ['C.loop', null, '{C.loop}'],
      ['C.accent.$root', '#ff0066', '{C.base} → #ff0066'],
      ['C.root', '#ff0066', '{C.accent.$root} → #ff0066'],
    ]);
  });

  it('writes composite values in a short CSS-like form', () => {
    const px = (value: number) => ({ value, unit: 'px' });
    const black = { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.12, hex: '#000000' };
    expect(valueText({ fontFamily: 'Inter', fontSize: px(20), fontWeight: 700, letterSpacing: px(0), lineHeight: 1.2 })).toBe('Inter 20px / 700, line height 1.2, letter spacing 0px');
    expect(valueText({ fontFamily: ['Inter', 'system-ui'], fontSize: '{Type.size.md}' })).toBe('Inter, system-ui {Type.size.md}');
    expect(valueText({ color: black, offsetX: px(0), offsetY: px(4), blur: px(12), spread: px(0) })).toBe('0px 4px 12px 0px #000000 / 0.12');
    expect(valueText([{ color: '{C.base}', offsetX: px(0), offsetY: px(1), blur: px(2), spread: px(0), inset: true }, { color: black, offsetX: px(0), offsetY: px(2), blur: px(4), spread: px(0) }])).toBe(
      'inset 0px 1px 2px 0px {C.base}, 0px 2px 4px 0px #000000 / 0.12',
    );
    expect(valueText({ color: '#000000', width: px(1), style: 'solid' })).toBe('1px solid #000000');
    expect(valueText({ duration: { value: 200, unit: 'ms' }, delay: { value: 0, unit: 'ms' }, timingFunction: [0.4, 0, 0.2, 1] })).toBe('200ms cubic-bezier(0.4, 0, 0.2, 1) 0ms');
    expect(valueText([{ color: '#ffffff', position: 0 }, { color: '#000000', position: 0.333 }])).toBe('#ffffff 0%, #000000 33.3%');
    expect(valueText({ something: 'else' })).toBe('{"something":"else"}');
  });
});
