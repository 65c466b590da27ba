// `cogo drift`: design-sync in CI — push a Storybook build's documents to the code registry, then print the drift of
// every confirmed mapping and, with --fail-on-drift, exit 3 when a component drifted. Like runImages it takes a
// parsed command and its I/O, so the API's tests run it inside workerd against the real Worker.
import type { CliCommand } from './cli-args';
import { connectionOf, type RunnerIo } from './cli-connection';
import { plural } from './cli-text';
import { getDrift, pushCodeRegistry, type DriftReport, type RegistryIngestRequest, type RegistryIngestResponse } from './design-sync';

/** The parsed `drift` command. */
export type DriftCommand = Extract<CliCommand, { command: 'drift' }>;

/** The exit code when --fail-on-drift finds drift (1 stays "the run failed"). */
export const DRIFT_EXIT = 3;

/** The build's documents the registry reads, by its request field: index.json is required, the others optional. */
export const STORYBOOK_FILES = { index: 'index.json', manifest: 'manifests/components.json', docgen: 'docgen.json', code_connect: 'code-connect.json' } as const;

/** Reads the build's documents; a string is the usage error (no index.json, a file that is not JSON). */
export async function readStorybookBuild(dir: string, readFile: (path: string) => Promise<string>): Promise<{ body: RegistryIngestRequest; read: string[] } | string> {
  const body: Record<string, unknown> = {};
  const read: string[] = [];
  for (const [field, name] of Object.entries(STORYBOOK_FILES)) {
    const path = `${dir.replace(/\/+$/, '') || '.'}/${name}`;
    let text: string;
    try {
      text = await readFile(path);
    } catch (err) {
      if (field !== 'index' && (err as { code?: string }).code === 'ENOENT') continue;
      return `cogo: --storybook ${dir}: cannot read ${name}: ${err instanceof Error ? err.message : String(err)}`;
    }
    try {
      body[field] = JSON.parse(text);
    } catch {
      return `cogo: --storybook ${dir}: ${name} is not JSON`;
    }
    read.push(name);
  }
  return { body: body as RegistryIngestRequest, read };
}

const counts = (c: RegistryIngestResponse['components']) => `${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.deleted} deleted`;

/** The stderr line of a registry push. */
export function registryLine(r: RegistryIngestResponse, read: string[]): string {
  const c = r.components;
  const mappings = r.mappings.inserted + r.mappings.updated + r.mappings.unchanged;
  return `registry: ${plural(c.inserted + c.updated + c.unchanged, 'component')} (${counts(c)}), ${plural(r.stories, 'story', 'stories')}${mappings ? `, ${plural(mappings, 'Code Connect mapping')}` : ''} — read ${read.join(', ')}${r.warnings.length ? ` · ${plural(r.warnings.length, 'warning')}: ${r.warnings.map((w) => `${w.path}: ${w.message}`).join('; ')}` : ''}`;
}

/** The drift as lines: each drifted component, then its items indented. */
export function driftLines(d: DriftReport): string[] {
  const lines: string[] = [];
  for (const m of d.mappings) {
    if (m.items.length === 0) continue;
    lines.push(`${m.code_component.key} ↔ Figma ${m.figma.name === null ? m.figma.node_id : `"${m.figma.name}"`} (${m.figma.file_key} ${m.figma.node_id}): ${plural(m.items.length, 'item')}`);
    for (const item of m.items) lines.push(`  ${item.kind}: ${item.message}`);
  }
  return lines;
}

/** Runs a parsed `drift`; resolves to the exit code (0, 1 on an error, 2 on an unreadable build, DRIFT_EXIT on drift with --fail-on-drift). */
export async function runDrift(cmd: DriftCommand, io: RunnerIo, describeError: (err: unknown) => string): Promise<number> {
  const conn = connectionOf(cmd, io);
  let build: { body: RegistryIngestRequest; read: string[] } | undefined;
  if (cmd.storybook !== undefined) {
    const read = io.readFile ? await readStorybookBuild(cmd.storybook, io.readFile) : 'cogo: --storybook: this runner cannot read files';
    if (typeof read === 'string') {
      io.stderr.write(`${read}\n`);
      return 2;
    }
    build = read;
  }
  try {
    const registry = build ? await pushCodeRegistry(conn, { ...build.body, prune: cmd.prune }) : null;
    if (registry && !cmd.json) io.stderr.write(`${registryLine(registry, build!.read)}\n`);
    const drift = await getDrift(conn, { ...(cmd.fileKey ? { fileKey: cmd.fileKey } : {}) });
    if (cmd.json) io.stdout.write(`${JSON.stringify({ registry, drift }, null, 2)}\n`);
    else {
      for (const line of driftLines(drift)) io.stdout.write(`${line}\n`);
      const { mappings, drifted, items } = drift.counts;
      io.stderr.write(`drift: ${drifted} of ${plural(mappings, 'mapped component')}${cmd.fileKey ? ` of ${cmd.fileKey}` : ''} drifted${items ? ` (${plural(items, 'item')})` : ''} · trace ${drift.trace_id}\n`);
    }
    return cmd.failOnDrift && drift.counts.drifted > 0 ? DRIFT_EXIT : 0;
  } catch (err) {
    io.stderr.write(`${describeError(err)}\n`);
    return io.signal?.aborted ? 130 : 1;
  }
}
