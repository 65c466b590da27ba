/**
 * The peer, Framelink (GLips/Figma-Context-MCP v0.13.2, npm `figma-developer-mcp`), loaded into the bench's
 * own process so both tools run interleaved on the same input. Its code is not part of this repository:
 * BENCH_PEER_SRC names a checkout of it (e.g. `git archive v0.13.2 src tsconfig.json | tar -x -C /tmp/peer`).
 * Its transformation and serialisers are bundled with esbuild (its npm package ships them bundled too); the
 * one `remeda` helper it uses (`isTruthy`) is shimmed with the same body, js-yaml comes from this checkout.
 * Without BENCH_PEER_SRC the bench falls back to the recorded figures in MANIFEST.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the bench calls on the peer: its transformation and its three output forms. */
export interface Peer {
  /** simplifyRawFigmaObject(raw, allExtractors, { afterChildren: collapseSvgContainers }), as its MCP tool calls it. */
  simplify(raw: unknown): Promise<unknown>;
  /** Its JSON as the MCP tool serves it (indented), the same minified, and its `tree` text. */
  served(design: unknown): string;
  minified(design: unknown): string;
  tree(design: unknown): string;
}

interface PeerModule {
  simplifyRawFigmaObject(raw: unknown, extractors: unknown[], options?: object): Promise<unknown>;
  allExtractors: unknown[];
  collapseSvgContainers: unknown;
  serializeResult(result: unknown, format: 'json' | 'tree' | 'yaml'): string;
  wrapForSerialization(design: unknown): unknown;
}

type Esbuild = {
  build(o: Record<string, unknown>): Promise<unknown>;
};

const REMEDA_SHIM = 'export function isTruthy(data) { return !!data; }';

/** Bundles (once per source version) and imports the peer from a checkout; null when there is none. */
export async function loadPeer(src: string | undefined): Promise<Peer | null> {
  if (!src || !existsSync(join(src, 'src/extractors/index.ts'))) return null;
  const version = (JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
  const tag = createHash('sha256').update(`${src}\n${version}\n${readFileSync(join(src, 'src/extractors/design-extractor.ts'), 'utf8')}`).digest('hex').slice(0, 12);
  const out = join(tmpdir(), `cogo-bench-peer-${tag}.mjs`);
  if (!existsSync(out)) {
    // esbuild is tsx's own dependency; the root package does not depend on it directly.
    const req = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
    const esbuild = req('esbuild') as Esbuild;
    const shim = join(tmpdir(), `cogo-bench-remeda-${tag}.mjs`);
    writeFileSync(shim, REMEDA_SHIM);
    const yaml = createRequire(import.meta.url).resolve('js-yaml', { paths: [join(process.cwd(), 'node_modules/.pnpm/node_modules')] });
    await esbuild.build({
      stdin: {
        contents: [
          "export { simplifyRawFigmaObject, allExtractors, collapseSvgContainers } from './src/extractors/index.ts';",
          "export { serializeResult } from './src/utils/serialize.ts';",
          "export { wrapForSerialization } from './src/utils/serializable-design.ts';",
        ].join('\n'),
        resolveDir: src,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      outfile: out,
      alias: { remeda: shim, 'js-yaml': yaml },
      logLevel: 'error',
    });
  }
  const mod = (await import(pathToFileURL(out).href)) as PeerModule;
  return {
    simplify: (raw) => mod.simplifyRawFigmaObject(raw, mod.allExtractors, { afterChildren: mod.collapseSvgContainers }),
    served: (d) => mod.serializeResult(mod.wrapForSerialization(d), 'json'),
    minified: (d) => JSON.stringify(mod.wrapForSerialization(d)),
    tree: (d) => mod.serializeResult(mod.wrapForSerialization(d), 'tree'),
  };
}
