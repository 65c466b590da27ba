// Storybook's `index.json` (v5; v4 reads the same): `{ v, entries: { <id>: { id, title, name, importPath,
// componentPath?, tags, type: 'story' | 'docs' } } }`. Entries are grouped by `title`: one component per title,
// keyed by it, its stories (and docs entries) kept on it.
import { lastSegment } from '@cogo/figma-compat';
import { DESIGN_SYNC_LIMITS } from '@cogo/types';
import type { CodeStory } from '../types';
import { RegistryInputError } from '../errors';
import { at, byText, isObject, nameOf, type Warnings } from './read';

/** A component of the index: its title (the key), the name its title gives, paths and stories. */
export interface IndexComponent {
  key: string;
  name: string;
  importPath?: string;
  componentPath?: string;
  stories: CodeStory[];
  /** The id part before `--` of its entries ("components-button"): what a components manifest calls the component. */
  idPrefixes: Set<string>;
  /** Every importPath of its entries (story files, MDX files). */
  importPaths: Set<string>;
}

interface Entry extends CodeStory {
  title: string;
  importPath?: string;
  componentPath?: string;
}

function readEntry(key: string, e: unknown, path: string, w: Warnings): Entry | null {
  if (!isObject(e)) {
    w.add(path, 'an index entry must be an object');
    return null;
  }
  const id = nameOf(e.id) ?? nameOf(key);
  const title = nameOf(e.title);
  const name = nameOf(e.name);
  if (!id || !title || !name) {
    w.add(path, 'an index entry needs a string id, title and name (without control characters, at most 1,000 characters)');
    return null;
  }
  if (e.type !== undefined && e.type !== 'story' && e.type !== 'docs') {
    w.add(path, `unknown entry type ${JSON.stringify(String(e.type).slice(0, 40))} (expected story or docs)`);
    return null;
  }
  const tags = Array.isArray(e.tags) ? [...new Set(e.tags.map(nameOf).filter((t): t is string => t !== null))].sort(byText) : [];
  const out: Entry = { id, name, type: e.type === 'docs' ? 'docs' : 'story', tags, title };
  const importPath = nameOf(e.importPath);
  const componentPath = nameOf(e.componentPath);
  if (importPath) out.importPath = importPath;
  if (componentPath) out.componentPath = componentPath;
  return out;
}

/** The components of a Storybook index, by title. Throws RegistryInputError when the document is not an index. */
export function readStorybookIndex(input: unknown, w: Warnings): Map<string, IndexComponent> {
  if (!isObject(input)) throw new RegistryInputError('index: expected a Storybook index.json object', 'index');
  if (input.v !== 5 && input.v !== 4) {
    throw new RegistryInputError(`index: Storybook index version ${JSON.stringify(input.v ?? null)} is not supported (expected v 5, or 4)`, 'index.v');
  }
  if (!isObject(input.entries)) throw new RegistryInputError('index: `entries` must be an object of entries by id', 'index.entries');
  const raw = Object.entries(input.entries);
  if (raw.length > DESIGN_SYNC_LIMITS.storyEntries) {
    throw new RegistryInputError(`index: ${raw.length} entries, more than the ${DESIGN_SYNC_LIMITS.storyEntries} one ingest takes`, 'index.entries');
  }
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const [key, e] of raw) {
    const path = at('index.entries', key);
    const entry = readEntry(key, e, path, w);
    if (!entry) continue;
    if (seen.has(entry.id)) {
      w.add(path, `duplicate story id ${JSON.stringify(entry.id)}: the first is kept`);
      continue;
    }
    seen.add(entry.id);
    entries.push(entry);
  }
  entries.sort((a, b) => byText(a.id, b.id));
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = groups.get(e.title);
    if (list) list.push(e);
    else groups.set(e.title, [e]);
  }
  if (groups.size > DESIGN_SYNC_LIMITS.components) {
    throw new RegistryInputError(`index: ${groups.size} components, more than the ${DESIGN_SYNC_LIMITS.components} one ingest takes`, 'index.entries');
  }
  const out = new Map<string, IndexComponent>();
  for (const [title, list] of groups) {
    // a story's importPath is the stories file; a docs entry's may be an MDX file: stories first
    const ordered = [...list.filter((e) => e.type === 'story'), ...list.filter((e) => e.type === 'docs')];
    const c: IndexComponent = {
      key: title,
      name: lastSegment(title),
      stories: list.map(({ id, name, type, tags }) => ({ id, name, type, tags })),
      idPrefixes: new Set(list.map((e) => e.id.split('--')[0]!)),
      importPaths: new Set(list.flatMap((e) => (e.importPath ? [e.importPath] : []))),
    };
    const importPath = ordered.find((e) => e.importPath)?.importPath;
    const componentPath = ordered.find((e) => e.componentPath)?.componentPath;
    if (importPath) c.importPath = importPath;
    if (componentPath) c.componentPath = componentPath;
    out.set(title, c);
  }
  return out;
}
