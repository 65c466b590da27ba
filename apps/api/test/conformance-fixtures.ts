// Loads the real Figma responses of ../shared/fixtures/figma (when that folder exists — CI has it,
// a fresh clone does not) for the Figma fake, with what each one must yield, from the raw JSON.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countRaw } from '@cogo/figma-context';

export const FIXTURES_DIR = fileURLToPath(new URL('../../../../shared/fixtures/figma', import.meta.url));

export interface ConformanceCase {
  key: string;
  fixture: string;
  kind: 'files' | 'nodes';
  expected: { pages: number; frames: number; components: number; instances: number; texts: number };
  /** For nodes responses: every requested node that exists must be streamed. */
  nodeIds: string[];
}

interface AnyNode {
  id: string;
  type: string;
  visible?: boolean;
}

/** Every fixture as a file the fake can serve, and its case. Empty when the folder is absent. */
export function loadConformance(): { files: Record<string, unknown>; cases: ConformanceCase[] } {
  const files: Record<string, unknown> = {};
  const cases: ConformanceCase[] = [];
  if (!existsSync(FIXTURES_DIR)) return { files, cases };
  let n = 0;
  for (const kind of ['files', 'nodes'] as const) {
    const dir = `${FIXTURES_DIR}/${kind}`;
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const raw = JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')) as Record<string, any>;
      const key = `CONFORM${String(++n).padStart(4, '0')}`;
      if (kind === 'files') {
        files[key] = raw;
        const keep = countRaw(raw).keep;
        cases.push({ key, fixture: name, kind, expected: keep, nodeIds: [] });
      } else {
        // a nodes response becomes a file with one page holding the requested nodes
        const entries = Object.values(raw.nodes ?? {}).filter(Boolean) as Array<{ document: AnyNode; components?: object; componentSets?: object; styles?: object }>;
        const docs = entries.map((e) => e.document);
        const merged = (k: 'components' | 'componentSets' | 'styles') => Object.assign({}, ...entries.map((e) => e[k] ?? {}));
        const file = {
          name: raw.name ?? name,
          lastModified: raw.lastModified ?? '2024-01-01T00:00:00Z',
          thumbnailUrl: '',
          version: '1',
          role: 'viewer',
          editorType: 'figma',
          schemaVersion: 0,
          document: { id: '0:0', name: 'Document', type: 'DOCUMENT', children: [{ id: '0:1', name: 'Page 1', type: 'CANVAS', children: docs }] },
          components: merged('components'),
          componentSets: merged('componentSets'),
          styles: merged('styles'),
        };
        files[key] = file;
        const keep = countRaw(raw).keep;
        cases.push({ key, fixture: name, kind, expected: { ...keep, pages: 1 }, nodeIds: docs.filter((d) => d.visible !== false).map((d) => d.id) });
      }
    }
  }
  return { files, cases };
}
