// Moves Next's export (out/) to dist/app/: the Worker's assets folder is dist/, the dashboard lives under /app.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}out/index.html`)) throw new Error('no out/index.html: run next build first');
rmSync(`${root}dist`, { recursive: true, force: true });
mkdirSync(`${root}dist`, { recursive: true });
cpSync(`${root}out`, `${root}dist/app`, { recursive: true });
