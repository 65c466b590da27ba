// The paged renderer on its own, over chunks held in memory: at every page size — down to 4 bytes, where
// every line and many characters are cut — the pages concatenated are the library's rendering of the
// merged chunks, each within its budget; a position that no page issued is refused.
import { mergeChunks, toJson, toText, type CompactContext } from '@cogo/figma-context';
import { describe, expect, it } from 'vitest';
import { BadPosition, START, type ChunkReader, type ContextFormat, type RenderPos } from './context-blocks';
import { renderPage, utf8Length } from './context-page';

const counts = (nodes: number) => ({ pages: 0, frames: 1, components: 1, instances: 0, texts: 1, icons: 0, nodes, folded: 0, hidden: 0 });
const defs = (extra: Partial<CompactContext['defs']> = {}): CompactContext['defs'] => ({ paints: {}, effects: {}, text: {}, layouts: {}, vars: {}, ...extra });

// event ids with gaps, as in a log where other events sit between the chunks
const CHUNKS: Array<{ id: number; ctx: CompactContext }> = [
  {
    id: 3,
    ctx: {
      v: 1,
      name: 'Shop — ä 😀',
      nodes: [
        { id: '1:1', t: 'F', n: 'Card', wh: [320, 200], l: 'l1', ch: [{ id: '1:2', t: 'T', tx: 'Price: 9 €', ts: 't1' }] },
        { id: '1:3', t: 'C', n: 'Button', propDefs: { Label: { type: 'TEXT', default: 'Go' } } },
      ],
      defs: defs({ paints: { p1: { v: ['#fff'] }, p2: { v: ['#000'], name: 'Ink' } }, text: { t1: { font: 'Inter', weight: 400, size: 12 } } }),
      components: { '1:3': { name: 'Button' }, '9:9': { name: 'Remote icon', remote: 1 } },
      counts: counts(3),
    },
  },
  { id: 5, ctx: { v: 1, name: 'Shop — ä 😀', nodes: [], defs: defs(), components: {}, counts: counts(0), missing: ['4:4'] } },
  {
    id: 9,
    ctx: {
      v: 1,
      name: 'Shop — ä 😀',
      nodes: [{ id: '2:1', t: 'T', n: 'Story', tx: `${'Ünïcode 😀 text, '.repeat(12)}end`, bv: { fills: 'v1' } }],
      defs: defs({ layouts: { l1: { mode: 'row', gap: 8, pad: [16, 24] } }, vars: { v1: { id: 'VariableID:1:4', name: 'white', type: 'COLOR', value: '#fff' } } }),
      // seen again (the builder does not, but a merge must agree with mergeChunks: first place, last value)
      components: { '9:9': { name: 'Remote icon, renamed', remote: 1 } },
      counts: counts(1),
      missing: ['6:6'],
    },
  },
];

const reader =
  (chunks: typeof CHUNKS): ChunkReader =>
  async function* read(fromId: number) {
    for (const c of chunks) if (c.id >= fromId) yield c;
  };

const merged = (chunks: typeof CHUNKS) => mergeChunks(chunks.map((c, index) => ({ ...c.ctx, index })));
const whole = (format: ContextFormat, chunks: typeof CHUNKS) =>
  format === 'json' ? JSON.stringify(toJson(merged(chunks))) : `${toText(merged(chunks), { dedupePer: chunks.map((c) => c.ctx.nodes.length) })}\n`;

async function allPages(format: ContextFormat, chunks: typeof CHUNKS, maxBytes: number) {
  const pages: Array<{ content: string; bytes: number; from: RenderPos }> = [];
  let from: RenderPos | null = START;
  while (from) {
    const page = await renderPage(format, reader(chunks), from, maxBytes);
    pages.push({ content: page.content, bytes: page.bytes, from });
    from = page.next;
    if (pages.length > 5000) throw new Error('no progress');
  }
  return pages;
}

