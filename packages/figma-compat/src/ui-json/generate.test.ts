import type { CogoUiJson, UiComponentNode } from '@cogo/types';
import { describe, expect, it } from 'vitest';
import { generateFromPrompt } from './generate';
import { sanitizeUiJson } from './sanitize';
import { EMPTY_VOCAB, IDS, VOCAB } from './samples.test-helpers';
import { validateUiJson } from './validate';

const LANDING = 'Generate a landing page for Acme with hero, CTA and features';
const PRICING = 'use knowledge about Acme Cloud to create a pricing section';
const LOGIN = 'Create a login form for Acme';

/** Every component node of a page, depth first. */
function nodes(doc: CogoUiJson): UiComponentNode[] {
  const out: UiComponentNode[] = [];
  const visit = (n: UiComponentNode) => {
    out.push(n);
    n.children?.forEach(visit);
  };
  for (const s of doc.page.sections) for (const b of s.blocks) b.components.forEach(visit);
  return out;
}
const byId = (doc: CogoUiJson, id: string) => nodes(doc).find((n) => n.id === id);

describe('generateFromPrompt', () => {
  for (const [label, vocab] of [
    ['with the vocabulary', VOCAB],
    ['without one', EMPTY_VOCAB],
  ] as const) {
    it.each([LANDING, PRICING, LOGIN, 'A landing page', 'landing page with navbar, pricing, faq, testimonials, team, stats, gallery, contact, sign up and footer', 'hello'])(
      `makes a valid page that the sanitizer leaves alone (${label}): %s`,
      (prompt) => {
        const g = generateFromPrompt({ prompt }, vocab);
        const checked = validateUiJson(g.doc, vocab);
        if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
        expect(checked.doc).toStrictEqual(g.doc);
        expect(checked.report).toMatchObject({ pruned: [], unknown_components: [], unknown_tokens: [] });
        expect(sanitizeUiJson(g.doc)).toEqual({ value: g.doc, pruned: [] });
      },
    );
  }

  it('builds the landing page of seed 000 §14 from the prompt: hero, cta, features for Acme with the project components and tokens', () => {
    const g = generateFromPrompt({ prompt: LANDING }, VOCAB);
    const { page } = g.doc;
    expect(page.source).toEqual({ kind: 'generated', generator: 'keyword', prompt: LANDING });
    expect(page.name).toBe('Acme landing page');
    expect(page.id).toMatch(/^page-[0-9a-f]{8}$/);
    expect(page.sections.map((s) => [s.id, s.type, s.name])).toEqual([
      ['hero-1', 'hero', 'Hero'],
      ['cta-2', 'cta', 'Call to action'],
      ['features-3', 'features', 'Features'],
    ]);
    expect(byId(g.doc, 'hero-1-heading')!.text).toContain('Acme');
    // the main button is "Primary Button" (not "Icon Button", listed first), on the brand colour; the second one "Button/Secondary"
    const primary = byId(g.doc, 'hero-1-primary')!;
    expect(primary.component).toEqual({ name: 'Primary Button', component_id: IDS.button, node_id: '10:3' });
    expect(primary.style).toEqual({ background: '{color.brand.primary}', color: '{color.text.on-primary}', borderRadius: '{radius.md}' });
    expect(primary.actions).toEqual([{ on: 'click', type: 'scroll_to', target: 'cta-2' }]);
    expect(byId(g.doc, 'hero-1-secondary')!.component?.name).toBe('Button/Secondary');
    expect(byId(g.doc, 'hero-1-secondary')!.actions).toEqual([{ on: 'click', type: 'scroll_to', target: 'features-3' }]);
    expect(byId(g.doc, 'hero-1-image')!.type).toBe('image');
    expect(byId(g.doc, 'cta-2-button')!.text).toBe('Get started');
    const cards = page.sections[2]!.blocks[1]!;
    expect(cards.layout?.columns).toBe(3);
    expect(cards.components.map((c) => [c.type, c.component?.name])).toEqual([
      ['card', 'Card'],
      ['card', 'Card'],
      ['card', 'Card'],
    ]);
    expect(page.sections[0]!.layout).toEqual({ direction: 'column', gap: '{spacing.lg}', padding: '{spacing.xl}', align: 'center' });
    expect(g.sections).toEqual([
      { id: 'hero-1', type: 'hero', components: 6, matched: [{ name: 'Primary Button', component_id: IDS.button }, { name: 'Button/Secondary', component_id: IDS.buttonSecondary }], generic: false },
      { id: 'cta-2', type: 'cta', components: 3, matched: [{ name: 'Primary Button', component_id: IDS.button }], generic: false },
      { id: 'features-3', type: 'features', components: 14, matched: [{ name: 'Card', component_id: IDS.card }], generic: false },
    ]);
    expect(g.tokens_used).toEqual([
      'color.background.default',
      'color.text.default',
      'spacing.lg',
      'spacing.xl',
      'spacing.md',
      'color.text.muted',
      'color.brand.primary',
      'color.text.on-primary',
      'radius.md',
      'color.border.default',
      'color.surface.default',
      'spacing.sm',
    ]);
    expect(g.tokens_used).not.toContain('color.brand.primary-hover');
    expect(g.tokens_used).not.toContain('radius.full');
  });

  it('builds generic blocks with literal spacing when the project has no components or tokens', () => {
    const g = generateFromPrompt({ prompt: LANDING }, EMPTY_VOCAB);
    expect(nodes(g.doc).filter((n) => n.component || n.style)).toEqual([]);
    expect(g.doc.page.style).toBeUndefined();
    expect(g.doc.page.sections[0]!.layout).toEqual({ direction: 'column', gap: 24, padding: 64, align: 'center' });
    expect(g.sections.every((s) => s.generic && s.matched.length === 0)).toBe(true);
    expect(g.tokens_used).toEqual([]);
    // the same structure as with a vocabulary
    expect(nodes(g.doc).map((n) => n.id)).toEqual(nodes(generateFromPrompt({ prompt: LANDING }, VOCAB).doc).map((n) => n.id));
  });

  it('builds a pricing section for the RAG command with the brand in its texts', () => {
    const g = generateFromPrompt({ prompt: PRICING }, VOCAB);
    expect(g.doc.page.name).toBe('Acme Cloud pricing');
    expect(g.doc.page.sections.map((s) => s.type)).toEqual(['pricing']);
    expect(byId(g.doc, 'pricing-1-heading')!.text).toBe('Acme Cloud pricing');
    const plans = g.doc.page.sections[0]!.blocks[1]!.components;
    expect(plans.map((p) => [p.id, p.props?.plan, p.props?.highlighted])).toEqual([
      ['pricing-1-starter', 'starter', false],
      ['pricing-1-pro', 'pro', true],
      ['pricing-1-enterprise', 'enterprise', false],
    ]);
    for (const plan of plans) {
      expect(plan.children!.map((c) => c.type)).toEqual(['heading', 'text', 'list', 'button']);
      expect(plan.children![2]!.children).toHaveLength(3);
    }
    expect(byId(g.doc, 'pricing-1-pro-price')!.text).toBe('$29 / month');
    expect(byId(g.doc, 'pricing-1-starter-button')!.actions).toEqual([{ on: 'click', type: 'open_url', url: '/signup?plan=starter' }]);
  });

  it('builds a login form: email and password inputs and a submit button with a submit action', () => {
    const g = generateFromPrompt({ prompt: LOGIN }, VOCAB);
    expect(g.doc.page.sections.map((s) => s.type)).toEqual(['login_form']);
    const form = g.doc.page.sections[0]!.blocks[1]!;
    expect(form).toMatchObject({ id: 'login_form-1-form', type: 'form' });
    expect(form.components.map((c) => [c.type, c.props?.name ?? c.text])).toEqual([
      ['input', 'email'],
      ['input', 'password'],
      ['button', 'Sign in'],
      ['link', 'Forgot password?'],
      ['link', 'No account? Sign up'],
    ]);
    expect(form.components[0]!.props).toMatchObject({ input_type: 'email', required: true, autocomplete: 'email' });
    expect(form.components[1]!.props).toMatchObject({ input_type: 'password', autocomplete: 'current-password' });
    expect(form.components[0]!.component).toEqual({ name: 'Text Field', component_id: IDS.input, node_id: '10:5' });
    expect(form.components[2]!.actions).toEqual([{ on: 'submit', type: 'submit', target: 'login_form-1-form' }]);
    expect(byId(g.doc, 'login_form-1-heading')!.text).toBe('Sign in to Acme');
  });

  it('is deterministic: the same input and vocabulary give a deep-equal result, another prompt another page id', () => {
    for (const prompt of [LANDING, PRICING, LOGIN]) {
      expect(generateFromPrompt({ prompt }, VOCAB)).toStrictEqual(generateFromPrompt({ prompt }, structuredClone(VOCAB)));
    }
    const ids = new Set([LANDING, PRICING, LOGIN].map((prompt) => generateFromPrompt({ prompt }, VOCAB).doc.page.id));
    expect(ids.size).toBe(3);
  });

  it('takes explicit sections, name and id; an unknown type gets a generic section of that type', () => {
    const g = generateFromPrompt({ prompt: LANDING, sections: ['faq', 'blog'], name: 'My page', id: 'home' }, EMPTY_VOCAB);
    expect(g.doc.page).toMatchObject({ id: 'home', name: 'My page' });
    expect(g.doc.page.sections.map((s) => [s.id, s.type, s.name])).toEqual([
      ['faq-1', 'faq', 'FAQ'],
      ['blog-2', 'blog', 'Blog'],
    ]);
    expect(g.doc.page.sections[1]!.blocks[0]!.components.map((c) => c.text)).toEqual(['Blog']);
  });

  it('keeps a hostile prompt or name out of the page', () => {
    const prompt = 'landing page with hero <script>alert(1)</script>';
    const g = generateFromPrompt({ prompt, name: 'javascript:alert(1)' }, VOCAB);
    expect(g.doc.page.source).toEqual({ kind: 'generated', generator: 'keyword' });
    expect(g.doc.page.name).toBe('Landing page');
    expect(sanitizeUiJson(g.doc).pruned).toEqual([]);
    const generic = generateFromPrompt({ prompt: 'hello <img src=x onerror=alert(1)>' }, VOCAB);
    expect(sanitizeUiJson(generic.doc).pruned).toEqual([]);
    expect(generateFromPrompt({ prompt: 'tell me about pandas' }, VOCAB).doc.page.sections[0]!.blocks[0]!.components.map((c) => c.text)).toEqual(['Page', 'tell me about pandas']);
  });
});
