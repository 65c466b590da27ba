// Loads the recorded OpenAI answers of ../shared/fixtures/openai (when that folder exists — CI has it, a fresh
// clone does not) on the Node side, with what each one must yield computed from its raw bytes by a small parser of
// its own: neither the fake's nor the gateway's code decides what a recording says.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const OPENAI_FIXTURES_DIR = fileURLToPath(new URL('../../../../shared/fixtures/openai', import.meta.url));

export interface RecordedToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** A recorded chat-completions stream and what it says. */
export interface ChatConformanceCase {
  kind: 'chat';
  fixture: string;
  contentType: string;
  body: string;
  expected: {
    /** Every `choices[0].delta.content`, joined. */
    text: string;
    /** Tool calls joined by index: the first id and name seen, the argument pieces concatenated. */
    toolCalls: RecordedToolCall[];
    finishReason: string | null;
    /** The usage chunk's counts, or null when the recording has none. */
    usage: { prompt_tokens: number; completion_tokens: number } | null;
  };
}

/** A recorded embeddings response and what it holds. */
export interface EmbeddingsConformanceCase {
  kind: 'embeddings';
  fixture: string;
  contentType: string;
  body: string;
  expected: {
    model: string;
    encoding: 'float' | 'base64';
    count: number;
    dimensions: number;
    /** The first values of each vector, decoded (base64: little-endian float32). */
    first: number[][];
    usage: { prompt_tokens: number; total_tokens: number } | null;
  };
}

export type OpenAIConformanceCase = ChatConformanceCase | EmbeddingsConformanceCase;

/** The data of each event of an event stream (WHATWG framing: `data:` lines up to a blank line). */
function eventData(body: string): string[] {
  const out: string[] = [];
  let data: string[] = [];
  for (const line of body.split(/\r\n|\r|\n/)) {
    if (line === '') {
      if (data.length) out.push(data.join('\n'));
      data = [];
    } else if (line.startsWith('data:')) {
      data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  return out;
}

interface StreamChunk {
  choices?: Array<{ delta?: { content?: string | null; tool_calls?: Array<{ index: number; id?: string; function?: { name?: string; arguments?: string } }> }; finish_reason?: string | null }>;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}

/** What a recorded chat stream says. */
export function readChatStream(body: string): ChatConformanceCase['expected'] {
  let text = '';
  let finishReason: string | null = null;
  let usage: ChatConformanceCase['expected']['usage'] = null;
  const calls = new Map<number, RecordedToolCall>();
  for (const data of eventData(body)) {
    if (data === '[DONE]') continue;
    const chunk = JSON.parse(data) as StreamChunk;
    if (chunk.usage) usage = { prompt_tokens: chunk.usage.prompt_tokens, completion_tokens: chunk.usage.completion_tokens };
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    text += choice.delta?.content ?? '';
    for (const piece of choice.delta?.tool_calls ?? []) {
      const call = calls.get(piece.index) ?? { id: '', name: '', arguments: '' };
      calls.set(piece.index, {
        id: call.id || (piece.id ?? ''),
        name: call.name || (piece.function?.name ?? ''),
        arguments: call.arguments + (piece.function?.arguments ?? ''),
      });
    }
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }
  const toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  return { text, toolCalls, finishReason, usage };
}

const FIRST = 4;

/** What a recorded embeddings response holds. */
export function readEmbeddings(body: string): EmbeddingsConformanceCase['expected'] {
  const json = JSON.parse(body) as { model: string; data: Array<{ index: number; embedding: number[] | string }>; usage?: { prompt_tokens: number; total_tokens: number } };
  const vectors = [...json.data]
    .sort((a, b) => a.index - b.index)
    .map(({ embedding }) => {
      if (Array.isArray(embedding)) return embedding;
      const bytes = Buffer.from(embedding, 'base64');
      return Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
    });
  const dimensions = new Set(vectors.map((v) => v.length));
  if (dimensions.size !== 1) throw new Error('a recorded embeddings response with vectors of different sizes');
  return {
    model: json.model,
    encoding: json.data.some((d) => typeof d.embedding === 'string') ? 'base64' : 'float',
    count: vectors.length,
    dimensions: [...dimensions][0]!,
    first: vectors.map((v) => v.slice(0, FIRST)),
    usage: json.usage ? { prompt_tokens: json.usage.prompt_tokens, total_tokens: json.usage.total_tokens } : null,
  };
}

/** Every recording with its expectations; empty when the folder is absent. */
export function loadOpenAIConformance(): OpenAIConformanceCase[] {
  if (!existsSync(OPENAI_FIXTURES_DIR)) return [];
  const cases: OpenAIConformanceCase[] = [];
  for (const fixture of readdirSync(OPENAI_FIXTURES_DIR).sort()) {
    const body = readFileSync(`${OPENAI_FIXTURES_DIR}/${fixture}`, 'utf8');
    if (fixture.endsWith('.chat-completions.sse.txt')) {
      cases.push({ kind: 'chat', fixture, contentType: 'text/event-stream; charset=utf-8', body, expected: readChatStream(body) });
    } else if (fixture.endsWith('embeddings.response.json')) {
      cases.push({ kind: 'embeddings', fixture, contentType: 'application/json', body, expected: readEmbeddings(body) });
    }
  }
  return cases;
}
