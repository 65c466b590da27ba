// variables/derive: Figma variables (REST on Enterprise, a plugin export on any plan) and styles → W3C DTCG
// 2025.10 tokens. The output is (1) `tokens`, one document holding every collection as a top-level group in its
// default mode plus the styles — what tools without the Resolver module read (Style Dictionary 5.4, #1590) —
// and (2) `resolver`, a Resolver-module document with every mode; both share the same token objects. Everything
// is validated against the DTCG JSON schema before it is returned; what could not be converted is in `report`.
import { aliasTargets } from './aliases';
import type { DtcgDocument, DtcgType, ResolverDocument } from './dtcg-types';
import { emitStyles, type StyleSkip } from './emit-styles';
import { emitVariables, type AliasCounts, type VariableIssue } from './emit-variables';
import { TokensInputError, TokensOutputError } from './errors';
import { readStyles } from './input/styles';
import { readVariableSources } from './input/variables';
import { planCollections } from './plan';
import { buildResolver, type ResolverPart } from './resolver';
import { typeVariables } from './typing';
import { validateResolver } from './validate';

export interface DeriveInput {
  /** GET /v1/files/:key/variables/local: the full response or its `meta` (Enterprise only). */
  variables?: unknown;
  /** Variables from a plugin export (any plan): `{ variables, variableCollections }` as lists or maps. */
  pluginVariables?: unknown;
  /** A GET /v1/files/:key or /nodes response (or a plugin export of the same shape): its styles and their values. */
  file?: unknown;
  /** GET /v1/files/:key/styles: published styles, with the node holding each one's values… */
  publishedStyles?: unknown;
  /** …and GET /v1/files/:key/nodes?ids=<those node ids>. */
  styleNodes?: unknown;
  /** The resolver document's name (the Figma file's name). */
  name?: string;
}

export interface ModeCount {
  id: string;
  name: string;
  /** The modifier context (the mode's name, unique within its collection). */
  context: string;
  isDefault: boolean;
  /** Variables of the collection… */
  variables: number;
  /** …written as tokens in this mode… */
  tokens: number;
  /** …or kept under `$extensions` (STRING/BOOLEAN): variables = tokens + extensions. */
  extensions: number;
}

export interface CollectionReport {
  id: string;
  name: string;
  /** The collection's top-level group in every document. */
  group: string;
  /** Its set in the resolver document (`#/sets/<set>`), and its modifier when it has several modes. */
  set: string;
  modifier: string | null;
  remote: boolean;
  /** The collection an extended collection takes its variables from. */
  extends?: string;
  variables: number;
  modes: ModeCount[];
}

export interface DeriveReport {
  sources: { rest: number; plugin: number; both: number; styles: number };
  /** Distinct variables in (after merging the sources by id). */
  variables: number;
  collections: CollectionReport[];
  /** Tokens of the default-mode document, by `$type` (variables and styles). */
  tokens: { total: number; byType: Record<string, number> };
  /** How the type of each FLOAT and STRING variable was decided (values.ts, typing.ts). */
  typeSources: Record<string, number>;
  aliases: AliasCounts & { issues: VariableIssue[] };
  /** Values that are not what the variable's type holds (e.g. a string in a COLOR variable): written as a fallback. */
  invalidValues: VariableIssue[];
  /** Variables whose path is not the plain split of their name (sanitised, disambiguated, made `$root`). */
  renamed: Array<{ id: string; name: string; path: string }>;
  /** Mode values missing in the source, taken from the default mode. */
  filledModeValues: number;
  styles: { total: number; tokens: number; extensions: number; skipped: StyleSkip[] };
}

export interface DerivedTokens {
  /** Every collection (default mode) and the styles, as top-level groups of one DTCG document. */
  tokens: DtcgDocument;
  /** Resolver module: sets (collections, styles), modifiers (modes); sources inline. */
  resolver: ResolverDocument;
  report: DeriveReport;
}

