// The real Figma responses of ../shared/fixtures/figma, beside the project (not part of it: read, never copied).
// Conformance suites run over them when the folder exists; without it they check only that it is absent.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/fixtures/figma beside the project root, relative to this file (packages/figma-compat/src/samples). */
export const FIGMA_FIXTURES = fileURLToPath(new URL('../../../../../shared/fixtures/figma', import.meta.url));

export interface FigmaFixture {
  /** "files/<name>.json" or "nodes/<name>.json" */
  rel: string;
  kind: 'files' | 'nodes';
  json: Record<string, unknown>;
}

/** Every files/ and nodes/ fixture, sorted; empty when the folder is missing. */
export function figmaFixtures(): FigmaFixture[] {
  const out: FigmaFixture[] = [];
  for (const kind of ['files', 'nodes'] as const) {
    const dir = `${FIGMA_FIXTURES}/${kind}`;
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.json')) out.push({ rel: `${kind}/${f}`, kind, json: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Record<string, unknown> });
    }
  }
  return out;
}

/** Whether the fixtures folder is there. */
export const fixturesPresent = () => existsSync(`${FIGMA_FIXTURES}/files`) && existsSync(`${FIGMA_FIXTURES}/nodes`);
