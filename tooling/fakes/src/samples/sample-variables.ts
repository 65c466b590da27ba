// The sample file's local variables: one "Storefront tokens" collection with Light and Dark modes.
// The node builders bind fills, radii and spacing to these ids, so boundVariables always resolve.
import { createHash } from 'node:crypto';
import type { LocalVariable, LocalVariableCollection, RGBA, VariableAlias } from '@figma/rest-api-spec';
import type { LocalVariablesMeta } from '../figma/figma-types';
import { alias, rgba } from './paints';

const COLLECTION_ID = 'VariableCollectionId:50:1';
const LIGHT = '50:0';
const DARK = '50:1';

/** Variable ids by role, for binding. */
export const VARS = {
  brandPrimary: 'VariableID:50:2',
  brandPrimaryHover: 'VariableID:50:3',
  surface: 'VariableID:50:4',
  surfaceRaised: 'VariableID:50:5',
  textPrimary: 'VariableID:50:6',
  textMuted: 'VariableID:50:7',
  border: 'VariableID:50:8',
  spaceSm: 'VariableID:50:9',
  spaceMd: 'VariableID:50:10',
  spaceLg: 'VariableID:50:11',
  radiusMd: 'VariableID:50:12',
  radiusPill: 'VariableID:50:13',
} as const;

type Value = number | RGBA | VariableAlias;

const DEFINITIONS: [keyof typeof VARS, string, Value, Value][] = [
  ['brandPrimary', 'color/brand/primary', rgba('#2f5bea'), rgba('#6d8cff')],
  ['brandPrimaryHover', 'color/brand/primary-hover', alias(VARS.brandPrimary), alias(VARS.brandPrimary)],
  ['surface', 'color/surface/default', rgba('#ffffff'), rgba('#111318')],
  ['surfaceRaised', 'color/surface/raised', rgba('#f4f5f8'), rgba('#1c1f26')],
  ['textPrimary', 'color/text/primary', rgba('#14161a'), rgba('#f4f5f8')],
  ['textMuted', 'color/text/muted', rgba('#5b6170'), rgba('#a3a9b8')],
  ['border', 'color/border/subtle', rgba('#dfe2e8'), rgba('#2c303a')],
  ['spaceSm', 'space/sm', 8, 8],
  ['spaceMd', 'space/md', 16, 16],
  ['spaceLg', 'space/lg', 24, 24],
  ['radiusMd', 'radius/md', 12, 12],
  ['radiusPill', 'radius/pill', 999, 999],
];

/** A stable 40-hex key, shaped like Figma's published keys. */
export function stableKey(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

/** The local-variables meta of the sample file. */
export function storefrontVariables(): LocalVariablesMeta {
  const variables: Record<string, LocalVariable> = {};
  for (const [role, name, light, dark] of DEFINITIONS) {
    const id = VARS[role];
    const isFloat = typeof light === 'number';
    variables[id] = {
      id,
      name,
      key: stableKey(`variable:${name}`),
      variableCollectionId: COLLECTION_ID,
      resolvedType: isFloat ? 'FLOAT' : 'COLOR',
      valuesByMode: { [LIGHT]: light, [DARK]: dark },
      remote: false,
      description: '',
      hiddenFromPublishing: false,
      scopes: isFloat ? (name.startsWith('radius') ? ['CORNER_RADIUS'] : ['GAP']) : ['ALL_FILLS', 'STROKE_COLOR'],
      codeSyntax: { WEB: `var(--${name.replaceAll('/', '-')})` },
    };
  }
  const collection: LocalVariableCollection = {
    id: COLLECTION_ID,
    name: 'Storefront tokens',
    key: stableKey('collection:storefront'),
    modes: [
      { modeId: LIGHT, name: 'Light' },
      { modeId: DARK, name: 'Dark' },
    ],
    defaultModeId: LIGHT,
    remote: false,
    hiddenFromPublishing: false,
    variableIds: Object.keys(variables),
  };
  return { variables, variableCollections: { [COLLECTION_ID]: collection } };
}