/** Derives DTCG tokens from the variables and styles given; throws TokensInputError on bad input. */
export function deriveTokens(input: DeriveInput): DerivedTokens {
  const sources = readVariableSources(input.variables, input.pluginVariables);
  const styles = readStyles(input.file, input.publishedStyles, input.styleNodes);
  if (sources.variables.size === 0 && !styles.some((s) => s.value !== undefined)) {
    const given = Object.entries(input).filter(([k, v]) => k !== 'name' && v !== undefined && v !== null).map(([k]) => k);
    throw new TokensInputError(
      'TOKENS_NO_SOURCE',
      `no variables and no styles with values in ${given.length ? given.join(', ') : 'the input'}: send variables (REST or a plugin export) or a file whose styles are used by its nodes`,
    );
  }
  const plan = planCollections(sources);
  const targets = aliasTargets(plan.homes);
  typeVariables(plan, targets);
  const vars = emitVariables(plan, targets);
  const emittedStyles = emitStyles(styles, plan.stylesGroup, (id) => {
    const found = targets.find(id);
    if (!('home' in found)) return undefined;
    const t = found.home.typed;
    return t.kind === 'token' && t.type ? { path: found.home.path, type: t.type as DtcgType } : undefined;
  });

  const tokens: DtcgDocument = {};
  const parts: ResolverPart[] = [];
  const collections: CollectionReport[] = [];
  for (const c of vars.collections) {
    const { plan: cp } = c;
    const defaultMode = cp.modes[0]!;
    const base = c.groups.get(defaultMode.id)!;
    tokens[cp.group] = base;
    const part: ResolverPart = {
      key: cp.key,
      set: { description: `Figma collection "${cp.collection.name}" in its default mode "${defaultMode.name}"`, sources: [{ [cp.group]: base }], $extensions: { 'com.figma': { collectionId: cp.collection.id } } },
    };
    if (cp.modes.length > 1) {
      const contexts: Record<string, DtcgDocument[]> = {};
      for (const m of cp.modes) contexts[m.context] = m.isDefault ? [] : [{ [cp.group]: c.groups.get(m.id)! }];
      part.modifier = { description: `Modes of the Figma collection "${cp.collection.name}"`, contexts, default: defaultMode.context, $extensions: { 'com.figma': { collectionId: cp.collection.id, collection: cp.collection.name, modes: Object.fromEntries(cp.modes.map((m) => [m.context, m.id])) } } };
    }
    parts.push(part);
    const report: CollectionReport = {
      id: cp.collection.id,
      name: cp.collection.name,
      group: cp.group,
      set: cp.key,
      modifier: part.modifier ? cp.key : null,
      remote: cp.collection.remote,
      variables: cp.members.length,
      modes: cp.modes.map((m) => ({ id: m.id, name: m.name, context: m.context, isDefault: m.isDefault, variables: cp.members.length, tokens: c.tokens, extensions: c.extensions })),
    };
    if (cp.parent) report.extends = cp.parent.id;
    collections.push(report);
  }
  if (emittedStyles.group) {
    tokens[plan.stylesGroup] = emittedStyles.group;
    parts.push({ key: uniqueKey('styles', parts), set: { description: 'Figma styles (fill, text, effect, grid)', sources: [{ [plan.stylesGroup]: emittedStyles.group }] } });
  }
  const resolver = buildResolver(input.name ?? 'Figma tokens', parts);

  const check = validateResolver(resolver);
  if (!check.valid) throw new TokensOutputError(`derived tokens fail DTCG 2025.10 validation: ${check.errors[0]!.path} ${check.errors[0]!.message}`, check.errors);

  return { tokens, resolver, report: report(sources, plan, vars, emittedStyles, collections) };
}

function uniqueKey(base: string, parts: ResolverPart[]): string {
  let key = base;
  for (let n = 2; parts.some((p) => p.key === key); n++) key = `${base}-${n}`;
  return key;
}

function report(
  sources: ReturnType<typeof readVariableSources>,
  plan: ReturnType<typeof planCollections>,
  vars: ReturnType<typeof emitVariables>,
  styles: ReturnType<typeof emitStyles>,
  collections: CollectionReport[],
): DeriveReport {
  const byType: Record<string, number> = { ...vars.byType };
  for (const [t, n] of Object.entries(styles.byType)) byType[t] = (byType[t] ?? 0) + n;
  const total = Object.values(byType).reduce((a, b) => a + b, 0);
  const typeSources: Record<string, number> = {};
  const renamed: DeriveReport['renamed'] = [];
  const homes = plan.homes.values();
  for (let i = 0; i < homes.length; i++) {
    const home = homes[i]!;
    if (home.typed.from) typeSources[home.typed.from] = (typeSources[home.typed.from] ?? 0) + 1;
    if (home.member.renamed) renamed.push({ id: home.variable.id, name: home.variable.name, path: home.path });
  }
  return {
    sources: { ...sources.counts, styles: styles.total },
    variables: sources.variables.size,
    collections,
    tokens: { total, byType },
    typeSources,
    aliases: { ...vars.aliases, issues: vars.issues.filter((i) => i.reason !== 'invalid-value') },
    invalidValues: vars.issues.filter((i) => i.reason === 'invalid-value'),
    renamed,
    filledModeValues: vars.filled,
    styles: { total: styles.total, tokens: styles.tokens, extensions: styles.extensions, skipped: styles.skipped },
  };
}
