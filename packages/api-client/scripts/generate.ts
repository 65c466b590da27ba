// `gen`: writes openapi.json and src/schema.d.ts. `gen --check`: fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { currentDocumentJson, typesFor } from './openapi';

const docPath = fileURLToPath(new URL('../openapi.json', import.meta.url));
const typesPath = fileURLToPath(new URL('../src/schema.d.ts', import.meta.url));

const doc = currentDocumentJson();
const types = await typesFor(doc);
if (process.argv.includes('--check')) {
  const stale = [
    [docPath, doc],
    [typesPath, types],
  ].filter(([path, want]) => {
    try {
      return readFileSync(path!, 'utf8') !== want;
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(`stale generated client: ${stale.map(([p]) => p).join(', ')} — run: ./cogo gen`);
    process.exit(1);
  }
  console.log('api-client is up to date');
} else {
  writeFileSync(docPath, doc);
  writeFileSync(typesPath, types);
  console.log(`wrote ${docPath} and ${typesPath}`);
}
