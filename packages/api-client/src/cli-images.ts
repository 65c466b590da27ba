// `cogo images <url | file-key> --node-id … --out DIR`: store renders (and fills) through the API, then write each
// artifact under DIR as `nodes/<node>@<scale>x.<fmt>` and `fills/<imageRef>.<ext>`. Like runExtract it takes a
// parsed command and its I/O, so the API's tests run it inside workerd against the real Worker.
import type { CliCommand } from './cli-args';
import { connectionOf, type RunnerIo } from './cli-connection';
import { plural } from './cli-text';
import { downloadFigmaArtifact, storeFigmaImages } from './figma-images';

/** The parsed `images` command. */
export type ImagesCommand = Extract<CliCommand, { command: 'images' }>;

/** The file an artifact is written to under `out` (its name without the `figma/<file_key>/` prefix). */
export function artifactPath(out: string, name: string): string {
  const rel = name.split('/').slice(2).join('/');
  return `${out.replace(/\/+$/, '') || '.'}/${rel}`;
}

/** Runs a parsed `images`; writes the files, prints one line per file (or the JSON answer); resolves to 0, or 1 when anything failed. */
export async function runImages(cmd: ImagesCommand, io: RunnerIo, describeError: (err: unknown) => string): Promise<number> {
  const conn = connectionOf(cmd, io);
  if (!io.writeFile) {
    io.stderr.write('cogo: ERROR: no file writer available\n');
    return 1;
  }
  try {
    const res = await storeFigmaImages(conn, cmd.request);
    const written: Array<{ name: string; path: string; bytes: number }> = [];
    for (const artifact of res.artifacts) {
      const bytes = await downloadFigmaArtifact(conn, artifact);
      const path = artifactPath(cmd.out, artifact.name);
      await io.writeFile(path, bytes);
      written.push({ name: artifact.name, path, bytes: bytes.byteLength });
      if (!cmd.json) io.stdout.write(`${path} (${bytes.byteLength} bytes, ${artifact.stored === 'new' ? 'fetched' : 'already stored'})\n`);
    }
    for (const f of res.failed) io.stderr.write(`cogo: ${f.reason}: ${f.message}\n`);
    if (cmd.json) io.stdout.write(`${JSON.stringify({ ...res, written }, null, 2)}\n`);
    else io.stderr.write(`${plural(written.length, 'file')} in ${cmd.out}; Figma calls: tier 1 ${res.figma_calls.tier1}, tier 2 ${res.figma_calls.tier2}, downloads ${res.figma_calls.downloads}\n`);
    // a node Figma could not render is a failure of the run, though the other files are written
    return res.failed.length > 0 ? 1 : 0;
  } catch (err) {
    io.stderr.write(`${describeError(err)}\n`);
    return io.signal?.aborted ? 130 : 1;
  }
}
