import { describe, expect, it } from 'vitest';
import { RegistryInputError } from '../errors';
import { figmaNodeFromUrl, readCodeConnect } from './code-connect';
import { Warnings } from './read';

const URL_BUTTON = 'https://www.figma.com/design/AbCdEf123456/Library?node-id=1-23&m=dev';

// the shape `figma connect parse` prints for a React file
const parsed = (component: string, figmaNode: string, props: Record<string, unknown>) => ({
  figmaNode,
  component,
  source: 'https://github.com/acme/ui/blob/main/src/Button.tsx',
  sourceLocation: { line: 7 },
  template: 'const figma = require("figma")\n…',
  templateData: { props, imports: ["import { Button } from './Button'"], nestable: true },
  language: 'typescript',
  label: 'React',
  metadata: { cliVersion: '1.3.1' },
});

const read = (input: unknown) => {
  const w = new Warnings();
  return { explicit: readCodeConnect(input, w), warnings: w.list() };
};

describe('figmaNodeFromUrl', () => {
  it('reads design, file and branch URLs; node ids in URL or API form', () => {
    expect(figmaNodeFromUrl(URL_BUTTON)).toEqual({ fileKey: 'AbCdEf123456', nodeId: '1:23' });
    expect(figmaNodeFromUrl('https://figma.com/file/AbCdEf123456/X?node-id=10%3A15')).toEqual({ fileKey: 'AbCdEf123456', nodeId: '10:15' });
    expect(figmaNodeFromUrl('https://www.figma.com/design/AbCdEf123456/branch/BrAnCh654321/X?node-id=2-4')).toEqual({ fileKey: 'BrAnCh654321', nodeId: '2:4' });
  });

  it('refuses what names no node of a Figma file', () => {
    for (const bad of ['not a url', 'https://www.figma.com/design/AbCdEf123456/X', 'https://evil.example/design/AbCdEf123456/X?node-id=1-2', 'http://www.figma.com/design/AbCdEf123456/X?node-id=1-2', 'https://www.figma.com/community/AbCdEf123456?node-id=1-2', 'https://www.figma.com/design/ab/X?node-id=1-2', 'https://www.figma.com/design/AbCdEf123456/X?node-id=1-2%00']) {
      expect(figmaNodeFromUrl(bad)).toBeNull();
    }
  });
});

describe('readCodeConnect', () => {
  it('maps Figma property names to code props from the intrinsics; layer intrinsics name none', () => {
    const { explicit, warnings } = read([
      parsed('Button', URL_BUTTON, {
        variant: { kind: 'enum', args: { figmaPropName: 'Variant', valueMapping: { Primary: 'primary' } } },
        label: { kind: 'string', args: { figmaPropName: 'Label' } },
        disabled: { kind: 'boolean', args: { figmaPropName: 'Disabled' } },
        icon: { kind: 'instance', args: { figmaPropName: 'Icon' } },
        children: { kind: 'children', args: { layers: ['Icon'] } },
        title: { kind: 'text-content', args: { layer: 'Title' } },
        mystery: { kind: 'hologram', args: {} },
      }),
    ]);
    expect(explicit).toEqual([{ component: 'Button', fileKey: 'AbCdEf123456', nodeId: '1:23', props: { Variant: 'variant', Label: 'label', Disabled: 'disabled', Icon: 'icon' } }]);
    expect(warnings).toEqual([{ path: 'codeConnect[0].props["mystery"]', message: 'unknown Code Connect prop "hologram": left out' }]);
  });

  it('accepts { documents } and { docs }, plain prop maps, merges one node\'s documents and sorts', () => {
    const docs = [
      { name: 'Card', figmaNode: 'https://www.figma.com/design/AbCdEf123456/L?node-id=5-1', props: { Title: 'title' } },
      parsed('Button', URL_BUTTON, { size: { kind: 'enum', args: { figmaPropName: 'Size', valueMapping: {} } } }),
      parsed('Button', URL_BUTTON, { size: { kind: 'enum', args: { figmaPropName: 'Size', valueMapping: {} } }, label: { kind: 'string', args: { figmaPropName: 'Label' } } }),
      { component: 'Badge', figmaNode: 'https://www.figma.com/design/AbCdEf123456/L?node-id=3-1' },
    ];
    const expected = [
      { component: 'Badge', fileKey: 'AbCdEf123456', nodeId: '3:1' },
      { component: 'Button', fileKey: 'AbCdEf123456', nodeId: '1:23', props: { Size: 'size', Label: 'label' } },
      { component: 'Card', fileKey: 'AbCdEf123456', nodeId: '5:1', props: { Title: 'title' } },
    ];
    expect(read({ documents: docs }).explicit).toEqual(expected);
    expect(read({ docs, messages: [] }).explicit).toEqual(expected);
  });

  it('warns on documents it cannot use and refuses what is not Code Connect JSON', () => {
    const { explicit, warnings } = read([7, { figmaNode: URL_BUTTON }, { component: 'X', figmaNode: 'https://example.com/' }]);
    expect(explicit).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual(['codeConnect[0]', 'codeConnect[1]', 'codeConnect[2].figmaNode']);
    expect(() => read({ components: [] })).toThrow(RegistryInputError);
    expect(() => read('x')).toThrow('expected an array of Code Connect documents');
  });

  it('keeps "__proto__" out of the props map and pollutes nothing', () => {
    const doc = JSON.parse(
      JSON.stringify(parsed('Button', URL_BUTTON, { PROTO: { kind: 'string', args: { figmaPropName: 'Label' } }, constructor: { kind: 'boolean', args: { figmaPropName: 'constructor' } } })).replace('"PROTO"', '"__proto__"'),
    );
    const { explicit, warnings } = read([doc, doc]);
    expect(explicit[0]!.props).toEqual({ constructor: 'constructor' });
    expect(Object.getPrototypeOf(explicit[0]!.props)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).Label).toBeUndefined();
    expect(warnings[0]).toEqual({ path: 'codeConnect[0]', message: 'a prop named "__proto__" is left out' });
  });
});
