import { describe, expect, it } from 'vitest';
import { BLUE, type Json, RED, box, child, only, run } from './compact-test-inputs';

describe('geometry and names', () => {
  const screen = {
    id: '1:1',
    type: 'FRAME',
    name: 'Frame 12',
    ...box(100, 200, 375, 812),
    children: [
      { id: '1:2', type: 'RECTANGLE', name: 'Rectangle 3', ...box(110, 220, 20.04, 30.96) },
      { id: '1:3', type: 'RECTANGLE', name: 'Backdrop', ...box(100, 200, 10, 10), rotation: Math.PI / 2, opacity: 0.5 },
      { id: '1:4', type: 'TEXT', name: 'Hello', characters: 'Hello', ...box(100, 200, 1, 1) },
      { id: '1:5', type: 'TEXT', name: 'Title', characters: 'Welcome', ...box(100, 200, 1, 1) },
      { id: '1:6', type: 'ELLIPSE', name: 'Ellipse 2', visible: false, ...box(0, 0, 1, 1) },
    ],
  };

  it('keeps id, type code, rounded size and position relative to the parent', () => {
    const root = only(run([screen]));
    expect(root).toMatchObject({ id: '1:1', t: 'F', n: 'Frame 12', wh: [375, 812] });
    // A root's own position says nothing without its parent, so it is left out.
    expect(root.xy).toBeUndefined();
    expect(child(root, 0)).toEqual({ id: '1:2', t: 'R', wh: [20, 31], xy: [10, 20] });
  });

  it('drops auto names and names that repeat the text, keeps real names', () => {
    const root = only(run([screen]));
    expect(child(root, 0).n).toBeUndefined();
    expect(child(root, 1).n).toBe('Backdrop');
    expect(child(root, 2)).toEqual({ id: '1:4', t: 'T', wh: [1, 1], tx: 'Hello' });
    expect(child(root, 3).n).toBe('Title');
  });

  it('keeps rotation in degrees and opacity ≠ 1, omits zero position', () => {
    const back = child(only(run([screen])), 1);
    expect(back).toEqual({ id: '1:3', t: 'R', n: 'Backdrop', wh: [10, 10], rot: 90, o: 0.5 });
  });

  it('drops invisible nodes with their subtrees', () => {
    const ctx = run([screen, { id: '2:1', type: 'FRAME', visible: false, children: [{ id: '2:2', type: 'TEXT' }] }]);
    expect(ctx.nodes.map((n) => n.id)).toEqual(['1:1']);
    expect(only({ ...ctx, nodes: ctx.nodes }).ch?.map((c) => c.id)).toEqual(['1:2', '1:3', '1:4', '1:5']);
    expect(ctx.counts.hidden).toBe(2);
  });
});

describe('auto-layout', () => {
  const row = {
    id: '3:1',
    type: 'FRAME',
    name: 'Toolbar',
    ...box(0, 0, 300, 40),
    layoutMode: 'HORIZONTAL',
    itemSpacing: 8,
    paddingTop: 4,
    paddingBottom: 4,
    paddingLeft: 12,
    paddingRight: 12,
    primaryAxisAlignItems: 'SPACE_BETWEEN',
    counterAxisAlignItems: 'CENTER',
    layoutWrap: 'WRAP',
    counterAxisSpacing: 6,
    layoutSizingHorizontal: 'FIXED',
    layoutSizingVertical: 'HUG',
    children: [
      { id: '3:2', type: 'FRAME', name: 'Search', ...box(12, 4, 200, 32), layoutSizingHorizontal: 'FILL', layoutSizingVertical: 'FIXED' },
      { id: '3:3', type: 'FRAME', name: 'Badge', ...box(280, -5, 10, 10), layoutPositioning: 'ABSOLUTE' },
    ],
  };

  it('dedups the layout as a def and keeps sizing and absolute children', () => {
    const ctx = run([row]);
    const root = only(ctx);
    expect(root.l).toBe('l1');
    expect(ctx.defs.layouts).toEqual({
      l1: { mode: 'row', gap: 8, pad: [4, 12], main: 'between', cross: 'center', wrap: 1, crossGap: 6 },
    });
    expect(root.sy).toBe('hug');
    expect(root.sx).toBeUndefined();
    // Auto-layout places its children, so their position is derivable and omitted.
    expect(child(root, 0)).toEqual({ id: '3:2', t: 'F', n: 'Search', wh: [200, 32], sx: 'fill' });
    expect(child(root, 1)).toEqual({ id: '3:3', t: 'F', n: 'Badge', wh: [10, 10], xy: [280, -5], abs: 1 });
  });

  it('derives sizing from the older axis modes and child flags', () => {
    const old = {
      id: '4:1',
      type: 'FRAME',
      name: 'List',
      layoutMode: 'VERTICAL',
      primaryAxisSizingMode: 'AUTO',
      counterAxisSizingMode: 'FIXED',
      paddingLeft: 1,
      paddingRight: 2,
      paddingTop: 3,
      paddingBottom: 4,
      children: [{ id: '4:2', type: 'FRAME', name: 'Row', layoutAlign: 'STRETCH', layoutGrow: 1 }],
    };
    const ctx = run([old]);
    const root = only(ctx);
    expect(root.sy).toBe('hug');
    expect(child(root)).toMatchObject({ sx: 'fill', sy: 'fill' });
    expect(ctx.defs.layouts.l1).toEqual({ mode: 'col', pad: [3, 2, 4, 1] });
  });
});

