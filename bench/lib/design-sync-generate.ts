/**
 * Generated design ↔ code component pairs for the design-sync bench, shaped like a real design system: 2–6 props
 * per component (size and variant sets with abbreviated code values, booleans, labels, icon slots, a state
 * variant now and then), handlers and className on the code side, 1–6 stories (named after options, or with
 * args), a few bound variables, and drift in about a third of the pairs (a value added, a default changed, a prop
 * missing on one side). Deterministic: the same seed gives the same pairs.
 */
import type { CodeComponent, CodeProp, CodeStory, DesignComponent, DesignProp, MappingBaseline } from '../../packages/design-sync/src/types';

export interface GeneratedPair {
  code: CodeComponent;
  design: DesignComponent;
  baseline: MappingBaseline;
  tokens: Record<string, string>;
  props: Record<string, string>;
}

/** mulberry32. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, chance: (p: number) => next() < p, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const NOUNS = ['Button', 'Badge', 'Card', 'Chip', 'Tag', 'Alert', 'Avatar', 'Input', 'Select', 'Switch', 'Tabs', 'Tooltip', 'Dialog', 'Menu', 'Banner', 'Toast'];
const SETS: Array<{ figma: string; code: string; options: string[]; values: string[] }> = [
  { figma: 'Size', code: 'size', options: ['Small', 'Medium', 'Large'], values: ['sm', 'md', 'lg'] },
  { figma: 'Variant', code: 'variant', options: ['Primary', 'Secondary', 'Tertiary'], values: ['primary', 'secondary', 'tertiary'] },
  { figma: 'Tone', code: 'tone', options: ['Neutral', 'Info', 'Success', 'Danger'], values: ['neutral', 'info', 'success', 'danger'] },
  { figma: 'Density', code: 'density', options: ['Compact', 'Comfortable'], values: ['compact', 'comfortable'] },
];
const FLAGS: Array<[string, string]> = [['Show icon', 'showIcon'], ['Has badge', 'hasBadge'], ['Dismissible', 'dismissible'], ['Full width', 'fullWidth']];
const TEXTS: Array<[string, string]> = [['Label', 'label'], ['Title', 'title'], ['Helper text', 'helperText'], ['Placeholder', 'placeholder']];
const enumType = (values: string[]) => values.map((v) => `'${v}'`).join(' | ');

/** `count` pairs from `seed`. */
export function generatePairs(count: number, seed = 15): GeneratedPair[] {
  const r = prng(seed);
  const out: GeneratedPair[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${r.pick(NOUNS)}${i}`;
    const drift = r.chance(0.33);
    const f: DesignProp[] = [];
    const c: CodeProp[] = [];
    const n = 2 + Math.floor(r.next() * 5);
    const used = new Set<string>();
    for (let k = 0; k < n; k++) {
      const kind = r.pick(['set', 'set', 'flag', 'text', 'slot', 'state'] as const);
      if (kind === 'set') {
        const s = r.pick(SETS);
        if (used.has(s.figma)) continue;
        used.add(s.figma);
        const values = drift && r.chance(0.3) ? [...s.values, 'ghost'] : s.values;
        f.push({ key: s.figma, name: s.figma, type: 'VARIANT', options: s.options, default: s.options[1] ?? s.options[0]! });
        c.push({ name: s.code, kind: 'enum', type: enumType(values), values, default: drift && r.chance(0.3) ? values[0]! : (s.values[1] ?? s.values[0]!) });
      } else if (kind === 'flag') {
        const [fn, cn] = r.pick(FLAGS);
        if (used.has(fn)) continue;
        used.add(fn);
        f.push({ key: `${fn}#${i}:${k}`, name: fn, type: 'BOOLEAN', default: false });
        if (!(drift && r.chance(0.3))) c.push({ name: cn, kind: 'boolean', type: 'boolean', default: drift && r.chance(0.3) });
      } else if (kind === 'text') {
        const [fn, cn] = r.pick(TEXTS);
        if (used.has(fn)) continue;
        used.add(fn);
        f.push({ key: `${fn}#${i}:${k}`, name: fn, type: 'TEXT', default: fn });
        c.push({ name: cn, kind: 'string', type: 'string', ...(r.chance(0.5) ? { default: fn } : {}) });
      } else if (kind === 'slot' && !used.has('Icon')) {
        used.add('Icon');
        f.push({ key: `Icon#${i}:${k}`, name: 'Icon', type: 'INSTANCE_SWAP', default: '1:1' });
        c.push({ name: 'icon', kind: 'node', type: 'ReactNode' });
      } else if (kind === 'state' && !used.has('State')) {
        used.add('State');
        f.push({ key: 'State', name: 'State', type: 'VARIANT', options: ['Default', 'Hover', 'Pressed', 'Disabled'], default: 'Default' });
        c.push({ name: 'disabled', kind: 'boolean', type: 'boolean', default: false });
      }
    }
    if (drift && r.chance(0.3)) c.push({ name: 'elevation', kind: 'number', type: 'number', default: 1 });
    c.push({ name: 'onClick', kind: 'function', type: '() => void' }, { name: 'className', kind: 'string', type: 'string' });
    c.sort((a, b) => (a.name < b.name ? -1 : 1));
    const stories: CodeStory[] = [];
    const variants = f.filter((p) => p.type === 'VARIANT');
    for (let s = 1 + Math.floor(r.next() * 6); s > 0; s--) {
      const v = variants.length ? r.pick(variants) : undefined;
      const o = v ? r.pick(v.options!) : 'Default';
      const byArgs = v && r.chance(0.4) ? c.find((p) => p.name === v.name.toLowerCase()) : undefined;
      const story: CodeStory = { id: `components-${name.toLowerCase()}--${o.toLowerCase()}-${s}`, name: `${o} ${s}`, type: 'story', tags: r.chance(0.7) ? ['dev', 'test'] : ['dev'] };
      if (byArgs?.values) story.args = { [byArgs.name]: byArgs.values[v!.options!.indexOf(o)] ?? o };
      stories.push(story);
    }
    const bound = ['color/bg/default', 'color/text/primary', `radius/${r.pick(['sm', 'md'])}`, 'spacing/2'];
    const tokenValues = Object.fromEntries(bound.map((b) => [b, JSON.stringify({ $type: 'color', $value: b })]));
    const tokens = { ...tokenValues, ...(drift && r.chance(0.3) ? { 'color/bg/default': '"#fafafa"' } : {}) };
    out.push({
      code: { key: `Components/${name}`, name, props: c, stories },
      design: { fileKey: 'BENCHFILE01', nodeId: `${i}:1`, name, type: variants.length ? 'COMPONENT_SET' : 'COMPONENT', props: f, boundVariables: bound },
      baseline: { figmaName: drift && r.chance(0.1) ? `${name} old` : name, tokenValues },
      tokens,
      props: {},
    });
  }
  return out;
}
