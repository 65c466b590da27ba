// code.ts itself, run against the typed stub installed as the `figma` global: its onmessage answers the UI.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_API_URL, STORAGE } from '../src/lib/main-handler';
import type { MainToUi } from '../src/lib/protocol';
import { createFigmaStub, type FigmaStub } from './figma-stub';

let stub: FigmaStub;
const send = (message: unknown) => stub.host.ui.onmessage!(message);
const posted = () => stub.log.posted as MainToUi[];

beforeEach(async () => {
  stub = createFigmaStub();
  vi.stubGlobal('figma', stub.host);
  vi.stubGlobal('__html__', '<html></html>');
  vi.resetModules();
  await import('../src/code');
});
afterEach(() => vi.unstubAllGlobals());

describe('code.ts (the main thread)', () => {
  it('keeps the API key in clientStorage and answers the settings', async () => {
    await send({ type: 'settings.load' });
    expect(posted()).toEqual([{ type: 'settings', apiUrl: DEFAULT_API_URL, apiKey: null }]);
    await send({ type: 'settings.save', apiUrl: ' http://127.0.0.1:9999 ', apiKey: ' cogo_abc ' });
    expect(stub.storage.get(STORAGE.apiKey)).toBe('cogo_abc');
    expect(posted().at(-1)).toEqual({ type: 'settings', apiUrl: 'http://127.0.0.1:9999', apiKey: 'cogo_abc' });
  });

  it('exports the page node by node: begin, one message per node, then variables and styles', async () => {
    await send({ type: 'export.start', scope: 'page' });
    const msgs = posted();
    const ids = stub.pages[0]!.children.map((n) => n.id);
    expect(msgs[0]).toEqual({ type: 'export.begin', scope: 'page', total: ids.length, fileKey: 'COGOSAMPLE0001', name: stub.host.root.name });
    const nodes = msgs.filter((m): m is Extract<MainToUi, { type: 'export.node' }> => m.type === 'export.node');
    expect(nodes.map((m) => m.node.id)).toEqual(ids);
    expect(nodes.map((m) => m.index)).toEqual(ids.map((_, i) => i));
    const done = msgs.at(-1) as Extract<MainToUi, { type: 'export.done' }>;
    expect(done.type).toBe('export.done');
    expect(done.variables.length).toBe((await stub.host.variables.getLocalVariablesAsync()).length);
    expect(done.variableCollections.map((c) => c.id)).toEqual((await stub.host.variables.getLocalVariableCollectionsAsync()).map((c) => c.id));
    expect(done.styles.length).toBeGreaterThan(0);
  });

  it('an empty selection is answered with an error, not an export', async () => {
    await send({ type: 'export.start', scope: 'selection' });
    expect(posted()).toEqual([{ type: 'error', message: 'Select at least one layer to export.' }]);
  });

  it('collects the selected layers, applies confirmed names in one undo step and notifies', async () => {
    await stub.pages[0]!.loadAsync();
    const frame = stub.pages[0]!.children[0]!;
    stub.select([frame.id]);
    await send({ type: 'layers.collect' });
    const layers = posted().at(-1) as Extract<MainToUi, { type: 'layers' }>;
    expect(layers.layers[0]).toMatchObject({ id: frame.id, name: frame.name, path: '' });
    await send({ type: 'rename.apply', renames: [{ id: frame.id, name: 'Home screen' }] });
    expect(posted().at(-1)).toEqual({ type: 'rename.applied', renamed: 1, missing: [] });
    expect(frame.name).toBe('Home screen');
    expect(stub.log.commits).toHaveLength(1);
    expect(stub.log.notified).toEqual(['Renamed 1 layer (one undo step)']);
  });

  it('ignores messages that are not the protocol’s', async () => {
    await send({ type: 'export.start', scope: 'everything' });
    await send('hello');
    await send(null);
    expect(posted()).toEqual([]);
  });
});
