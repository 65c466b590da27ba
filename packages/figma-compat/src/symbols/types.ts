// symbols/map shapes: Figma components in, code symbols out. A definition may come straight from the REST API
// (`componentPropertyDefinitions`: type, defaultValue, variantOptions, preferredValues) or from a component row
// stored by figma-context (props.definitions: type, default, options); both are read.

/** One `componentPropertyDefinitions` entry (REST or stored form). */
export interface FigmaPropertyDefinition {
  type: string;
  defaultValue?: string | boolean;
  variantOptions?: readonly string[];
  preferredValues?: readonly { type: string; key: string }[];
  /** Stored form (figma-context `PropertyDef`). */
  default?: string | boolean;
  /** Stored form (figma-context `PropertyDef`). */
  options?: readonly string[];
}

/** A Figma component or component set to map (variants of a set are mapped through their set). */
export interface FigmaComponent {
  id: string;
  name: string;
  type: 'COMPONENT' | 'COMPONENT_SET';
  key?: string;
  description?: string;
  componentPropertyDefinitions?: Readonly<Record<string, FigmaPropertyDefinition>>;
}

/** A prop of a code symbol in the registry: `type` is TypeScript-ish text ("boolean", "'sm' | 'md'", "ReactNode"). */
export interface RegistryProp {
  name: string;
  type: string;
  values?: readonly string[];
}

/** A code symbol of the design-sync registry (e.g. a Storybook component). */
export interface RegistryEntry {
  name: string;
  props: readonly RegistryProp[];
  path?: string;
}

export type FigmaPropertyType = 'VARIANT' | 'BOOLEAN' | 'TEXT' | 'INSTANCE_SWAP';

/** A Figma property with its `#id` suffix removed from the name. */
export interface FigmaProp {
  /** The key as Figma has it ("Icon#12:3"). */
  key: string;
  /** The name a designer sees ("Icon"). */
  name: string;
  type: FigmaPropertyType;
  default?: string | boolean;
  options?: string[];
  /** INSTANCE_SWAP: keys of the components a designer may swap in. */
  preferred?: string[];
}

/** One Figma property mapped to one code prop. */
export interface PropMapping {
  figma: FigmaProp;
  code: { name: string; type: string };
  /** 0..1: name similarity × type compatibility (see symbols/score.ts). */
  confidence: number;
  /** Variant option → code value (a VARIANT mapped to a union, or an option mapped to a boolean prop). */
  values?: Record<string, string>;
  note?: string;
}

/** A component mapped to a code symbol. */
export interface SymbolMapping {
  figma: { id: string; name: string; type: FigmaComponent['type']; key?: string };
  symbol: { name: string; source: 'registry' | 'derived'; path?: string; props: { name: string; type: string }[] };
  /** 0..1, `0.6 × name + 0.4 × props` (the parts below; see symbols/score.ts for each). */
  confidence: number;
  confidenceParts: { name: number; props: number };
  props: PropMapping[];
  unmappedFigmaProps: { key: string; name: string; type: string; reason: string }[];
  unmappedCodeProps: { name: string; type: string; reason: string }[];
}

/** The answer of symbols/map. */
export interface SymbolMap {
  mappings: SymbolMapping[];
  /** Components no registry symbol matched well enough, with the best candidate and a symbol derived from the name. */
  unmappedComponents: { figma: SymbolMapping['figma']; reason: string; best?: { name: string; confidence: number }; suggested: SymbolMapping['symbol'] }[];
  /** Registry symbols no component matched. */
  unusedSymbols: { name: string; path?: string }[];
  stats: { components: number; mapped: number; unmappedComponents: number; unusedSymbols: number; figmaProps: number; mappedFigmaProps: number };
}

/** Bad input to symbols/map; `path` names the offending place ("components[3].name"). */
export class SymbolsInputError extends Error {
  readonly code = 'SYMBOLS_INVALID_INPUT';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'SymbolsInputError';
  }
}
