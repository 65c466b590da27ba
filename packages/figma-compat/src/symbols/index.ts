// symbols (issue 13, `symbols/map` core): Figma components → code symbols. Generic type names carry a Symbol
// prefix here so that `export *` from the package index cannot clash with the other features.
export { collectComponents, componentsFromStored, type ComponentSource as SymbolComponentSource, type StoredComponentRow } from './collect';
export { mapSymbols, type MapSymbolsOptions } from './map';
// the pieces design-sync (issue 15) reuses to read code props and Figma definitions the same way
export { figmaProps, isBooleanVariant, isTruthy } from './figma-props';
export { camel, kebab, lastSegment, words } from './names';
export { codeCategory, isCodeOnly, mapValues, matchProps } from './score';
export {
  SymbolsInputError,
  type FigmaComponent as SymbolFigmaComponent,
  type FigmaProp as SymbolFigmaProp,
  type FigmaPropertyDefinition as SymbolPropertyDefinition,
  type PropMapping as SymbolPropMapping,
  type RegistryEntry as SymbolRegistryEntry,
  type RegistryProp as SymbolRegistryProp,
  type SymbolMap,
  type SymbolMapping,
} from './types';
