// `cogo mcp config`: each client's configuration for the API's /mcp, parsed back as what the client reads.
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli';

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env, isTTY: false };
  return { code: await runCli(argv, io), stdout, stderr };
}

/** The JSON documents of the output (each starts at a line that is `{`). */
function jsonBlocks(text: string): unknown[] {
  const out: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '{') continue;
    const end = lines.indexOf('}', i);
    out.push(JSON.parse(lines.slice(i, end + 1).join('\n')));
    i = end;
  }
  return out;
}

describe('cogo mcp config', () => {
  it('prints Claude Code, Cursor and VS Code configs for <base>/mcp and the key', async () => {
    const r = await run(['mcp', 'config'], { COGO_API_URL: 'https://api.cogo.test/', COGO_API_KEY: 'cogo_live_abc' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('claude mcp add --transport http cogo https://api.cogo.test/mcp --header "Authorization: Bearer cogo_live_abc"');
    const [claude, cursor, vscode] = jsonBlocks(r.stdout) as any[];
    expect(claude).toEqual({ mcpServers: { cogo: { type: 'http', url: 'https://api.cogo.test/mcp', headers: { Authorization: 'Bearer cogo_live_abc' } } } });
    expect(cursor).toEqual({ mcpServers: { cogo: { url: 'https://api.cogo.test/mcp', headers: { Authorization: 'Bearer cogo_live_abc' } } } });
    // VS Code asks for the key: it is never written into the workspace file
    expect(vscode.servers.cogo).toEqual({ type: 'http', url: 'https://api.cogo.test/mcp', headers: { Authorization: 'Bearer ${input:cogo-api-key}' } });
    expect(vscode.inputs).toEqual([{ type: 'promptString', id: 'cogo-api-key', description: 'COGO API key', password: true }]);
    expect(JSON.stringify(vscode)).not.toContain('cogo_live_abc');
  });

  it('one client with --client, a placeholder without a key, and usage errors with exit 2', async () => {
    const r = await run(['mcp', 'config', '--client', 'cursor', '--base-url', 'http://127.0.0.1:8787']);
    expect(r.code).toBe(0);
    expect(jsonBlocks(r.stdout)).toEqual([{ mcpServers: { cogo: { url: 'http://127.0.0.1:8787/mcp', headers: { Authorization: 'Bearer <your COGO API key>' } } } }]);
    expect(r.stdout).not.toContain('claude mcp add');
    expect((await run(['mcp', 'config', '--client', 'zed'])).code).toBe(2);
    const unknown = await run(['mcp', 'serve']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown mcp command "serve"');
  });
});
