// Storybook 10's components manifest (`manifests/components.json`): `{ v, components: { <id>: { id, name, path,
// description?, import?, stories: [{ id, name, snippet? }], reactComponentMeta? | reactDocgenTypescript? |
// reactDocgen?, error? } } }`. `id` is the story ids' prefix ("components-button"), `name` the component's export
// name, `path` the stories file. Props come from whichever docgen the build ran (props.ts reads them all).
import { DESIGN_SYNC_LIMITS } from '@cogo/types';
import type { CodeProp } from '../types';
import { RegistryInputError } from '../errors';
import { readProps } from './props';
import { at, byText, isObject, nameOf, textOf, type Warnings } from './read';

/** A component of the manifest; `props` null when the manifest could not extract them. */
export interface ManifestComponent {
  path: string;
  id: string;
  name: string;
  storiesFile?: string;
  description?: string;
  props: CodeProp[] | null;
}

function readComponent(key: string, c: unknown, path: string, w: Warnings): ManifestComponent | null {
  if (!isObject(c)) {
    w.add(path, 'a manifest component must be an object');
    return null;
  }
  const docgen = [c.reactComponentMeta, c.reactDocgenTypescript, c.reactDocgen].find(isObject) ?? (c.props !== undefined ? { props: c.props } : undefined);
  const id = nameOf(c.id) ?? nameOf(key);
  const name = nameOf(c.name) ?? nameOf(docgen?.displayName);
  if (!id || !name) {
    w.add(path, 'a manifest component needs a string id and name');
    return null;
  }
  const out: ManifestComponent = { path, id, name, props: null };
  const storiesFile = nameOf(c.path);
  const description = textOf(c.description) ?? textOf(docgen?.description);
  if (storiesFile) out.storiesFile = storiesFile;
  if (description) out.description = description;
  if (docgen) out.props = readProps(docgen.props, `${path}.props`, w);
  else if (isObject(c.error)) w.add(path, `the manifest has no props for ${JSON.stringify(name)}: ${textOf(c.error.message, 200) ?? 'extraction failed'}`);
  return out;
}

/** The manifest's components, by id. Throws RegistryInputError when the document is not a components manifest. */
export function readManifest(input: unknown, w: Warnings): ManifestComponent[] {
  if (!isObject(input)) throw new RegistryInputError('manifest: expected a Storybook components manifest object', 'manifest');
  const raw = input.components;
  if (!isObject(raw) && !Array.isArray(raw)) throw new RegistryInputError('manifest: `components` must be an object of components by id', 'manifest.components');
  const list: [string | number, unknown][] = Array.isArray(raw) ? raw.map((c, i) => [i, c]) : Object.entries(raw);
  if (list.length > DESIGN_SYNC_LIMITS.components) {
    throw new RegistryInputError(`manifest: ${list.length} components, more than the ${DESIGN_SYNC_LIMITS.components} one ingest takes`, 'manifest.components');
  }
  const out: ManifestComponent[] = [];
  for (const [key, c] of list) {
    const m = readComponent(typeof key === 'string' ? key : '', c, at('manifest.components', key), w);
    if (m) out.push(m);
  }
  return out.sort((a, b) => byText(a.id, b.id));
}
