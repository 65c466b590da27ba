// The building blocks of the keyword generator (issue 14): generic nodes (heading, text, button, input, card…) that
// take the project's stored component for their role and its tokens for their style when it has them
// (match.ts says how), literal layout numbers otherwise.
import type { UiAction, UiComponentNode, UiComponentRef, UiLayout } from '@cogo/types';
import { isUuid } from './ids';
import { componentForRole, tokenForRole, type ComponentRole, type TokenRole } from './match';
import type { DesignVocabulary } from './vocabulary';

type Style = Record<string, string | number>;

/** Spacing steps when the project has no spacing token: px. */
const SPACE_PX: Record<'space_sm' | 'space_md' | 'space_lg' | 'space_xl', number> = { space_sm: 8, space_md: 16, space_lg: 24, space_xl: 64 };

/** What the templates build with: the vocabulary's picks (memoised: the same pick for the same role on the whole page). */
export class Kit {
  readonly #vocab: DesignVocabulary;
  readonly #tokens = new Map<TokenRole, string | undefined>();
  readonly #components = new Map<string, UiComponentRef | undefined>();

  constructor(vocab: DesignVocabulary) {
    this.#vocab = vocab;
  }

  /** `{path}` of the project's token for a role, if it has one. */
  tok(role: TokenRole): string | undefined {
    if (!this.#tokens.has(role)) this.#tokens.set(role, tokenForRole(this.#vocab, role));
    const path = this.#tokens.get(role);
    return path === undefined ? undefined : `{${path}}`;
  }

  /** A spacing step: the token, or a px number. */
  space(role: keyof typeof SPACE_PX): string | number {
    return this.tok(role) ?? SPACE_PX[role];
  }

  /** A style of token roles, only the entries the project has tokens for; undefined when none. */
  style(entries: Record<string, TokenRole>): Style | undefined {
    const out: Style = {};
    for (const [prop, role] of Object.entries(entries)) {
      const t = this.tok(role);
      if (t !== undefined) out[prop] = t;
    }
    return Object.keys(out).length ? out : undefined;
  }

  /** The reference to the project's component for a role (`context`: words that suit this use), if one fills it. */
  ref(role: ComponentRole, context: readonly string[] = []): UiComponentRef | undefined {
    const key = `${role}:${context.join(',')}`;
    if (!this.#components.has(key)) {
      const c = componentForRole(this.#vocab, role, context);
      let ref: UiComponentRef | undefined;
      if (c) {
        ref = { name: c.name.slice(0, 500) };
        if (isUuid(c.id)) ref.component_id = c.id;
        if (c.node_id) ref.node_id = c.node_id.slice(0, 200);
      }
      this.#components.set(key, ref);
    }
    const ref = this.#components.get(key);
    return ref && { ...ref };
  }
}

/** A node with only the fields that have values (a generated page has no `undefined` keys). */
export function node(fields: UiComponentNode): UiComponentNode {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out as unknown as UiComponentNode;
}

/** A heading (`level` 1–3) in the text colour. */
export const heading = (kit: Kit, id: string, text: string, level = 2): UiComponentNode =>
  node({ id, type: 'heading', text, props: { level }, style: kit.style({ color: 'text' }) });

/** A paragraph, in the muted text colour when `muted`. */
export const text = (kit: Kit, id: string, value: string, muted = false): UiComponentNode =>
  node({ id, type: 'text', text: value, style: kit.style({ color: muted ? 'text_muted' : 'text' }) });

/** A button: the primary one on the brand colour, a secondary one outlined; `action` is what a click does. */
export function button(kit: Kit, id: string, label: string, action: UiAction, variant: 'primary' | 'secondary' = 'primary', context: readonly string[] = []): UiComponentNode {
  const ref = variant === 'primary' ? kit.ref('button', context) : (kit.ref('button_secondary', context) ?? kit.ref('button', context));
  const style = variant === 'primary' ? kit.style({ background: 'primary', color: 'on_primary', borderRadius: 'radius' }) : kit.style({ color: 'primary', borderColor: 'border', borderRadius: 'radius' });
  return node({ id, type: 'button', component: ref, text: label, props: { variant }, style, actions: [action] });
}

/** A link in the brand colour. */
export const link = (kit: Kit, id: string, label: string, action: UiAction): UiComponentNode =>
  node({ id, type: 'link', component: kit.ref('link'), text: label, style: kit.style({ color: 'primary' }), actions: [action] });

/** An image (or an avatar) placeholder: alt text and aspect ratio, no source. */
export const image = (kit: Kit, id: string, alt: string, ratio = '16:9', role: 'image' | 'avatar' = 'image'): UiComponentNode =>
  node({ id, type: role === 'avatar' ? 'avatar' : 'image', component: kit.ref(role), props: { alt, aspect_ratio: ratio }, style: kit.style({ borderRadius: 'radius' }) });

/** A form field; `kind` is the HTML input type (`email`, `password`, `text`, `textarea`). */
export function input(kit: Kit, id: string, name: string, label: string, kind: string, autocomplete?: string): UiComponentNode {
  const props: Record<string, string | boolean> = { name, label, input_type: kind, required: true, placeholder: label };
  if (autocomplete) props.autocomplete = autocomplete;
  return node({ id, type: 'input', component: kit.ref('input'), props, style: kit.style({ borderColor: 'border', borderRadius: 'radius' }) });
}

/** A card: a padded column on the surface colour (`context`: words for which stored card suits). */
export const card = (kit: Kit, id: string, children: UiComponentNode[], context: readonly string[] = [], props?: Record<string, string | number | boolean>): UiComponentNode =>
  node({
    id,
    type: 'card',
    component: kit.ref('card', context),
    props,
    layout: { direction: 'column', gap: kit.space('space_sm'), padding: kit.space('space_lg') },
    style: kit.style({ background: 'surface', borderColor: 'border', borderRadius: 'radius', boxShadow: 'shadow' }),
    children,
  });

/** A layout-only group of nodes. */
export const container = (id: string, children: UiComponentNode[], layout: UiLayout, type = 'container'): UiComponentNode => node({ id, type, layout, children });

/** Where a click goes: a section of this page when it has one (scroll), else a path of the site. */
export function goTo(target: string | undefined, fallbackUrl: string): UiAction {
  return target !== undefined ? { on: 'click', type: 'scroll_to', target } : { on: 'click', type: 'open_url', url: fallbackUrl };
}
