// What of a project's vocabulary a generated page uses (issue 14). Names and token paths are compared as words:
// split on spaces, `/ . - _ = ,` and camelCase, lowercased ("Button/Primary", "PrimaryButton", "primary-button" all
// give primary + button).
//
// Components: a stored component fills a role (button, card, input, navbar…) when its name has one of the role's
// words; among those, the best has the role word alone ("Button"), then names the wanted variant ("Primary Button"
// for the main button, "Button/Secondary" for the second), then has the fewest words; a name with a word the role
// avoids ("Icon Button", "Button/Disabled") scores lower; equal scores keep the vocabulary's order.
// Tokens: a token fills a role (the brand colour, text colour, a spacing step, a radius…) when its path has the
// role's words (and, when typed, the right $type); the same scoring picks among them.
import type { DesignVocabulary } from './vocabulary';

/** A name or path as lowercase words (camelCase and separators split). */
export function wordsOf(name: string): string[] {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words;
}

interface RoleSpec {
  /** One of these must be among the words (or an adjacent pair joined). */
  any: readonly string[];
  prefer?: readonly string[];
  /** Lower the score (a secondary button can still be the main one when it is the only button). */
  avoid?: readonly string[];
  /** Never fill the role ("Icon Button" is no call to action, "Nav Link" no navbar). */
  reject?: readonly string[];
  /** Only names with a `prefer` word fill the role. */
  needPrefer?: boolean;
}

export type ComponentRole = 'button' | 'button_secondary' | 'card' | 'input' | 'navbar' | 'footer' | 'image' | 'avatar' | 'link' | 'icon';

const COMPONENT_ROLES: Record<ComponentRole, RoleSpec> = {
  button: { any: ['button', 'btn'], prefer: ['primary', 'default', 'main', 'solid', 'filled'], avoid: ['secondary', 'ghost', 'outline', 'outlined', 'tertiary', 'link', 'text'], reject: ['icon', 'close', 'disabled', 'group', 'fab'] },
  button_secondary: { any: ['button', 'btn'], prefer: ['secondary', 'outline', 'outlined', 'ghost', 'tertiary', 'subtle'], reject: ['icon', 'close', 'disabled', 'group', 'fab'], needPrefer: true },
  card: { any: ['card', 'tile'], reject: ['skeleton', 'loading'] },
  input: { any: ['input', 'textfield', 'textinput', 'textbox', 'field'], prefer: ['text', 'default'], avoid: ['disabled', 'error'], reject: ['checkbox', 'radio', 'search', 'select', 'dropdown', 'toggle', 'switch', 'otp', 'file'] },
  navbar: { any: ['navbar', 'nav', 'navigation', 'header', 'topbar', 'appbar', 'menubar'], avoid: ['mobile'], reject: ['item', 'link', 'section', 'icon'] },
  footer: { any: ['footer'], avoid: ['mobile'], reject: ['item', 'link', 'icon'] },
  image: { any: ['image', 'img', 'picture', 'photo', 'illustration'], prefer: ['placeholder'], reject: ['avatar', 'icon', 'button'] },
  avatar: { any: ['avatar'], reject: ['group', 'stack'] },
  link: { any: ['link', 'hyperlink'], avoid: ['nav', 'footer'], reject: ['button', 'group', 'list'] },
  icon: { any: ['icon'], reject: ['button', 'badge'] },
};

function score(words: readonly string[], spec: RoleSpec, extraPrefer: readonly string[] = []): number | null {
  // adjacent pairs joined too: "text field" is a textfield, "on primary" an onprimary
  const all = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) all.add(words[i]! + words[i + 1]!);
  const hit = spec.any.find((w) => all.has(w));
  if (hit === undefined) return null;
  if ((spec.reject ?? []).some((w) => all.has(w) && w !== hit)) return null;
  const prefers = (spec.prefer ?? []).some((w) => all.has(w));
  if (spec.needPrefer && !prefers) return null;
  let s = 100 - 3 * (words.length - 1);
  if (words.length === 1) s += 20;
  if (prefers) s += 30;
  if (extraPrefer.some((w) => all.has(w))) s += 40;
  if ((spec.avoid ?? []).some((w) => all.has(w) && w !== hit)) s -= 60;
  return s;
}

function best<T>(items: readonly T[], wordsOfItem: (t: T) => string[], spec: RoleSpec, accept: (t: T) => boolean = () => true, extraPrefer: readonly string[] = []): T | undefined {
  let top: T | undefined;
  let topScore = -Infinity;
  for (const item of items) {
    if (!accept(item)) continue;
    const s = score(wordsOfItem(item), spec, extraPrefer);
    if (s !== null && s > topScore) {
      top = item;
      topScore = s;
    }
  }
  return top;
}

export type VocabComponent = DesignVocabulary['components'][number];

/** The stored component that best fills a role (see the file comment), if any. */
export function componentForRole(vocab: DesignVocabulary, role: ComponentRole, context: readonly string[] = []): VocabComponent | undefined {
  // `context`: words that suit this use better ("Pricing Card" for a plan); a variant row's name is its properties
  // ("Size=Large, State=Default"), so its set stands for it
  return best(vocab.components, (c) => wordsOf(c.name), COMPONENT_ROLES[role], undefined, context);
}

export type TokenRole =
  | 'primary'
  | 'on_primary'
  | 'text'
  | 'text_muted'
  | 'background'
  | 'surface'
  | 'border'
  | 'space_sm'
  | 'space_md'
  | 'space_lg'
  | 'space_xl'
  | 'radius'
  | 'shadow';

