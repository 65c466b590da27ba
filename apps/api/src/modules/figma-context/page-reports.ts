// Which pages a job reports, and where in its stream (issue 8, defect 6): a planned page with no
// chunk (nothing visible to fetch) still gets its `page.ready` with `chunks: 0`, in plan order —
// just before the next page that has chunks, or before `done` after the last one. Derived from the
// plan alone, so every stream call places them identically and a resumed job never repeats one.

/** A page as the plan lists it. */
export interface PlannedPage {
  id: string;
  name: string;
}

export interface PageReports {
  /** Empty pages to announce just before the first chunk of `pageId`. */
  emptyBefore(pageId: string | null): PlannedPage[];
  /** Empty pages after the last page with chunks (all of them when no page has any). */
  emptyAtEnd: PlannedPage[];
  /** Pages the job covers: every planned page, plus any page only the chunks name. */
  pages: number;
  /** Planned pages with no chunk. */
  emptyPages: number;
}

/** Places the plan's empty pages among the pages of its chunks (`chunkPages`: page of each chunk, in order). */
export function pageReports(planned: readonly PlannedPage[], chunkPages: ReadonlyArray<string | null>): PageReports {
  const withChunks = new Set(chunkPages.filter((id): id is string => id !== null));
  const before = new Map<string, PlannedPage[]>();
  let pending: PlannedPage[] = [];
  for (const page of planned) {
    if (!withChunks.has(page.id)) {
      pending.push(page);
      continue;
    }
    if (pending.length > 0) before.set(page.id, pending);
    pending = [];
  }
  const plannedIds = new Set(planned.map((pg) => pg.id));
  const empty = planned.filter((pg) => !withChunks.has(pg.id)).length;
  return {
    emptyBefore: (pageId) => (pageId === null ? [] : (before.get(pageId) ?? [])),
    emptyAtEnd: pending,
    pages: plannedIds.size + [...withChunks].filter((id) => !plannedIds.has(id)).length,
    emptyPages: empty,
  };
}
