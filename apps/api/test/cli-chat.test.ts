// `cogo chat` (packages/api-client/src/cli-chat.ts) against the real Worker, whose default chat provider is the
// OpenAI fake (it echoes "You said: <message>"): what the CLI prints is checked against what the API stored. The
// command is given parsed (runChat), as workerd has no node:util parseArgs; argv parsing is tested in the package
// (packages/api-client/src/cli-chat.test.ts).
import { describe, expect, it } from 'vitest';
import { describeError, type CliIo } from '../../../packages/api-client/src/cli';
import { streamChat } from '../../../packages/api-client/src/chat';
import { runChat, type ChatCommand } from '../../../packages/api-client/src/cli-chat';
import { workerTransport } from './e2e/client-helpers';
import { BASE, createTestProject } from './helpers';
import { storedMessages } from '../src/modules/chat/chat.test-helpers';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `cogo chat <content> [--session ID] [--json]` with the project's key; the CLI's fetch goes into the Worker. */
async function cogo(content: string, key: string, opts: { session?: string; json?: boolean } = {}) {
  const transport = workerTransport();
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
    isTTY: false,
    fetch: transport.fetch,
  };
  const command: ChatCommand = { command: 'chat', content, sessionId: opts.session, model: undefined, system: undefined, json: opts.json ?? false, baseUrl: BASE, apiKey: key };
  const code = await runChat(command, io, describeError);
  return { code, stdout, stderr, requests: transport.requests };
}

describe('cogo chat against the Worker', () => {
  it('prints the answer, names the session on stderr, and continues it with --session', async () => {
    const p = await createTestProject();
    const first = await cogo('What are design tokens?', p.key);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('You said: What are design tokens?\n');
    const line = new RegExp(`^session (${UUID}) · fake-openai/gpt-4o-mini · (\\d+)→(\\d+) tokens · \\$\\d+\\.\\d{6}$`);
    const [, session, input, output] = line.exec(first.stderr.trimEnd().split('\n').at(-1)!)!;
    // one POST, with an Idempotency-Key the CLI made up
    expect(first.requests.map((r) => [r.method, r.path, r.status])).toEqual([['POST', '/chat', 200]]);
    expect(first.requests[0]!.idempotencyKey).toMatch(new RegExp(`^chat-${UUID}$`));

    const second = await cogo('And colours?', p.key, { session: session! });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('You said: And colours?\n');
    expect(second.stderr).toMatch(new RegExp(`^session ${session} · fake-openai/gpt-4o-mini · `, 'm'));
    expect(second.requests[0]!.idempotencyKey).not.toBe(first.requests[0]!.idempotencyKey);

    // the printed counts are the stored ones, and the session holds both turns in order
    const stored = await storedMessages(p.key, session!);
    expect(stored.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'What are design tokens?', 'complete'],
      ['assistant', 'You said: What are design tokens?', 'complete'],
      ['user', 'And colours?', 'complete'],
      ['assistant', 'You said: And colours?', 'complete'],
    ]);
    expect([stored[1]!.input_tokens, stored[1]!.output_tokens]).toEqual([Number(input), Number(output)]);
  });

  it('--json prints the stored ChatResult', async () => {
    const p = await createTestProject();
    const { code, stdout, stderr } = await cogo('ping', p.key, { json: true });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { session_id: string; message_id: string; text: string; replayed: boolean; provider: string };
    expect(result).toMatchObject({ text: 'You said: ping', replayed: false, provider: 'fake-openai' });
    expect(stderr).toContain(`session ${result.session_id} · `);
    expect((await storedMessages(p.key, result.session_id)).map((m) => m.id).at(-1)).toBe(result.message_id);
  });

  it("exits 1 with the API's error on one line: a session that is not the project's, a bad key", async () => {
    const p = await createTestProject();
    const unknown = await cogo('hi', p.key, { session: crypto.randomUUID() });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(new RegExp(`^cogo: NOT_FOUND: .+ \\(request ${UUID}\\)\\n$`));

    const unauthorized = await cogo('hi', 'cogo_not_a_key');
    expect(unauthorized.code).toBe(1);
    expect(unauthorized.stderr).toMatch(new RegExp(`^cogo: UNAUTHORIZED: .+ \\(request ${UUID}\\)\\n$`));
  });
});

describe('streamChat: a retry is the same turn', () => {
  it('re-POSTs with the same Idempotency-Key after an answer lost on the way, and gets the stored answer (asked once, stored once)', async () => {
    const p = await createTestProject();
    const transport = workerTransport();
    let calls = 0;
    // the API answers the whole turn, then a proxy loses the answer: the client sees a 503
    const fetch = async (req: Request) => {
      const res = await transport.fetch(req);
      if (++calls > 1) return res;
      await res.text();
      return new Response('upstream unavailable', { status: 503 });
    };
    const sleeps: number[] = [];
    const turn = streamChat({ baseUrl: BASE, apiKey: p.key, fetch, sleep: async (ms) => void sleeps.push(ms) }, { content: 'once only' });
    const deltas: string[] = [];
    let step = await turn.next();
    for (; !step.done; step = await turn.next()) deltas.push(step.value);
    const result = step.value;

    expect(deltas.join('')).toBe('You said: once only');
    expect(result).toMatchObject({ text: 'You said: once only', replayed: true });
    expect(sleeps).toEqual([250]);
    const keys = transport.requests.map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect((await storedMessages(p.key, result.session_id)).map((m) => [m.id, m.role])).toEqual([
      [result.user_message_id, 'user'],
      [result.message_id, 'assistant'],
    ]);
  });
});
