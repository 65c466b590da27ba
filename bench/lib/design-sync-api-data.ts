/**
 * Data for bench/design-sync-api.ts: the sample file's Button component set cloned N times into one Figma file
 * (fresh node ids, "Button 1" … "Button N"), and a Storybook build of N coded buttons (index, react-docgen-typescript
 * props, Code Connect mappings to the clones) — each pair with the sample Button's deliberate drift (4 items).
 */
import { sampleCodeConnect, sampleDocgen, sampleStorybookIndex } from '../../packages/design-sync/src/samples';
import { SAMPLE_FILE_KEY, sampleFiles } from '../../tooling/fakes/src/samples';

interface Node {
  id: string;
  name: string;
  type: string;
  children?: Node[];
  [k: string]: unknown;
}

function find(node: Node, pred: (n: Node) => boolean): Node | undefined {
  if (pred(node)) return node;
  for (const c of node.children ?? []) {
    const hit = find(c, pred);
    if (hit) return hit;
  }
  return undefined;
}

/** A deep copy with every node id replaced (`<page>:<n>`), and its old → new ids. */
function cloneWithIds(node: Node, next: () => string, ids: Map<string, string>): Node {
  const id = next();
  ids.set(node.id, id);
  const copy: Node = { ...structuredClone(node), id };
  if (node.children) copy.children = node.children.map((c) => cloneWithIds(c, next, ids));
  return copy;
}

export interface BenchDesign {
  fileKey: string;
  /** GetFileResponse JSON. */
  file: string;
  /** Set node id of Button i (1-based). */
  setIds: string[];
}

/** A Figma file of `n` copies of the sample Button set. */
export function buttonFile(n: number, fileKey: string): BenchDesign {
  const sample = structuredClone(sampleFiles()[SAMPLE_FILE_KEY]) as unknown as { document: Node; components: Record<string, Record<string, unknown>>; componentSets: Record<string, Record<string, unknown>>; [k: string]: unknown };
  const set = find(sample.document, (x) => x.type === 'COMPONENT_SET' && x.name === 'Button')!;
  let counter = 0;
  const next = () => `900:${++counter}`;
  const components: Record<string, Record<string, unknown>> = {};
  const componentSets: Record<string, Record<string, unknown>> = {};
  const setIds: string[] = [];
  const children: Node[] = [];
  for (let i = 1; i <= n; i++) {
    const ids = new Map<string, string>();
    const copy = cloneWithIds(set, next, ids);
    copy.name = `Button ${i}`;
    copy.x = 0;
    copy.y = i * 100;
    setIds.push(copy.id);
    children.push(copy);
    for (const [oldId, newId] of ids) {
      if (sample.components[oldId]) components[newId] = { ...sample.components[oldId], key: `k${newId.replace(':', '_')}`, componentSetId: copy.id };
      if (sample.componentSets[oldId]) componentSets[newId] = { ...sample.componentSets[oldId], key: `ks${newId.replace(':', '_')}`, name: copy.name };
    }
  }
  const page: Node = { id: '900:0', name: 'Buttons', type: 'CANVAS', children, backgroundColor: { r: 1, g: 1, b: 1, a: 1 } };
  const file = { ...sample, name: `design-sync bench ${n}`, document: { ...sample.document, children: [page] }, components, componentSets, styles: {} };
  return { fileKey, file: JSON.stringify(file), setIds };
}

/** The registry ingest body of `n` coded buttons mapped (Code Connect) to the clones. */
export function buttonBuild(design: BenchDesign): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  const baseStories = Object.values(sampleStorybookIndex.entries).filter((e) => e.title === 'Components/Button');
  const docgenButton = sampleDocgen.find((d) => d.displayName === 'Button')!;
  const connectButton = sampleCodeConnect.find((c) => c.component === 'Button')!;
  const docgen: unknown[] = [];
  const codeConnect: unknown[] = [];
  design.setIds.forEach((setId, k) => {
    const name = `Button${k + 1}`;
    const file = `src/components/${name}.tsx`;
    for (const s of baseStories) {
      const id = `components-${name.toLowerCase()}--${s.name.toLowerCase()}`;
      entries[id] = { ...s, id, title: `Components/${name}`, importPath: `./src/components/${name}.stories.tsx`, componentPath: `./${file}` };
    }
    docgen.push({ ...docgenButton, displayName: name, filePath: file });
    codeConnect.push({ ...connectButton, component: name, source: file, figmaNode: `https://www.figma.com/design/${design.fileKey}/Bench?node-id=${setId.replace(':', '-')}` });
  });
  return { index: { v: 5, entries }, docgen, code_connect: codeConnect };
}
