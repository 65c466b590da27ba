// The markdown chunker: sections by heading with their path as prefix, code fences kept whole when they fit (and
// fenced again when cut), paragraph breaks preferred, sentence overlap between consecutive chunks, determinism.
import { describe, expect, it } from 'vitest';
import { chunkMarkdown, CHUNK_TARGET_TOKENS } from './chunker';

/** `n` distinct sentences of ~40 characters. */
const sentences = (n: number, tag = 's') => Array.from({ length: n }, (_, i) => `The ${tag} sentence number ${i} is here.`);
const body = (text: string) => text.slice(text.indexOf('\n\n') + 2);

describe('chunkMarkdown', () => {
  it('cuts at headings and prefixes every chunk with its heading path under the title', () => {
    const md = '# Buttons\n\nPrimary buttons are blue.\n\n## Sizes\n\nSmall and large.\n\n### Icons\n\nLeft only.\n\n# Colors\n\nTokens live in themes.';
    const chunks = chunkMarkdown(md, { title: 'Design guide' });
    expect(chunks.map((c) => c.text)).toEqual([
      'Design guide > Buttons\n\nPrimary buttons are blue.',
      'Design guide > Buttons > Sizes\n\nSmall and large.',
      'Design guide > Buttons > Sizes > Icons\n\nLeft only.',
      'Design guide > Colors\n\nTokens live in themes.',
    ]);
    expect(chunks.map((c) => c.ordinal)).toEqual([0, 1, 2, 3]);
    expect(chunks[1]!.headingPath).toEqual(['Design guide', 'Buttons', 'Sizes']);
    expect(chunks[0]!.tokenCount).toBe(Math.ceil(chunks[0]!.text.length / 4));
  });

  it('keeps text before the first heading, without a prefix when there is no title, and does not repeat a title heading', () => {
    expect(chunkMarkdown('Intro line.\n\n# Next\n\nMore.').map((c) => c.text)).toEqual(['Intro line.', 'Next\n\nMore.']);
    expect(chunkMarkdown('# Guide\n\nText.', { title: 'Guide' }).map((c) => c.text)).toEqual(['Guide\n\nText.']);
  });

  it('never splits a fenced code block that fits, and does not read `#` lines inside it as headings', () => {
    const code = ['```ts', '# not a heading', 'const a = 1;', '', 'const b = 2;', ...Array.from({ length: 30 }, (_, i) => `const v${i} = ${i}; // line`), '```'].join('\n');
    const md = `# Setup\n\n${sentences(30).join(' ')}\n\n${code}\n\nAfter the code.`;
    const chunks = chunkMarkdown(md);
    expect(chunks.length).toBeGreaterThan(1);
    const holding = chunks.filter((c) => c.text.includes('```'));
    expect(holding).toHaveLength(1);
    expect(holding[0]!.text).toContain(code);
    expect(chunks.every((c) => c.headingPath.join('/') === 'Setup')).toBe(true);
    expect(chunks.every((c) => c.text.length <= CHUNK_TARGET_TOKENS * 4)).toBe(true);
  });

  it('cuts a code block longer than a chunk at line ends, each piece fenced again', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `let x${i} = compute(${i}); // some padding here`);
    const md = ['```js', ...lines, '```'].join('\n');
    const chunks = chunkMarkdown(md);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.text.startsWith('```js\n')).toBe(true);
      expect(c.text.endsWith('\n```')).toBe(true);
      expect(c.text.length).toBeLessThanOrEqual(CHUNK_TARGET_TOKENS * 4);
    }
    const rejoined = chunks.flatMap((c) => c.text.split('\n').slice(1, -1));
    expect(rejoined).toEqual(lines);
  });

  it('overlaps consecutive chunks by whole sentences and covers every sentence in order', () => {
    const all = sentences(200);
    const chunks = chunkMarkdown(all.join(' '), { targetTokens: 100, overlapTokens: 20 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(400);
    for (let i = 1; i < chunks.length; i++) {
      const prev = chunks[i - 1]!.text;
      const next = chunks[i]!.text;
      // the next chunk starts with the previous one's last whole sentences, at most 80 characters of them
      const firstOfNext = next.slice(0, next.indexOf('.') + 1);
      const overlap = prev.slice(prev.lastIndexOf(firstOfNext));
      expect(prev.endsWith('.') && prev.includes(firstOfNext)).toBe(true);
      expect(next.startsWith(overlap)).toBe(true);
      expect(overlap.length).toBeGreaterThan(0);
      expect(overlap.length).toBeLessThanOrEqual(80);
    }
    const seen = chunks.flatMap((c) => c.text.match(/number \d+/g)!.map((m) => Number(m.slice(7))));
    expect([...new Set(seen)]).toEqual(all.map((_, i) => i));
  });

  it('prefers ending a chunk at a paragraph end over cutting a paragraph', () => {
    const paragraphs = Array.from({ length: 8 }, (_, p) => sentences(14, `p${p}`).join(' ')); // ~550 characters each
    const chunks = chunkMarkdown(paragraphs.join('\n\n'), { targetTokens: 400, overlapTokens: 0 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      const parts = c.text.split('\n\n');
      for (const part of parts) expect(paragraphs).toContain(part);
    }
  });

  it('is deterministic', () => {
    const md = `# A\n\n${sentences(120).join(' ')}\n\n\`\`\`\ncode\n\`\`\`\n\n## B\n\n${sentences(50, 'b').join(' ')}`;
    const a = chunkMarkdown(md, { title: 'T' });
    expect(chunkMarkdown(md, { title: 'T' })).toEqual(a);
    expect(a.map((c) => c.ordinal)).toEqual(a.map((_, i) => i));
    expect(body(a[0]!.text).startsWith('The s sentence number 0')).toBe(true);
  });
});
