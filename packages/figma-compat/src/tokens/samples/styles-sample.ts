// A file with styles and no variables (GET /v1/files/:key shape): the nodes that use the styles carry their values.
// Every style type, one paint bound to a variable, and the cases that cannot become tokens (an image fill, a
// style no node uses). Fresh objects on every call.

const color = (r: number, g: number, b: number, a = 1) => ({ r, g, b, a });

/** Style ids of the sample, by role. */
export const STYLE_IDS = {
  brand: '10:1',
  hero: '10:2',
  photo: '10:3',
  body: '10:4',
  card: '10:5',
  frost: '10:6',
  columns: '10:7',
  unused: '10:8',
  bound: '10:9',
};

/** The styles-only file; `boundVariableId` is the variable the `Brand/Bound` fill is bound to. */
export function sampleStylesFile(boundVariableId = 'VariableID:1:1') {
  const s = STYLE_IDS;
  return {
    name: 'Styles only',
    lastModified: '2026-01-01T00:00:00Z',
    version: '1',
    styles: {
      [s.brand]: { key: 'k-brand', name: 'Brand/Primary', styleType: 'FILL', remote: false, description: 'Main brand colour' },
      [s.hero]: { key: 'k-hero', name: 'Brand/Hero gradient', styleType: 'FILL', remote: false, description: '' },
      [s.photo]: { key: 'k-photo', name: 'Media/Photo', styleType: 'FILL', remote: false, description: '' },
      [s.body]: { key: 'k-body', name: 'Body/Regular', styleType: 'TEXT', remote: false, description: '' },
      [s.card]: { key: 'k-card', name: 'Elevation/Card', styleType: 'EFFECT', remote: false, description: '' },
      [s.frost]: { key: 'k-frost', name: 'Blur/Frost', styleType: 'EFFECT', remote: false, description: '' },
      [s.columns]: { key: 'k-columns', name: 'Grid/12 columns', styleType: 'GRID', remote: false, description: '' },
      [s.unused]: { key: 'k-unused', name: 'Brand/Unused', styleType: 'FILL', remote: false, description: '' },
      [s.bound]: { key: 'k-bound', name: 'Brand/Bound', styleType: 'FILL', remote: false, description: '' },
    },
    document: {
      id: '0:0',
      name: 'Document',
      type: 'DOCUMENT',
      children: [
        {
          id: '0:1',
          name: 'Page 1',
          type: 'CANVAS',
          children: [
            {
              id: '1:1',
              name: 'Card',
              type: 'FRAME',
              styles: { fill: s.brand, effect: s.card, grid: s.columns },
              fills: [{ type: 'SOLID', color: color(0.184, 0.357, 0.918), opacity: 1, blendMode: 'NORMAL' }],
              effects: [
                { type: 'DROP_SHADOW', visible: true, color: color(0, 0, 0, 0.2), offset: { x: 0, y: 4 }, radius: 12, spread: 0, blendMode: 'NORMAL' },
                { type: 'INNER_SHADOW', visible: true, color: color(1, 1, 1, 0.1), offset: { x: 0, y: 1 }, radius: 0, spread: 1, blendMode: 'NORMAL' },
              ],
              layoutGrids: [{ pattern: 'COLUMNS', sectionSize: 72, visible: true, color: color(1, 0, 0, 0.1), alignment: 'STRETCH', gutterSize: 24, offset: 32, count: 12 }],
              children: [
                {
                  id: '1:2',
                  name: 'Title',
                  type: 'TEXT',
                  characters: 'Hello',
                  styles: { text: s.body },
                  style: { fontFamily: 'Inter', fontPostScriptName: 'Inter-Regular', fontWeight: 400, fontSize: 16, lineHeightPx: 24, letterSpacing: 0.2, lineHeightUnit: 'PIXELS', textCase: 'ORIGINAL' },
                },
                { id: '1:3', name: 'Hero', type: 'RECTANGLE', styles: { fills: s.hero }, fills: [{ type: 'GRADIENT_LINEAR', gradientHandlePositions: [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }], gradientStops: [{ color: color(1, 0, 0), position: 0 }, { color: color(0, 0, 1), position: 1 }] }] },
                { id: '1:4', name: 'Photo', type: 'RECTANGLE', styles: { fill: s.photo }, fills: [{ type: 'IMAGE', scaleMode: 'FILL', imageRef: 'abc' }] },
                { id: '1:5', name: 'Glass', type: 'FRAME', styles: { effect: s.frost }, effects: [{ type: 'BACKGROUND_BLUR', visible: true, radius: 20 }], children: [] },
                {
                  id: '1:6',
                  name: 'Bound',
                  type: 'RECTANGLE',
                  styles: { fill: s.bound },
                  fills: [{ type: 'SOLID', color: color(0.184, 0.357, 0.918), boundVariables: { color: { type: 'VARIABLE_ALIAS', id: boundVariableId } } }],
                },
              ],
            },
          ],
        },
      ],
    },
  };
}
