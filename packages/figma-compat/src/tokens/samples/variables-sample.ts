// The project's own variables sample (GET /v1/files/:key/variables/local `meta`, as Figma shapes it), written to
// exercise every case deriveTokens handles: four collections (one remote), several modes, aliases inside a
// collection, across collections, to a library variable found by key, and to one missing; every resolved type
// and the typical scopes; names to sanitise, a duplicate (deleted-but-referenced) and a name that is also a
// group. Fresh objects on every call, so tests may mutate them.

const rgba = (hex: string, a = 1) => ({ r: parseInt(hex.slice(1, 3), 16) / 255, g: parseInt(hex.slice(3, 5), 16) / 255, b: parseInt(hex.slice(5, 7), 16) / 255, a });
const alias = (id: string) => ({ type: 'VARIABLE_ALIAS' as const, id });

/** Collection and variable ids of the sample, by role. */
export const IDS = {
  primitives: 'VariableCollectionId:1:0',
  theme: 'VariableCollectionId:2:0',
  density: 'VariableCollectionId:3:0',
  library: 'VariableCollectionId:9f2c61a7d9c04b1e8f3a2b5c6d7e8f9012345678/4:0',
  blue500: 'VariableID:1:1',
  blue600: 'VariableID:1:2',
  gray0: 'VariableID:1:3',
  gray900: 'VariableID:1:4',
  red500: 'VariableID:1:5',
  space1: 'VariableID:1:6',
  spaceHalf: 'VariableID:1:7',
  radiusMd: 'VariableID:1:8',
  opacityDisabled: 'VariableID:1:9',
  fontSans: 'VariableID:1:10',
  weightBold: 'VariableID:1:11',
  betaFlag: 'VariableID:1:12',
  privateNote: 'VariableID:1:13',
  blue500Old: 'VariableID:1:14',
  bg: 'VariableID:2:1',
  text: 'VariableID:2:2',
  brand: 'VariableID:2:3',
  border: 'VariableID:2:4',
  link: 'VariableID:2:5',
  accent: 'VariableID:2:6',
  accentMuted: 'VariableID:2:7',
  greeting: 'VariableID:2:8',
  darkChrome: 'VariableID:2:9',
  inset: 'VariableID:3:1',
  controlRadius: 'VariableID:3:2',
  touch: 'VariableID:3:3',
  libraryInk: 'VariableID:9f2c61a7d9c04b1e8f3a2b5c6d7e8f9012345678/4:1',
} as const;

/** Key of the library variable Theme's `color/link` aliases in its remote form; Primitives' blue/600 has it. */
export const BLUE600_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
/** A library key no source holds: Theme's `color/border` alias cannot resolve. */
export const MISSING_LIBRARY_KEY = '0000000000000000000000000000000000000bad';

const MODES = {
  value: '1:0',
  light: '2:0',
  dark: '2:1',
  comfortable: '3:0',
  compact: '3:1',
  library: '4:0',
};

interface Def {
  id: string;
  name: string;
  collection: string;
  type: 'COLOR' | 'FLOAT' | 'STRING' | 'BOOLEAN';
  values: Record<string, unknown>;
  scopes?: string[];
  extra?: Record<string, unknown>;
}

const one = (v: unknown) => ({ [MODES.value]: v });
const theme = (light: unknown, dark: unknown) => ({ [MODES.light]: light, [MODES.dark]: dark });
const density = (comfortable: unknown, compact: unknown) => ({ [MODES.comfortable]: comfortable, [MODES.compact]: compact });

