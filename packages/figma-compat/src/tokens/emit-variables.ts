// Variables → one DTCG group per collection and mode. Every variable of a collection appears in every mode's
// group (as a token, or under the group's `$extensions["com.figma"].variables` when DTCG has no type for it), so
// variables in = tokens + extensions out, per mode. An alias becomes `{group.path}` when its target is a token of
// the same type; otherwise the chain's literal value is written and the alias reported (`type-mismatch`,
// `cycle`), and an alias nothing resolves is reported with a fallback value (the variable's value in another
// mode, else the type's zero) and marked on the token (`$extensions["com.figma"].unresolved`).
import { aliasId, type AliasTargets, type UnresolvedReason } from './aliases';
import type { DtcgGroup, DtcgToken, DtcgType } from './dtcg-types';
import { hasCodeSyntax, type FigmaVariable } from './input/variables';
import type { CollectionPlan, MemberPlan, ModePlan, Plan, Typed, VariableHome } from './plan';
import { floatValue, isRgba, placeholder, stringValue, toColor, type FigmaRgba } from './values';

export interface VariableIssue {
  variableId: string;
  /** The token's path, dot-separated, from the document root. */
  path: string;
  /** The mode's context name. */
  mode: string;
  reason: UnresolvedReason | 'invalid-value';
  targetId?: string;
  /** What was written instead: the chain's literal, the value of another mode, or the type's zero. */
  fallback: 'literal' | 'default-mode' | 'other-mode' | 'placeholder';
}

export interface AliasCounts {
  /** Alias values seen (one per variable and mode). */
  total: number;
  /** Written as references. */
  resolved: number;
  /** …of which were found through a library key (`VariableID:<key>/…`). */
  resolvedByKey: number;
  /** Not written as references: reported in `issues`. */
  unresolved: number;
}

export interface EmittedCollection {
  plan: CollectionPlan;
  /** The collection's group for each mode id. */
  groups: Map<string, DtcgGroup>;
  tokens: number;
  extensions: number;
}

export interface EmittedVariables {
  collections: EmittedCollection[];
  issues: VariableIssue[];
  aliases: AliasCounts;
  /** Mode values missing in the source, filled from the default mode. */
  filled: number;
  /** Default-mode tokens by `$type`. */
  byType: Record<string, number>;
}

const CYCLE = Symbol('cycle');
const MAX_CHAIN = 64;

type FigmaMeta = Record<string, unknown>;

