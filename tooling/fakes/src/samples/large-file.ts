// A synthetic, deterministic Figma file of roughly N nodes for benchmarks: pages of desktop screens made of
// nested auto-layout sections, card grids (instances and plain frames), texts and shapes. Objects are built
// directly; screens are added until the node budget is reached, so the total overshoots by < one screen.
import type {
  CanvasNode,
  ComponentNode,
  FrameNode,
  GetFileResponse,
  Paint,
  SubcanvasNode,
  TypeStyle,
} from '@figma/rest-api-spec';
import { countNodes } from './count-nodes';
import { applyLayout } from './layout';
import { canvas, component, documentNode, ellipse, frame, idSequence, instance, rectangle, text } from './node-builders';
import { dropShadow, solid, typeStyle } from './paints';
import { createRng } from './prng';
import type { Rng } from './prng';
import { stableKey } from './sample-variables';

export interface LargeFileOptions {
  /** Approximate number of nodes wanted (DOCUMENT and pages included). */
  nodes: number;
  /** Default 1. */
  seed?: number;
  /** Content pages (besides the components page). Default: one per 40k nodes, at most 12. */
  pages?: number;
  /**
   * What the top-level frames are: desktop `screens` (hundreds of nodes each; the default) or small `cards`
   * (a few nodes each), for files with very many top-level frames — e.g. 30,000 frames on 150 pages —
   * or one `board`: a single content page whose only top-level frame holds every screen, a node larger than
   * any one Figma answer may be (the "any file size" case: it must be fetched in pieces).
   */
  frames?: 'screens' | 'cards' | 'board';
}

const NODES_PER_PAGE = 40_000;
const WORDS = ['Summer', 'Linen', 'Tote', 'Classic', 'Studio', 'Edit', 'Outdoor', 'Essentials', 'Travel', 'Home'] as const;

interface Mains {
  card: ComponentNode;
  button: ComponentNode;
}

function mainComponents(): Mains {
  const id = idSequence(1, 10);
  const button = component({
    id: id(), name: 'Button', w: 0, h: 0, layoutMode: 'HORIZONTAL', primaryAxisSizingMode: 'AUTO',
    counterAxisSizingMode: 'AUTO', paddingLeft: 16, paddingRight: 16, paddingTop: 8, paddingBottom: 8,
    cornerRadius: 8, fills: [solid('#2f5bea')],
    children: [text({ id: id(), name: 'Label', w: 60, h: 20, characters: 'Button', style: typeStyle(14, 600, 20) })],
  });
  const card = component({
    id: id(), name: 'Card', w: 240, h: 0, x: 200, layoutMode: 'VERTICAL', primaryAxisSizingMode: 'AUTO',
    counterAxisSizingMode: 'FIXED', itemSpacing: 8, paddingBottom: 12, cornerRadius: 12,
    fills: [solid('#ffffff')], effects: [dropShadow(2, 8)],
    children: [
      rectangle({ id: id(), name: 'Image', w: 240, h: 160, fills: [solid('#d9dce3')] }),
      text({ id: id(), name: 'Title', w: 216, h: 20, characters: 'Title', style: typeStyle(15, 600, 20) }),
      text({ id: id(), name: 'Meta', w: 216, h: 18, characters: 'Meta', style: typeStyle(13, 400, 18) }),
    ],
  });
  applyLayout(button);
  applyLayout(card);
  return { card, button };
}

// Per-generation context. Type styles and paints are shared between the nodes of one generated file (it is a
// read-only benchmark input); sharing them roughly halves the allocations, and with them the GC time.
interface Ctx {
  rng: Rng;
  mains: Mains;
  id: () => string;
  /** "Frame 12", "Rectangle 3": the names Figma gives layers nobody renamed. */
  autoName: (kind: 'Frame' | 'Rectangle') => string;
  styles: { title: TypeStyle; body: TypeStyle; heading: TypeStyle; link: TypeStyle };
  paints: { image: Paint[]; card: Paint[]; avatar: Paint[]; screen: Paint[] };
}

function phrase(rng: Rng, words: number): string {
  let out = rng.pick(WORDS);
  for (let i = 1; i < words; i++) out += ` ${rng.pick(WORDS)}`;
  return out;
}

function plainCard(ctx: Ctx): FrameNode {
  const { rng, id } = ctx;
  const children: SubcanvasNode[] = [
    rectangle({ id: id(), name: rng.chance(0.3) ? ctx.autoName('Rectangle') : 'Image', w: 240, h: 160, cornerRadius: 8, fills: ctx.paints.image }),
    text({ id: id(), name: 'Title', w: 216, h: 20, characters: phrase(rng, 2), style: ctx.styles.title }),
    text({ id: id(), name: 'Body', w: 216, h: 36, characters: phrase(rng, 8), style: ctx.styles.body }),
  ];
  if (rng.chance(0.3)) children.push(ellipse({ id: id(), name: 'Avatar', w: 24, h: 24, fills: ctx.paints.avatar }));
  return frame({
    id: id(), name: rng.chance(0.25) ? ctx.autoName('Frame') : 'Card', w: 240, h: 0, layoutMode: 'VERTICAL',
    primaryAxisSizingMode: 'AUTO', counterAxisSizingMode: 'FIXED', itemSpacing: 8, cornerRadius: 12,
    fills: ctx.paints.card, visible: !rng.chance(0.04), children,
  });
}

