import { SAMPLE_FILE_KEY, sampleVariables, storefrontFile } from '@cogo/fakes/samples';
import { describe, expect, it } from 'vitest';
import { indexNodes, normalizeExport } from '../../api/src/modules/uui/normalize';
import { exportNodes, exportTargets } from '../src/lib/export-nodes';
import type { ExportScope } from '../src/lib/protocol';
import { UploadBuilder } from '../src/lib/upload';
import { serializeCollection, serializeStyle, serializeVariable } from '../src/lib/variables';
import { createFigmaStub } from './figma-stub';

async function upload(scope: ExportScope, select?: (stub: ReturnType<typeof createFigmaStub>) => Promise<void>) {
  const stub = createFigmaStub();
  await select?.(stub);
  const builder = new UploadBuilder(stub.host.root.name);
  for await (const node of exportNodes(await exportTargets(stub.host, scope))) builder.add(node);
  const { host } = stub;
  builder.setFileData(
    (await host.variables.getLocalVariablesAsync()).map(serializeVariable),
    (await host.variables.getLocalVariableCollectionsAsync()).map(serializeCollection),
    (await host.getLocalPaintStylesAsync()).concat(await host.getLocalTextStylesAsync(), await host.getLocalEffectStylesAsync()).map(serializeStyle),
  );
  return { stub, builder, json: JSON.parse(builder.parts().join('')) as Record<string, unknown> };
}

describe('the upload (a REST file shape plus the plugin variables)', () => {
  it('the whole file: the same pages and nodes as the sample, which the API ingest normalises', async () => {
    const { json, builder } = await upload('file');
    const sample = storefrontFile();
    const normalized = normalizeExport(json, 'fallback');
    if (!normalized.ok) throw new Error(normalized.message);
    expect(normalized.value.name).toBe(sample.name);
    const pages = normalized.value.document.children ?? [];
    expect(pages.map((p) => [p.id, p.type, p.name])).toEqual(sample.document.children.map((p) => [p.id, 'CANVAS', p.name]));
    expect(indexNodes(normalized.value.document).size).toBe(indexNodes(sample.document as never).size);
    expect(Object.keys(normalized.value.components).sort()).toEqual(Object.keys(sample.components).sort());
    expect(Object.keys(normalized.value.componentSets).sort()).toEqual(Object.keys(sample.componentSets).sort());
    const summary = builder.summary();
    expect(summary.pages).toBe(sample.document.children.length);
    expect(summary.components).toBe(Object.keys(sample.components).length);
  });

  it('carries the variables and collections as the derive route reads them', async () => {
    const { json, builder } = await upload('page');
    const meta = sampleVariables()[SAMPLE_FILE_KEY]!;
    const variables = json.variables as { id: string; valuesByMode: unknown; variableCollectionId: string }[];
    expect(variables.map((v) => v.id).sort()).toEqual(Object.keys(meta.variables).sort());
    for (const v of variables) {
      expect(v.valuesByMode).toEqual(meta.variables[v.id]!.valuesByMode);
      expect(v.variableCollectionId).toBe(meta.variables[v.id]!.variableCollectionId);
    }
    const collections = json.variableCollections as { id: string; modes: unknown }[];
    expect(collections.map((c) => c.id)).toEqual(Object.keys(meta.variableCollections));
    expect(collections[0]!.modes).toEqual(Object.values(meta.variableCollections)[0]!.modes);
    expect(builder.summary().variables).toBe(Object.keys(meta.variables).length);
  });

  it('a selection sits on its own page, with only the components it uses', async () => {
    let picked = '';
    const { json } = await upload('selection', async (stub) => {
      await stub.pages[0]!.loadAsync();
      const frame = stub.pages[0]!.children[0]!;
      picked = frame.id;
      stub.select([frame.id]);
    });
    const normalized = normalizeExport(json, 'x');
    if (!normalized.ok) throw new Error(normalized.message);
    const [page] = normalized.value.document.children ?? [];
    expect(page?.children?.map((c) => c.id)).toEqual([picked]);
    expect(Object.keys(normalized.value.components).length).toBeLessThan(Object.keys(storefrontFile().components).length);
  });

  it('styles: the nodes’ styles map, plus local styles it does not name, in REST style metadata', async () => {
    const { json } = await upload('page');
    const styles = json.styles as Record<string, { styleType: string; name: string }>;
    const sample = storefrontFile().styles;
    expect(Object.keys(styles).sort()).toEqual(Object.keys(sample).sort());
    for (const [id, s] of Object.entries(sample)) expect(styles[id]).toMatchObject({ styleType: s.styleType, name: s.name });
  });

  it('names with quotes and </script> survive the parts being joined', async () => {
    const builder = new UploadBuilder('a "quoted" </script> file');
    builder.add({ pageId: '1:1', pageName: 'P"1', id: '2:2', name: 'n', entry: { document: { id: '2:2', type: 'FRAME', name: 'x\n"y"' } } });
    const json = JSON.parse(builder.parts().join('')) as { name: string; document: { children: { name: string; children: { name: string }[] }[] } };
    expect(json.name).toBe('a "quoted" </script> file');
    expect(json.document.children[0]!.name).toBe('P"1');
    expect(json.document.children[0]!.children[0]!.name).toBe('x\n"y"');
  });
});
