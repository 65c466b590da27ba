import { describe, expect, it } from 'vitest';
import { COMPONENTS_FILE, SAMPLE_REGISTRY } from '../samples/symbols-components';
import { collectComponents } from './collect';
import { mapSymbols } from './map';
import { SymbolsInputError, type FigmaComponent, type SymbolMapping } from './types';

const components = collectComponents(COMPONENTS_FILE);
const byName = (mappings: SymbolMapping[], name: string) => mappings.find((m) => m.figma.name === name)!;
const propsOf = (m: SymbolMapping) => m.props.map((p) => [p.figma.name, p.code.name, p.code.type, p.confidence]);

describe('mapSymbols without a registry: symbols from names', () => {
  const map = mapSymbols(components);

  it('maps the Button set: variants → unions, boolean → boolean, text → string, swap → ReactNode', () => {
    const button = byName(map.mappings, 'Button');
    expect(button.symbol).toMatchObject({ name: 'Button', source: 'derived' });
    expect(propsOf(button)).toEqual([
      ['Size', 'size', "'small' | 'medium' | 'large'", 1],
      ['State', 'state', "'default' | 'hover' | 'pressed' | 'disabled'", 1],
      ['Show icon', 'showIcon', 'boolean', 1],
      ['Label', 'label', 'string', 1],
      ['Icon', 'icon', 'ReactNode', 1],
    ]);
    expect(button.props[0]!.values).toEqual({ Small: 'small', Medium: 'medium', Large: 'large' });
    expect(button.props[4]!.figma).toMatchObject({ key: 'Icon#20:3', preferred: ['key-arrow-right'], default: '30:1' });
    expect([button.confidence, button.confidenceParts]).toEqual([1, { name: 1, props: 1 }]);
  });

  it('maps every component (the last segment of a slash path names it) and counts props', () => {
    expect(map.mappings.map((m) => m.symbol.name)).toEqual(['Button', 'TextField', 'Avatar', 'ArrowRight']);
    expect(map.unmappedComponents).toEqual([]);
    expect(map.unusedSymbols).toEqual([]);
    expect(map.stats).toEqual({ components: 4, mapped: 4, unmappedComponents: 0, unusedSymbols: 0, figmaProps: 10, mappedFigmaProps: 10 });
  });

  it('lowers confidence as names need more work: 0.6 × name + 0.4 × props', () => {
    const c = (id: string, name: string, defs: FigmaComponent['componentPropertyDefinitions'] = {}): FigmaComponent => ({ id, name, type: 'COMPONENT', componentPropertyDefinitions: defs });
    const m = mapSymbols([
      c('1:1', 'Component 12'), // Figma default name: name 0.7 → 0.82
      c('1:2', '⭐ Star'), // emoji dropped: name 0.8 → 0.88
      c('1:3', '3D Card'), // leading digit: name 0.8
      c('1:4', 'Buttons/Close'),
      c('1:5', 'Dialog/Close'), // taken: parent segment added, name 0.8
      c('1:6', 'Chip', { 'Icon#1:1': { type: 'BOOLEAN', defaultValue: true }, 'Icon#1:2': { type: 'INSTANCE_SWAP', defaultValue: '9:9' }, 'Has label': { type: 'VARIANT', variantOptions: ['True', 'False'] } }),
      c('1:7', 'Tag', { 'class#1:1': { type: 'TEXT', defaultValue: 'x' }, Tone: { type: 'VARIANT', variantOptions: ['Info!', 'info'] } }),
      c('1:8', 'body2. Lorem ipsum dolor sit amet, consectetur'), // a sentence: first 5 words, name 0.7
    ]).mappings;
    expect(m.map((x) => [x.symbol.name, x.confidenceParts.name, x.confidence])).toEqual([
      ['Component12', 0.7, 0.82],
      ['Star', 0.8, 0.88],
      ['C3DCard', 0.8, 0.88],
      ['Close', 1, 1],
      ['DialogClose', 0.8, 0.88],
      ['Chip', 1, 0.97],
      ['Tag', 1, 0.92],
      ['Body2LoremIpsumDolorSit', 0.5, 0.7],
    ]);
    // a boolean and a swap both called "Icon": the boolean becomes showIcon; a True/False variant is a boolean
    expect(propsOf(m[5]!)).toEqual([
      ['Has label', 'hasLabel', 'boolean', 1],
      ['Icon', 'showIcon', 'boolean', 0.8],
      ['Icon', 'icon', 'ReactNode', 1],
    ]);
    expect(m[5]!.props[0]!.values).toEqual({ True: 'true', False: 'false' });
    // a reserved word is renamed; options that collapse into one literal lower the prop's clarity
    expect(propsOf(m[6]!)).toEqual([
      ['Tone', 'tone', "'info'", 0.8],
      ['class', 'classText', 'string', 0.8],
    ]);
  });
});

