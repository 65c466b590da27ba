// `cogo drift` (packages/api-client/src/cli-drift.ts) against the real Worker: a Storybook build's documents read
// from "disk" (an in-memory reader), pushed to the registry, then the drift of the confirmed mappings — what it prints
// compared with what the API answers itself. The command is given parsed (runDrift): workerd has no parseArgs.
import { sampleCodeConnect, sampleDocgen, sampleStorybookIndex } from '@cogo/design-sync/samples';
import { DriftResponseSchema } from '@cogo/types';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../../../packages/api-client/src/cli';
import { DRIFT_EXIT, runDrift, type DriftCommand } from '../../../../packages/api-client/src/cli-drift';
import { ds, seedSampleDesign } from '../../src/modules/design-sync/design-sync.test-helpers';
import { BASE, createTestProject, type TestProject } from '../helpers';
import { workerTransport } from './client-helpers';

/** The sample build as storybook-static holds it: no components manifest, so that file is left out. */
const BUILD: Record<string, string> = {
  'sb/index.json': JSON.stringify(sampleStorybookIndex),
  'sb/docgen.json': JSON.stringify(sampleDocgen),
  'sb/code-connect.json': JSON.stringify(sampleCodeConnect),
};

async function run(p: TestProject, cmd: Partial<DriftCommand>, files: Record<string, string> = BUILD) {
  const transport = workerTransport();
  let stdout = '';
  let stderr = '';
  const readFile = async (path: string) => {
    if (!(path in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return files[path]!;
  };
  const code = await runDrift(
    { command: 'drift', fileKey: undefined, storybook: undefined, prune: false, failOnDrift: false, json: false, baseUrl: BASE, apiKey: p.key, ...cmd },
    { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, fetch: transport.fetch, readFile },
    describeError,
  );
  return { code, stdout, stderr, transport };
}

describe('cogo drift against the Worker', () => {
  it('pushes the build, prints the drift the API reports, and exits 3 with --fail-on-drift', async () => {
    const p = await createTestProject();
    const { fileKey } = await seedSampleDesign(p);
    const { code, stdout, stderr, transport } = await run(p, { storybook: 'sb/', failOnDrift: true });
    expect(code).toBe(DRIFT_EXIT);
    expect(transport.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/design-sync/registry', 200],
      ['GET', '/design-sync/drift', 200],
    ]);
    // the documents found were sent, the missing manifest left out
    expect(Object.keys(transport.requests[0]!.body as Record<string, unknown>)).toEqual(['index', 'docgen', 'code_connect', 'prune']);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^registry: \d+ components \(\d+ new, 0 updated, 0 unchanged, 0 deleted\), \d+ stories, 1 Code Connect mapping — read index\.json, docgen\.json, code-connect\.json$/);
    // Button is mapped through Code Connect: the drift of the sample's Button, as the API reports it
    const direct = DriftResponseSchema.parse(await (await ds(p, 'drift')).json());
    const button = direct.mappings.find((m) => m.code_component.key === 'Components/Button')!;
    expect(button.items.length).toBeGreaterThan(0);
    expect(lines[1]).toBe(`drift: ${direct.counts.drifted} of ${direct.counts.mappings} mapped component${direct.counts.mappings === 1 ? '' : 's'} drifted (${direct.counts.items} item${direct.counts.items === 1 ? '' : 's'}) · trace ${/· trace (\S+)$/.exec(lines[1]!)![1]}`);
    expect(stdout).toBe(
      [`Components/Button ↔ Figma "${button.figma.name}" (${fileKey} ${button.figma.node_id}): ${button.items.length} item${button.items.length === 1 ? '' : 's'}`, ...button.items.map((i) => `  ${i.kind}: ${i.message}`)].join('\n') + '\n',
    );
  });

  it('exits 0 on drift without --fail-on-drift; --json prints both answers; a file with no mappings has no drift', async () => {
    const p = await createTestProject();
    const { fileKey } = await seedSampleDesign(p);
    const plain = await run(p, { storybook: 'sb' });
    expect(plain.code).toBe(0);
    const json = await run(p, { json: true, fileKey });
    expect(json.code).toBe(0);
    const answer = JSON.parse(json.stdout) as { registry: unknown; drift: unknown };
    expect(answer.registry).toBeNull();
    expect(DriftResponseSchema.parse(answer.drift).counts.drifted).toBeGreaterThan(0);
    const other = await run(p, { fileKey: 'OTHERFILE0001', failOnDrift: true });
    expect([other.code, other.stdout, other.stderr]).toEqual([0, '', expect.stringMatching(/^drift: 0 of 0 mapped components of OTHERFILE0001 drifted · trace \S+\n$/)]);
  });

  it('refuses a build without index.json or with a file that is not JSON (exit 2), calling nothing', async () => {
    const p = await createTestProject();
    const missing = await run(p, { storybook: 'sb' }, { 'sb/docgen.json': '[]' });
    expect([missing.code, missing.transport.requests.length]).toEqual([2, 0]);
    expect(missing.stderr).toMatch(/^cogo: --storybook sb: cannot read index\.json: ENOENT/);
    const broken = await run(p, { storybook: 'sb' }, { ...BUILD, 'sb/docgen.json': '{not json' });
    expect([broken.code, broken.stderr, broken.transport.requests.length]).toEqual([2, 'cogo: --storybook sb: docgen.json is not JSON\n', 0]);
  });
});
