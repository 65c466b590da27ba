import { describe, expect, it } from 'vitest';
import { matchDesignProps, pairProps } from './match';
import { bool, cBool, cEnum, cFn, cNode, code, cStr, design, swap, text, variant } from './props.test-helpers';

const button = design('Button', [variant('Variant', ['Primary', 'Secondary'], 'Primary'), variant('Size', ['Medium', 'Small'], 'Medium'), text('Label', 'Button'), bool('Show icon', false)]);

describe('matchDesignProps', () => {
  it('pairs by name in any spelling, by synonym and type, never a code-only prop', () => {
    const c = code('Button', [cEnum('variant', ['primary', 'secondary']), cEnum('size', ['sm', 'md']), cNode('children'), cBool('showIcon'), cFn('onClick'), cStr('className')]);
    expect(matchDesignProps(button, c)).toEqual({ Variant: 'variant', Size: 'size', Label: 'children', 'Show icon': 'showIcon' });
  });

  it('maps a state option to a boolean named after it, and a True/False variant to a boolean', () => {
    const d = design('Input', [variant('State', ['Default', 'Hover', 'Disabled'], 'Default'), variant('Has icon', ['True', 'False'], 'False')]);
    expect(matchDesignProps(d, code('Input', [cBool('isDisabled'), cBool('hasIcon')]))).toEqual({ State: 'isDisabled', 'Has icon': 'hasIcon' });
  });

  it('lets explicit pairs win, by Figma name or key, and ignores pairs naming what is gone', () => {
    const c = code('Button', [cStr('caption'), cStr('label'), cEnum('variant', ['primary', 'secondary']), cEnum('scale', ['s', 'm'])]);
    const explicit = { 'Label#x': 'nope', Variant: 'gone', Missing: 'label', [button.props[2]!.key]: 'caption', Size: 'scale' };
    expect(matchDesignProps(button, c, explicit)).toEqual({ Label: 'caption', Size: 'scale', Variant: 'variant' });
    // without them, Label takes label
    expect(matchDesignProps(button, c)).toMatchObject({ Label: 'label', Variant: 'variant' });
  });

  it('pairs the same name even when the types cannot stand for each other (that is type_differs later)', () => {
    const d = design('Chip', [bool('Size', false), text('Title')]);
    expect(matchDesignProps(d, code('Chip', [cEnum('size', ['sm']), cBool('title')]))).toEqual({ Size: 'size', Title: 'title' });
  });

  it('leaves props without a counterpart apart, and is the same whatever order the sides come in', () => {
    const d = design('Card', [text('Title', 'x'), swap('Media'), bool('Elevated', true)]);
    const c = code('Card', [cStr('title'), cNode('media'), cEnum('tone', ['info'])]);
    const p = pairProps(d, c);
    expect(p.pairs.map(({ f, c: cp }) => [f.name, cp.name])).toEqual([
      ['Title', 'title'],
      ['Media', 'media'],
    ]);
    expect(p.figma.map((f) => f.name)).toEqual(['Elevated']);
    expect(p.code.map((x) => x.name)).toEqual(['tone']);
    const reversed = design('Card', [...d.props].reverse());
    expect(matchDesignProps(reversed, code('Card', [...c.props].reverse()))).toEqual(matchDesignProps(d, c));
  });

  it('keeps "__proto__" an ordinary name', () => {
    const d = design('Odd', [text('__proto__', 'x')]);
    const m = matchDesignProps(d, code('Odd', [cStr('__proto__')]));
    expect(Object.keys(m)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
  });
});