describe('text', () => {
  const text = {
    id: '5:1',
    type: 'TEXT',
    name: 'Greeting',
    characters: 'Hello world',
    style: {
      fontFamily: 'Inter',
      fontWeight: 600,
      fontSize: 16,
      lineHeightPx: 24,
      lineHeightUnit: 'PIXELS',
      letterSpacing: 0.5,
      textAlignHorizontal: 'CENTER',
      textAlignVertical: 'TOP',
    },
    styles: { text: 'S:1' },
    fills: [RED],
    characterStyleOverrides: [0, 0, 0, 0, 0, 0, 7, 7, 7, 7, 7],
    styleOverrideTable: { '7': { fontWeight: 700, fills: [BLUE] } },
  };

  it('keeps characters, the text style as a def (with its Figma style name) and mixed-style runs', () => {
    const ctx = run([text], { styles: { 'S:1': { name: 'Body/Strong', styleType: 'TEXT' } } });
    const n = only(ctx);
    expect(n).toMatchObject({ tx: 'Hello world', ts: 't1', f: 'p1', runs: [[6, 11, 't2', 'p2']] });
    expect(ctx.defs.text).toEqual({
      t1: { font: 'Inter', weight: 600, size: 16, lh: 24, ls: 0.5, align: 'center', name: 'Body/Strong' },
      t2: { font: 'Inter', weight: 700, size: 16, lh: 24, ls: 0.5, align: 'center' },
    });
    expect(ctx.defs.paints).toEqual({ p1: { v: ['#f00'] }, p2: { v: ['#00f'] } });
  });

  it('treats an intrinsic line height as auto', () => {
    const ctx = run([{ ...text, style: { fontFamily: 'Inter', fontSize: 12, lineHeightPx: 14.52, lineHeightUnit: 'INTRINSIC_%' } }]);
    expect(ctx.defs.text.t1).toEqual({ font: 'Inter', size: 12 });
  });
});

describe('fills, strokes, effects and radius', () => {
  const card = (id: string, fills: Json[]) => ({
    id,
    type: 'RECTANGLE',
    name: 'Card',
    fills,
    strokes: [BLUE],
    strokeWeight: 2,
    strokeAlign: 'OUTSIDE',
    effects: [{ type: 'DROP_SHADOW', offset: { x: 0, y: 2 }, radius: 4, color: { r: 0, g: 0, b: 0, a: 0.25 } }],
    rectangleCornerRadii: [8, 8, 0, 0],
  });

  it('dedups equal paint sets to one id across the output', () => {
    const ctx = run([card('6:1', [RED]), card('6:2', [RED]), card('6:3', [RED, { ...BLUE, opacity: 0.5 }])]);
    expect(ctx.nodes.map((n) => [n.f, n.s, n.e])).toEqual([
      ['p1', 'p2', 'e1'],
      ['p1', 'p2', 'e1'],
      ['p3', 'p2', 'e1'],
    ]);
    expect(ctx.defs.paints).toEqual({ p1: { v: ['#f00'] }, p2: { v: ['#00f'] }, p3: { v: ['#f00', '#0000ff80'] } });
    expect(ctx.defs.effects).toEqual({ e1: { v: ['drop(0,2,4,#00000040)'] } });
    expect(ctx.nodes[0]).toMatchObject({ sw: 2, sa: 'OUTSIDE', r: [8, 8, 0, 0] });
  });

  it('omits empty or invisible paints and uniform radii collapse to one number', () => {
    const ctx = run([{ id: '7:1', type: 'FRAME', name: 'Box', fills: [{ ...RED, visible: false }], strokes: [], effects: [], cornerRadius: 6, rectangleCornerRadii: [6, 6, 6, 6] }]);
    expect(only(ctx)).toEqual({ id: '7:1', t: 'F', n: 'Box', r: 6 });
    expect(ctx.defs.paints).toEqual({});
  });
});
