// Suggested mappings: figma-compat's symbols mapper run with the registry as its symbols (confidence = 0.6 × name
// + 0.4 × props, each code component and each design component taken at most once, best pairs first). Design
// components may share node ids across files and code components may share names, so both go in by position
// (a design component's id and a symbol's path are its index) and come back by it.
import { mapSymbols, type SymbolFigmaComponent, type SymbolPropertyDefinition, type SymbolRegistryEntry } from '@cogo/figma-compat';
import type { CodeComponent, DesignComponent, MappingSuggestion } from '../types';

export interface SuggestOptions {
  /** Least confidence of a suggestion (default 0.6). */
  minConfidence?: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function figmaOf(d: DesignComponent, i: number): SymbolFigmaComponent {
  const componentPropertyDefinitions: Record<string, SymbolPropertyDefinition> = {};
  for (const p of d.props) {
    if (p.key === '__proto__') continue;
    const def: SymbolPropertyDefinition = { type: p.type };
    if (p.default !== undefined) def.default = p.default;
    if (p.options) def.options = p.options;
    componentPropertyDefinitions[p.key] = def;
  }
  return { id: String(i), name: d.name, type: d.type, componentPropertyDefinitions };
}

const entryOf = (c: CodeComponent, i: number): SymbolRegistryEntry => ({
  name: c.name,
  path: String(i),
  props: c.props.map((p) => ({ name: p.name, type: p.type, ...(p.values?.length ? { values: p.values } : {}) })),
});

/** Code ↔ design pairs whose names and props agree well enough, best first; `props` maps Figma property names to code props. */
export function suggestMappings(code: readonly CodeComponent[], design: readonly DesignComponent[], opts: SuggestOptions = {}): MappingSuggestion[] {
  const named = code.filter((c) => c.name.trim() !== '');
  if (!named.length || !design.length) return [];
  const map = mapSymbols(design.map(figmaOf), named.map(entryOf), { minConfidence: opts.minConfidence ?? 0.6 });
  return map.mappings
    .map((m) => {
      const c = named[Number(m.symbol.path)]!;
      const d = design[Number(m.figma.id)]!;
      const props: Record<string, string> = {};
      for (const p of m.props) if (p.figma.name !== '__proto__' && !Object.hasOwn(props, p.figma.name)) props[p.figma.name] = p.code.name;
      return { component: c.key, fileKey: d.fileKey, nodeId: d.nodeId, confidence: m.confidence, parts: { ...m.confidenceParts }, props };
    })
    .sort((a, b) => b.confidence - a.confidence || byText(a.component, b.component) || byText(a.fileKey, b.fileKey) || byText(a.nodeId, b.nodeId));
}
