import type { DesignEvent } from '@cogo/api-client';
import { describe, expect, it } from 'vitest';
import { applyEvent, lastPage, newTurn } from '../lib/chat-turn';

const doc = { schema: 'cogo_ui_json', version: '1.0', page: { id: 'p', name: 'P', source: { kind: 'generated', generator: 'keyword' }, sections: [] } } as const;
const events = [
  { event: 'meta', data: { trace_id: 'a'.repeat(32), intents: ['generate', 'bdd'] } },
  { event: 'progress', data: { step: 'rag', status: 'started' } },
  { event: 'rag.item', data: { chunk_id: 'c', document_id: 'd', source: 'component', external_id: 'x1', title: null, text: 'Button primary blue', score: 0.03, vector_rank: 1, text_rank: null, metadata: { name: 'Button' } } },
  { event: 'progress', data: { step: 'rag', status: 'done', detail: '1 item' } },
  { event: 'progress', data: { step: 'ui', status: 'started' } },
  { event: 'llm.delta', data: { text: 'Here ' } },
  { event: 'llm.delta', data: { text: 'it is' } },
  { event: 'llm.done', data: { usage: { input_tokens: 1, output_tokens: 2, cost_usd: 0, estimated: false }, provider: 'fake-openai', model: 'gpt-x' } },
  { event: 'ui.preview', data: { cogo_ui_json: doc, summary: 'P: 0 sections' } },
  { event: 'progress', data: { step: 'ui', status: 'done' } },
  { event: 'bdd.done', data: { feature: 'Feature: P', scenarios: 2 } },
] as unknown as DesignEvent[];

describe('a design chat turn folded from its events', () => {
  it('keeps steps in first-seen order with their last status, sources, streamed text, the page and the Gherkin', () => {
    const turn = events.reduce(applyEvent, newTurn('a page'));
    expect(turn.traceId).toBe('a'.repeat(32));
    expect(turn.intents).toEqual(['generate', 'bdd']);
    expect(turn.steps).toEqual([
      { step: 'rag', status: 'done', detail: '1 item' },
      { step: 'ui', status: 'done', detail: null },
    ]);
    expect(turn.sources).toEqual([{ title: 'Button', source: 'component', score: 0.03, excerpt: 'Button primary blue' }]);
    expect(turn.text).toBe('Here it is');
    expect(turn.model).toBe('fake-openai · gpt-x');
    expect(turn.page).toEqual(doc);
    expect(turn.bdd).toEqual({ feature: 'Feature: P', scenarios: 2 });
  });

  it('refines the last page made', () => {
    const withPage = events.reduce(applyEvent, newTurn('one'));
    expect(lastPage([withPage, newTurn('two')])).toEqual(doc);
    expect(lastPage([newTurn('x')])).toBeNull();
  });
});
