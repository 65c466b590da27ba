// Issue 11: the gateway over the recorded OpenAI streams of ../shared/fixtures/openai. A project provider's fake
// prefix answers each recording byte for byte; through POST /llm/completions (streamed, as they were recorded) the deltas
// join to the recorded text exactly, llm.done carries it, the recorded tool call and usage come back (estimated
// when the recording has none), with one terminal event and one usage row. Absent where ../shared is.
import { CompletionResultSchema, type CompletionResult } from '@cogo/types';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { api, eventually, readSse } from './helpers';
import { llmProject, openaiFake, usageRows } from './llm-helpers';
import type { ChatConformanceCase, OpenAIConformanceCase } from './openai-conformance-fixtures';

const cases = JSON.parse(inject('openaiConformance')) as OpenAIConformanceCase[];
const chats = cases.filter((c): c is ChatConformanceCase => c.kind === 'chat');

afterEach(() => openaiFake.clear());

/** A project whose one provider answers the next chat with the recording, and the request that reaches it. */
async function recorded(c: ChatConformanceCase, stream: boolean) {
  const p = await llmProject([{ name: 'recorded', models: [{ name: 'm-recorded', input: 1, output: 2 }] }]);
  await openaiFake.replies(p.chatPath('recorded'), [{ raw: { contentType: c.contentType, body: c.body } }]);
  const tools = c.expected.toolCalls.map((t) => ({ type: 'function', function: { name: t.name, parameters: { type: 'object' } } }));
  const json = { model: 'm-recorded', stream, messages: [{ role: 'user', content: 'conformance' }], ...(tools.length ? { tools } : {}) };
  const res = await api('/llm/completions', { method: 'POST', key: p.key, json });
  expect(res.status).toBe(200);
  return { p, res };
}

/** What the recording must have become in the gateway's answer. */
function expectRecorded(c: ChatConformanceCase, result: CompletionResult) {
  const { expected } = c;
  expect(result.text).toBe(expected.text);
  expect(result.finish_reason).toBe(expected.finishReason);
  expect(result.tool_calls ?? []).toEqual(expected.toolCalls.map((t) => ({ id: t.id, type: 'function', function: { name: t.name, arguments: t.arguments } })));
  expect(result).toMatchObject({ provider: 'recorded', model: 'm-recorded', continued: false, providers: ['recorded'] });
  if (expected.usage) {
    expect(result.usage).toMatchObject({ input_tokens: expected.usage.prompt_tokens, output_tokens: expected.usage.completion_tokens, estimated: false });
  } else {
    // no usage chunk in the recording: the gateway counts the tokens itself and says so
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.output_tokens).toBeGreaterThan(0);
  }
  expect(result.usage.cost_usd).toBeCloseTo((result.usage.input_tokens * 1 + result.usage.output_tokens * 2) / 1e6, 12);
}

async function expectOneUsageRow(projectId: string, result: CompletionResult) {
  const rows = await eventually(async () => {
    const r = await usageRows(projectId);
    return r.length === 1 ? r : undefined;
  });
  expect(rows[0]).toMatchObject({ provider: 'recorded', outcome: 'ok', tokensIn: result.usage.input_tokens, tokensOut: result.usage.output_tokens, estimated: result.usage.estimated });
}

describe.runIf(chats.length > 0)('LLM gateway over the recorded OpenAI streams', () => {
  it.each(chats.map((c) => [c.fixture, c] as const))('%s, streamed: deltas join to the recorded text, one terminal llm.done', async (_name, c) => {
    const { p, res } = await recorded(c, true);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = (await readSse(res)).filter((e) => e.event !== 'keepalive');
    const ids = events.map((e) => e.id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    expect(events.filter((e) => e.event === 'llm.done' || e.event === 'error')).toHaveLength(1);
    const done = events.at(-1)!;
    expect(done.event).toBe('llm.done');
    expect(events.filter((e) => e.event === 'llm.delta').map((e) => e.data.text).join('')).toBe(c.expected.text);
    const result = CompletionResultSchema.parse(done.data);
    expectRecorded(c, result);
    await expectOneUsageRow(p.id, result);
  });
});
