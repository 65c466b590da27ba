// react-docgen-typescript's JSON output: an array of `{ displayName, filePath?, description?, props: { <name>:
// PropItem } }` (props.ts reads the props).
import { DESIGN_SYNC_LIMITS } from '@cogo/types';
import type { CodeProp } from '../types';
import { RegistryInputError } from '../errors';
import { readProps } from './props';
import { at, isObject, nameOf, textOf, type Warnings } from './read';

/** A component doc of the docgen output. */
export interface DocgenComponent {
  path: string;
  displayName: string;
  filePath?: string;
  description?: string;
  props: CodeProp[];
}

/** The docgen output's components, in its order. Throws RegistryInputError when it is not an array of docs. */
export function readDocgen(input: unknown, w: Warnings): DocgenComponent[] {
  if (!Array.isArray(input)) throw new RegistryInputError('docgen: expected the array react-docgen-typescript writes', 'docgen');
  if (input.length > DESIGN_SYNC_LIMITS.components) {
    throw new RegistryInputError(`docgen: ${input.length} components, more than the ${DESIGN_SYNC_LIMITS.components} one ingest takes`, 'docgen');
  }
  const out: DocgenComponent[] = [];
  input.forEach((d, i) => {
    const path = at('docgen', i);
    const displayName = isObject(d) ? nameOf(d.displayName) : null;
    if (!isObject(d) || !displayName) {
      w.add(path, 'a docgen entry needs a string displayName');
      return;
    }
    const doc: DocgenComponent = { path, displayName, props: readProps(d.props, `${path}.props`, w) };
    const filePath = nameOf(d.filePath);
    const description = textOf(d.description);
    if (filePath) doc.filePath = filePath;
    if (description) doc.description = description;
    out.push(doc);
  });
  return out;
}
