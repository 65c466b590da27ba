// `cogo mcp config`: ready-to-paste MCP client configurations for the API's Streamable HTTP endpoint (/mcp) — Claude
// Code (its `claude mcp add` line and a project .mcp.json), Cursor (mcp.json) and VS Code (.vscode/mcp.json, whose
// `inputs` ask for the key, so it never sits in the repository).
import type { McpClientName } from './cli-args';

/** The parsed `mcp config` command. */
export interface McpConfigCommand {
  client: McpClientName | undefined;
  baseUrl: string;
  apiKey: string | undefined;
}

const PLACEHOLDER = '<your COGO API key>';

/** The configuration text of one client. */
export function mcpConfigText(client: McpClientName, baseUrl: string, apiKey: string | undefined): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/mcp`;
  const auth = `Bearer ${apiKey ?? PLACEHOLDER}`;
  const json = (v: unknown) => JSON.stringify(v, null, 2);
  switch (client) {
    case 'claude':
      return [
        '# Claude Code: run once',
        `claude mcp add --transport http cogo ${url} --header "Authorization: ${auth}"`,
        '# or, shared with the project, .mcp.json:',
        json({ mcpServers: { cogo: { type: 'http', url, headers: { Authorization: auth } } } }),
      ].join('\n');
    case 'cursor':
      return ['# Cursor: ~/.cursor/mcp.json (or .cursor/mcp.json in the project)', json({ mcpServers: { cogo: { url, headers: { Authorization: auth } } } })].join('\n');
    case 'vscode':
      return [
        '# VS Code: .vscode/mcp.json (it asks for the key once and keeps it in its secret storage)',
        json({
          inputs: [{ type: 'promptString', id: 'cogo-api-key', description: 'COGO API key', password: true }],
          servers: { cogo: { type: 'http', url, headers: { Authorization: 'Bearer ${input:cogo-api-key}' } } },
        }),
      ].join('\n');
  }
}

/** Prints the configurations asked for (every client by default). */
export function runMcpConfig(cmd: McpConfigCommand, io: { stdout: { write(text: string): unknown } }): number {
  const clients: McpClientName[] = cmd.client ? [cmd.client] : ['claude', 'cursor', 'vscode'];
  io.stdout.write(`${clients.map((c) => mcpConfigText(c, cmd.baseUrl, cmd.apiKey)).join('\n\n')}\n`);
  return 0;
}
