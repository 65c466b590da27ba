// The design index's documents (issue 12): what a stored component or page reads as, deterministically.
import { describe, expect, it } from 'vitest';
import { documentHash } from './rag-plan';
import { componentDocument, nameWords, pageDocument, PAGE_LIST_LIMIT, type ComponentRow } from './design-documents';

const PAGE = '00000000-0000-4000-8000-0000000000aa';
const row = (over: Partial<ComponentRow> = {}): ComponentRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  pageId: PAGE,
  fileKey: 'FILEKEY1',
  nodeId: '10:5',
  name: 'Button/Primary/Large',
  type: 'COMPONENT',
  props: {},
  ...over,
});

describe('design documents', () => {
  it('splits names into words: paths, camelCase, kebab and snake case', () => {
    expect(nameWords('Button/Primary/Large')).toBe('Button Primary Large');
    expect(nameWords('primaryButton')).toBe('primary Button');
    expect(nameWords('HTMLButton-icon_left')).toBe('HTML Button icon left');
    expect(nameWords('Variant=Primary, Size=Medium')).toBe('Variant Primary Size Medium');
  });

  it('renders a component set with its properties, Figma ids and metadata', () => {
    const set = row({
      type: 'COMPONENT_SET',
      name: 'Button',
      props: {
        key: 'abc123',
        definitions: {
          'Show icon#10:1': { type: 'BOOLEAN', default: false },
          Size: { type: 'VARIANT', default: 'Medium', options: ['Medium', 'Small'] },
          'Label#10:0': { type: 'TEXT', default: 'Button' },
        },
        description: 'The one button of the app',
        tokens: { fills: 'color/brand/primary', radius: 'radius/md' },
        ancestors: ['1:1'],
      },
    });
    const doc = componentDocument(set, { pageName: 'Components', setName: null });
    expect(doc).toMatchObject({ id: set.id, source: 'component', title: 'Button' });
    expect(doc.metadata).toEqual({ kind: 'component_set', figma_file_key: 'FILEKEY1', figma_node_id: '10:5', page_id: PAGE, component_id: set.id });
    expect(doc.text).toBe(
      [
        'Figma component set "Button" on the page "Components".',
        'Description: The one button of the app',
        '',
        'Properties:',
        '- Label (text): default Button',
        '- Show icon (boolean): default false',
        '- Size (variant): options Medium, Small; default Medium',
        '',
        'Design tokens:',
        '- fills: color/brand/primary',
        '- radius: radius/md',
        '',
        'Figma: file FILEKEY1, node 10:5, component key abc123.',
      ].join('\n'),
    );
  });

  it('names a variant after its set and values, and says its words', () => {
    const variant = row({ name: 'Variant=Primary, Size=Medium', props: { variant: { Variant: 'Primary', Size: 'Medium' }, set_id: '10:4' } });
    const doc = componentDocument(variant, { pageName: 'Components', setName: 'Button' });
    expect(doc.title).toBe('Button (Size = Medium, Variant = Primary)');
    expect(doc.text.split('\n').slice(0, 3)).toEqual([
      'Variant of the component set "Button" on the page "Components".',
      'Name: Button Primary Medium',
      'Variant: Size = Medium, Variant = Primary',
    ]);
    expect(doc.text).toContain('Figma: file FILEKEY1, node 10:5, set node 10:4.');
    // a path name is said as words too, so full text finds "primary large"
    expect(componentDocument(row(), { pageName: null, setName: null }).text).toContain('Name: Button Primary Large');
  });

  it('is deterministic: key order in props does not change the text or the hash', async () => {
    const a = row({ props: { definitions: { A: { type: 'TEXT', default: 'x' }, B: { type: 'BOOLEAN', default: true } }, extra: { z: 1, a: 2 } } });
    const b = row({ props: { extra: { a: 2, z: 1 }, definitions: { B: { default: true, type: 'BOOLEAN' }, A: { default: 'x', type: 'TEXT' } } } });
    const [da, db] = [componentDocument(a, { pageName: 'P', setName: null }), componentDocument(b, { pageName: 'P', setName: null })];
    expect(db).toEqual(da);
    expect(await documentHash(db)).toBe(await documentHash(da));
    expect(da.text).toContain('Other properties:\n- extra: a: 2; z: 1');
  });

  it('renders a page: its components by name, variants counted under their set, long pages cut with a count', () => {
    const page = { id: PAGE, fileKey: 'FILEKEY1', nodeId: '1:2', name: 'Checkout flow', data: {} };
    const comps = [
      row({ id: 'b', nodeId: '3:1', name: 'Badge' }),
      row({ id: 's', nodeId: '10:4', name: 'Button', type: 'COMPONENT_SET' }),
      row({ id: 'v1', nodeId: '10:5', name: 'Variant=Primary', props: { set_id: '10:4', variant: { Variant: 'Primary' } } }),
      row({ id: 'v2', nodeId: '10:6', name: 'Variant=Secondary', props: { set_id: '10:4', variant: { Variant: 'Secondary' } } }),
      row({ id: 'f', nodeId: '2:1', name: 'Cart screen', type: 'FRAME' }),
    ];
    const doc = pageDocument(page, comps);
    expect(doc).toMatchObject({ id: PAGE, source: 'page', title: 'Checkout flow', metadata: { kind: 'page', figma_file_key: 'FILEKEY1', figma_node_id: '1:2', page_id: PAGE } });
    expect(doc.text).toBe(
      [
        'Figma page "Checkout flow" (Checkout flow).',
        '',
        'Components and frames (3):',
        '- Badge (component; node 3:1)',
        '- Button (component set, 2 variants; node 10:4)',
        '- Cart screen (frame; node 2:1)',
        '',
        'Figma: file FILEKEY1, node 1:2.',
      ].join('\n'),
    );
    expect(pageDocument(page, [...comps].reverse())).toEqual(doc);
    const many = Array.from({ length: PAGE_LIST_LIMIT + 5 }, (_, i) => row({ id: `m${i}`, nodeId: `5:${i}`, name: `Item ${String(i).padStart(4, '0')}` }));
    const big = pageDocument(page, many).text;
    expect(big).toContain(`Components and frames (${PAGE_LIST_LIMIT + 5}):`);
    expect(big).toContain('- … and 5 more');
    expect(big).not.toContain(`Item ${String(PAGE_LIST_LIMIT).padStart(4, '0')}`);
  });
});
