import { describe, expect, it } from 'vitest';
import { deriveTokens } from './derive';
import type { DtcgGroup, DtcgToken } from './dtcg-types';
import { TokensInputError } from './errors';
import { flatten } from './flatten';
import { resolveTokens } from './resolver';
import { sampleStylesFile } from './samples/styles-sample';
import { BLUE600_KEY, IDS, MISSING_LIBRARY_KEY, sampleCounts, samplePluginExport, sampleVariablesResponse } from './samples/variables-sample';
import { validateResolver, validateTokens } from './validate';

const derive = () => deriveTokens({ variables: sampleVariablesResponse(), name: 'Sample' });

/** The token at a dotted path of a document. */
function at(doc: DtcgGroup, path: string): DtcgToken {
  let node: unknown = doc;
  for (const s of path.split('.')) node = (node as Record<string, unknown>)[s];
  expect(node, path).toBeDefined();
  return node as DtcgToken;
}

describe('deriveTokens on the sample variables', () => {
  it('writes one top-level group per collection, local collections first, and a valid document', () => {
    const { tokens } = derive();
    expect(Object.keys(tokens)).toEqual(['Primitives', 'Theme', 'Density', 'Brand library']);
    expect(validateTokens(tokens)).toEqual({ valid: true, errors: [] });
  });

  it('converts colours to sRGB objects with alpha and hex, and keeps the description', () => {
    const red = at(derive().tokens, 'Primitives.color.red.500');
    expect(red.$type).toBe('color');
    expect(red.$value).toEqual({ colorSpace: 'srgb', components: [229 / 255, 72 / 255, 77 / 255], alpha: 0.8, hex: '#e5484d' });
    expect(red.$description).toBe('Errors, at 80 %');
  });

  it('types FLOAT variables by scopes, then by name, else number, and says which', () => {
    const { tokens } = derive();
    expect(at(tokens, 'Primitives.spacing.0_5')).toMatchObject({ $type: 'dimension', $value: { value: 2, unit: 'px' }, $extensions: { 'com.figma': { typeFrom: 'scopes' } } });
    expect(at(tokens, 'Primitives.radius.md')).toMatchObject({ $type: 'dimension', $value: { value: 8, unit: 'px' } });
    expect(at(tokens, 'Primitives.spacing.1')).toMatchObject({ $type: 'dimension', $extensions: { 'com.figma': { typeFrom: 'name', scopes: ['ALL_SCOPES'] } } });
    expect(at(tokens, 'Primitives.opacity.disabled')).toMatchObject({ $type: 'number', $value: 40 });
    expect(at(tokens, 'Primitives.font.weight.bold')).toMatchObject({ $type: 'fontWeight', $value: 700 });
    expect(at(tokens, 'Primitives.font.family.sans')).toMatchObject({ $type: 'fontFamily', $value: 'Inter' });
  });

  it('keeps STRING and BOOLEAN variables under the group $extensions with their Figma ids, per mode', () => {
    const { tokens, resolver } = derive();
    const figma = (tokens.Theme as DtcgGroup).$extensions!['com.figma'] as { collectionId: string; variables: Record<string, unknown> };
    expect(figma.collectionId).toBe(IDS.theme);
    expect(figma.variables['copy.greeting']).toEqual({ variableId: IDS.greeting, collectionId: IDS.theme, type: 'STRING', value: 'Hello', scopes: ['TEXT_CONTENT'] });
    expect(figma.variables['feature.dark-chrome']).toMatchObject({ variableId: IDS.darkChrome, type: 'BOOLEAN', value: false });
    const dark = resolveTokens(resolver, { theme: 'Dark' }).Theme as DtcgGroup;
    const darkVars = (dark.$extensions!['com.figma'] as { variables: Record<string, { value: unknown }> }).variables;
    expect(darkVars['copy.greeting']!.value).toBe('Good evening');
    expect(darkVars['feature.dark-chrome']!.value).toBe(true);
  });

  it('writes aliases as {references} resolved by variable id, across collections', () => {
    const { tokens, resolver } = derive();
    expect(at(tokens, 'Theme.color.bg.default').$value).toBe('{Primitives.color.gray.0}');
    expect(at(tokens, 'Theme.color.brand.primary').$value).toBe('{Primitives.color.blue.500}');
    expect(at(tokens, 'Density.space.inset')).toMatchObject({ $type: 'dimension', $value: '{Primitives.spacing.1}' });
    const dark = resolveTokens(resolver, { theme: 'Dark' });
    expect(at(dark, 'Theme.color.bg.default').$value).toBe('{Primitives.color.gray.900}');
    // the dark brand colour is a variable of a remote (library) collection the response includes
    expect(at(dark, 'Theme.color.brand.primary').$value).toBe('{Brand library.ink.strong}');
  });

  it('survives a rename: the reference follows the variable id, not its old name', () => {
    const input = sampleVariablesResponse();
    (input.meta.variables[IDS.gray0] as { name: string }).name = 'neutral/white';
    const { tokens } = deriveTokens({ variables: input });
    expect(at(tokens, 'Theme.color.bg.default').$value).toBe('{Primitives.neutral.white}');
  });

  it('resolves a library alias through the published key, and reports one that nothing holds', () => {
    const { tokens, report } = derive();
    expect(at(tokens, 'Theme.color.link').$value).toBe('{Primitives.color.blue.600}');
    expect(report.aliases.resolvedByKey).toBe(1);
    const border = at(tokens, 'Theme.color.border');
    // light aliases a library variable no source holds: the dark value stands in, and the token says so
    expect(border.$value).toEqual({ colorSpace: 'srgb', components: [0x11 / 255, 0x13 / 255, 0x18 / 255], alpha: 1, hex: '#111318' });
    expect(border.$extensions!['com.figma']).toMatchObject({ unresolved: { aliasId: `VariableID:${MISSING_LIBRARY_KEY}/7:7`, reason: 'remote-library' } });
    expect(report.aliases.issues).toEqual([
      { variableId: IDS.border, path: 'Theme.color.border', mode: 'Light', reason: 'remote-library', targetId: `VariableID:${MISSING_LIBRARY_KEY}/7:7`, fallback: 'other-mode' },
    ]);
    expect(report.aliases).toMatchObject({ total: 15, resolved: 14, unresolved: 1 });
    expect(BLUE600_KEY).toHaveLength(40);
  });

  it('reports a plain missing alias as missing, with the type zero when no mode has a value', () => {
    const input = sampleVariablesResponse();
    (input.meta.variables[IDS.touch] as { valuesByMode: Record<string, unknown> }).valuesByMode = { '3:0': { type: 'VARIABLE_ALIAS', id: 'VariableID:404:1' }, '3:1': { type: 'VARIABLE_ALIAS', id: 'VariableID:404:1' } };
    const { tokens, report } = deriveTokens({ variables: input });
    expect(at(tokens, 'Density.size.touch').$value).toEqual({ value: 0, unit: 'px' });
    expect(report.aliases.issues.filter((i) => i.variableId === IDS.touch).map((i) => [i.mode, i.reason, i.fallback])).toEqual([
      ['Comfortable', 'missing', 'placeholder'],
      ['Compact', 'missing', 'placeholder'],
    ]);
  });

  it('reports an alias cycle instead of writing references that loop', () => {
    const input = sampleVariablesResponse();
    const v = input.meta.variables;
    (v[IDS.accent] as { valuesByMode: Record<string, unknown> }).valuesByMode = { '2:0': { type: 'VARIABLE_ALIAS', id: IDS.accentMuted }, '2:1': { r: 1, g: 0, b: 0, a: 1 } };
    const { report, resolver } = deriveTokens({ variables: input });
    expect(report.aliases.issues.map((i) => [i.path, i.mode, i.reason])).toEqual(
      expect.arrayContaining([
        ['Theme.color.accent.$root', 'Light', 'cycle'],
        ['Theme.color.accent.muted', 'Light', 'cycle'],
      ]),
    );
    expect(validateResolver(resolver).valid).toBe(true);
  });

  it('names a variable that is also a group as the group $root, and a duplicate (deleted) after the live one', () => {
    const { tokens, report } = derive();
    expect(at(tokens, 'Theme.color.accent.$root').$value).toMatchObject({ hex: '#8e4ec6' });
    expect(at(tokens, 'Theme.color.accent.muted').$value).toBe('{Theme.color.accent.$root}');
    expect(at(tokens, 'Primitives.color.blue.500').$extensions!['com.figma']).toMatchObject({ variableId: IDS.blue500 });
    expect(at(tokens, 'Primitives.color.blue.500 (2)')).toMatchObject({ $deprecated: 'deleted in Figma, still referenced', $extensions: { 'com.figma': { variableId: IDS.blue500Old, name: 'color/blue/500' } } });
    expect(report.renamed.map((r) => r.path)).toEqual(['Primitives.spacing.0_5', 'Primitives._private.(note)', 'Primitives.color.blue.500 (2)', 'Theme.color.accent.$root']);
  });

  it('turns modes into a resolver document: a set per collection, a modifier per collection with modes', () => {
    const { resolver, tokens } = derive();
    expect(resolver.version).toBe('2025.10');
    expect(Object.keys(resolver.sets!)).toEqual(['primitives', 'theme', 'density', 'brand-library']);
    expect(Object.keys(resolver.modifiers!)).toEqual(['theme', 'density']);
    expect(resolver.resolutionOrder.map((r) => r.$ref)).toEqual(['#/sets/primitives', '#/sets/theme', '#/sets/density', '#/sets/brand-library', '#/modifiers/theme', '#/modifiers/density']);
    const theme = resolver.modifiers!.theme!;
    expect(theme.default).toBe('Light');
    expect(theme.contexts.Light).toEqual([]);
    expect(Object.keys(theme.contexts.Dark![0]!)).toEqual(['Theme']);
    // the set's source is the very group of `tokens` (one object, not a copy)
    expect(resolver.sets!.theme!.sources[0]).toEqual({ Theme: tokens.Theme });
    expect((resolver.sets!.theme!.sources[0] as DtcgGroup).Theme).toBe(tokens.Theme);
    expect(validateResolver(resolver)).toEqual({ valid: true, errors: [] });
    const compact = resolveTokens(resolver, { density: 'Compact' });
    expect(at(compact, 'Density.radius.control').$value).toEqual({ value: 4, unit: 'px' });
    expect(at(compact, 'Density.space.inset').$value).toBe('{Primitives.spacing.0_5}');
  });

  it('counts variables in = tokens + extensions out, for every mode of every collection', () => {
    const { report, resolver } = derive();
    const counts = sampleCounts();
    expect(report.variables).toBe(27);
    for (const c of report.collections) {
      expect(c.variables, c.name).toBe(counts[c.id]);
      for (const m of c.modes) {
        expect(m.tokens + m.extensions, `${c.name} / ${m.name}`).toBe(c.variables);
        const doc = m.isDefault ? resolveTokens(resolver) : resolveTokens(resolver, { [c.modifier!]: m.context });
        const entries = flatten({ [c.group]: doc[c.group] as DtcgGroup });
        expect(entries.filter((e) => !e.type.startsWith('com.figma.')).length, `${c.name} / ${m.name} tokens`).toBe(m.tokens);
        expect(entries.length, `${c.name} / ${m.name} entries`).toBe(c.variables);
      }
    }
    expect(report.tokens.byType).toEqual({ color: 14, dimension: 6, number: 1, fontFamily: 1, fontWeight: 1 });
  });

  it('merges a plugin export with the REST response by variable id', () => {
    const plugin = samplePluginExport();
    const only = { ...(plugin.variables[0] as Record<string, unknown>), id: 'VariableID:1:99', name: 'color/plugin-only' };
    plugin.variables.push(only);
    const { report, tokens } = deriveTokens({ variables: sampleVariablesResponse(), pluginVariables: plugin });
    expect(report.sources).toMatchObject({ rest: 27, plugin: 28, both: 27 });
    expect(report.variables).toBe(28);
    expect(at(tokens, 'Primitives.color.plugin-only').$type).toBe('color');
  });

  it('derives from a plugin export alone (any plan)', () => {
    const { report } = deriveTokens({ pluginVariables: samplePluginExport() });
    expect(report.variables).toBe(27);
    expect(report.sources).toMatchObject({ rest: 0, plugin: 27 });
  });

  it("writes an extended collection (Figma 2025) with its parent's paths and its own overrides", () => {
    const input = sampleVariablesResponse();
    (input.meta.variableCollections as Record<string, Record<string, unknown>>)['VariableCollectionId:5:0'] = {
      id: 'VariableCollectionId:5:0',
      name: 'Theme (Brand B)',
      key: 'key-brand-b',
      modes: [
        { modeId: '5:0', name: 'Light', parentModeId: '2:0' },
        { modeId: '5:1', name: 'Dark', parentModeId: '2:1' },
      ],
      defaultModeId: '5:0',
      remote: false,
      hiddenFromPublishing: false,
      isExtension: true,
      parentVariableCollectionId: IDS.theme,
      variableOverrides: { [IDS.accent]: { '5:0': { r: 0, g: 0.5, b: 0, a: 1 } } },
      variableIds: [],
    };
    const { tokens, resolver, report } = deriveTokens({ variables: input });
    const ext = report.collections.find((c) => c.name === 'Theme (Brand B)')!;
    expect(ext).toMatchObject({ group: 'Theme (Brand B)', extends: IDS.theme, variables: 9 });
    expect(at(tokens, 'Theme (Brand B).color.accent.$root').$value).toMatchObject({ hex: '#008000' });
    expect(at(tokens, 'Theme (Brand B).color.bg.default').$value).toBe('{Primitives.color.gray.0}');
    expect(at(resolveTokens(resolver, { 'theme-brand-b': 'Dark' }), 'Theme (Brand B).color.accent.$root').$value).toMatchObject({ hex: '#b07ee0' });
    expect(validateResolver(resolver).valid).toBe(true);
  });

  it('adds styles to the variables, referencing a variable a style is bound to', () => {
    const { tokens, resolver } = deriveTokens({ variables: sampleVariablesResponse(), file: sampleStylesFile(IDS.blue500) });
    expect(Object.keys(tokens).at(-1)).toBe('Styles');
    expect(at(tokens, 'Styles.fill.Brand.Bound').$value).toBe('{Primitives.color.blue.500}');
    expect(resolver.resolutionOrder.map((r) => r.$ref)).toContain('#/sets/styles');
  });
});

