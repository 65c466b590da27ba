import { describe, expect, it } from 'vitest';
import { RegistryInputError } from '../errors';
import { Warnings } from './read';
import { readStorybookIndex } from './storybook-index';

const entry = (id: string, title: string, name: string, extra: Record<string, unknown> = {}) => ({ id, title, name, importPath: './src/Button.stories.tsx', tags: ['dev', 'test'], type: 'story', ...extra });

const read = (index: unknown) => {
  const w = new Warnings();
  const out = readStorybookIndex(index, w);
  return { out, warnings: w.list() };
};

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('readStorybookIndex', () => {
  it('groups v5 entries by title: stories sorted by id, paths from story entries before docs entries', () => {
    const { out, warnings } = read({
      v: 5,
      entries: {
        'forms-text-field--docs': entry('forms-text-field--docs', 'Forms/Text Field', 'Docs', { type: 'docs', importPath: './docs/TextField.mdx', tags: ['autodocs'] }),
        'forms-text-field--filled': entry('forms-text-field--filled', 'Forms/Text Field', 'Filled', { importPath: './src/TextField.stories.tsx', componentPath: './src/TextField.tsx', tags: ['test', 'dev', 'dev'] }),
        'forms-text-field--empty': entry('forms-text-field--empty', 'Forms/Text Field', 'Empty', { importPath: './src/TextField.stories.tsx' }),
      },
    });
    expect(warnings).toEqual([]);
    const c = out.get('Forms/Text Field')!;
    expect(c).toMatchObject({ key: 'Forms/Text Field', name: 'Text Field', importPath: './src/TextField.stories.tsx', componentPath: './src/TextField.tsx' });
    expect(c.stories).toEqual([
      { id: 'forms-text-field--docs', name: 'Docs', type: 'docs', tags: ['autodocs'] },
      { id: 'forms-text-field--empty', name: 'Empty', type: 'story', tags: ['dev', 'test'] },
      { id: 'forms-text-field--filled', name: 'Filled', type: 'story', tags: ['dev', 'test'] },
    ]);
    expect([...c.idPrefixes]).toEqual(['forms-text-field']);
    expect([...c.importPaths].sort()).toEqual(['./docs/TextField.mdx', './src/TextField.stories.tsx']);
  });

  it('accepts v4; refuses other versions and shapes with the JSON path', () => {
    expect(read({ v: 4, entries: { 'a--b': entry('a--b', 'A', 'B') } }).out.get('A')?.stories).toHaveLength(1);
    const v3 = thrown(() => read({ v: 3, stories: {} }));
    expect(v3).toBeInstanceOf(RegistryInputError);
    expect(v3).toMatchObject({ path: 'index.v', message: expect.stringContaining('version 3 is not supported') });
    expect(thrown(() => read({ v: 5, entries: [] }))).toMatchObject({ path: 'index.entries' });
    expect(thrown(() => read('index.json'))).toMatchObject({ path: 'index' });
    expect(thrown(() => read(null))).toMatchObject({ path: 'index' });
  });

  it('refuses more entries than one ingest takes', () => {
    const entries: Record<string, unknown> = {};
    for (let i = 0; i <= 50_000; i++) entries[`c--s${i}`] = 0;
    expect(thrown(() => read({ v: 5, entries }))).toMatchObject({ path: 'index.entries', message: expect.stringContaining('50001 entries') });
  });

  it('skips odd entries with a warning each and never crashes on hostile ones', () => {
    const huge = 'x'.repeat(5_000_000);
    // a JSON body can carry a "__proto__" key (an object literal cannot: it would set the prototype)
    const { out, warnings } = read(
      JSON.parse(
        JSON.stringify({
          v: 5,
          entries: {
            PROTO: entry('__proto__', '__proto__', 'constructor'),
            constructor: entry('constructor', 'constructor', 'toString'),
            'nul--a': entry('nul--a', 'Bad\u0000Title', 'A\u0000b'),
            'huge--a': entry('huge--a', huge, 'Huge'),
            'num--a': 42,
            'arr--a': ['x'],
            'odd--a': entry('odd--a', 'Odd', 'A', { type: 'component' }),
            'dup--a': entry('dup--a', 'Dup', 'A'),
            'dup--b': entry('dup--a', 'Dup', 'B'),
          },
        }).replace('"PROTO"', '"__proto__"'),
      ),
    );
    expect(({} as Record<string, unknown>).title).toBeUndefined();
    expect([...out.keys()].sort()).toEqual(['BadTitle', 'Dup', '__proto__', 'constructor']);
    expect(out.get('BadTitle')!.stories[0]).toMatchObject({ id: 'nul--a', name: 'Ab' });
    expect(out.get('Dup')!.stories.map((s) => s.name)).toEqual(['A']);
    expect(out.get('__proto__')!.name).toBe('__proto__');
    expect(warnings.map((x) => x.path)).toEqual(['index.entries["huge--a"]', 'index.entries["num--a"]', 'index.entries["arr--a"]', 'index.entries["odd--a"]', 'index.entries["dup--b"]']);
    expect(warnings[3]!.message).toContain('unknown entry type "component"');
    expect(warnings[4]!.message).toContain('duplicate story id');
  });
});