const DEFS: Def[] = [
  { id: IDS.blue500, name: 'color/blue/500', collection: IDS.primitives, type: 'COLOR', values: one(rgba('#2f5bea')), scopes: ['ALL_SCOPES'], extra: { key: 'b500b500b500b500b500b500b500b500b500b500', codeSyntax: { WEB: 'var(--brand-blue)' } } },
  { id: IDS.blue600, name: 'color/blue/600', collection: IDS.primitives, type: 'COLOR', values: one(rgba('#1d3fb8')), scopes: ['ALL_FILLS', 'STROKE_COLOR'], extra: { key: BLUE600_KEY } },
  { id: IDS.gray0, name: 'color/gray/0', collection: IDS.primitives, type: 'COLOR', values: one(rgba('#ffffff')), scopes: ['ALL_FILLS'] },
  { id: IDS.gray900, name: 'color/gray/900', collection: IDS.primitives, type: 'COLOR', values: one(rgba('#111318')), scopes: ['ALL_FILLS', 'TEXT_FILL'] },
  { id: IDS.red500, name: 'color/red/500', collection: IDS.primitives, type: 'COLOR', values: one(rgba('#e5484d', 0.8)), scopes: ['ALL_SCOPES'], extra: { description: 'Errors, at 80 %' } },
  { id: IDS.space1, name: 'spacing/1', collection: IDS.primitives, type: 'FLOAT', values: one(4), scopes: ['ALL_SCOPES'] },
  { id: IDS.spaceHalf, name: 'spacing/0.5', collection: IDS.primitives, type: 'FLOAT', values: one(2), scopes: ['GAP', 'WIDTH_HEIGHT'] },
  { id: IDS.radiusMd, name: 'radius/md', collection: IDS.primitives, type: 'FLOAT', values: one(8), scopes: ['CORNER_RADIUS'] },
  { id: IDS.opacityDisabled, name: 'opacity/disabled', collection: IDS.primitives, type: 'FLOAT', values: one(40), scopes: ['OPACITY'] },
  { id: IDS.fontSans, name: 'font/family/sans', collection: IDS.primitives, type: 'STRING', values: one('Inter'), scopes: ['FONT_FAMILY'] },
  { id: IDS.weightBold, name: 'font/weight/bold', collection: IDS.primitives, type: 'FLOAT', values: one(700), scopes: ['FONT_WEIGHT'] },
  { id: IDS.betaFlag, name: 'flags/beta', collection: IDS.primitives, type: 'BOOLEAN', values: one(false), scopes: [] },
  { id: IDS.privateNote, name: '$private/{note}', collection: IDS.primitives, type: 'STRING', values: one('internal'), scopes: ['TEXT_CONTENT'] },
  // the same name as blue/500, deleted in Figma but still referenced: named after the live one
  { id: IDS.blue500Old, name: 'color/blue/500', collection: IDS.primitives, type: 'COLOR', values: one(rgba('#3366ff')), scopes: ['ALL_SCOPES'], extra: { deletedButReferenced: true } },

  { id: IDS.bg, name: 'color/bg/default', collection: IDS.theme, type: 'COLOR', values: theme(alias(IDS.gray0), alias(IDS.gray900)), scopes: ['FRAME_FILL', 'SHAPE_FILL'] },
  { id: IDS.text, name: 'color/text/primary', collection: IDS.theme, type: 'COLOR', values: theme(alias(IDS.gray900), alias(IDS.gray0)), scopes: ['TEXT_FILL'] },
  { id: IDS.brand, name: 'color/brand/primary', collection: IDS.theme, type: 'COLOR', values: theme(alias(IDS.blue500), alias(IDS.libraryInk)), scopes: ['ALL_FILLS'], extra: { codeSyntax: { WEB: 'var(--brand-primary)', iOS: 'Color.brandPrimary' } } },
  { id: IDS.border, name: 'color/border', collection: IDS.theme, type: 'COLOR', values: theme(alias(`VariableID:${MISSING_LIBRARY_KEY}/7:7`), alias(IDS.gray900)), scopes: ['STROKE_COLOR'] },
  { id: IDS.link, name: 'color/link', collection: IDS.theme, type: 'COLOR', values: theme(alias(`VariableID:${BLUE600_KEY}/12:34`), alias(IDS.blue500)), scopes: ['TEXT_FILL'] },
  { id: IDS.accent, name: 'color/accent', collection: IDS.theme, type: 'COLOR', values: theme(rgba('#8e4ec6'), rgba('#b07ee0')), scopes: ['ALL_FILLS'] },
  { id: IDS.accentMuted, name: 'color/accent/muted', collection: IDS.theme, type: 'COLOR', values: theme(alias(IDS.accent), alias(IDS.accent)), scopes: ['ALL_FILLS'] },
  { id: IDS.greeting, name: 'copy/greeting', collection: IDS.theme, type: 'STRING', values: theme('Hello', 'Good evening'), scopes: ['TEXT_CONTENT'] },
  { id: IDS.darkChrome, name: 'feature/dark-chrome', collection: IDS.theme, type: 'BOOLEAN', values: theme(false, true), scopes: [] },

  { id: IDS.inset, name: 'space/inset', collection: IDS.density, type: 'FLOAT', values: density(alias(IDS.space1), alias(IDS.spaceHalf)), scopes: ['GAP'] },
  { id: IDS.controlRadius, name: 'radius/control', collection: IDS.density, type: 'FLOAT', values: density(alias(IDS.radiusMd), 4), scopes: ['CORNER_RADIUS'] },
  { id: IDS.touch, name: 'size/touch', collection: IDS.density, type: 'FLOAT', values: density(44, 32), scopes: ['WIDTH_HEIGHT'] },

  { id: IDS.libraryInk, name: 'ink/strong', collection: IDS.library, type: 'COLOR', values: { [MODES.library]: rgba('#0b1026') }, scopes: ['ALL_SCOPES'], extra: { remote: true, key: '9f2c61a7d9c04b1e8f3a2b5c6d7e8f9012345678' } },
];