describe('deriveTokens refuses bad input with a typed error', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(TokensInputError);
      return { code: (e as TokensInputError).code, message: (e as Error).message, path: (e as TokensInputError).path };
    }
    throw new Error('did not throw');
  };

  it('no source at all, or nothing usable', () => {
    expect(code(() => deriveTokens({}))).toMatchObject({ code: 'TOKENS_NO_SOURCE' });
    expect(code(() => deriveTokens({ variables: { meta: { variables: {}, variableCollections: {} } } })).message).toMatch(/no variables and no styles with values in variables/);
  });

  it('a variable without its type names the variable and the field', () => {
    const input = sampleVariablesResponse();
    delete (input.meta.variables[IDS.bg] as Record<string, unknown>).resolvedType;
    expect(code(() => deriveTokens({ variables: input }))).toEqual({
      code: 'TOKENS_MALFORMED_VARIABLES',
      message: `variable ${IDS.bg} (color/bg/default): \`resolvedType\` must be COLOR, FLOAT, STRING or BOOLEAN`,
      path: `variables["${IDS.bg}"].resolvedType`,
    });
  });

  it('a variable whose collection is not there', () => {
    const input = sampleVariablesResponse();
    delete (input.meta.variableCollections as Record<string, unknown>)[IDS.density];
    expect(code(() => deriveTokens({ variables: input })).message).toBe(`variable ${IDS.inset} (space/inset): its collection ${IDS.density} is not in \`variableCollections\``);
  });

  it('a Figma error response given as variables', () => {
    expect(code(() => deriveTokens({ variables: { status: 403, error: true, message: 'Limited by Figma plan' } }))).toMatchObject({
      code: 'TOKENS_MALFORMED_VARIABLES',
      message: 'variables: the payload is a Figma error response (Limited by Figma plan), not variables',
    });
  });

  it('a plugin export that is not an object, and a file without document or nodes', () => {
    expect(code(() => deriveTokens({ pluginVariables: 'nope' }))).toMatchObject({ code: 'TOKENS_MALFORMED_VARIABLES', path: 'pluginVariables' });
    expect(code(() => deriveTokens({ file: { name: 'x' } }))).toMatchObject({ code: 'TOKENS_MALFORMED_STYLES', path: 'file' });
  });
});