const STATES = ['hover', 'pressed', 'active', 'focus', 'disabled', 'visited', 'selected'];
const COLOR_TYPES = new Set(['color']);
const SIZE_TYPES = new Set(['dimension', 'number']);

/** `group`: words of the token's group (spacing, radius); `dropGroup`: the group word is not part of its name (spacing.md → md). */
const TOKEN_ROLES: Record<TokenRole, RoleSpec & { types: ReadonlySet<string>; group?: readonly string[]; dropGroup?: boolean }> = {
  primary: {
    types: COLOR_TYPES,
    any: ['primary', 'brand', 'accent'],
    prefer: ['default', 'base', '500', '600', 'main', 'solid'],
    avoid: ['text', 'foreground', 'fg', 'on', 'border', 'surface', 'background', 'bg', 'subtle', 'muted', 'light', 'lighter', 'secondary', 'inverse', '50', '100', '200', '300', '800', '900', ...STATES],
  },
  on_primary: { types: COLOR_TYPES, any: ['onprimary', 'onbrand', 'primaryforeground', 'primaryfg', 'primarycontrast', 'primarytext', 'inverse', 'white'], avoid: STATES },
  text: {
    types: COLOR_TYPES,
    any: ['text', 'foreground', 'fg', 'ink', 'content'],
    prefer: ['default', 'primary', 'base', 'body', 'main', 'strong'],
    avoid: ['muted', 'subtle', 'secondary', 'tertiary', 'inverse', 'on', 'placeholder', 'link', 'primaryforeground', 'primaryfg', 'primarytext', 'error', 'success', 'warning', 'danger', 'info', 'brand', 'accent', ...STATES],
  },
  text_muted: { types: COLOR_TYPES, any: ['text', 'foreground', 'fg', 'content'], prefer: ['muted', 'subtle', 'secondary', 'soft', 'weak', 'tertiary'], needPrefer: true, avoid: ['inverse', 'on', 'placeholder', ...STATES] },
  background: {
    types: COLOR_TYPES,
    any: ['background', 'bg', 'canvas'],
    prefer: ['default', 'base', 'primary', 'page', 'body'],
    avoid: ['brand', 'accent', 'inverse', 'muted', 'subtle', 'secondary', 'error', 'success', 'warning', 'danger', 'info', 'overlay', 'button', ...STATES],
  },
  surface: { types: COLOR_TYPES, any: ['surface', 'card', 'panel', 'elevated', 'container'], prefer: ['default', 'base', 'primary', 'raised'], avoid: ['inverse', 'brand', 'accent', 'border', ...STATES] },
  border: { types: COLOR_TYPES, any: ['border', 'outline', 'stroke', 'divider'], prefer: ['default', 'base', 'subtle'], avoid: ['brand', 'error', 'danger', 'success', 'warning', 'inverse', ...STATES] },
  space_sm: { types: SIZE_TYPES, dropGroup: true, group: ['spacing', 'space', 'spacer', 'gap', 'gutter'], any: ['sm', 's', 'small', 'xs', '2', '8'], prefer: ['sm', 'small'] },
  space_md: { types: SIZE_TYPES, dropGroup: true, group: ['spacing', 'space', 'spacer', 'gap', 'gutter'], any: ['md', 'm', 'medium', 'base', 'default', '4', '16'], prefer: ['md', 'medium'] },
  space_lg: { types: SIZE_TYPES, dropGroup: true, group: ['spacing', 'space', 'spacer', 'gap', 'gutter'], any: ['lg', 'l', 'large', '6', '24'], prefer: ['lg', 'large'] },
  space_xl: { types: SIZE_TYPES, dropGroup: true, group: ['spacing', 'space', 'spacer', 'gap', 'gutter'], any: ['xl', '2xl', 'xxl', '3xl', '12', '32', '48', '64'], prefer: ['xl', '2xl'] },
  radius: { types: SIZE_TYPES, group: ['radius', 'radii', 'rounded', 'corner', 'corners', 'borderradius'], any: ['md', 'm', 'medium', 'default', 'base', 'sm', '2', '4', '8', 'radius', 'radii', 'rounded'], prefer: ['md', 'medium', 'default'], avoid: ['full', 'pill', 'none', 'circle', 'round'] },
  shadow: { types: new Set(['shadow']), group: ['shadow', 'shadows', 'elevation', 'boxshadow'], any: ['sm', 'md', 'card', '1', '2', 'default', 'base', 'low', 'small', 'shadow', 'elevation'], prefer: ['md', 'card', 'sm'] },
};

const COLOR_GROUPS = ['color', 'colors', 'colour', 'palette'];

/** The token path that best fills a role (see the file comment), if any. */
export function tokenForRole(vocab: DesignVocabulary, role: TokenRole): string | undefined {
  const spec = TOKEN_ROLES[role];
  const token = best(
    vocab.tokens,
    (t) => {
      const words = wordsOf(t.path);
      // the group word of a size token (spacing.md) is where it lives, not what it names
      return spec.dropGroup ? words.filter((w) => !spec.group!.includes(w)) : words.filter((w) => !COLOR_GROUPS.includes(w));
    },
    spec,
    (t) => {
      const words = wordsOf(t.path);
      if (spec.group && !words.some((w) => spec.group!.includes(w)) && !spec.group.some((g) => words.join('').includes(g))) return false;
      if (t.type !== undefined) return spec.types.has(t.type);
      // untyped: a colour role needs a colour group in the path; a size role its group (checked above)
      return spec.types === COLOR_TYPES ? words.some((w) => COLOR_GROUPS.includes(w)) : true;
    },
  );
  return token?.path;
}
