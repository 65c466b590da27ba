import { describe, expect, it } from 'vitest';
import { codePropsFromDesign, designDefinitionsFromCode } from './apply';
import { designComponentsFromRows } from './design';
import { driftOf } from './drift';
import { bool, cBool, cEnum, cFn, cNode, cNum, code, cStr, design, swap, text, variant } from './props.test-helpers';
import { parseRegistry } from './registry';
import { sampleCodeConnect, sampleDesignRows, sampleDocgen, sampleStorybookIndex } from './samples';
import type { CodeComponent, DesignComponent } from './types';

const registry = parseRegistry({ index: sampleStorybookIndex, docgen: sampleDocgen, codeConnect: sampleCodeConnect });
const designs = designComponentsFromRows(sampleDesignRows);
const button = registry.components.find((c) => c.key === 'Components/Button')!;
const buttonSet = designs.find((d) => d.name === 'Button')!;
const explicit = registry.explicit[0]!.props!;

const reread = (d: DesignComponent, definitions: Record<string, unknown>) => designComponentsFromRows([{ fileKey: d.fileKey, nodeId: d.nodeId, name: d.name, type: d.type, props: { definitions } }])[0]!;
const driftKinds = (c: CodeComponent, d: DesignComponent, props?: Record<string, string>) => driftOf({ code: c, design: d, baseline: null, tokens: {}, ...(props ? { props } : {}) }).items.map((i) => `${i.kind}:${i.subject}`);

describe('codePropsFromDesign (design_to_code)', () => {
  it("rewrites the sample Button to its Figma set: options in the code's spelling, Show icon added, disabled removed, code-only kept", () => {
    const props = codePropsFromDesign(button, buttonSet, explicit);
    expect(props.map((p) => [p.name, p.kind, p.type, p.values ?? null, p.default ?? null])).toEqual([
      ['className', 'string', 'string', null, null],
      ['label', 'string', 'string', null, 'Button'],
      ['onClick', 'function', '(event: MouseEvent<HTMLButtonElement>) => void', null, null],
      ['showIcon', 'boolean', 'boolean', null, false],
      ['size', 'enum', "'md' | 'sm'", ['md', 'sm'], 'md'],
      ['variant', 'enum', "'primary' | 'secondary'", ['primary', 'secondary'], 'primary'],
    ]);
    // descriptions survive the rewrite
    expect(props.find((p) => p.name === 'size')!.description).toBe('Height and padding.');
    expect(driftKinds({ ...button, props }, buttonSet, explicit)).toEqual([]);
  });

  it('takes the design’s kind where the code’s cannot stand for it, kebab-cases new values, adds disabled for a Disabled state', () => {
    const d = design('Chip', [variant('Size', ['Extra Large', 'Small'], 'Extra Large'), bool('Count', true), variant('State', ['Default', 'Disabled'], 'Disabled'), swap('Icon'), variant('Has dot', ['True', 'False'], 'True')]);
    const c = code('Chip', [cEnum('size', ['sm', 'md'], 'md'), cNum('count', 2), cStr('tone')]);
    const props = codePropsFromDesign(c, d, {});
    expect(props).toEqual([
      { name: 'count', kind: 'boolean', type: 'boolean', default: true },
      { name: 'disabled', kind: 'boolean', type: 'boolean', default: true },
      { name: 'hasDot', kind: 'boolean', type: 'boolean', default: true },
      { name: 'icon', kind: 'node', type: 'ReactNode' },
      { name: 'size', kind: 'enum', type: "'extra-large' | 'sm'", values: ['extra-large', 'sm'], default: 'extra-large' },
    ]);
    expect(driftKinds({ ...c, props }, d)).toEqual([]);
  });

  it('keeps a code default where the design gives none, and children when the design has no TEXT', () => {
    const d = design('Badge', [variant('Tone', ['Info', 'Danger'])]);
    const c = code('Badge', [cEnum('tone', ['info', 'danger', 'neutral'], 'info'), cNode('children')]);
    expect(codePropsFromDesign(c, d, {})).toEqual([
      { name: 'children', kind: 'node', type: 'ReactNode' },
      { name: 'tone', kind: 'enum', type: "'info' | 'danger'", values: ['info', 'danger'], default: 'info' },
    ]);
  });
});

describe('designDefinitionsFromCode (code_to_design)', () => {
  it('rewrites the sample Button set to the code: keys kept, new values Title Cased, Disabled added, Show icon removed', () => {
    const defs = designDefinitionsFromCode(button, buttonSet, explicit);
    const label = buttonSet.props.find((p) => p.name === 'Label')!.key;
    expect(defs).toEqual({
      Variant: { type: 'VARIANT', default: 'Primary', options: ['Primary', 'Secondary', 'Ghost'] },
      Size: { type: 'VARIANT', default: 'Medium', options: ['Small', 'Medium', 'Lg'] },
      [label]: { type: 'TEXT', default: 'Button' },
      Disabled: { type: 'BOOLEAN', default: false },
    });
    expect(driftKinds(button, reread(buttonSet, defs), explicit)).toEqual([]);
  });

  it('takes the code’s type where Figma’s cannot stand for it; node → INSTANCE_SWAP, or TEXT for children', () => {
    const d = design('Card', [bool('Size', true), text('Title', 'x'), variant('State', ['Default', 'Hover', 'Disabled'], 'Disabled'), text('Footer')]);
    const c = code('Card', [cEnum('size', ['sm', 'extra-large'], 'extra-large'), cStr('title', 'Hello'), cNode('media'), cNode('children'), cBool('elevated'), cFn('onOpen')]);
    const defs = designDefinitionsFromCode(c, d, {});
    const key = (n: string) => d.props.find((p) => p.name === n)!.key;
    expect(defs).toEqual({
      // a key keeps its "#id" even where the type changes
      [key('Size')]: { type: 'VARIANT', default: 'Extra Large', options: ['Sm', 'Extra Large'] },
      [key('Title')]: { type: 'TEXT', default: 'Hello' },
      State: { type: 'VARIANT', default: 'Default', options: ['Default', 'Hover'] },
      Elevated: { type: 'BOOLEAN', default: false },
      Media: { type: 'INSTANCE_SWAP' },
      Children: { type: 'TEXT' },
    });
    expect(driftKinds(c, reread(d, defs))).toEqual([]);
  });

  it('keeps what needs no code prop, and an option the code default names', () => {
    const d = design('Button', [variant('Interaction', ['Rest', 'Hover'], 'Rest'), variant('Kind', ['Info', 'Error'], 'Info')]);
    const c = code('Button', [cStr('kind', 'warning')]);
    expect(designDefinitionsFromCode(c, d, {})).toEqual({
      Interaction: { type: 'VARIANT', default: 'Rest', options: ['Rest', 'Hover'] },
      Kind: { type: 'VARIANT', default: 'Warning', options: ['Info', 'Error', 'Warning'] },
    });
  });
});
