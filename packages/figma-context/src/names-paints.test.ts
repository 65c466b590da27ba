import { describe, expect, it } from 'vitest';
import { formatVariantName, isAutoName, parseVariantName } from './names';
import { effectString, hex, paintString, paintStrings } from './paints';

describe('isAutoName', () => {
  it.each(['Frame 12', 'Frame', 'Rectangle 3', 'Group 5', 'Ellipse 2', 'Vector', 'Line 4', 'Text', 'Union', 'Polygon 1'])(
    'treats %j as auto-generated',
    (name) => expect(isAutoName(name)).toBe(true),
  );

  it.each(['Header', 'Frame 12 copy', 'Primary Button', 'Rectangle-bg', 'Vectors', 'text'])('keeps %j', (name) =>
    expect(isAutoName(name)).toBe(false),
  );
});

describe('variant names', () => {
  it('parses and rebuilds Figma variant names', () => {
    expect(parseVariantName('Size=Large, State=Hover')).toEqual({ Size: 'Large', State: 'Hover' });
    expect(formatVariantName({ Size: 'Large', State: 'Hover' })).toBe('Size=Large, State=Hover');
    expect(parseVariantName('Button')).toBeNull();
    expect(parseVariantName('=x')).toBeNull();
  });
});

describe('paints', () => {
  it('formats solid colours as the shortest hex, with paint opacity folded into alpha', () => {
    expect(hex({ r: 1, g: 1, b: 1, a: 1 })).toBe('#fff');
    expect(hex({ r: 0.3216, g: 0, b: 1 })).toBe('#5200ff');
    expect(hex({ r: 0, g: 0, b: 0, a: 0.1 })).toBe('#0000001a');
    expect(paintString({ type: 'SOLID', color: { r: 1, g: 0, b: 0, a: 1 }, opacity: 0.5 })).toBe('#ff000080');
  });

  it('drops invisible paints and keeps gradients, images and blend modes', () => {
    expect(paintString({ type: 'SOLID', visible: false, color: { r: 0, g: 0, b: 0 } })).toBeNull();
    // a plugin export may hold paints without a type (or with one that is not a string): nothing to draw, no crash
    expect(paintString({ visible: true } as never)).toBeNull();
    expect(paintString({ type: 5, color: { r: 0, g: 0, b: 0 } } as never)).toBeNull();
    expect(effectString({ visible: true } as never)).toBeNull();
    expect(paintStrings([{ visible: true } as never, { type: 'SOLID', color: { r: 1, g: 0, b: 0, a: 1 } }])).toEqual(['#f00']);
    const stops = [
      { position: 0, color: { r: 1, g: 0, b: 0, a: 1 } },
      { position: 1, color: { r: 0, g: 0, b: 1, a: 1 } },
    ];
    expect(
      paintString({
        type: 'GRADIENT_LINEAR',
        gradientHandlePositions: [
          { x: 0.5, y: 0 },
          { x: 0.5, y: 1 },
          { x: 0, y: 0 },
        ],
        gradientStops: stops,
      }),
    ).toBe('linear-gradient(180deg, #f00 0%, #00f 100%)');
    expect(paintString({ type: 'GRADIENT_RADIAL', gradientStops: stops })).toBe('radial-gradient(#f00 0%, #00f 100%)');
    expect(paintString({ type: 'IMAGE', imageRef: 'abc', scaleMode: 'FIT', opacity: 0.5 })).toBe('image(abc fit 0.5)');
    expect(paintString({ type: 'SOLID', color: { r: 0, g: 0, b: 0 }, blendMode: 'MULTIPLY' })).toBe('#000 multiply');
    expect(paintStrings(undefined)).toEqual([]);
  });

  it('formats effects', () => {
    expect(effectString({ type: 'DROP_SHADOW', offset: { x: 0, y: 4 }, radius: 8, color: { r: 0, g: 0, b: 0, a: 0.1 } })).toBe(
      'drop(0,4,8,#0000001a)',
    );
    expect(effectString({ type: 'INNER_SHADOW', offset: { x: 1, y: 2 }, radius: 3, spread: 2, color: { r: 1, g: 1, b: 1 } })).toBe(
      'inner(1,2,3,2,#fff)',
    );
    expect(effectString({ type: 'LAYER_BLUR', radius: 4 })).toBe('blur(4)');
    expect(effectString({ type: 'BACKGROUND_BLUR', radius: 4 })).toBe('bg-blur(4)');
    expect(effectString({ type: 'LAYER_BLUR', radius: 4, visible: false })).toBeNull();
  });
});