/** Writes every collection's groups. */
export function emitVariables(plan: Plan, targets: AliasTargets): EmittedVariables {
  const out: EmittedVariables = { collections: [], issues: [], aliases: { total: 0, resolved: 0, resolvedByKey: 0, unresolved: 0 }, filled: 0, byType: {} };

  /**
   * The literal a variable's chain ends at, in a mode of its own collection (other collections: their default).
   * A chain longer than MAX_CHAIN is taken for a cycle: Figma refuses cycles, so only a broken export loops, and
   * counting hops spares a Set per lookup (there is one lookup per alias value).
   */
  const literalOf = (from: VariableHome, modeId: string): unknown => {
    let home = from;
    let mode = modeId;
    for (let hops = 0; hops <= MAX_CHAIN; hops++) {
      const raw = home.collection.raw(home.member, mode);
      const next = aliasId(raw);
      if (next === null) return raw;
      const t = targets.find(next);
      if (!('home' in t)) return undefined;
      if (t.home.collection !== home.collection) mode = t.home.collection.collection.defaultModeId;
      home = t.home;
    }
    return CYCLE;
  };
  const literalOfId = (id: string, modeId: string): unknown => {
    const t = targets.find(id);
    return 'home' in t ? literalOf(t.home, modeId) : undefined;
  };

  const convert = (type: DtcgType, raw: unknown, modeId: string): unknown => {
    // a plain colour needs no alias lookups: no closure for it (one per colour token otherwise)
    if (type === 'color') return isRgba(raw) ? toColor(raw) : colorOf(raw, (id) => literalOfId(id, modeId));
    if (typeof raw === 'number') return type === 'fontFamily' ? null : floatValue(type, raw);
    if (typeof raw === 'string') return stringValue(type, raw);
    return null;
  };

  for (const collection of plan.collections) {
    const emitted: EmittedCollection = { plan: collection, groups: new Map(), tokens: 0, extensions: 0 };
    // one $extensions object per variable, shared by its tokens in every mode
    const metas: Array<{ 'com.figma': FigmaMeta } | undefined> = [];
    const homes = collection.members.map((m) => plan.homes.of(m.variable)!);
    // a token's dotted path, for the issues list only: made when an issue needs it
    const atOf = (mi: number) => (collection.parent ? `${collection.group}.${collection.members[mi]!.segments.join('.')}` : homes[mi]!.path);
    // a member's dotted path inside the group, for the extension entries only: made when one needs it
    const relatives: string[] = [];
    // variable by variable, each in every mode (its values are read together, not once per mode from a file of
    // 20,000); every mode has its own group, extension entries and issues, each filled in variable order
    const modes = collection.modes;
    const groups: DtcgGroup[] = [];
    const extensions: Array<Record<string, unknown>> = [];
    const issues: VariableIssue[][] = [];
    for (const mode of modes) {
      const variables: Record<string, unknown> = {};
      groups.push({ $extensions: { 'com.figma': collectionMeta(collection, mode.id, mode.name, variables) } });
      extensions.push(variables);
      issues.push([]);
    }
    for (let mi = 0; mi < collection.members.length; mi++) {
      const member = collection.members[mi]!;
      const v = member.variable;
      const home = homes[mi]!;
      const t = home.typed;
      for (let m = 0; m < modes.length; m++) {
        const mode = modes[m]!;
        const modeIssues = issues[m]!;
        const raw = collection.raw(member, mode.id);
        if (collection.missing(member, mode.id)) out.filled++;
        if (t.kind === 'extension') {
          extensions[m]![(relatives[mi] ??= member.segments.join('.'))] = extensionEntry(member, collection, raw, (id) => {
            out.aliases.total++;
            const found = targets.find(id);
            if (!('home' in found)) {
              out.aliases.unresolved++;
              modeIssues.push({ variableId: v.id, path: atOf(mi), mode: mode.context, reason: found.reason, targetId: id, fallback: 'placeholder' });
              return { id, reason: found.reason };
            }
            out.aliases.resolved++;
            if (found.via === 'key') out.aliases.resolvedByKey++;
            const lit = literalOf(found.home, found.home.collection === home.collection ? mode.id : found.home.collection.collection.defaultModeId);
            return { id, path: found.home.path, ...(lit !== undefined && lit !== CYCLE ? { value: lit } : {}) };
          });
          if (mode.isDefault) emitted.extensions++;
          continue;
        }
        const type = t.type!;
        let meta = metas[mi];
        if (!meta) metas[mi] = meta = { 'com.figma': tokenMeta(v, t, member) };
        let token: DtcgToken;
        // one literal for the usual token: its properties in their order, without adding them one by one
        if (!v.description && !v.deletedButReferenced) token = { $type: type, $value: 0, $extensions: meta };
        else {
          token = { $type: type, $value: 0 };
          if (v.description) token.$description = v.description;
          if (v.deletedButReferenced) token.$deprecated = 'deleted in Figma, still referenced';
          token.$extensions = meta;
        }
        const id = aliasId(raw);
        if (id !== null) {
          out.aliases.total++;
          const found = targets.find(id);
          if (!('home' in found)) {
            out.aliases.unresolved++;
            markUnresolved(token, v, collection, mode, atOf(mi), type, modeIssues, found.reason, id);
          } else {
            const tt = found.home.typed;
            const targetMode = found.home.collection === home.collection ? mode.id : found.home.collection.collection.defaultModeId;
            const lit = literalOf(found.home, targetMode);
            if (lit === CYCLE) {
              out.aliases.unresolved++;
              markUnresolved(token, v, collection, mode, atOf(mi), type, modeIssues, 'cycle', id);
            } else if (tt.kind === 'token' && tt.type === type) {
              out.aliases.resolved++;
              if (found.via === 'key') out.aliases.resolvedByKey++;
              token.$value = found.home.ref as DtcgToken['$value'];
            } else {
              out.aliases.unresolved++;
              const value = lit === undefined ? null : convert(type, lit, targetMode);
              if (value === null) markUnresolved(token, v, collection, mode, atOf(mi), type, modeIssues, 'type-mismatch', id);
              else {
                token.$value = value as DtcgToken['$value'];
                modeIssues.push({ variableId: v.id, path: atOf(mi), mode: mode.context, reason: 'type-mismatch', targetId: id, fallback: 'literal' });
              }
            }
          }
        } else {
          const value = convert(type, raw, mode.id);
          if (value === null) markUnresolved(token, v, collection, mode, atOf(mi), type, modeIssues, 'invalid-value');
          else token.$value = value as DtcgToken['$value'];
        }
        insert(groups[m]!, member.segments, token);
        if (mode.isDefault) {
          emitted.tokens++;
          out.byType[type] = (out.byType[type] ?? 0) + 1;
        }
      }
    }
    for (let m = 0; m < modes.length; m++) {
      const group = groups[m]!;
      if (Object.keys(extensions[m]!).length === 0) delete (group.$extensions!['com.figma'] as Record<string, unknown>).variables;
      emitted.groups.set(modes[m]!.id, group);
      // issues mode by mode, as the list has always read
      for (const issue of issues[m]!) out.issues.push(issue);
    }
    out.collections.push(emitted);
  }
  return out;

  function markUnresolved(token: DtcgToken, v: FigmaVariable, collection: CollectionPlan, mode: ModePlan, at: string, type: DtcgType, issues: VariableIssue[], reason: VariableIssue['reason'], targetId?: string): void {
    const fb = fallbackOf(plan.homes.of(v)!, collection, mode.id, type);
    token.$value = fb.value as DtcgToken['$value'];
    const meta = (token.$extensions as { 'com.figma': FigmaMeta })['com.figma'];
    token.$extensions = { 'com.figma': { ...meta, unresolved: { ...(targetId ? { aliasId: targetId } : {}), reason } } };
    issues.push({ variableId: v.id, path: at, mode: mode.context, reason, ...(targetId ? { targetId } : {}), fallback: fb.from });
  }

  /** A value for a token whose own value cannot be written: another mode's, else the type's zero. */
  function fallbackOf(home: VariableHome, collection: CollectionPlan, modeId: string, type: DtcgType): { value: unknown; from: VariableIssue['fallback'] } {
    for (const mode of collection.modes) {
      if (mode.id === modeId) continue;
      const lit = literalOf(home, mode.id);
      const value = lit === undefined || lit === CYCLE ? null : convert(type, lit, mode.id);
      if (value !== null) return { value, from: mode.isDefault ? 'default-mode' : 'other-mode' };
    }
    return { value: placeholder(type), from: 'placeholder' };
  }
}

