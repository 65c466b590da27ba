import { describe, expect, it } from 'vitest';
import { abbreviates, camel, dice, kebab, lastSegment, pascal, similarity, words } from './names';

describe('identifiers', () => {
  it('splits design names into words and rebuilds code names', () => {
    expect(words('Forms/TextField - Primary')).toEqual(['forms', 'text', 'field', 'primary']);
    expect(pascal(words(lastSegment('Forms/Text Field')))).toBe('TextField');
    expect(camel(words('Show icon'))).toBe('showIcon');
    expect(kebab('Extra Large')).toBe('extra-large');
    expect(kebab('😀')).toBe('😀');
  });
});

describe('similarity', () => {
  it.each([
    ['Button', 'Button', 'component', 1],
    ['Text Field', 'TextField', 'component', 1],
    ['Text Field', 'TextInput', 'component', 0.9], // synonym: field ~ input, counted 0.8
    ['Checkbox', 'Avatar', 'component', 0],
    ['Label', 'children', 'prop', 0.8],
    ['Icon', 'leadingIcon', 'prop', 0.8], // contained, for props only
    ['Size', 'size', 'prop', 1],
  ] as const)('%s ~ %s (%s) = %s', (a, b, kind, expected) => {
    expect(similarity(a, b, kind)).toBeCloseTo(expected, 2);
  });

  it('containment counts for props, not for components ("Button" is not "IconButton")', () => {
    expect(similarity('Button', 'IconButton', 'component')).toBeLessThan(0.8);
    expect(similarity('Button', 'IconButton', 'prop')).toBe(0.8);
  });

  it('dice and abbreviations', () => {
    expect(dice('night', 'nacht')).toBe(0.25);
    expect(abbreviates('md', 'medium')).toBe(true);
    expect(abbreviates('lg', 'large')).toBe(true);
    expect(abbreviates('sm', 'medium')).toBe(false);
    expect(abbreviates('large', 'large')).toBe(false);
  });
});
