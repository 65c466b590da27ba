import { describe, expect, it } from 'vitest';
import { mapValues } from './score';

describe('mapValues', () => {
  it('maps options named like Object.prototype members as any other option', () => {
    const out = mapValues(['constructor', 'toString', 'Small'], ['constructor', 'toString', 'sm']);
    expect({ ...out }).toEqual({ constructor: 'constructor', toString: 'toString', Small: 'sm' });
  });

  it('keeps a `__proto__` option as an own entry, never as the prototype', () => {
    const out = mapValues(['__proto__'], ['__proto__']);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).not.toBe('__proto__');
    expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse('{"__proto__":"__proto__"}'));
  });
});
