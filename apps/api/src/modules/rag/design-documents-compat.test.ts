// How tokens read as RAG documents: values as people write them, one document per group, a large group in parts
// of TOKENS_PER_DOCUMENT, and the same row rendering the same documents.
import { describe, expect, it } from 'vitest';
import { buildActionFlow } from '@cogo/figma-compat';
import { SAMPLE_FLOW_FILE } from '@cogo/figma-compat/samples';
import { flowDocument, tokenDocuments, tokenValueText, TOKENS_PER_DOCUMENT } from './design-documents-compat';

const row = (resolver: Record<string, unknown>) => ({ id: '00000000-0000-4000-8000-000000000001', fileKey: 'FILEKEY01', version: '7', resolver });

describe('tokenValueText', () => {
  it('writes colours as hex (with alpha), dimensions with their unit, aliases and scalars as they are', () => {
    expect(tokenValueText({ colorSpace: 'srgb', components: [1, 0, 0], alpha: 1, hex: '#ff0000' })).toBe('#ff0000');
    expect(tokenValueText({ colorSpace: 'srgb', components: [1, 0, 0], alpha: 0.5, hex: '#ff0000' })).toBe('#ff0000 at 50%');
    expect(tokenValueText({ colorSpace: 'display-p3', components: [1, 0, 0] })).toBe('display-p3(1 0 0)');
    expect(tokenValueText({ value: 16, unit: 'px' })).toBe('16px');
    expect(tokenValueText('{color.blue.500}')).toBe('{color.blue.500}');
    expect(tokenValueText(4)).toBe('4');
    expect(tokenValueText({ fontFamily: 'Inter', fontSize: { value: 16, unit: 'px' } })).toBe('fontFamily: Inter; fontSize: 16px');
  });
});

describe('tokenDocuments', () => {
  it('renders one document per group, a large group in parts with stable ids, deterministically', () => {
    const big: Record<string, unknown> = { $type: 'number' };
    for (let i = 0; i < TOKENS_PER_DOCUMENT * 2 + 50; i++) big[`t${String(i).padStart(4, '0')}`] = { $value: i };
    const doc = { Big: big, Small: { one: { $type: 'dimension', $value: { value: 8, unit: 'px' } } } };
    const docs = tokenDocuments(row(doc));
    expect(docs.map((d) => d.id)).toEqual(['tokens:FILEKEY01:Big', 'tokens:FILEKEY01:Big:2', 'tokens:FILEKEY01:Big:3', 'tokens:FILEKEY01:Small']);
    expect(docs.map((d) => d.text.split('\n').filter((l) => l.startsWith('- ')).length)).toEqual([TOKENS_PER_DOCUMENT, TOKENS_PER_DOCUMENT, 50, 1]);
    expect(docs[1]!.title).toBe('Design tokens: Big (FILEKEY01) (part 2 of 3)');
    expect(docs[3]!.text).toContain('- Small.one (dimension): 8px');
    expect(docs.every((d) => d.source === 'token' && d.metadata.figma_file_key === 'FILEKEY01' && d.metadata.figma_version === '7')).toBe(true);
    expect(tokenDocuments(row(doc))).toEqual(docs);
  });
});

describe('flowDocument', () => {
  it('adds the LLM annotations by screen name, without who wrote them or when', () => {
    const graph = buildActionFlow(SAMPLE_FLOW_FILE, { pageId: '0:1' });
    const screen = graph.screens[0]!;
    const base = { id: '00000000-0000-4000-8000-000000000002', fileKey: 'FLOWFILE01', pageId: '0:1', pageName: 'Prototype', graph: graph as never };
    const plain = flowDocument(base);
    expect(plain.text).not.toContain('Screen purposes:');
    const annotations = (at: string) => ({
      screens: [{ id: screen.id, purpose: 'Greets a new shopper' }],
      flows: [{ name: graph.flows[0]!.name, summary: 'From welcome to sign in' }],
      suggestions: [{ screen_id: screen.id, kind: 'missing_back', text: 'Add a way back' }],
      model: 'm1',
      provider: 'p1',
      refined_at: at,
    });
    const doc = flowDocument({ ...base, annotations: annotations('2026-12-01T00:00:00Z') });
    expect(doc.text).toContain(`Screen purposes:\n- "${screen.name}": Greets a new shopper`);
    expect(doc.text).toContain(`Flow summaries:\n- "${graph.flows[0]!.name}": From welcome to sign in`);
    expect(doc.text).toContain(`Suggestions:\n- "${screen.name}" (missing back): Add a way back`);
    expect(flowDocument({ ...base, annotations: annotations('2026-12-02T00:00:00Z') })).toEqual(doc);
  });
});