describe('renderPage', () => {
  for (const format of ['text', 'json'] as const) {
    it(`${format}: the pages concatenated are the whole rendering at every page size`, async () => {
      const expected = whole(format, CHUNKS);
      // every def kind, a component not in the tree, a missing id and a line longer than small pages are there
      for (const part of ['Ink', 'VariableID:1:4', 'Remote icon, renamed', '6:6', 'Ünïcode']) expect(expected).toContain(part);
      for (const maxBytes of [4, 5, 7, 16, 33, 100, 250, 1000, 100_000]) {
        const pages = await allPages(format, CHUNKS, maxBytes);
        expect(pages.map((p) => p.content).join(''), `max ${maxBytes}`).toBe(expected);
        for (const p of pages) {
          expect(p.bytes).toBe(new TextEncoder().encode(p.content).length);
          expect(p.bytes).toBeLessThanOrEqual(maxBytes);
          // no character is cut in two
          expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p.content)).toBe(false);
        }
        if (maxBytes === 100_000) expect(pages).toHaveLength(1);
      }
    });

    it(`${format}: an empty log renders as an empty context`, async () => {
      const [page, ...rest] = await allPages(format, [], 1024);
      expect(rest).toHaveLength(0);
      expect(page!.content).toBe(format === 'json' ? JSON.stringify(toJson(mergeChunks([]))) : '');
    });

    it(`${format}: refuses positions that are no page boundary`, async () => {
      const pages = await allPages(format, CHUNKS, 33);
      const real = pages.slice(1).map((p) => p.from);
      // positions in every phase: dictionaries, components, nodes, the tail
      expect(new Set(real.map((f) => f.ph)).size).toBeGreaterThan(3);
      for (const pos of real) {
        const bad: RenderPos[] = [
          { ...pos, e: pos.e + 1 },
          { ...pos, i: pos.i + 999 },
          { ...pos, s: pos.s === 1 ? 0 : 1 },
          { ...pos, l: pos.l + 999 },
          { ...pos, o: pos.o + 99_999 },
          { ...pos, ph: 9 },
          { ...pos, e: 999 },
        ];
        for (const b of bad) await expect(renderPage(format, reader(CHUNKS), b, 33), JSON.stringify(b)).rejects.toBeInstanceOf(BadPosition);
      }
    });
  }

  it('text: writes repeated subtrees once per chunk as templates, numbered on across chunks, at every page size', async () => {
    const card = (id: string, price: string): CompactContext['nodes'][number] => ({
      id,
      t: 'F',
      n: 'Product card',
      wh: [320, 200],
      l: 'l1',
      f: 'p1',
      ch: [
        { id: `${id}1`, t: 'R', n: 'Image', wh: [320, 120], f: 'p2', r: 8, bv: { fills: 'v1', cornerRadius: 'v2' } },
        { id: `${id}2`, t: 'T', n: 'Title', wh: [280, 20], ts: 't1', tx: 'A rather long product title' },
        { id: `${id}3`, t: 'T', n: 'Price', wh: [80, 20], ts: 't1', tx: price },
      ],
    });
    const chunk = (id: number, prefix: string): { id: number; ctx: CompactContext } => ({
      id,
      ctx: { v: 1, name: 'Shop', nodes: [1, 2, 3, 4].map((i) => card(`${prefix}:${i}`, `${i} €`)), defs: defs(), components: {}, counts: counts(16) },
    });
    const chunks = [chunk(2, '1'), chunk(4, '2')];
    const expected = whole('text', chunks);
    // each chunk has its template, the second's numbered on; uses name them, prices vary per use
    for (const part of ['# =kN', '@k1 F #$ 320x200', '@k2 F #$ 320x200', '=k1 "Product card" #1:1', '=k2 "Product card" #2:4', '2 €']) expect(expected).toContain(part);
    expect(expected).not.toContain('@k3');
    expect(expected.length).toBeLessThan(toText(merged(chunks), { dedupe: false }).length * 0.7);
    for (const maxBytes of [4, 33, 250, 100_000]) {
      const pages = await allPages('text', chunks, maxBytes);
      expect(pages.map((p) => p.content).join(''), `max ${maxBytes}`).toBe(expected);
      for (const p of pages) expect(p.bytes).toBeLessThanOrEqual(maxBytes);
    }
    // a cursor into the templates, or into a templated chunk's nodes, resumes there; one naming no template is refused
    const pages = await allPages('text', chunks, 33);
    const inTemplates = pages.find((p) => p.from.ph === 1 && p.from.k === 6)!.from;
    const inNodes = pages.find((p) => p.from.ph === 3 && p.from.e === 4)!.from;
    for (const from of [inTemplates, inNodes]) expect((await renderPage('text', reader(chunks), from, 33)).content.length).toBeGreaterThan(0);
    await expect(renderPage('text', reader(chunks), { ...inTemplates, i: 5 }, 33)).rejects.toBeInstanceOf(BadPosition);
  });

  it('counts UTF-8 bytes as TextEncoder writes them', () => {
    for (const s of ['', 'a', 'é', '€', '😀', 'a😀é€', '\uD800', '\uDC00x']) expect(utf8Length(s), s).toBe(new TextEncoder().encode(s).length);
  });
});