describe('mapSymbols with the registry', () => {
  const map = mapSymbols(components, SAMPLE_REGISTRY);

  it('maps Button to its near match: sizes abbreviated, State=Disabled → disabled, Label → children, Icon → leadingIcon', () => {
    const button = byName(map.mappings, 'Button');
    expect(button.symbol).toMatchObject({ name: 'Button', source: 'registry', path: 'src/components/Button.tsx' });
    expect(propsOf(button)).toEqual([
      ['Size', 'size', "'sm' | 'md' | 'lg'", 1],
      ['State', 'disabled', 'boolean', 0.7],
      ['Label', 'children', 'ReactNode', 0.64],
      ['Icon', 'leadingIcon', 'ReactNode', 0.8],
    ]);
    expect(button.props[0]!.values).toEqual({ Small: 'sm', Medium: 'md', Large: 'lg' });
    expect(button.props[1]).toMatchObject({ values: { Disabled: 'true' }, note: 'the option "Disabled" of the variant "State"' });
    expect(button.unmappedFigmaProps.map((p) => p.name)).toEqual(['Show icon']);
    expect(button.unmappedCodeProps).toEqual([
      { name: 'variant', type: "'primary' | 'secondary'", reason: 'no Figma property matches' },
      { name: 'onClick', type: '() => void', reason: 'code only (handler, styling or ref): not expected in Figma' },
    ]);
    // props = (1 + 0.7 + 0.64 + 0.8 + 0 [Figma side] + 1 + 0.7 + 0.64 + 0.8 + 0 [code side, onClick not counted]) / (5 + 5)
    expect(button.confidenceParts).toEqual({ name: 1, props: 0.63 });
    expect(button.confidence).toBe(0.85); // 0.6 × 1 + 0.4 × 0.628
  });

  it('maps "Forms/Text Field" to TextInput by a synonym, State=Error → error', () => {
    const field = byName(map.mappings, 'Forms/Text Field');
    expect(field.symbol.name).toBe('TextInput');
    expect(propsOf(field)).toEqual([
      ['State', 'error', 'boolean', 0.7],
      ['Label', 'label', 'string', 1],
      ['Placeholder', 'placeholder', 'string', 1],
    ]);
    expect([field.confidence, field.confidenceParts]).toEqual([0.9, { name: 0.9, props: 0.9 }]);
  });

  it('lists the unmapped on both sides: components no symbol matches (with a suggestion), symbols nothing uses', () => {
    expect(map.unmappedComponents.map((u) => [u.figma.name, u.reason, u.suggested.name, u.suggested.props.map((p) => `${p.name}: ${p.type}`)])).toEqual([
      ['Avatar', 'no registry symbol with a similar name', 'Avatar', ['online: boolean', 'initials: string']],
      ['Icons/Arrow Right', 'no registry symbol with a similar name', 'ArrowRight', []],
    ]);
    expect(map.unusedSymbols).toEqual([{ name: 'Checkbox', path: 'src/components/Checkbox.tsx' }]);
    expect(map.stats).toEqual({ components: 4, mapped: 2, unmappedComponents: 2, unusedSymbols: 1, figmaProps: 10, mappedFigmaProps: 7 });
  });

  it('gives each symbol to one component, the closest first; a weaker match is reported with its best candidate', () => {
    const two: FigmaComponent[] = [
      { id: '1:1', name: 'Buttons/Icon Button', type: 'COMPONENT' },
      { id: '1:2', name: 'Button', type: 'COMPONENT' },
    ];
    const m = mapSymbols(two, [{ name: 'Button', props: [] }]);
    expect(m.mappings.map((x) => [x.figma.name, x.symbol.name, x.confidence])).toEqual([['Button', 'Button', 1]]);
    expect(m.unmappedComponents[0]).toMatchObject({ figma: { name: 'Buttons/Icon Button' }, reason: 'its best match Button went to a closer component', best: { name: 'Button' } });
    // the suggestion does not reuse a name the registry gave away
    expect(m.unmappedComponents[0]!.suggested.name).toBe('IconButton');
  });

  it('minConfidence refuses weak matches and says so', () => {
    const m = mapSymbols(components, SAMPLE_REGISTRY, { minConfidence: 0.88 });
    expect(m.mappings.map((x) => x.symbol.name)).toEqual(['TextInput']);
    expect(m.unmappedComponents.find((u) => u.figma.name === 'Button')).toMatchObject({ reason: 'best match Button is below 0.88', best: { name: 'Button', confidence: 0.85 } });
  });
});

describe('mapSymbols: bad input', () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof SymbolsInputError) return [err.code, err.path, err.message];
      throw err;
    }
    throw new Error('accepted');
  };

  it.each([
    ['components not an array', () => mapSymbols({} as never), 'components'],
    ['a component without a name', () => mapSymbols([{ id: '1:1', type: 'COMPONENT' }] as never), 'components[0]'],
    ['a FRAME', () => mapSymbols([{ id: '1:1', name: 'x', type: 'FRAME' }] as never), 'components[0].type'],
    ['definitions without a type', () => mapSymbols([{ id: '1:1', name: 'x', type: 'COMPONENT', componentPropertyDefinitions: { A: {} } }] as never), 'components[0].componentPropertyDefinitions'],
    ['a registry that is not an array', () => mapSymbols([], {} as never), 'registry'],
    ['a symbol without props', () => mapSymbols([], [{ name: 'X' }] as never), 'registry[0].props'],
    ['a prop without a type', () => mapSymbols([], [{ name: 'X', props: [{ name: 'a' }] }] as never), 'registry[0].props[0]'],
  ])('%s → SymbolsInputError at %s', (_what, fn, path) => {
    const [code, at, message] = refusal(fn);
    expect(code).toBe('SYMBOLS_INVALID_INPUT');
    expect(at).toBe(path);
    expect(message).toMatch(/^(components|registry)/);
  });

  it('a property of a type Figma may add later is listed as unmapped, not dropped', () => {
    const m = mapSymbols([{ id: '1:1', name: 'X', type: 'COMPONENT', componentPropertyDefinitions: { Slot: { type: 'SLOT' } } }]);
    expect(m.mappings[0]!.unmappedFigmaProps).toEqual([{ key: 'Slot', name: 'Slot', type: 'SLOT', reason: 'unknown property type' }]);
  });
});
