// The project's own sample design data: "COGO Sample — Storefront", served by the Figma fake by default.
import type { GetFileResponse } from '@figma/rest-api-spec';
import type { LocalVariablesMeta } from '../figma/figma-types';
import { applyLayout } from './layout';
import { documentNode } from './node-builders';
import { storefrontComponents } from './sample-components';
import { storefrontArchive, storefrontScreens } from './sample-screens';
import { storefrontStyles } from './sample-styles';
import { storefrontVariables } from './sample-variables';

/** Key of the storefront sample file. */
export const SAMPLE_FILE_KEY = 'COGOSAMPLE0001';

/** Builds the storefront sample file (fresh objects on every call, so callers may mutate them). */
export function storefrontFile(): GetFileResponse {
  const components = storefrontComponents();
  const document = documentNode([storefrontScreens(components), components.page, storefrontArchive(components)]);
  applyLayout(document);
  return {
    name: 'COGO Sample — Storefront',
    role: 'owner',
    lastModified: '2025-01-15T10:24:31Z',
    editorType: 'figma',
    thumbnailUrl: 'https://example.invalid/thumbnails/COGOSAMPLE0001.png',
    version: '2150376543',
    document,
    components: components.components,
    componentSets: components.componentSets,
    schemaVersion: 0,
    styles: storefrontStyles(),
    linkAccess: 'view',
  };
}

/** Every sample file by key. */
export function sampleFiles(): Record<string, GetFileResponse> {
  return { [SAMPLE_FILE_KEY]: storefrontFile() };
}

/** Local variables of the sample files, by file key. */
export function sampleVariables(): Record<string, LocalVariablesMeta> {
  return { [SAMPLE_FILE_KEY]: storefrontVariables() };
}
