// Builds the plugin Figma loads from manifest.json: dist/code.js (the main thread, an IIFE for Figma's sandbox)
// and dist/ui.html (the iframe: one self-contained file, the bundled ui.ts inlined into src/ui.html).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const PLACEHOLDER = '<!-- UI_SCRIPT -->';

/** Builds both files into `outDir` (default dist/); returns their sizes in bytes. */
export async function buildPlugin(outDir = `${root}dist`) {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [`${root}src/code.ts`],
    outfile: `${outDir}/code.js`,
    bundle: true,
    format: 'iife',
    target: 'es2017',
    minify: true,
    logLevel: 'warning',
  });
  const ui = await build({
    entryPoints: [`${root}src/ui.ts`],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: true,
    logLevel: 'warning',
  });
  const js = ui.outputFiles[0].text.replaceAll('</script', '<\\/script');
  const template = await readFile(`${root}src/ui.html`, 'utf8');
  if (!template.includes(PLACEHOLDER)) throw new Error(`src/ui.html has no ${PLACEHOLDER}`);
  // a function replacement: `$&` and friends in the bundle must not be read as patterns
  const html = template.replace(PLACEHOLDER, () => `<script>${js}</script>`);
  await writeFile(`${outDir}/ui.html`, html);
  const code = await readFile(`${outDir}/code.js`);
  return { codeBytes: code.length, uiBytes: Buffer.byteLength(html) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { codeBytes, uiBytes } = await buildPlugin();
  console.log(`dist/code.js ${codeBytes} B · dist/ui.html ${uiBytes} B`);
}
