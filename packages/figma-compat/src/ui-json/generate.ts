// The keyword generator (issue 14, `POST /figma-compat/uui/generate`, seed 000 §14): a prompt's sections → a
// cogo_ui_json page built from section templates, with the project's stored components and tokens where they fit
// (match.ts) and generic blocks otherwise. Deterministic: no clock, no randomness — the page id is a hash of the
// input, section ids are `<type>-<position>`, part ids `<section id>-<role>`; the same input and vocabulary give a
// deep-equal result.
import type { CogoUiJson, UiComponentNode, UiSection, UiSectionSummary } from '@cogo/types';
import { UI_JSON_VERSION } from '@cogo/types';
import { typeNameOf } from './ids';
import { Kit } from './kit';
import { tokenRefOf } from './layout-style';
import { brandOfPrompt, sectionsOfPrompt } from './prompt-sections';
import type { SectionContext } from './section-context';
import { SECTION_TEMPLATES } from './templates';
import { genericTemplate } from './templates-forms';
import { isHandlerCode, isScriptUrl } from './unsafe';
import type { DesignVocabulary } from './vocabulary';

export interface GenerateInput {
  prompt: string;
  /** The page's name; default: the brand and what the page is. */
  name?: string;
  /** These section types in this order, instead of the ones the prompt names. */
  sections?: string[];
  /** The page's id; default: `page-` + a hash of prompt, name and sections. */
  id?: string;
}

export interface GenerateResult {
  doc: CogoUiJson;
  sections: UiSectionSummary[];
  tokens_used: string[];
}

/** Section names by type. */
export const SECTION_NAMES: Readonly<Record<string, string>> = {
  navbar: 'Navigation',
  hero: 'Hero',
  features: 'Features',
  cta: 'Call to action',
  pricing: 'Pricing',
  login_form: 'Login form',
  signup_form: 'Sign-up form',
  faq: 'FAQ',
  testimonials: 'Testimonials',
  footer: 'Footer',
  contact: 'Contact',
  gallery: 'Gallery',
  team: 'Team',
  stats: 'Stats',
  generic: 'Section',
};

const PROMPT_MAX = 4_000;
const titleOf = (type: string) => SECTION_NAMES[type] ?? type.replace(/[_-]+/g, ' ').replace(/^\w/, (ch) => ch.toUpperCase());
const safe = (s: string | undefined): s is string => s !== undefined && s.trim() !== '' && !isScriptUrl(s) && !isHandlerCode(s);

/** A page for a prompt (see the file comment); sections and summaries in page order, token paths in first-use order. */
export function generateFromPrompt(input: GenerateInput, vocab: DesignVocabulary): GenerateResult {
  const prompt = input.prompt.trim().slice(0, PROMPT_MAX);
  const types = (input.sections?.length ? input.sections : sectionsOfPrompt(prompt)).map((t) => typeNameOf(t) ?? 'generic');
  const brand = brandOfPrompt(prompt);
  const name = (safe(input.name) ? input.name : pageNameOf(types, brand, prompt)).slice(0, 500);
  const kit = new Kit(vocab);
  const ids = types.map((t, i) => `${t}-${i + 1}`.slice(0, 200));
  const target = (type: string) => {
    const at = types.indexOf(type);
    return at >= 0 ? ids[at] : undefined;
  };
  const promptText = safe(prompt) ? prompt.slice(0, 280) : undefined;
  const sections = types.map((type, i): UiSection => {
    const ctx: SectionContext = { kit, sid: ids[i]!, type, brand, prompt, target };
    const template = SECTION_TEMPLATES[type] ?? genericTemplate(type === 'generic' ? name : titleOf(type), type === 'generic' ? promptText : undefined);
    const body = template(ctx);
    // keys in reading order (tokens_used lists tokens in document order)
    return {
      id: ctx.sid,
      type,
      name: titleOf(type),
      ...(body.layout ? { layout: body.layout } : {}),
      ...(body.style && Object.keys(body.style).length ? { style: body.style } : {}),
      blocks: body.blocks,
    };
  });
  const source: CogoUiJson['page']['source'] = { kind: 'generated', generator: 'keyword' };
  if (safe(prompt)) source.prompt = prompt;
  const pageStyle = kit.style({ background: 'background', color: 'text' });
  const page: CogoUiJson['page'] = {
    id: input.id ?? `page-${fnv1a(JSON.stringify([prompt, input.name ?? null, types]))}`,
    name,
    source,
    layout: { direction: 'column', gap: 0, width: 'fill' },
    ...(pageStyle ? { style: pageStyle } : {}),
    sections,
  };
  const doc: CogoUiJson = { schema: 'cogo_ui_json', version: UI_JSON_VERSION, page };
  return { doc, sections: sections.map(summaryOf), tokens_used: tokensIn(doc, vocab) };
}

/** "Acme landing page", "Acme Cloud pricing", "Login form". */
function pageNameOf(types: string[], brand: string | undefined, prompt: string): string {
  const landing = types.length > 1 || /\blanding[\s-]?page\b/i.test(prompt);
  const what = landing ? 'Landing page' : types[0] === 'generic' ? 'Page' : titleOf(types[0]!);
  return brand ? `${brand} ${what.charAt(0).toLowerCase()}${what.slice(1)}` : what;
}

/** Each section's size and the stored components it uses. */
export function summaryOf(section: UiSection): UiSectionSummary {
  const matched = new Map<string, string>();
  let components = 0;
  const visit = (nodes: UiComponentNode[]) => {
    for (const n of nodes) {
      components += 1;
      if (n.component?.component_id && !matched.has(n.component.component_id)) matched.set(n.component.component_id, n.component.name);
      if (n.children) visit(n.children);
    }
  };
  for (const b of section.blocks) visit(b.components);
  return { id: section.id, type: section.type, components, matched: [...matched].map(([component_id, name]) => ({ name, component_id })), generic: matched.size === 0 };
}

/** The vocabulary's token paths a document references, in first-use order. */
export function tokensIn(doc: CogoUiJson, vocab: DesignVocabulary): string[] {
  const known = new Set(vocab.tokens.map((t) => t.path));
  const used = new Set<string>();
  const walk = (value: unknown): void => {
    const path = tokenRefOf(value);
    if (path !== undefined) {
      if (known.has(path)) used.add(path);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(doc);
  return [...used];
}

/** FNV-1a (32 bits) as 8 hex digits: a short, stable id from text. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
