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

/** Whether `test` holds for every raw value of a variable, over its home collection's modes (no list is made). */
function everyRaw(home: VariableHome, test: (raw: unknown) => boolean): boolean {
  const c = home.collection;
  for (const m of c.modes) if (!test(c.raw(home.member, m.id))) return false;
  return true;
}

/** Decides kind and type for every variable (sets `home.typed`). */
export function typeVariables(plan: Plan, targets: AliasTargets): void {
  const homes = plan.homes.values();
  for (let i = 0; i < homes.length; i++) homes[i]!.typed = initial(homes[i]!);
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
      const fits = everyRaw(home, (raw) => aliasId(raw) !== null || (typeof raw === 'string' && stringValue(t.type, raw) !== null));
      return fits ? { kind: 'token', type: t.type, from: t.from } : EXTENSION;
    }
    default:
      return EXTENSION;
  }
}

function unifyFloats(plan: Plan, targets: AliasTargets): void {
  // union-find over FLOAT alias edges, by variable index (no map of homes), with path compression (chains of
  // aliases would otherwise be walked again and again); -1: not linked to any FLOAT alias
  const up = new Int32Array(plan.homes.variables.size).fill(-1);
  const linked: VariableHome[] = [];
  const find = (h: VariableHome): number => {
    let at = h.variable.index;
    if (up[at] === -1) {
      up[at] = at;
      linked.push(h);
      return at;
    }
    let root = at;
    while (up[root] !== root) root = up[root]!;
    while (at !== root) {
      const next = up[at]!;
      up[at] = root;
      at = next;
    }
    return root;
  };
  const floats: VariableHome[] = [];
  const homes = plan.homes.values();
  for (let i = 0; i < homes.length; i++) {
    const home = homes[i]!;
    if (home.variable.type !== 'FLOAT') continue;
    floats.push(home);
    const c = home.collection;
    for (const m of c.modes) {
      const id = aliasId(c.raw(home.member, m.id));
      const t = id === null ? null : targets.find(id);
      if (!t || !('home' in t) || t.home.variable.type !== 'FLOAT') continue;
      const a = find(home);
      const b = find(t.home);
      if (a !== b) up[a] = b;
    }
  }
  const components = new Map<number, VariableHome[]>();
  for (let i = 0; i < linked.length; i++) {
    const h = linked[i]!;
    const root = find(h);
    let list = components.get(root);
    if (!list) components.set(root, (list = []));
    list.push(h);
  }
  const strength = (h: VariableHome) => STRENGTH[h.typed.from ?? 'default'];
  components.forEach((members) => {
    let best = 0;
    for (let i = 0; i < members.length; i++) best = Math.max(best, strength(members[i]!));
    // the one type of the best-informed members, or none when they differ
    let type: Typed['type'] | undefined;
    for (let i = 0; i < members.length; i++) {
      const h = members[i]!;
      if (strength(h) !== best) continue;
      if (type === undefined) type = h.typed.type;
      else if (h.typed.type !== type) return; // equally sure and different: each keeps its type, the aliases between them are reported
    }
    if (type === undefined) return;
    for (let i = 0; i < members.length; i++) if (members[i]!.typed.type !== type) members[i]!.typed = { kind: 'token', type, from: 'alias' };
  });
  // a fontWeight outside 1–1000 is not a weight after all
  for (let i = 0; i < floats.length; i++) {
    const h = floats[i]!;
    if (h.typed.type === 'fontWeight' && !everyRaw(h, (raw) => !(typeof raw === 'number' && floatValue('fontWeight', raw) === null))) {
      h.typed = { kind: 'token', type: 'number', from: h.typed.from ?? 'default' };
    }
  }
}

function demoteStrings(plan: Plan, targets: AliasTargets): void {
  const strings = plan.homes.values().filter((h) => h.variable.type === 'STRING' && h.typed.kind === 'token');
  for (let changed = true; changed; ) {
    changed = false;
    for (const h of strings) {
      const t = h.typed;
      if (t.kind !== 'token') continue;
      const ok = everyRaw(h, (raw) => {
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
