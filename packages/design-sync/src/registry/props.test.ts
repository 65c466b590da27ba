import { describe, expect, it } from 'vitest';
import { RegistryInputError } from '../errors';
import { readProps } from './props';
import { Warnings } from './read';

const read = (props: unknown) => {
  const w = new Warnings();
  return { props: readProps(props, 'docgen[0].props', w), warnings: w.list() };
};

describe('readProps: react-docgen-typescript', () => {
  it('reads enums extracted to values, unions left as text, aliases with values, booleans and defaults', () => {
    const { props, warnings } = read({
      size: { name: 'size', type: { name: 'enum', raw: '"sm" | "md" | "lg"', value: [{ value: '"sm"' }, { value: '"md"' }, { value: '"lg"' }] }, required: false, defaultValue: { value: 'md' }, description: 'How big' },
      variant: { name: 'variant', type: { name: '"primary" | "secondary"' }, required: true, defaultValue: { value: "'primary'" }, description: '' },
      tone: { name: 'tone', type: { name: 'enum', raw: 'BadgeTone', value: [{ value: "'info'" }, { value: "'danger'" }] }, required: false, defaultValue: null },
      disabled: { name: 'disabled', type: { name: 'enum', raw: 'boolean', value: [{ value: 'false' }, { value: 'true' }] }, required: false, defaultValue: { value: false } },
      open: { name: 'open', type: { name: 'boolean' }, required: false, defaultValue: { value: 'true' } },
    });
    expect(warnings).toEqual([]);
    expect(props).toEqual([
      { name: 'disabled', kind: 'boolean', type: 'boolean', required: false, default: false },
      { name: 'open', kind: 'boolean', type: 'boolean', required: false, default: true },
      { name: 'size', kind: 'enum', type: '"sm" | "md" | "lg"', values: ['sm', 'md', 'lg'], default: 'md', required: false, description: 'How big' },
      { name: 'tone', kind: 'enum', type: 'BadgeTone', values: ['info', 'danger'], required: false },
      { name: 'variant', kind: 'enum', type: '"primary" | "secondary"', values: ['primary', 'secondary'], default: 'primary', required: true },
    ]);
  });

  it('reads functions, nodes, numbers, optional unions and null or undefined defaults', () => {
    const { props } = read({
      onClick: { name: 'onClick', type: { name: '(event: MouseEvent<HTMLButtonElement>) => void' }, required: false, defaultValue: null },
      children: { name: 'children', type: { name: 'ReactNode' }, required: false, defaultValue: null },
      count: { name: 'count', type: { name: 'number' }, required: false, defaultValue: { value: '3' } },
      align: { name: 'align', type: { name: "'start' | 'end' | undefined" }, required: false, defaultValue: { value: 'undefined' } },
      ref: { name: 'ref', type: { name: 'Ref<HTMLDivElement>' }, required: false, defaultValue: { value: 'null' } },
    });
    expect(props.map((p) => [p.name, p.kind, p.values, p.default])).toEqual([
      ['align', 'enum', ['start', 'end'], undefined],
      ['children', 'node', undefined, undefined],
      ['count', 'number', undefined, 3],
      ['onClick', 'function', undefined, undefined],
      ['ref', 'other', undefined, null],
    ]);
  });
});

describe('readProps: react-docgen and lists', () => {
  it("reads react-docgen's tsType unions and computed-free defaults", () => {
    const { props } = read({
      size: { tsType: { name: 'union', raw: "'sm' | 'md'", elements: [{ name: 'literal', value: "'sm'" }, { name: 'literal', value: "'md'" }] }, required: false, defaultValue: { value: "'sm'", computed: false }, description: 'Size' },
      label: { tsType: { name: 'string' }, required: true },
      kind: { type: { name: 'enum', value: [{ value: "'a'", computed: false }, { value: "'b'", computed: false }] }, required: false },
    });
    expect(props).toEqual([
      { name: 'kind', kind: 'enum', type: "'a' | 'b'", values: ['a', 'b'], required: false },
      { name: 'label', kind: 'string', type: 'string', required: true },
      { name: 'size', kind: 'enum', type: "'sm' | 'md'", values: ['sm', 'md'], default: 'sm', required: false, description: 'Size' },
    ]);
  });

  it('reads an array of props, keeps the first of a name, warns on odd items', () => {
    const { props, warnings } = read([{ name: 'b', type: 'string' }, { name: 'a', type: 'boolean' }, { name: 'b', type: 'number' }, 'x', { type: 'string' }]);
    expect(props.map((p) => [p.name, p.kind])).toEqual([
      ['a', 'boolean'],
      ['b', 'string'],
    ]);
    expect(warnings).toEqual([
      { path: 'docgen[0].props[2]', message: 'duplicate prop "b": the first is kept' },
      { path: 'docgen[0].props[3]', message: 'a prop must be an object' },
      { path: 'docgen[0].props[4]', message: 'a prop needs a name (without control characters, at most 1,000 characters)' },
    ]);
  });

  it('refuses more props than a component may have', () => {
    const many = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`p${i}`, { type: { name: 'string' } }]));
    expect(() => read(many)).toThrow(RegistryInputError);
    expect(() => read(many)).toThrow('501 props, more than the 500');
  });

  it('keeps a union of thousands of literals as text, and cuts huge type texts', () => {
    const members = Array.from({ length: 2_000 }, (_, i) => ({ value: `"v${i}"` }));
    const { props } = read({ big: { type: { name: 'enum', raw: 'Huge', value: members } }, long: { type: { name: 'x'.repeat(50_000) } } });
    expect(props[0]).toEqual({ name: 'big', kind: 'other', type: 'Huge' });
    expect(props[1]!.type).toHaveLength(10_000);
  });
});
