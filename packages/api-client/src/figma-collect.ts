// Folding stream events into pages ready for /figma-context/apply.
import type { ApplyComponent, ApplyPage, FigmaStreamEvent } from './figma-types';

/** One page as gathered from the stream. */
export interface CollectedPage {
  page_id: string;
  /** From `page.ready`; the id until that event is seen. */
  name: string;
  /** Chunks announced by `page.ready`; null until it is seen. */
  chunks: number | null;
  /** Chunks whose every part has arrived. */
  chunks_received: number;
  components: ApplyComponent[];
}

interface PageState {
  page_id: string;
  name: string;
  chunks: number | null;
  parts: Map<number, { parts: number; seen: Set<number> }>;
  components: Map<string, ApplyComponent>;
}

/** Gathers `page.ready` / `page.chunk` events incrementally (the CLI reads it while streaming). */
export class FigmaPageCollector {
  readonly #pages = new Map<string, PageState>();

  /** Folds one event in; events other than page.ready and page.chunk are ignored. */
  add(event: FigmaStreamEvent): void {
    if (event.event === 'page.ready') {
      const page = this.#page(event.data.page_id);
      page.name = event.data.name;
      page.chunks = event.data.chunks;
    } else if (event.event === 'page.chunk') {
      const { page_id, chunk_index, part, parts, components } = event.data;
      const page = this.#page(page_id);
      const chunk = page.parts.get(chunk_index) ?? { parts, seen: new Set<number>() };
      chunk.seen.add(part);
      page.parts.set(chunk_index, chunk);
      // keyed by node id: a component repeated across parts is kept once, with its latest data
      for (const component of components) page.components.set(component.node_id, component);
    }
  }

  /** The pages so far, in the order the stream introduced them. */
  pages(): CollectedPage[] {
    return [...this.#pages.values()].map((p) => ({
      page_id: p.page_id,
      name: p.name,
      chunks: p.chunks,
      chunks_received: [...p.parts.values()].filter((c) => c.seen.size >= c.parts).length,
      components: [...p.components.values()],
    }));
  }

  /** Components gathered so far across pages. */
  componentCount(): number {
    let n = 0;
    for (const p of this.#pages.values()) n += p.components.size;
    return n;
  }

  #page(pageId: string): PageState {
    let page = this.#pages.get(pageId);
    if (!page) {
      page = { page_id: pageId, name: pageId, chunks: null, parts: new Map(), components: new Map() };
      this.#pages.set(pageId, page);
    }
    return page;
  }
}

/** Groups `page.chunk` components per page (named by `page.ready`). */
export function collectPages(events: Iterable<FigmaStreamEvent>): CollectedPage[] {
  const collector = new FigmaPageCollector();
  for (const event of events) collector.add(event);
  return collector.pages();
}

/** The apply body for a collected page: the page's Figma node id is its page id. */
export function toApplyPage(page: CollectedPage): ApplyPage {
  return { node_id: page.page_id, name: page.name, components: page.components };
}