const COLLECTIONS = [
  { id: IDS.primitives, name: 'Primitives', modes: [{ modeId: MODES.value, name: 'Value' }], defaultModeId: MODES.value },
  { id: IDS.theme, name: 'Theme', modes: [{ modeId: MODES.light, name: 'Light' }, { modeId: MODES.dark, name: 'Dark' }], defaultModeId: MODES.light },
  { id: IDS.density, name: 'Density', modes: [{ modeId: MODES.comfortable, name: 'Comfortable' }, { modeId: MODES.compact, name: 'Compact' }], defaultModeId: MODES.comfortable },
  { id: IDS.library, name: 'Brand library', modes: [{ modeId: MODES.library, name: 'Mode 1' }], defaultModeId: MODES.library, remote: true },
];

/** The sample as GET /v1/files/:key/variables/local returns it (`{ status, error, meta }`). */
export function sampleVariablesResponse() {
  const variables: Record<string, Record<string, unknown>> = {};
  for (const d of DEFS) {
    variables[d.id] = {
      id: d.id,
      name: d.name,
      key: `key-${d.id}`,
      variableCollectionId: d.collection,
      resolvedType: d.type,
      valuesByMode: structuredClone(d.values),
      remote: false,
      description: '',
      hiddenFromPublishing: false,
      scopes: d.scopes ?? ['ALL_SCOPES'],
      codeSyntax: {},
      ...structuredClone(d.extra ?? {}),
    };
  }
  const variableCollections: Record<string, Record<string, unknown>> = {};
  for (const c of COLLECTIONS) {
    variableCollections[c.id] = {
      key: `key-${c.id}`,
      hiddenFromPublishing: false,
      remote: false,
      ...structuredClone(c),
      variableIds: DEFS.filter((d) => d.collection === c.id).map((d) => d.id),
    };
  }
  return { status: 200, error: false, meta: { variables, variableCollections } };
}

/** The sample's variable count per collection id. */
export function sampleCounts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of DEFS) out[d.collection] = (out[d.collection] ?? 0) + 1;
  return out;
}

/** The same variables as a plugin export: arrays, as `figma.variables` returns them. */
export function samplePluginExport() {
  const { meta } = sampleVariablesResponse();
  return { variables: Object.values(meta.variables), variableCollections: Object.values(meta.variableCollections) };
}
