// The DTCG type of every variable, decided once for all its modes. COLOR → color; FLOAT → dimension, fontWeight,
// duration or number (values.ts: scopes, then name, else number); STRING → fontFamily or fontWeight when its
// scopes or name say so and every literal fits, else a Figma extension; BOOLEAN → extension (DTCG has neither
// strings nor booleans). Aliases must join tokens of one type (Format §7: an alias has its target's type), so
// FLOAT variables linked by aliases share the type of the best-informed one (scopes beat names beat the
// default), and a STRING token aliasing anything but a token of its type becomes an extension.
import { aliasId, type AliasTargets } from './aliases';
import type { Plan, Typed, VariableHome } from './plan';
import { floatType, floatValue, stringType, stringValue, type TypeSource } from './values';

export type { Typed } from './plan';

const STRENGTH: Record<TypeSource, number> = { scopes: 3, name: 2, alias: 1, default: 0 };
const COLOR: Typed = Object.freeze({ kind: 'token', type: 'color' });
const EXTENSION: Typed = Object.freeze({ kind: 'extension', type: null });

/** Every raw value of a variable, over its home collection's modes. */
function rawValues(home: VariableHome): unknown[] {
  return home.collection.modes.map((m) => home.collection.raw(home.member, m.id));
}

/** Decides kind and type for every variable (sets `home.typed`). */
export function typeVariables(plan: Plan, targets: AliasTargets): void {
  for (const home of plan.homes.values()) home.typed = initial(home);
  unifyFloats(plan, targets);
  demoteStrings(plan, targets);
}

function initial(home: VariableHome): Typed {
  const v = home.variable;
  switch (v.type) {
    case 'COLOR':
      return COLOR;
    case 'FLOAT': {
      const t = floatType(v.scopes, v.name);
      return { kind: 'token', type: t.type, from: t.from };
    }
    case 'STRING': {
      const t = stringType(v.scopes, v.name);
      if (!t) return EXTENSION;
      const fits = rawValues(home).every((raw) => aliasId(raw) !== null || (typeof raw === 'string' && stringValue(t.type, raw) !== null));
      return fits ? { kind: 'token', type: t.type, from: t.from } : EXTENSION;
    }
    default:
      return EXTENSION;
  }
}

function unifyFloats(plan: Plan, targets: AliasTargets): void {
  // union-find over FLOAT alias edges, with path compression (chains of aliases would otherwise be walked again and again)
  const parent = new Map<VariableHome, VariableHome>();
  const find = (h: VariableHome): VariableHome => {
    let root = h;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    for (let at = h; at !== root; ) {
      const up = parent.get(at)!;
      parent.set(at, root);
      at = up;
    }
    if (!parent.has(root)) parent.set(root, root);
    return root;
  };
  const floats: VariableHome[] = [];
  for (const home of plan.homes.values()) {
    if (home.variable.type !== 'FLOAT') continue;
    floats.push(home);
    for (const raw of rawValues(home)) {
      const id = aliasId(raw);
      const t = id === null ? null : targets.find(id);
      if (!t || !('home' in t) || t.home.variable.type !== 'FLOAT') continue;
      const a = find(home);
      const b = find(t.home);
      if (a !== b) parent.set(a, b);
    }
  }
  const components = new Map<VariableHome, VariableHome[]>();
  for (const h of parent.keys()) {
    const root = find(h);
    let list = components.get(root);
    if (!list) components.set(root, (list = []));
    list.push(h);
  }
  const strength = (h: VariableHome) => STRENGTH[h.typed.from ?? 'default'];
  for (const members of components.values()) {
    const best = members.reduce((max, h) => Math.max(max, strength(h)), 0);
    const types = new Set(members.filter((h) => strength(h) === best).map((h) => h.typed.type));
    if (types.size !== 1) continue; // equally sure and different: each keeps its type, the aliases between them are reported
    const type = [...types][0]!;
    for (const h of members) if (h.typed.type !== type) h.typed = { kind: 'token', type, from: 'alias' };
  }
  // a fontWeight outside 1–1000 is not a weight after all
  for (const h of floats) {
    if (h.typed.type === 'fontWeight' && rawValues(h).some((raw) => typeof raw === 'number' && floatValue('fontWeight', raw) === null)) {
      h.typed = { kind: 'token', type: 'number', from: h.typed.from ?? 'default' };
    }
  }
}

function demoteStrings(plan: Plan, targets: AliasTargets): void {
  const strings = [...plan.homes.values()].filter((h) => h.variable.type === 'STRING' && h.typed.kind === 'token');
  for (let changed = true; changed; ) {
    changed = false;
    for (const h of strings) {
      const t = h.typed;
      if (t.kind !== 'token') continue;
      const ok = rawValues(h).every((raw) => {
        const id = aliasId(raw);
        if (id === null) return true;
        const target = targets.find(id);
        if (!('home' in target)) return true; // unresolvable: reported, with a fallback of this token's type
        return target.home.typed.kind === 'token' && target.home.typed.type === t.type;
      });
      if (!ok) {
        h.typed = EXTENSION;
        changed = true;
      }
    }
  }
}
