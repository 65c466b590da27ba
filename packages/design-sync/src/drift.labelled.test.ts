// A labelled set of design ↔ code pairs, each with the exact drift it has ("kind:subject"): true drifts beside the
// tempting non-drifts (case and spacing, abbreviations, enum order, handlers, className and children,
// interaction-state variants, True/False variants vs booleans, absent code defaults, explicit prop maps). The false
// positive ratio (reported items not labelled / reported items) and the false negatives must both be 0.
import { describe, expect, it } from 'vitest';
import { driftOf, type DriftInput } from './drift';
import { bool, cBool, cEnum, cFn, cNode, cNum, code, cOther, cStr, design, swap, text, variant } from './props.test-helpers';

interface Case {
  name: string;
  input: Partial<DriftInput> & Pick<DriftInput, 'code' | 'design'>;
  drift: string[];
}

const pair = (d: DriftInput['design'], c: DriftInput['code'], props?: Record<string, string>) => ({ design: d, code: c, ...(props ? { props } : {}) });
const size = (o = ['Small', 'Medium', 'Large'], dflt = 'Medium') => variant('Size', o, dflt);

const CASES: Case[] = [
  // values: case, spacing, camelCase, abbreviations and order are not drift
  { name: 'abbreviated sizes', input: pair(design('Button', [size()]), code('Button', [cEnum('size', ['sm', 'md', 'lg'], 'md')])), drift: [] },
  { name: 'spaced vs kebab values', input: pair(design('Heading', [variant('Size', ['Extra Large', 'Small'], 'Small')]), code('Heading', [cEnum('size', ['extra-large', 'small'])])), drift: [] },
  { name: 'spaced vs camelCase values', input: pair(design('Heading', [variant('Size', ['Extra Large', 'Small'])]), code('Heading', [cEnum('size', ['small', 'extraLarge'])])), drift: [] },
  { name: 'enum order', input: pair(design('Tag', [variant('Tone', ['Info', 'Success', 'Danger'])]), code('Tag', [cEnum('tone', ['danger', 'info', 'success'])])), drift: [] },
  { name: 'UPPER case values', input: pair(design('Tag', [variant('Tone', ['INFO', 'Danger'])]), code('Tag', [cEnum('tone', ['info', 'DANGER'])])), drift: [] },
  { name: 'value only in code', input: pair(design('Button', [variant('Variant', ['Primary', 'Secondary'])]), code('Button', [cEnum('variant', ['primary', 'secondary', 'ghost'])])), drift: ['variant_values_differ:Variant'] },
  { name: 'value only in Figma', input: pair(design('Button', [variant('Variant', ['Primary', 'Secondary', 'Danger'])]), code('Button', [cEnum('variant', ['primary', 'secondary'])])), drift: ['variant_values_differ:Variant'] },
  { name: 'values differ on both sides', input: pair(design('Button', [size(['Small', 'Huge'], 'Small')]), code('Button', [cEnum('size', ['sm', 'xs'], 'sm')])), drift: ['variant_values_differ:Size'] },
  { name: 'same name, no value in common', input: pair(design('Avatar', [size(['Tiny', 'Huge'], 'Tiny')]), code('Avatar', [cEnum('size', ['s', 'm'])])), drift: ['variant_values_differ:Size'] },
  // code-only props
  { name: 'handlers', input: pair(design('Button', [text('Label', 'Go')]), code('Button', [cStr('label', 'Go'), cFn('onClick'), cFn('onFocusChange')])), drift: [] },
  { name: 'styling, refs, ids', input: pair(design('Card', []), code('Card', [cStr('className'), cOther('style', 'CSSProperties'), cOther('ref', 'Ref<HTMLDivElement>'), cStr('id'), cStr('data-testid'), cStr('aria-label'), cOther('as', 'ElementType'), cOther('sx', 'SxProps')])), drift: [] },
  { name: 'a callback by its type only', input: pair(design('Slider', []), code('Slider', [{ name: 'format', kind: 'function', type: '(v: number) => string' }])), drift: [] },
  { name: 'children, no TEXT property', input: pair(design('Badge', [variant('Tone', ['Info', 'Danger'])]), code('Badge', [cNode('children'), cEnum('tone', ['info', 'danger'])])), drift: [] },
  { name: 'children mapped to the TEXT property', input: pair(design('Button', [text('Label', 'Buy')]), code('Button', [cNode('children')])), drift: [] },
  { name: 'children beside a TEXT mapped elsewhere', input: pair(design('Card', [text('Title', 'Hello')]), code('Card', [cStr('title'), cNode('children')])), drift: ['code_prop_missing_in_figma:children'] },
  // interaction states
  { name: 'pseudo-state variant, no props', input: pair(design('Button', [variant('State', ['Default', 'Hover', 'Pressed', 'Focused'], 'Default')]), code('Button', [])), drift: [] },
  { name: 'pseudo-state variant with Disabled and a disabled prop', input: pair(design('Button', [variant('State', ['Default', 'Hover', 'Disabled'], 'Default')]), code('Button', [cBool('disabled', false)])), drift: [] },
  { name: 'pseudo-state variant with Disabled and isDisabled', input: pair(design('Input', [variant('Interaction', ['Rest', 'Focus visible', 'Disabled'], 'Rest')]), code('Input', [cBool('isDisabled')])), drift: [] },
  { name: 'pseudo-state variant with Disabled, no code disabled', input: pair(design('Button', [variant('State', ['Default', 'Hover', 'Disabled'], 'Default')]), code('Button', [])), drift: ['figma_prop_missing_in_code:State'] },
  { name: 'state option named by a boolean', input: pair(design('Button', [variant('State', ['Default', 'Loading'], 'Default')]), code('Button', [cBool('loading', false)])), drift: [] },
  { name: 'two booleans named by options of one variant', input: pair(design('Button', [variant('State', ['Default', 'Loading', 'Disabled'], 'Default')]), code('Button', [cBool('disabled'), cBool('loading')])), drift: [] },
  { name: 'state option default differs', input: pair(design('Button', [variant('State', ['Default', 'Loading'], 'Loading')]), code('Button', [cBool('loading', false)])), drift: ['default_differs:State'] },
  // True/False variants and booleans
  { name: 'True/False variant vs boolean', input: pair(design('Chip', [variant('Has icon', ['True', 'False'], 'False')]), code('Chip', [cBool('hasIcon', false)])), drift: [] },
  { name: 'Yes/No variant vs boolean', input: pair(design('Chip', [variant('Selected', ['Yes', 'No'], 'No')]), code('Chip', [cBool('selected')])), drift: [] },
  { name: 'True/False variant default differs', input: pair(design('Chip', [variant('Has icon', ['True', 'False'], 'True')]), code('Chip', [cBool('hasIcon', false)])), drift: ['default_differs:Has icon'] },
  { name: 'BOOLEAN vs boolean, names spelled apart', input: pair(design('Button', [bool('Show Icon', false)]), code('Button', [cBool('show_icon', false)])), drift: [] },
  { name: 'BOOLEAN vs a slot it toggles', input: pair(design('Button', [bool('Icon', true)]), code('Button', [cNode('icon')])), drift: [] },
  // defaults
  { name: 'absent code default', input: pair(design('Button', [size()]), code('Button', [cEnum('size', ['sm', 'md', 'lg'])])), drift: [] },
  { name: 'null code default', input: pair(design('Field', [text('Placeholder', 'Email')]), code('Field', [cStr('placeholder', null)])), drift: [] },
  { name: 'abbreviated default', input: pair(design('Button', [size(['Small', 'Large'], 'Large')]), code('Button', [cEnum('size', ['sm', 'lg'], 'lg')])), drift: [] },
  { name: 'default differs by value', input: pair(design('Button', [size()]), code('Button', [cEnum('size', ['sm', 'md', 'lg'], 'sm')])), drift: ['default_differs:Size'] },
  { name: 'boolean default differs', input: pair(design('Card', [bool('Show badge', true)]), code('Card', [cBool('showBadge', false)])), drift: ['default_differs:Show badge'] },
  { name: 'text default, spacing apart', input: pair(design('Button', [text('Label', ' Add  to cart')]), code('Button', [cStr('label', 'Add to cart')])), drift: [] },
  { name: 'text default differs', input: pair(design('Button', [text('Label', 'Buy now')]), code('Button', [cStr('label', 'Add to cart')])), drift: ['default_differs:Label'] },
  { name: 'text vs number default', input: pair(design('Rating', [text('Count', '3')]), code('Rating', [cNum('count', 3)])), drift: [] },
  { name: 'instance swap defaults never compared', input: pair(design('Button', [swap('Icon', '12:34')]), code('Button', [cNode('icon', 'CartIcon')])), drift: [] },
  // missing on one side
  { name: 'Figma boolean missing in code', input: pair(design('Button', [bool('Show icon', false), text('Label', 'Go')]), code('Button', [cStr('label', 'Go')])), drift: ['figma_prop_missing_in_code:Show icon'] },
  { name: 'Figma True/False variant missing in code', input: pair(design('Row', [variant('Divider', ['True', 'False'], 'True')]), code('Row', [])), drift: ['figma_prop_missing_in_code:Divider'] },
  { name: 'code enum missing in Figma', input: pair(design('Badge', []), code('Badge', [cEnum('tone', ['neutral', 'info'], 'neutral'), cOther('className', 'string')])), drift: ['code_prop_missing_in_figma:tone'] },
  { name: 'code number missing in Figma', input: pair(design('Stepper', [text('Label')]), code('Stepper', [cStr('label'), cNum('max', 10)])), drift: ['code_prop_missing_in_figma:max'] },
  // types
  { name: 'BOOLEAN vs enum of other values', input: pair(design('Button', [bool('Size', false)]), code('Button', [cEnum('size', ['sm', 'md'])])), drift: ['type_differs:Size'] },
  { name: 'VARIANT of words vs number', input: pair(design('Grid', [variant('Columns', ['One', 'Two'], 'One')]), code('Grid', [cNum('columns', 1)])), drift: ['type_differs:Columns'] },
  { name: 'VARIANT of numbers vs number', input: pair(design('Grid', [variant('Columns', ['1', '2', '3'], '2')]), code('Grid', [cNum('columns', 2)])), drift: [] },
  { name: 'VARIANT vs free string', input: pair(design('Alert', [variant('Kind', ['Info', 'Error'], 'Info')]), code('Alert', [cStr('kind', 'info')])), drift: [] },
  { name: 'a code type we cannot read', input: pair(design('Button', [size()]), code('Button', [cOther('size', 'ButtonSize')])), drift: [] },
  // explicit prop maps
  { name: 'explicit pair of unlike names', input: pair(design('Tag', [variant('Tone', ['Info', 'Danger'])]), code('Tag', [cEnum('intent', ['info', 'danger'])]), { Tone: 'intent' }), drift: [] },
  { name: 'the same pair not given', input: pair(design('Tag', [variant('Tone', ['Info', 'Danger'])]), code('Tag', [cEnum('intent', ['info', 'danger'])])), drift: ['code_prop_missing_in_figma:intent', 'figma_prop_missing_in_code:Tone'] },
  { name: 'explicit pair by Figma key', input: pair(design('Card', [{ key: 'Heading#7:1', name: 'Heading', type: 'TEXT', default: 'Hi' }]), code('Card', [cStr('caption', 'Hi')]), { 'Heading#7:1': 'caption' }), drift: [] },
  { name: 'explicit pair of incompatible types', input: pair(design('Button', [text('Label', 'Go'), size()]), code('Button', [cStr('label', 'Go'), cEnum('size', ['sm', 'md', 'lg'])]), { Label: 'size' }), drift: ['figma_prop_missing_in_code:Size', 'type_differs:Label', 'code_prop_missing_in_figma:label'].sort() },
  { name: 'stale explicit pair ignored', input: pair(design('Button', [text('Label', 'Go')]), code('Button', [cStr('label', 'Go')]), { Title: 'heading', Label: 'gone' }), drift: [] },
  // the component itself
  { name: 'renamed in Figma', input: { ...pair(design('Button / Primary', [text('Label')]), code('Button', [cStr('label')])), baseline: { figmaName: 'Button', tokenValues: {} } }, drift: ['design_renamed:Button / Primary'] },
  {
    name: 'bound tokens changed or gone',
    input: {
      ...pair(design('Button', [], ['color/bg', 'color/text', 'radius/md', 'space/new']), code('Button', [])),
      baseline: { figmaName: 'Button', tokenValues: { 'color/bg': '"#fff"', 'color/text': '"#000"', 'radius/md': '8', 'color/unbound': '"#123"' } },
      tokens: { 'color/bg': '"#fafafa"', 'color/text': '"#000"', 'space/new': '4' },
    },
    drift: ['token_changed:color/bg', 'token_changed:radius/md'],
  },
  { name: 'design removed', input: { ...pair(null, code('Button', [cStr('label')])), baseline: { figmaName: 'Button', tokenValues: {} } }, drift: ['design_removed:Button'] },
  { name: 'code removed', input: pair(design('Button', [text('Label')]), null), drift: ['code_removed:Button'] },
];

describe('drift on a labelled set', () => {
  it('reports exactly the labelled items: no false positive, no false negative', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const reported: string[] = [];
    const labelled = new Set<string>();
    for (const c of CASES) {
      const { items } = driftOf({ baseline: null, tokens: {}, ...c.input });
      for (const i of items) reported.push(`${c.name} → ${i.kind}:${i.subject}`);
      for (const d of c.drift) labelled.add(`${c.name} → ${d}`);
    }
    const falsePositives = reported.filter((r) => !labelled.has(r));
    const falseNegatives = [...labelled].filter((l) => !reported.includes(l));
    expect(falsePositives).toEqual([]);
    expect(falseNegatives).toEqual([]);
    expect(reported.length).toBe(labelled.size);
    expect(falsePositives.length / reported.length).toBe(0);
  });

  it('sorts each report by kind, then subject', () => {
    for (const c of CASES) {
      const { items } = driftOf({ baseline: null, tokens: {}, ...c.input });
      expect(items.map((i) => `${i.kind}:${i.subject}`), c.name).toEqual([...c.drift].sort());
    }
  });
});
