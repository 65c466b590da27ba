// symbols/map: Figma components and component sets → code symbols. With a registry, each component takes the
// registry symbol that matches it best, one symbol per component, best pairs first:
//   confidence = 0.6 × name + 0.4 × props
// name = similarity of the component's name (or its last slash segment) to the symbol's (names.ts); props as
// score.ts computes it. A pair is taken when name ≥ 0.5 and confidence ≥ minConfidence (default 0.5).
// Without a registry, every component gets the symbol its names give (derive.ts, same 0.6/0.4 weighting).
import { deriveSymbol } from './derive';
import { figmaProps } from './figma-props';
import { lastSegment, similarity } from './names';
import { matchProps } from './score';
import { SymbolsInputError, type FigmaComponent, type RegistryEntry, type SymbolMap, type SymbolMapping } from './types';

export interface MapSymbolsOptions {
  /** Least confidence of a registry match (default 0.5). */
  minConfidence?: number;
}

const round = (n: number) => Math.round(n * 100) / 100;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the shapes a route passes through (JSON from a request or a stored row); throws SymbolsInputError. */
function check(components: unknown, registry: unknown): void {
  if (!Array.isArray(components)) throw new SymbolsInputError('components: expected an array of Figma components', 'components');
  components.forEach((c, i) => {
    if (!isObject(c) || typeof c.id !== 'string' || typeof c.name !== 'string') throw new SymbolsInputError(`components[${i}]: a component needs a string id and name`, `components[${i}]`);
    if (c.type !== 'COMPONENT' && c.type !== 'COMPONENT_SET') throw new SymbolsInputError(`components[${i}]: type must be COMPONENT or COMPONENT_SET`, `components[${i}].type`);
    const defs = c.componentPropertyDefinitions;
    if (defs !== undefined && (!isObject(defs) || !Object.values(defs).every((d) => isObject(d) && typeof d.type === 'string'))) {
      throw new SymbolsInputError(`components[${i}]: componentPropertyDefinitions must map names to definitions with a type`, `components[${i}].componentPropertyDefinitions`);
    }
  });
  if (registry === undefined) return;
  if (!Array.isArray(registry)) throw new SymbolsInputError('registry: expected an array of symbols', 'registry');
  registry.forEach((r, i) => {
    if (!isObject(r) || typeof r.name !== 'string' || !r.name) throw new SymbolsInputError(`registry[${i}]: a symbol needs a name`, `registry[${i}].name`);
    if (!Array.isArray(r.props)) throw new SymbolsInputError(`registry[${i}] (${r.name}): props must be an array`, `registry[${i}].props`);
    r.props.forEach((p, k) => {
      if (!isObject(p) || typeof p.name !== 'string' || typeof p.type !== 'string') throw new SymbolsInputError(`registry[${i}].props[${k}]: a prop needs a string name and type`, `registry[${i}].props[${k}]`);
    });
  });
}

const figmaOf = (c: FigmaComponent): SymbolMapping['figma'] => ({ id: c.id, name: c.name, type: c.type, ...(c.key ? { key: c.key } : {}) });

// definitions of a type Figma may add later are listed, never dropped silently
const unknownProps = (c: FigmaComponent) => figmaProps(c).unknown.map((u) => ({ key: u.key, name: u.key, type: u.type, reason: 'unknown property type' }));

function derived(c: FigmaComponent, taken: Set<string>): SymbolMapping {
  const d = deriveSymbol(c, taken);
  return {
    figma: figmaOf(c),
    symbol: d.symbol,
    confidence: round(0.6 * d.nameClarity + 0.4 * d.propClarity),
    confidenceParts: { name: d.nameClarity, props: d.propClarity },
    props: d.props,
    unmappedFigmaProps: unknownProps(c),
    unmappedCodeProps: [],
  };
}

/**
 * Maps components to code symbols: from `registry` when given (unmatched components and unused symbols listed),
 * else from names. Throws SymbolsInputError for malformed components or registry entries.
 */
export function mapSymbols(components: readonly FigmaComponent[], registry?: readonly RegistryEntry[], options: MapSymbolsOptions = {}): SymbolMap {
  check(components, registry);
  const min = options.minConfidence ?? 0.5;
  const taken = new Set<string>();
  if (!registry) {
    const mappings = components.map((c) => derived(c, taken));
    return finish(components, mappings, [], []);
  }
  const candidates: { c: FigmaComponent; r: RegistryEntry; name: number; mapping: SymbolMapping }[] = [];
  for (const c of components) {
    const props = figmaProps(c).props;
    for (const r of registry) {
      const name = round(Math.max(similarity(c.name, r.name), similarity(lastSegment(c.name), r.name)));
      if (name < 0.5) continue;
      const m = matchProps(props, r.props);
      const confidence = round(0.6 * name + 0.4 * m.score);
      const symbol: SymbolMapping['symbol'] = { name: r.name, source: 'registry', ...(r.path ? { path: r.path } : {}), props: r.props.map((p) => ({ name: p.name, type: p.type })) };
      candidates.push({ c, r, name, mapping: { figma: figmaOf(c), symbol, confidence, confidenceParts: { name, props: m.score }, props: m.mappings, unmappedFigmaProps: [...m.unmappedFigma, ...unknownProps(c)], unmappedCodeProps: m.unmappedCode } });
    }
  }
  candidates.sort((a, b) => b.mapping.confidence - a.mapping.confidence);
  const chosen = new Map<FigmaComponent, SymbolMapping>();
  const usedR = new Set<RegistryEntry>();
  for (const k of candidates) {
    if (k.mapping.confidence < min || chosen.has(k.c) || usedR.has(k.r)) continue;
    chosen.set(k.c, k.mapping);
    usedR.add(k.r);
  }
  for (const r of usedR) taken.add(r.name);
  const mappings = components.filter((c) => chosen.has(c)).map((c) => chosen.get(c)!);
  const unmapped = components
    .filter((c) => !chosen.has(c))
    .map((c) => {
      const best = candidates.find((k) => k.c === c);
      const reason = !best
        ? 'no registry symbol with a similar name'
        : best.mapping.confidence < min
          ? `best match ${best.r.name} is below ${min}`
          : `its best match ${best.r.name} went to a closer component`;
      return { figma: figmaOf(c), reason, ...(best ? { best: { name: best.r.name, confidence: best.mapping.confidence } } : {}), suggested: derived(c, taken).symbol };
    });
  const unused = registry.filter((r) => !usedR.has(r)).map((r) => ({ name: r.name, ...(r.path ? { path: r.path } : {}) }));
  return finish(components, mappings, unmapped, unused);
}

function finish(components: readonly FigmaComponent[], mappings: SymbolMapping[], unmapped: SymbolMap['unmappedComponents'], unused: SymbolMap['unusedSymbols']): SymbolMap {
  const figmaPropCount = components.reduce((n, c) => n + Object.keys(c.componentPropertyDefinitions ?? {}).length, 0);
  const mappedFigma = mappings.reduce((n, m) => n + new Set(m.props.map((p) => p.figma.key)).size, 0);
  return {
    mappings,
    unmappedComponents: unmapped,
    unusedSymbols: unused,
    stats: { components: components.length, mapped: mappings.length, unmappedComponents: unmapped.length, unusedSymbols: unused.length, figmaProps: figmaPropCount, mappedFigmaProps: mappedFigma },
  };
}
