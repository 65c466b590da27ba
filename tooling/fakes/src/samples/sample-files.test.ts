import type { GetFileResponse, Node } from '@figma/rest-api-spec';
import { describe, expect, it } from 'vitest';
import { childrenOf } from '../figma/node-index';
import { countNodes } from './count-nodes';
import { SAMPLE_FILE_KEY, sampleFiles, sampleVariables } from './sample-files';

const file = sampleFiles()[SAMPLE_FILE_KEY] as GetFileResponse;

function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    out.push(node);
    stack.push(...childrenOf(node));
  }
  return out;
}

/** Every VARIABLE_ALIAS id anywhere inside a value (bound fills, radii, paints' own boundVariables…). */
function aliasIds(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) aliasIds(item, into);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (record.type === 'VARIABLE_ALIAS' && typeof record.id === 'string') into.push(record.id);
    for (const [key, item] of Object.entries(record)) if (key !== 'children') aliasIds(item, into);
  }
  return into;
}

describe('sample files', () => {
  const nodes = allNodes(file.document);
  const counts = countNodes(file);

  it('is the storefront file with at least two pages of several frames each', () => {
    expect(file.name).toBe('COGO Sample — Storefront');
    const pages = file.document.children;
    expect(pages.filter((page) => page.type === 'CANVAS').length).toBeGreaterThanOrEqual(2);
    const screens = pages[0]?.children.filter((child) => child.type === 'FRAME').map((child) => child.name);
    expect(screens).toEqual(['Home', 'Product', 'Checkout']);
  });

  it('has components, a component set with variants, instances, texts and shapes', () => {
    for (const type of ['COMPONENT', 'COMPONENT_SET', 'INSTANCE', 'TEXT', 'RECTANGLE', 'ELLIPSE', 'VECTOR', 'GROUP']) {
      expect(counts.byType[type] ?? 0, type).toBeGreaterThan(0);
    }
    const set = nodes.find((node) => node.type === 'COMPONENT_SET');
    expect(set?.type === 'COMPONENT_SET' && set.children.every((child) => child.type === 'COMPONENT')).toBe(true);
    expect(childrenOf(set as Node).map((child) => child.name)).toContain('Variant=Primary, Size=Medium');
    const texts = nodes.filter((node) => node.type === 'TEXT');
    expect(texts.every((node) => node.type === 'TEXT' && node.characters.length > 0 && node.style.fontSize)).toBe(true);
  });

  it('keeps the component maps consistent with the nodes', () => {
    const componentIds = nodes.filter((node) => node.type === 'COMPONENT').map((node) => node.id);
    expect(Object.keys(file.components).sort()).toEqual([...componentIds].sort());
    const setIds = nodes.filter((node) => node.type === 'COMPONENT_SET').map((node) => node.id);
    expect(Object.keys(file.componentSets)).toEqual(setIds);
    for (const node of nodes) {
      if (node.type !== 'INSTANCE') continue;
      expect(file.components[node.componentId], node.id).toBeDefined();
    }
    const variant = file.components[componentIds.find((id) => file.components[id]?.name.startsWith('Variant=')) ?? ''];
    expect(setIds).toContain(variant?.componentSetId);
  });

  it('gives instances Figma ids and component properties', () => {
    const instances = nodes.filter((node) => node.type === 'INSTANCE');
    const withProps = instances.filter((node) => node.type === 'INSTANCE' && Object.keys(node.componentProperties ?? {}).length > 0);
    expect(withProps.length).toBeGreaterThan(3);
    const nested = nodes.filter((node) => node.id.startsWith('I'));
    expect(nested.length).toBeGreaterThan(0);
    expect(nested.every((node) => /^I\d+:\d+(;I?\d+:\d+)+$/.test(node.id))).toBe(true);
  });

  it('uses auto-layout, hidden layers and auto-generated names', () => {
    const frames = nodes.filter((node) => node.type === 'FRAME');
    expect(frames.some((node) => node.type === 'FRAME' && node.layoutMode === 'VERTICAL' && node.itemSpacing !== undefined)).toBe(true);
    expect(frames.some((node) => node.type === 'FRAME' && node.primaryAxisAlignItems === 'SPACE_BETWEEN')).toBe(true);
    expect(nodes.filter((node) => node.visible === false).length).toBeGreaterThanOrEqual(3);
    expect(nodes.some((node) => /^Frame \d+$/.test(node.name))).toBe(true);
    expect(nodes.some((node) => /^Rectangle \d+$/.test(node.name))).toBe(true);
  });

  it('binds variables that exist in the sample variables, and styles that exist in the styles map', () => {
    const meta = sampleVariables()[SAMPLE_FILE_KEY];
    const known = new Set(Object.keys(meta?.variables ?? {}));
    const used = nodes.flatMap((node) => aliasIds(node));
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) expect(known, id).toContain(id);
    for (const variable of Object.values(meta?.variables ?? {})) {
      expect(meta?.variableCollections[variable.variableCollectionId]?.variableIds).toContain(variable.id);
    }
    const types = new Set(Object.values(meta?.variables ?? {}).map((variable) => variable.resolvedType));
    expect(types).toEqual(new Set(['COLOR', 'FLOAT']));
    const styleIds = nodes.flatMap((node) => Object.values((node as { styles?: Record<string, string> }).styles ?? {}));
    expect(styleIds.length).toBeGreaterThan(0);
    for (const id of styleIds) expect(file.styles[id], id).toBeDefined();
  });

  it('lays out children inside their auto-layout parents', () => {
    const home = file.document.children[0]?.children[0];
    const box = (node: Node | undefined) => (node as { absoluteBoundingBox?: { x: number; y: number; width: number; height: number } }).absoluteBoundingBox;
    const [nav, hero] = childrenOf(home as Node);
    expect(box(nav)?.y).toBe(box(home as Node)?.y);
    expect(box(hero)?.y).toBe((box(nav)?.y ?? 0) + (box(nav)?.height ?? 0));
  });

  it('builds the same file on every call, as fresh objects', () => {
    const again = sampleFiles()[SAMPLE_FILE_KEY];
    expect(again).toEqual(file);
    expect(again?.document).not.toBe(file.document);
  });
});
