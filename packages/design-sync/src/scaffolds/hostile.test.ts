import { describe, expect, it } from 'vitest';
import type { CodeComponent, DesignComponent } from '../types';
import { codeConnectFile } from './code-connect';
import { run, transpile } from './scaffold.test-helpers';
import { storyScaffold } from './story';
import { testScaffold } from './test-file';

const code: CodeComponent = {
  key: 'Evil/`${alert(1)}`*/ "quote" \'single\'\n</script>\u2028',
  name: 'Bu`tt\'o"n */ ${x}',
  componentPath: '../../etc/"x`/Bu\'tt*/on.tsx\u0000',
  props: [
    { name: '__proto__', kind: 'string', type: 'string' },
    { name: 'a"b', kind: 'enum', type: 'Kind', values: ["it's", '`back`', '*/', '${inj}', 'constructor'] },
    { name: 'x\ny', kind: 'boolean', type: 'boolean' },
  ],
  stories: [],
};

const design: DesignComponent = {
  fileKey: 'FILEKEY001',
  nodeId: '1:1',
  name: '*/\n// evil `${x}` \u2029',
  type: 'COMPONENT_SET',
  props: [
    { key: 'Ki"nd', name: 'Ki"nd', type: 'VARIANT', default: "it's", options: ["it's", '`back`', '*/', '${inj}', '__proto__', 'constructor', '123', 'Default', 'Ki Nd'] },
    { key: 'Sh*/ow#1:2', name: 'Sh*/ow', type: 'BOOLEAN', default: true },
    { key: 'La`bel#1:3', name: 'La`bel', type: 'TEXT', default: 'He said "hi" \\ `x` ${y} */' },
    { key: '__proto__#1:4', name: '__proto__', type: 'INSTANCE_SWAP', default: '9:9' },
  ],
  boundVariables: [],
};

const props = { 'Ki"nd': 'a"b', 'Sh*/ow': 'x\ny', 'La`bel': '__proto__' };
const url = 'https://www.figma.com/design/FILEKEY001/"`*/?node-id=1-1';
const files = () => [storyScaffold(code, design, props), testScaffold(code, design, props, { storybookUrl: 'http://x/"`*/' }), codeConnectFile(code, design, props, url)];

describe('scaffolds of hostile names', () => {
  it('are valid TypeScript (no syntax diagnostics) at safe paths', () => {
    for (const f of files()) {
      expect(transpile(f).errors, f.path).toEqual([]);
      expect(f.path.startsWith('etc/"x`/Bu\'tt*/BuTtONX.')).toBe(true);
      expect(f.path).not.toContain('..');
      expect(f.path).not.toContain('\u0000');
    }
  });

  it('carry the names exactly, as data, without touching any prototype', () => {
    const Comp = () => null;
    const mod = run(files()[0]!, { './on': { BuTtONX: Comp } });
    const meta = mod.default as { title: string; component: unknown; args: Record<string, unknown> };
    expect(meta.title).toBe(code.key);
    expect(meta.component).toBe(Comp);
    expect(Object.getPrototypeOf(meta.args)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(meta.args, '__proto__')?.value).toBe('He said "hi" \\ `x` ${y} */');
    expect(meta.args['a"b']).toBe("it's");
    expect(meta.args['x\ny']).toBe(true);
    const stories = Object.entries(mod).filter(([k]) => k !== 'default') as [string, { args: Record<string, unknown> }][];
    expect(stories.map(([k, s]) => [k, s.args['a"b']])).toEqual([
      ['Default', undefined],
      ['ItS', "it's"],
      ['Back', '`back`'],
      ['Option', '*/'],
      ['Inj', '${inj}'],
      ['Proto', '__proto__'],
      ['Constructor', 'constructor'],
      ['_123', '123'],
      ['KiNdDefault', 'Default'],
      ['KiNd', 'Ki Nd'],
    ]);
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });

  it('keep option maps of the Code Connect file as own keys', () => {
    const calls: unknown[][] = [];
    const figma = { connect: (...a: unknown[]) => calls.push(a), enum: (_n: string, m: unknown) => m, boolean: (n: string) => n, string: (n: string) => n, instance: (n: string) => n };
    run(files()[2]!, { '@figma/code-connect': { __esModule: true, default: figma }, './on': { BuTtONX: 1 } });
    const [, gotUrl, { props: got }] = calls[0] as [unknown, string, { props: Record<string, unknown> }];
    expect(gotUrl).toBe(url);
    const mapping = got['a"b'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(mapping, '__proto__')?.value).toBe('__proto__');
    expect(mapping.constructor).toBe('constructor');
    expect(got['x\ny']).toBe('Sh*/ow');
    expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).toBe('La`bel');
  });

  it('are deterministic: the same input gives the same bytes', () => {
    expect(files().map((f) => f.content)).toEqual(files().map((f) => f.content));
  });
});
