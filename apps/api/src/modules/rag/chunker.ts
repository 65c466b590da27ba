// Markdown-aware chunking for RAG ingestion (issue 12, seed 000 §6), pure and deterministic. Sizes are in
// estimated tokens (≈ 4 characters per token, as llm/costs.ts counts): no tokenizer in the Worker bundle, and the
// estimate only has to keep chunks well under any embedding model's input limit. A chunk never crosses a heading
// (sections are the preferred break), a fenced code block that fits is never split, then paragraphs (blank lines),
// then sentences, then words. Consecutive chunks of one section overlap by ~OVERLAP tokens of whole sentences.
// Every chunk starts with its heading path ("Title > Section > Sub") so it reads in context on its own.

export const CHUNK_TARGET_TOKENS = 400;
export const CHUNK_OVERLAP_TOKENS = 60;
const CHARS_PER_TOKEN = 4;

export interface ChunkOptions {
  targetTokens?: number;
  overlapTokens?: number;
  /** The document's title: the root of every heading path. */
  title?: string;
}

export interface Chunk {
  ordinal: number;
  /** Heading-path prefix, a blank line, then the body. */
  text: string;
  tokenCount: number;
  headingPath: string[];
}

/** Estimated tokens of a text (≈ 4 characters per token). */
export function estimateChunkTokens(text: string): number {
  return text === '' ? 0 : Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** A piece that is never split further when it fits: a sentence, a word window or a whole code block. */
interface Unit {
  text: string;
  /** First unit of a paragraph or block: joined with a blank line, else with a space. */
  startsBlock: boolean;
  code: boolean;
}

interface Section {
  path: string[];
  blocks: Array<{ text: string; code: boolean }>;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Splits markdown into sections (by heading) of paragraphs and fenced code blocks. */
function sections(markdown: string, title: string | undefined): Section[] {
  const root = title?.trim() ? [title.trim()] : [];
  const out: Section[] = [{ path: root, blocks: [] }];
  const headings: string[] = [];
  let para: string[] = [];
  const current = () => out[out.length - 1]!;
  const endPara = () => {
    if (para.length) current().blocks.push({ text: para.join('\n').trim(), code: false });
    para = [];
  };
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      endPara();
      const marker = fence[1]!;
      const block = [line];
      // an unclosed fence runs to the end of the text, as CommonMark reads it
      while (++i < lines.length) {
        block.push(lines[i]!);
        if (lines[i]!.trim().startsWith(marker) && lines[i]!.trim().replace(/[`~]/g, '') === '') break;
      }
      current().blocks.push({ text: block.join('\n'), code: true });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endPara();
      const level = heading[1]!.length;
      headings.length = Math.min(headings.length, level - 1);
      headings[level - 1] = heading[2]!;
      // a first heading repeating the title is not said twice
      const path = [...root, ...headings.filter((h) => h !== undefined)].filter((h, j, all) => j === 0 || h !== all[j - 1]);
      out.push({ path, blocks: [] });
      continue;
    }
    if (line.trim() === '') endPara();
    else para.push(line);
  }
  endPara();
  return out.filter((s) => s.blocks.length > 0);
}

/** Cuts a text into windows of at most `max` characters at word boundaries (a longer word is cut itself). */
function windows(text: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length; w = w.slice(max)) {
      const piece = w.slice(0, max);
      if (cur && cur.length + 1 + piece.length > max) {
        out.push(cur);
        cur = '';
      }
      cur = cur ? `${cur} ${piece}` : piece;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** A code block too long for one chunk, cut at line boundaries, each piece fenced again. */
function codePieces(block: string, max: number): string[] {
  const lines = block.split('\n');
  const open = lines[0]!;
  const marker = FENCE.exec(open)![1]!;
  const closed = lines.length > 1 && lines[lines.length - 1]!.trim().startsWith(marker);
  const body = lines.slice(1, closed ? -1 : undefined);
  const room = Math.max(1, max - open.length - marker.length - 2);
  const out: string[] = [];
  let cur: string[] = [];
  let size = 0;
  for (const line of body.flatMap((l) => (l.length > room ? windows(l, room) : [l]))) {
    if (cur.length && size + line.length + 1 > room) {
      out.push([open, ...cur, marker].join('\n'));
      [cur, size] = [[], 0];
    }
    cur.push(line);
    size += line.length + 1;
  }
  if (cur.length || out.length === 0) out.push([open, ...cur, marker].join('\n'));
  return out;
}

/** The units of a section: sentences of paragraphs (long ones in word windows), code blocks whole when they fit. */
function units(section: Section, max: number): Unit[] {
  const out: Unit[] = [];
  for (const block of section.blocks) {
    if (block.code) {
      const pieces = block.text.length <= max ? [block.text] : codePieces(block.text, max);
      for (const text of pieces) out.push({ text, startsBlock: true, code: true });
      continue;
    }
    const sentences = block.text.split(/(?<=[.!?])\s+/).filter(Boolean);
    let first = true;
    for (const sentence of sentences) {
      for (const text of sentence.length <= max ? [sentence] : windows(sentence, max)) {
        out.push({ text, startsBlock: first, code: false });
        first = false;
      }
    }
  }
  return out;
}

const join = (us: Unit[]) => us.map((u, i) => (i === 0 ? u.text : `${u.startsBlock || u.code || us[i - 1]!.code ? '\n\n' : ' '}${u.text}`)).join('');
const size = (us: Unit[]) => join(us).length;

/** The trailing sentences of a chunk (no code) that fit in `budget` characters: the next chunk starts with them. */
function overlapOf(chunk: Unit[], budget: number): Unit[] {
  const out: Unit[] = [];
  for (let i = chunk.length - 1; i >= 0; i--) {
    const u = chunk[i]!;
    if (u.code || size([u, ...out]) > budget) break;
    out.unshift(u);
  }
  const last = chunk[chunk.length - 1];
  if (out.length === 0 && last && !last.code) {
    // one long sentence: carry its last words instead
    const words = last.text.split(/\s+/);
    let tail = '';
    for (let i = words.length - 1; i > 0 && tail.length + words[i]!.length + 1 <= budget; i--) tail = tail ? `${words[i]} ${tail}` : words[i]!;
    if (tail) out.push({ text: tail, startsBlock: true, code: false });
  }
  return out;
}

/** Packs a section's units into bodies of at most `max` characters, preferring paragraph ends once half full. */
function pack(us: Unit[], max: number, overlap: number): string[] {
  const bodies: string[] = [];
  let cur: Unit[] = [];
  let fresh = 0; // units of `cur` that are not overlap: a chunk of overlap only is never emitted
  const flush = () => {
    if (fresh > 0) bodies.push(join(cur));
    cur = fresh > 0 ? overlapOf(cur, overlap) : [];
    fresh = 0;
  };
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    // at a paragraph start, once the chunk is half full, break rather than cut the paragraph
    if (u.startsBlock && fresh > 0 && size(cur) >= max / 2) {
      let end = i + 1;
      while (end < us.length && !us[end]!.startsBlock) end++;
      if (size([...cur, ...us.slice(i, end)]) > max) flush();
    }
    if (fresh > 0 && size([...cur, u]) > max) flush();
    // what the overlap carried over must leave room for the unit (a code block that fits alone stays whole)
    while (cur.length > fresh && size([...cur, u]) > max) cur.shift();
    cur.push(u);
    fresh++;
  }
  flush();
  return bodies;
}

/** Cuts a markdown text into overlapping chunks of about `targetTokens`, each prefixed with its heading path. */
export function chunkMarkdown(markdown: string, options: ChunkOptions = {}): Chunk[] {
  const target = options.targetTokens ?? CHUNK_TARGET_TOKENS;
  const overlap = options.overlapTokens ?? CHUNK_OVERLAP_TOKENS;
  const chunks: Chunk[] = [];
  for (const section of sections(markdown, options.title)) {
    const prefix = section.path.length ? `${section.path.join(' > ')}\n\n` : '';
    // the prefix counts toward the chunk's size; a very deep path still leaves room for a quarter of the target
    const max = Math.max(Math.floor((target * CHARS_PER_TOKEN) / 4), target * CHARS_PER_TOKEN - prefix.length);
    for (const body of pack(units(section, max), max, overlap * CHARS_PER_TOKEN)) {
      const text = prefix + body;
      chunks.push({ ordinal: chunks.length, text, tokenCount: estimateChunkTokens(text), headingPath: section.path });
    }
  }
  return chunks;
}