/** A Figma colour, or a composed one (`{ color, opacity }`, either part an alias) → a DTCG colour, or null. */
function colorOf(raw: unknown, literal: (id: string) => unknown): unknown {
  if (isRgba(raw)) return toColor(raw);
  if (typeof raw !== 'object' || raw === null || !('color' in raw)) return null;
  const composed = raw as { color: unknown; opacity?: unknown };
  const colorId = aliasId(composed.color);
  const color = colorId === null ? composed.color : literal(colorId);
  const opacityId = aliasId(composed.opacity);
  const opacity = opacityId === null ? composed.opacity : literal(opacityId);
  if (!isRgba(color)) return null;
  // Figma's opacity variables hold percentages (0–100); a fraction is taken as is
  const o = typeof opacity === 'number' ? (opacity > 1 ? opacity / 100 : opacity) : 1;
  return toColor(color as FigmaRgba, o);
}

function collectionMeta(c: CollectionPlan, modeId: string, modeName: string, variables: Record<string, unknown>): FigmaMeta {
  const meta: FigmaMeta = { collectionId: c.collection.id };
  if (c.collection.key) meta.key = c.collection.key;
  meta.mode = { id: modeId, name: modeName };
  if (c.collection.remote) meta.remote = true;
  if (c.collection.hiddenFromPublishing) meta.hiddenFromPublishing = true;
  if (c.parent) meta.extends = c.parent.id;
  meta.variables = variables;
  return meta;
}

function tokenMeta(v: FigmaVariable, t: Typed, member: MemberPlan): FigmaMeta {
  const meta: FigmaMeta = { variableId: v.id };
  if (v.key) meta.key = v.key;
  if (v.scopes.length) meta.scopes = v.scopes;
  if (hasCodeSyntax(v)) meta.codeSyntax = v.codeSyntax;
  if (t.from) meta.typeFrom = t.from;
  if (member.renamed) meta.name = v.name;
  if (v.remote) meta.remote = true;
  if (v.hiddenFromPublishing) meta.hiddenFromPublishing = true;
  return meta;
}

function extensionEntry(member: MemberPlan, c: CollectionPlan, raw: unknown, alias: (id: string) => Record<string, unknown>): Record<string, unknown> {
  const v = member.variable;
  const entry: Record<string, unknown> = { variableId: v.id, collectionId: c.collection.id, type: v.type };
  const id = aliasId(raw);
  if (id !== null) entry.alias = alias(id);
  else if (v.type === 'COLOR' && isRgba(raw)) entry.value = toColor(raw);
  else entry.value = raw;
  if (v.scopes.length) entry.scopes = v.scopes;
  if (hasCodeSyntax(v)) entry.codeSyntax = v.codeSyntax;
  if (v.description) entry.description = v.description;
  if (member.renamed) entry.name = v.name;
  if (v.remote) entry.remote = true;
  if (v.hiddenFromPublishing) entry.hiddenFromPublishing = true;
  if (v.deletedButReferenced) entry.deletedButReferenced = true;
  return entry;
}

/** Puts a token at a path, creating the groups on the way (`$root` lands as the group's root token). */
export function insert(group: DtcgGroup, segments: string[], token: DtcgToken): void {
  let at = group;
  for (let i = 0; i < segments.length - 1; i++) {
    const s = segments[i]!;
    let next = at[s] as DtcgGroup | undefined;
    if (!next) at[s] = next = {};
    at = next;
  }
  at[segments[segments.length - 1]!] = token;
}
