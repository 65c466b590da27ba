// UI generation tests' own design library: a project's stored components and tokens written as figma-context apply
// and variables/derive would store them, and pages a model might answer.
import { schema } from '@cogo/db';
import { UI_JSON_VERSION, type CogoUiJson } from '@cogo/types';
import { testDb } from '../../../test/helpers';

/** The library's component names (what generation should match by role). */
export const LIBRARY = ['Button/Primary', 'Card', 'Input', 'Navbar'] as const;

/** The library's token paths. */
export const TOKENS = ['color.brand.primary', 'color.text.default', 'spacing.md', 'radius.md'] as const;

/** Stores a Figma page with the library's components and one token version; returns the component ids by name. */
export async function seedLibrary(projectId: string): Promise<Record<(typeof LIBRARY)[number], string>> {
  const handle = testDb();
  try {
    const [page] = await handle.db.insert(schema.pages).values({ projectId, fileKey: 'LIBRARYFILE01', nodeId: '0:1', name: 'Library' }).returning({ id: schema.pages.id });
    const ids = {} as Record<(typeof LIBRARY)[number], string>;
    for (const [i, name] of LIBRARY.entries()) {
      const id = crypto.randomUUID();
      ids[name] = id;
      await handle.db.insert(schema.components).values({
        id,
        projectId,
        pageId: page!.id,
        fileKey: 'LIBRARYFILE01',
        nodeId: `1:${i + 1}`,
        name,
        type: 'COMPONENT',
        props: { description: `The library's ${name}` },
        contentHash: `hash-${i}`,
      });
    }
    const tokens = {
      color: { $type: 'color', brand: { primary: { $value: { colorSpace: 'srgb', components: [0.1, 0.2, 0.9] } } }, text: { default: { $value: { colorSpace: 'srgb', components: [0, 0, 0] } } } },
      spacing: { $type: 'dimension', md: { $value: { value: 16, unit: 'px' } } },
      radius: { $type: 'dimension', md: { $value: { value: 8, unit: 'px' } } },
    };
    await handle.db.insert(schema.tokenVersions).values({ projectId, fileKey: 'LIBRARYFILE01', version: '1', tokens, resolver: {}, report: {}, contentHash: 'tokens-1', traceId: 'a'.repeat(32) });
    return ids;
  } finally {
    await handle.close();
  }
}

/** A valid cogo_ui_json page with `sections`, as a model would write it. */
export function modelPage(sections: CogoUiJson['page']['sections'], name = 'Acme landing'): CogoUiJson {
  return { schema: 'cogo_ui_json', version: UI_JSON_VERSION, page: { id: 'page-1', name, source: { kind: 'generated', generator: 'llm' }, sections } };
}

/** A hero section using the library's button and its tokens. */
export function heroSection(id = 'hero'): CogoUiJson['page']['sections'][number] {
  return {
    id,
    type: 'hero',
    name: 'Hero',
    layout: { direction: 'column', gap: 16, align: 'center' },
    style: { background: '{color.brand.primary}' },
    blocks: [
      {
        id: `${id}-main`,
        type: 'stack',
        components: [
          { id: `${id}-title`, type: 'heading', text: 'Ship faster with Acme', style: { color: '{color.text.default}' } },
          { id: `${id}-cta`, type: 'button', text: 'Start free', component: { name: 'Button/Primary' }, actions: [{ on: 'click', type: 'scroll_to', target: 'pricing' }] },
        ],
      },
    ],
  };
}