function section(ctx: Ctx, index: number): FrameNode {
  const { rng, id } = ctx;
  const cards: SubcanvasNode[] = [];
  const count = 3 + rng.int(10);
  for (let i = 0; i < count; i++) {
    cards.push(
      rng.chance(0.6)
        ? instance(ctx.mains.card, { id: id(), texts: { Title: phrase(rng, 2), Meta: phrase(rng, 3) } })
        : plainCard(ctx),
    );
  }
  const grid = frame({
    id: id(), name: 'Grid', w: 1280, h: 0, layoutMode: 'HORIZONTAL', layoutWrap: 'WRAP', itemSpacing: 24,
    counterAxisSpacing: 24, size: { x: 1280, y: 200 * Math.ceil(count / 5) }, children: cards,
  });
  const heading = text({ id: id(), name: 'Heading', w: 600, h: 32, characters: phrase(rng, 3), style: ctx.styles.heading });
  return frame({
    id: id(), name: rng.chance(0.3) ? ctx.autoName('Frame') : `Section ${index + 1}`, w: 1280, h: 0,
    layoutMode: 'VERTICAL', primaryAxisSizingMode: 'AUTO', counterAxisSizingMode: 'FIXED', itemSpacing: 16,
    children: [heading, grid],
  });
}

function screen(ctx: Ctx, index: number, x: number): FrameNode {
  const { rng, id } = ctx;
  const nav = Array.from({ length: 2 + rng.int(4) }, () =>
    text({ id: id(), name: 'Link', w: 80, h: 20, characters: rng.pick(WORDS), style: ctx.styles.link }),
  );
  const header = frame({
    id: id(), name: 'Header', w: 1280, h: 64, layoutMode: 'HORIZONTAL', primaryAxisAlignItems: 'SPACE_BETWEEN',
    counterAxisAlignItems: 'CENTER', itemSpacing: 24,
    children: [...nav, instance(ctx.mains.button, { id: id(), texts: { Label: 'Sign in' } })],
  });
  const sections = Array.from({ length: 3 + rng.int(6) }, (_, i) => section(ctx, i));
  return frame({
    id: id(), name: `Screen ${index + 1}`, w: 1440, h: 0, x, y: 0, layoutMode: 'VERTICAL',
    primaryAxisSizingMode: 'AUTO', counterAxisSizingMode: 'FIXED', itemSpacing: 48, paddingLeft: 80,
    paddingRight: 80, paddingTop: 32, paddingBottom: 64, fills: ctx.paints.screen, children: [header, ...sections],
  });
}

/** A card as a top-level frame: laid out in rows of 20 on its page. */
function placed(card: FrameNode, index: number): FrameNode {
  card.relativeTransform = [
    [1, 0, (index % 20) * 280],
    [0, 1, Math.floor(index / 20) * 320],
  ];
  return card;
}

/** One top-level frame holding every screen of a page, side by side (frames: 'board'). */
function board(screens: FrameNode[]): FrameNode {
  return frame({ id: '2:999999999', name: 'Board', w: Math.max(1, screens.length) * 1600, h: 4000, fills: [solid('#ffffff')], children: screens });
}

/** Deterministically generates a file of about `nodes` nodes (same options, same file). */
export function generateLargeFile({ nodes, seed = 1, pages: pagesWanted, frames = 'screens' }: LargeFileOptions): GetFileResponse {
  const rng = createRng(seed);
  const mains = mainComponents();
  const pageCount = frames === 'board' ? 1 : Math.max(1, pagesWanted ?? Math.min(12, Math.ceil(nodes / NODES_PER_PAGE)));
  const shared = {
    styles: { title: typeStyle(15, 600, 20), body: typeStyle(13, 400, 18), heading: typeStyle(24, 700, 32), link: typeStyle(14, 500, 20) },
    paints: { image: [solid('#e2e5eb')], card: [solid('#ffffff')], avatar: [solid('#2f5bea')], screen: [solid('#f7f8fa')] },
  };
  const contexts: Ctx[] = Array.from({ length: pageCount }, (_, p) => {
    const counters = { Frame: 0, Rectangle: 0 };
    return { rng, mains, id: idSequence(p + 2), autoName: (kind) => `${kind} ${++counters[kind]}`, ...shared };
  });
  const screens: FrameNode[][] = contexts.map(() => []);
  // DOCUMENT + components page + its nodes + content pages.
  let total = 2 + countNodes(mains.card).total + countNodes(mains.button).total + pageCount + (frames === 'board' ? 1 : 0);
  for (let i = 0; total < nodes; i++) {
    const p = i % pageCount;
    const ctx = contexts[p];
    const pageScreens = screens[p];
    if (ctx === undefined || pageScreens === undefined) break;
    const built = frames === 'cards' ? placed(plainCard(ctx), pageScreens.length) : screen(ctx, i, pageScreens.length * 1600);
    pageScreens.push(built);
    total += countNodes(built).total;
  }
  const content = frames === 'board' ? screens.map((list) => [board(list)]) : screens;
  const pages: CanvasNode[] = [
    canvas('1:1', 'Components', [mains.button, mains.card]),
    ...content.map((list, p) => canvas(`${p + 2}:0`, `Page ${p + 1}`, list)),
  ];
  const document = documentNode(pages);
  applyLayout(document);
  const component = (main: ComponentNode) => ({ key: stableKey(`large:${main.id}`), name: main.name, description: '', documentationLinks: [], remote: false });
  return {
    name: `Synthetic ${nodes} nodes (seed ${seed})`,
    role: 'owner',
    lastModified: '2025-01-01T00:00:00Z',
    editorType: 'figma',
    thumbnailUrl: 'https://example.invalid/thumbnails/large.png',
    version: String(1_000_000 + seed),
    document,
    components: { [mains.button.id]: component(mains.button), [mains.card.id]: component(mains.card) },
    componentSets: {},
    schemaVersion: 0,
    styles: {},
  };
}
