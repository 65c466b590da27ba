import { describe, expect, it } from 'vitest';
import { RegistryInputError } from '../errors';
import { parseRegistry } from './parse';

const story = (title: string, name: string, extra: Record<string, unknown> = {}) => {
  const id = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}--${name.toLowerCase()}`;
  return [id, { id, title, name, type: 'story', tags: ['dev'], ...extra }] as const;
};

const index = {
  v: 5,
  entries: Object.fromEntries([
    story('Components/Button', 'Primary', { importPath: './src/components/Button.stories.tsx', componentPath: './src/components/Button.tsx' }),
    story('Components/Button', 'Small', { importPath: './src/components/Button.stories.tsx', componentPath: './src/components/Button.tsx' }),
    story('Legacy/Button', 'Default', { importPath: './src/legacy/Button.stories.tsx', componentPath: './src/legacy/Button.tsx' }),
    story('Forms/Text Field', 'Empty', { importPath: './src/forms/TextField.stories.tsx', componentPath: './src/forms/TextField.tsx' }),
  ]),
};

const rdt = (props: Record<string, string>) => Object.fromEntries(Object.entries(props).map(([name, type]) => [name, { name, type: { name: type }, required: false, defaultValue: null, description: '' }]));

const manifest = {
  v: 0,
  components: {
    'components-button': { id: 'components-button', name: 'Button', path: './src/components/Button.stories.tsx', description: 'Starts an action', reactDocgenTypescript: { displayName: 'Button', props: rdt({ size: "'sm' | 'md'", disabled: 'boolean' }) } },
    'forms-text-field': { id: 'forms-text-field', name: 'TextField', path: './src/forms/TextField.stories.tsx', error: { name: 'No component import found', message: 'No component file found' } },
    'charts-pie': { id: 'charts-pie', name: 'Pie', path: './src/charts/Pie.stories.tsx', reactDocgenTypescript: { displayName: 'Pie', props: {} } },
  },
};

const docgen = [
  { displayName: 'TextField', filePath: '/home/ci/repo/src/forms/TextField.tsx', description: 'One line of text', props: rdt({ value: 'string', onChange: '(value: string) => void' }) },
  { displayName: 'Button', filePath: 'src/legacy/Button.tsx', description: '', props: rdt({ kind: "'flat' | 'raised'" }) },
  { displayName: 'Avatar', filePath: 'src/Avatar.tsx', props: {} },
];

describe('parseRegistry', () => {
  it('joins the manifest by id and the docgen by displayName, filePath choosing between equal names', () => {
    const r = parseRegistry({ index, manifest, docgen });
    expect(r.components.map((c) => [c.key, c.name, c.componentPath, c.props.map((p) => `${p.name}:${p.kind}`)])).toEqual([
      ['Components/Button', 'Button', './src/components/Button.tsx', ['disabled:boolean', 'size:enum']],
      ['Forms/Text Field', 'TextField', './src/forms/TextField.tsx', ['onChange:function', 'value:string']],
      ['Legacy/Button', 'Button', './src/legacy/Button.tsx', ['kind:enum']],
    ]);
    expect(r.components[0]).toMatchObject({ description: 'Starts an action', importPath: './src/components/Button.stories.tsx' });
    expect(r.components[0]!.stories.map((s) => s.id)).toEqual(['components-button--primary', 'components-button--small']);
    expect(r.components[1]!.description).toBe('One line of text');
    expect(r.warnings).toEqual([
      { path: 'manifest.components["forms-text-field"]', message: 'the manifest has no props for "TextField": No component file found' },
      { path: 'manifest.components["charts-pie"]', message: 'no component of the Storybook index matches "Pie": left out' },
      { path: 'docgen[2]', message: 'no component of the Storybook index matches "Avatar": left out' },
    ]);
    expect(r.explicit).toEqual([]);
  });

  it("keeps the docgen's props over the manifest's for one component", () => {
    const r = parseRegistry({ index, manifest, docgen: [{ displayName: 'Button', filePath: './src/components/Button.tsx', props: rdt({ tone: 'string' }) }] });
    expect(r.components.find((c) => c.key === 'Components/Button')!.props.map((p) => p.name)).toEqual(['tone']);
  });

  it('without an index, manifest and docgen entries are the components, keyed by name', () => {
    const r = parseRegistry({ manifest, docgen });
    expect(r.components.map((c) => [c.key, c.props.length, c.stories.length])).toEqual([
      ['Avatar', 0, 0],
      ['Button', 1, 0],
      ['Pie', 0, 0],
      ['TextField', 2, 0],
    ]);
  });

  it('gives equal output for the same input in any key order, and nothing for nothing', () => {
    const shuffled = { v: 5, entries: Object.fromEntries(Object.entries(index.entries).reverse()) };
    const a = parseRegistry({ index, manifest, docgen });
    const b = parseRegistry({ index: shuffled, manifest: { components: Object.fromEntries(Object.entries(manifest.components).reverse()) }, docgen });
    expect(JSON.stringify(b.components)).toBe(JSON.stringify(a.components));
    expect(parseRegistry({})).toEqual({ components: [], explicit: [], warnings: [] });
  });

  it('refuses too many components, and caps warnings', () => {
    const titles = Object.fromEntries(Array.from({ length: 5_001 }, (_, i) => story(`C${i}`, 'A')));
    expect(() => parseRegistry({ index: { v: 5, entries: titles } })).toThrow(RegistryInputError);
    expect(() => parseRegistry({ docgen: Array.from({ length: 5_001 }, (_, i) => ({ displayName: `C${i}` })) })).toThrow('5001 components');
    const r = parseRegistry({ index: { v: 5, entries: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`x${i}`, null])) } });
    expect(r.warnings).toHaveLength(501);
    expect(r.warnings.at(-1)).toEqual({ path: '', message: '100 more warnings not listed' });
  });

  it('reads Code Connect documents as explicit mappings next to the components', () => {
    const r = parseRegistry({ index, codeConnect: [{ component: 'Button', figmaNode: 'https://www.figma.com/design/AbCdEf123456/L?node-id=1-2', templateData: { props: { size: { kind: 'enum', args: { figmaPropName: 'Size' } } } } }] });
    expect(r.explicit).toEqual([{ component: 'Button', fileKey: 'AbCdEf123456', nodeId: '1:2', props: { Size: 'size' } }]);
  });
});
