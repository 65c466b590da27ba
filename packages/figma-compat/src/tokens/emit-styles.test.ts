import { describe, expect, it } from 'vitest';
import { deriveTokens } from './derive';
import type { DtcgGroup } from './dtcg-types';
import { STYLE_IDS, sampleStylesFile } from './samples/styles-sample';

const styles = () => {
  const { tokens, report, resolver } = deriveTokens({ file: sampleStylesFile() });
  return { group: tokens.Styles as Record<string, Record<string, unknown>>, report, tokens, resolver };
};
const at = (g: unknown, path: string) => path.split('.').reduce((n, s) => (n as Record<string, unknown>)[s], g) as Record<string, unknown>;

describe('styles → tokens (a file without variables)', () => {
  it('yields tokens from the nodes that use the styles, in one Styles group', () => {
    const { tokens, report, resolver } = styles();
    expect(Object.keys(tokens)).toEqual(['Styles']);
    expect(report.variables).toBe(0);
    expect(report.styles).toMatchObject({ total: 9, tokens: 7, extensions: 1 });
    expect(Object.keys(resolver.sets!)).toEqual(['styles']);
    expect(resolver.modifiers).toBeUndefined();
  });

  it('a solid fill → color, with the style description and Figma ids', () => {
    expect(at(styles().group, 'fill.Brand.Primary')).toMatchObject({
      $type: 'color',
      $value: { colorSpace: 'srgb', components: [0.184, 0.357, 0.918], alpha: 1, hex: '#2f5bea' },
      $description: 'Main brand colour',
      $extensions: { 'com.figma': { styleId: STYLE_IDS.brand, styleType: 'FILL', key: 'k-brand', nodeId: '1:1' } },
    });
  });

  it('a gradient fill → gradient stops', () => {
    const hero = at(styles().group, 'fill.Brand.Hero gradient');
    expect(hero.$type).toBe('gradient');
    expect((hero.$value as Array<{ position: number }>).map((s) => s.position)).toEqual([0, 1]);
  });

  it('a text style → typography, line height as a multiple of the font size', () => {
    expect(at(styles().group, 'text.Body.Regular')).toMatchObject({
      $type: 'typography',
      $value: { fontFamily: 'Inter', fontSize: { value: 16, unit: 'px' }, fontWeight: 400, letterSpacing: { value: 0.2, unit: 'px' }, lineHeight: 1.5 },
    });
  });

  it('an effect style → shadow (inner shadows inset), a blur alone → dimension', () => {
    const { group } = styles();
    const card = at(group, 'effect.Elevation.Card');
    expect(card.$type).toBe('shadow');
    expect(card.$value).toEqual([
      { color: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.2, hex: '#000000' }, offsetX: { value: 0, unit: 'px' }, offsetY: { value: 4, unit: 'px' }, blur: { value: 12, unit: 'px' }, spread: { value: 0, unit: 'px' } },
      { color: { colorSpace: 'srgb', components: [1, 1, 1], alpha: 0.1, hex: '#ffffff' }, offsetX: { value: 0, unit: 'px' }, offsetY: { value: 1, unit: 'px' }, blur: { value: 0, unit: 'px' }, spread: { value: 1, unit: 'px' }, inset: true },
    ]);
    expect(at(group, 'effect.Blur.Frost')).toMatchObject({ $type: 'dimension', $value: { value: 20, unit: 'px' }, $extensions: { 'com.figma': { effectType: 'BACKGROUND_BLUR' } } });
  });

  it('a grid style → a group of count, gutter, offset and size', () => {
    const grid = at(styles().group, 'grid.Grid.12 columns') as DtcgGroup;
    expect(Object.keys(grid)).toEqual(['count', 'gutter', 'offset', 'size']);
    expect(grid.count).toMatchObject({ $type: 'number', $value: 12 });
    expect(grid.gutter).toMatchObject({ $type: 'dimension', $value: { value: 24, unit: 'px' } });
  });

  it('reports what has no DTCG type (an image fill, kept under $extensions) and what no node uses', () => {
    const { group, report } = styles();
    expect(report.styles.skipped).toEqual([
      { id: STYLE_IDS.photo, name: 'Media/Photo', reason: 'unsupported-paint' },
      { id: STYLE_IDS.unused, name: 'Brand/Unused', reason: 'no-node' },
    ]);
    expect((group.$extensions as Record<string, { styles: Record<string, unknown> }>)['com.figma']!.styles['fill.Media.Photo']).toMatchObject({ styleId: STYLE_IDS.photo, reason: 'unsupported-paint', paints: ['IMAGE'] });
  });

  it('falls back to the literal when a bound variable is not among the sources', () => {
    expect(at(styles().group, 'fill.Brand.Bound').$value).toMatchObject({ hex: '#2f5bea' });
  });

  it('reads published styles (GET /styles) with their nodes (GET /nodes)', () => {
    const file = sampleStylesFile();
    const card = file.document.children[0]!.children[0]!;
    const published = { status: 200, error: false, meta: { styles: [{ key: 'k-brand', file_key: 'F', node_id: '5:1', style_type: 'FILL', name: 'Brand/Primary', description: '' }] } };
    const nodes = { nodes: { '5:1': { document: { id: '5:1', type: 'RECTANGLE', fills: card.fills } } } };
    const { tokens } = deriveTokens({ publishedStyles: published, styleNodes: nodes });
    expect(at(tokens, 'Styles.fill.Brand.Primary')).toMatchObject({ $type: 'color', $value: { hex: '#2f5bea' } });
  });
});
