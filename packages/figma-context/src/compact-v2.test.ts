/**
 * figma-context v2 (issue 8): what the compact form must drop (derivable names, verbose bindings) and the
 * facts it must keep (hyperlinks, list lines, photos in mask groups, radii given only per corner).
 */
import { describe, expect, it } from 'vitest';
import { RED, box, child, only, run } from './compact-test-inputs';

const alias = (id: string) => ({ type: 'VARIABLE_ALIAS', id });
const PHOTO = { type: 'IMAGE', imageRef: 'abc123', scaleMode: 'FILL' };

describe('names derivable from the text', () => {
  it('drops a TEXT name equal to its characters modulo whitespace, keeps a different one', () => {
    const ctx = run([
      {
        id: '1:1',
        type: 'FRAME',
        name: 'Card',
        children: [
          { id: '1:2', type: 'TEXT', name: 'Free shipping on all orders', characters: 'Free shipping\non all  orders ' },
          { id: '1:3', type: 'TEXT', name: 'Price', characters: '$10' },
        ],
      },
    ]);
    expect(child(only(ctx), 0).n).toBeUndefined();
    expect(child(only(ctx), 0).tx).toBe('Free shipping\non all  orders ');
    expect(child(only(ctx), 1).n).toBe('Price');
  });
});

describe('variable bindings, folded', () => {
  it('folds four padding sides bound to one variable into pad, pairs into padX / padY, and width = height into size', () => {
    const ctx = run([
      {
        id: '2:1',
        type: 'FRAME',
        name: 'A',
        boundVariables: {
          paddingLeft: alias('V:1'),
          paddingRight: alias('V:1'),
          paddingTop: alias('V:1'),
          paddingBottom: alias('V:1'),
          size: { x: alias('V:2'), y: alias('V:2') },
        },
        children: [
          {
            id: '2:2',
            type: 'FRAME',
            name: 'B',
            boundVariables: { paddingLeft: alias('V:1'), paddingRight: alias('V:1'), paddingTop: alias('V:2'), paddingBottom: alias('V:2') },
          },
          {
            id: '2:3',
            type: 'FRAME',
            name: 'C',
            boundVariables: { paddingLeft: alias('V:1'), paddingRight: alias('V:2'), paddingTop: alias('V:2') },
          },
        ],
      },
    ]);
    const root = only(ctx);
    expect(root.bv).toEqual({ pad: 'v1', size: 'v2' });
    expect(child(root, 0).bv).toEqual({ padX: 'v1', padY: 'v2' });
    expect(child(root, 1).bv).toEqual({ paddingLeft: 'v1', paddingRight: 'v2', paddingTop: 'v2' });
  });

  it('folds four stroke weights bound to one variable', () => {
    const ctx = run([
      {
        id: '3:1',
        type: 'FRAME',
        name: 'A',
        boundVariables: {
          strokeTopWeight: alias('V:1'),
          strokeRightWeight: alias('V:1'),
          strokeBottomWeight: alias('V:1'),
          strokeLeftWeight: alias('V:1'),
        },
      },
    ]);
    expect(only(ctx).bv).toEqual({ strokeWeights: 'v1' });
  });
});

describe('facts the peer keeps', () => {
  it('keeps a uniform radius given only as rectangleCornerRadii', () => {
    const ctx = run([{ id: '4:1', type: 'FRAME', name: 'A', children: [{ id: '4:2', type: 'RECTANGLE', name: 'Pill', rectangleCornerRadii: [8, 8, 8, 8] }] }]);
    expect(child(only(ctx)).r).toBe(8);
  });

  it('keeps hyperlinks of a whole text and of a run', () => {
    const ctx = run([
      {
        id: '5:1',
        type: 'FRAME',
        name: 'A',
        children: [
          { id: '5:2', type: 'TEXT', name: 'Docs', characters: 'Docs', style: { fontSize: 12, hyperlink: { type: 'URL', url: 'https://example.com/docs' } } },
          {
            id: '5:3',
            type: 'TEXT',
            name: 'Terms',
            characters: 'Read the terms',
            style: { fontSize: 12 },
            characterStyleOverrides: [0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3],
            styleOverrideTable: { '3': { textDecoration: 'UNDERLINE', hyperlink: { type: 'URL', url: 'https://example.com/terms' } } },
          },
          { id: '5:4', type: 'TEXT', name: 'Next', characters: 'Next', style: { fontSize: 12, hyperlink: { type: 'NODE', nodeID: '9:9' } } },
        ],
      },
    ]);
    const root = only(ctx);
    expect(child(root, 0).links).toEqual([[0, 4, 'https://example.com/docs']]);
    expect(child(root, 1).links).toEqual([[9, 14, 'https://example.com/terms']]);
    expect(child(root, 2).links).toEqual([[0, 4, 'node:9:9']]);
  });

  it('keeps list lines (bullets, numbering, indentation)', () => {
    const ctx = run([
      {
        id: '6:1',
        type: 'FRAME',
        name: 'A',
        children: [
          { id: '6:2', type: 'TEXT', name: 'List', characters: 'One\nTwo\nThree\nNote', lineTypes: ['ORDERED', 'ORDERED', 'UNORDERED', 'NONE'], lineIndentations: [1, 1, 2, 0] },
          { id: '6:3', type: 'TEXT', name: 'Plain', characters: 'x', lineTypes: ['NONE'], lineIndentations: [0] },
        ],
      },
    ]);
    expect(child(only(ctx), 0)).toMatchObject({ lines: 'oou-', indent: [1, 1, 2, 0] });
    expect(child(only(ctx), 1).lines).toBeUndefined();
    expect(child(only(ctx), 1).indent).toBeUndefined();
  });

  it('does not fold a mask group holding a photo into an icon: the image fill survives', () => {
    const ctx = run([
      {
        id: '7:1',
        type: 'FRAME',
        name: 'Card',
        ...box(0, 0, 200, 200),
        children: [
          {
            id: '7:2',
            type: 'GROUP',
            name: 'Avatar',
            ...box(0, 0, 48, 48),
            children: [
              { id: '7:3', type: 'ELLIPSE', name: 'Mask', isMask: true, fills: [RED], ...box(0, 0, 48, 48) },
              { id: '7:4', type: 'RECTANGLE', name: 'Rectangle 1', fills: [PHOTO], ...box(0, 0, 48, 48) },
            ],
          },
        ],
      },
    ]);
    const group = child(only(ctx));
    expect(group.t).toBe('G');
    expect(child(group, 0).mask).toBe(1);
    const photo = child(group, 1);
    expect(ctx.defs.paints[photo.f ?? '']?.v).toEqual(['image(abc123 fill)']);
    expect(ctx.counts.icons).toBe(0);
  });
});
