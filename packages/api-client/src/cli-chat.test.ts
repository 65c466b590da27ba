// `cogo chat`: argv, what goes to stdout and stderr, exit codes, stdin. Against the real Worker (the OpenAI fake's
// echo, sessions continued): apps/api/test/cli-chat.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli';
import { parseCliArgs, UsageError, USAGE } from './cli-args';
import { chatSummaryLine } from './cli-chat';

const SESSION = '0b7c6f1e-4a8d-4a39-9a57-3f3b1f7e2c10';
const READY = { session_id: SESSION, user_message_id: '5d0e2f4b-1c3a-4e6f-8b7d-9a1c2e3f4a5b', trace_id: 'a'.repeat(32) };
const RESULT = {
  ...READY,
  message_id: '7e1f3a5c-2b4d-4f60-9c8e-0b2d4f6a8c1e',
  text: 'You said: hi there',
  usage: { input_tokens: 12, output_tokens: 5, cost_usd: 0.0000346, estimated: false },
  provider: 'fake-openai',
  model: 'gpt-4o-mini',
  continued: false,
  replayed: false,
};
const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const deltas = (...pieces: string[]) => pieces.map((text) => frame('chat.delta', { text })).join('');

async function run(argv: string[], answer: string | Response, extra: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const bodies: unknown[] = [];
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { COGO_API_URL: 'http://cogo.test', COGO_API_KEY: 'cogo_env' },
    isTTY: false,
    fetch: async (req) => {
      bodies.push(await req.json());
      return typeof answer === 'string' ? new Response(answer, { headers: { 'content-type': 'text/event-stream' } }) : answer;
    },
    ...extra,
  };
  return { code: await runCli(argv, io), stdout, stderr, bodies };
}

describe('cogo chat: arguments', () => {
  it('reads the message, the session, model, system prompt and --json; "-" means stdin', () => {
    expect(parseCliArgs(['chat', 'hi there', '--session', SESSION, '--model', 'gpt-4o-mini', '--system', 'Be brief.', '--json'], { COGO_API_KEY: 'cogo_env' })).toEqual({
      command: 'chat',
      content: 'hi there',
      sessionId: SESSION,
      model: 'gpt-4o-mini',
      system: 'Be brief.',
      json: true,
      baseUrl: 'http://127.0.0.1:8787',
      apiKey: 'cogo_env',
    });
    expect(parseCliArgs(['chat', '-'], {})).toMatchObject({ command: 'chat', content: null, sessionId: undefined, model: undefined, system: undefined, json: false });
    // a message that starts with a dash follows --
    expect(parseCliArgs(['chat', '--', '-1 is less than 0?'], {})).toMatchObject({ content: '-1 is less than 0?' });
  });

  it('refuses a missing or split message, a session that is not an id, an empty model (exit 2 with the usage)', async () => {
    const bad: Array<[string[], string]> = [
      [['chat'], 'chat needs a message'],
      [['chat', '  '], 'chat needs a message'],
      [['chat', 'hi', 'there'], 'unexpected argument "there" (quote a message of several words)'],
      [['chat', 'hi', '--session', 'yesterday'], '--session must be a session id'],
      [['chat', 'hi', '--model', ''], '--model is empty'],
    ];
    for (const [argv, message] of bad) {
      expect(() => parseCliArgs(argv, {}), argv.join(' ')).toThrow(UsageError);
      const { code, stdout, stderr, bodies } = await run(argv, '');
      expect(code, argv.join(' ')).toBe(2);
      expect([stdout, bodies]).toEqual(['', []]);
      expect(stderr).toContain(`cogo: ${message}`);
    }
    expect(USAGE).toContain('Usage: cogo chat <message | -> [--session <id>] [--model <m>] [--system <text>] [--json]');
  });
});

describe('cogo chat: output', () => {
  it('prints the tokens on stdout then a newline, and on stderr the line naming the session', async () => {
    const { code, stdout, stderr, bodies } = await run(['chat', 'hi there', '--session', SESSION], frame('ready', READY) + deltas('You', ' said:', ' hi there') + frame('chat.done', RESULT));
    expect(code).toBe(0);
    expect(stdout).toBe('You said: hi there\n');
    expect(stderr).toBe(`session ${SESSION} · fake-openai/gpt-4o-mini · 12→5 tokens · $0.000035\n`);
    expect(bodies).toEqual([{ content: 'hi there', stream: true, session_id: SESSION }]);
  });

  it('says when the tokens were estimated and the answer was replayed', () => {
    expect(chatSummaryLine({ ...RESULT, usage: { ...RESULT.usage, estimated: true, cost_usd: 0 }, replayed: true })).toBe(
      `session ${SESSION} · fake-openai/gpt-4o-mini · 12→5 tokens (estimated) · $0.000000 · replayed`,
    );
  });

  it('--json prints the ChatResult instead of the streamed text', async () => {
    const { code, stdout, stderr } = await run(['chat', 'hi there', '--json'], frame('ready', READY) + deltas('You said:', ' hi there') + frame('chat.done', RESULT));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(RESULT);
    expect(stderr).toMatch(new RegExp(`^session ${SESSION} · `));
  });

  it('exits 1 with the API error on one line; text already printed ends with a newline first', async () => {
    const budget = new Response(JSON.stringify({ error: { code: 'BUDGET_EXCEEDED', message: 'the monthly budget is spent', requestId: 'req-9' } }), {
      status: 402,
      headers: { 'content-type': 'application/json' },
    });
    const refused = await run(['chat', 'hi'], budget);
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: 'cogo: BUDGET_EXCEEDED: the monthly budget is spent (request req-9)\n' });

    const cut = await run(['chat', 'hi'], frame('ready', READY) + deltas('You said') + frame('error', { error: { code: 'LLM_STREAM_CUT', message: 'the provider cut the stream', requestId: 'req-7' } }));
    expect(cut).toMatchObject({ code: 1, stdout: 'You said\n', stderr: 'cogo: LLM_STREAM_CUT: the provider cut the stream (request req-7)\n' });

    const ended = await run(['chat', 'hi'], frame('ready', READY) + deltas('You said'));
    expect(ended.code).toBe(1);
    expect(ended.stdout).toBe('You said\n');
    expect(ended.stderr).toMatch(/^cogo: STREAM_CUT: the chat stream ended without chat\.done or error after 8 characters\n$/);
  });

  it('reads the message from stdin with "-" (its trailing newline dropped); an empty stdin is a usage error', async () => {
    const piped = await run(['chat', '-'], frame('ready', READY) + deltas('ok') + frame('chat.done', RESULT), { readStdin: async () => 'from a pipe\n' });
    expect(piped.code).toBe(0);
    expect(piped.bodies).toEqual([{ content: 'from a pipe', stream: true }]);

    const empty = await run(['chat', '-'], '', { readStdin: async () => '\n' });
    expect(empty).toMatchObject({ code: 2, stdout: '', stderr: 'cogo: chat needs a message: stdin was empty\n', bodies: [] });
  });
});
