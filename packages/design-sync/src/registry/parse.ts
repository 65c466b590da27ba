// parseRegistry: one registry from what a Storybook build gives. The index names the components (one per title,
// the key); the components manifest and react-docgen-typescript give their props, joined to the index by the
// manifest's id (the story ids' prefix), stories file or name, and by docgen displayName (filePath vs
// componentPath choosing between equal names). Without an index, manifest and docgen entries are the components,
// keyed by name. When both give props for one component, the docgen's are kept (it was asked for explicitly).
// Code Connect documents are explicit mappings. The output is sorted, so the same input always gives equal output.
import { DESIGN_SYNC_LIMITS } from '@cogo/types';
import type { CodeComponent, RegistryInput, RegistryParseResult } from '../types';
import { RegistryInputError } from '../errors';
import { readCodeConnect } from './code-connect';
import { readDocgen, type DocgenComponent } from './docgen';
import { readManifest, type ManifestComponent } from './manifest';
import { byText, samePath, Warnings } from './read';
import { readStorybookIndex, type IndexComponent } from './storybook-index';

/** A component being assembled; the sets are an index component's (what manifests join by). */
type Draft = CodeComponent & Partial<Pick<IndexComponent, 'idPrefixes' | 'importPaths'>>;

const present = (v: unknown) => v !== undefined && v !== null;
const squash = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();

/** The one draft `pick` keeps, or null when none or several do. */
function only(drafts: Iterable<Draft>, pick: (d: Draft) => boolean): Draft | null {
  let hit: Draft | null = null;
  for (const d of drafts) {
    if (!pick(d)) continue;
    if (hit) return null;
    hit = d;
  }
  return hit;
}

function joinManifest(m: ManifestComponent, drafts: Map<string, Draft>): Draft | null {
  return (
    only(drafts.values(), (d) => d.idPrefixes?.has(m.id) ?? false) ??
    (m.storiesFile ? only(drafts.values(), (d) => [...(d.importPaths ?? [])].some((p) => samePath(p, m.storiesFile!))) : null) ??
    only(drafts.values(), (d) => d.name === m.name) ??
    only(drafts.values(), (d) => squash(d.name) === squash(m.name))
  );
}

function joinDocgen(doc: DocgenComponent, drafts: Map<string, Draft>): Draft | null {
  const pathOk = (d: Draft) => !doc.filePath || !d.componentPath || samePath(doc.filePath, d.componentPath);
  return (
    only(drafts.values(), (d) => d.name === doc.displayName && pathOk(d)) ??
    only(drafts.values(), (d) => squash(d.name) === squash(doc.displayName) && pathOk(d)) ??
    (doc.filePath ? only(drafts.values(), (d) => !!d.componentPath && samePath(doc.filePath!, d.componentPath)) : null)
  );
}

/** Reads a Storybook index, components manifest, react-docgen-typescript output and Code Connect JSON into one registry. */
export function parseRegistry(input: RegistryInput): RegistryParseResult {
  const w = new Warnings();
  const drafts = new Map<string, Draft>();
  const hasIndex = present(input.index);
  if (hasIndex) for (const c of readStorybookIndex(input.index, w).values()) drafts.set(c.key, { ...c, props: [] });
  const taken = new Set<Draft>();
  const attach = (path: string, name: string, found: Draft | null): Draft | null => {
    if (found && taken.has(found)) {
      w.add(path, `${JSON.stringify(name)} joins ${JSON.stringify(found.key)}, which an earlier entry already gave props: left out`);
      return null;
    }
    if (!found && hasIndex) {
      w.add(path, `no component of the Storybook index matches ${JSON.stringify(name)}: left out`);
      return null;
    }
    if (!found && drafts.has(name)) {
      w.add(path, `a second component named ${JSON.stringify(name)}: left out`);
      return null;
    }
    const d = found ?? { key: name, name, props: [], stories: [] };
    drafts.set(d.key, d);
    taken.add(d);
    return d;
  };
  if (present(input.manifest)) {
    for (const m of readManifest(input.manifest, w)) {
      const d = attach(m.path, m.name, joinManifest(m, drafts));
      if (!d) continue;
      d.name = m.name;
      if (m.description) d.description = m.description;
      if (m.props) d.props = m.props;
    }
  }
  if (present(input.docgen)) {
    taken.clear();
    for (const doc of readDocgen(input.docgen, w)) {
      const d = attach(doc.path, doc.displayName, joinDocgen(doc, drafts));
      if (!d) continue;
      d.name = doc.displayName;
      if (doc.description) d.description = doc.description;
      d.props = doc.props;
      if (!d.componentPath && doc.filePath) d.componentPath = doc.filePath;
    }
  }
  if (drafts.size > DESIGN_SYNC_LIMITS.components) {
    throw new RegistryInputError(`${drafts.size} components, more than the ${DESIGN_SYNC_LIMITS.components} one ingest takes`, 'index');
  }
  const components: CodeComponent[] = [...drafts.values()]
    .map((d) => {
      const c: CodeComponent = { key: d.key, name: d.name, props: [...d.props].sort((a, b) => byText(a.name, b.name)), stories: [...d.stories].sort((a, b) => byText(a.id, b.id)) };
      if (d.importPath) c.importPath = d.importPath;
      if (d.componentPath) c.componentPath = d.componentPath;
      if (d.description) c.description = d.description;
      return c;
    })
    .sort((a, b) => byText(a.key, b.key));
  const explicit = present(input.codeConnect) ? readCodeConnect(input.codeConnect, w) : [];
  return { components, explicit, warnings: w.list() };
}
