// What a prompt asks for (issue 14, seed 000 §14): the section types it names, in the order it names them, and the
// brand it is for. Keyword rules, no model: "landing page for Acme with hero, CTA and features" → hero, cta, features.

/** Section types and the words that name them (a word matches whole, any case; the first rule that matches wins). */
const SECTION_WORDS: ReadonlyArray<readonly [type: string, pattern: RegExp]> = [
  ['cta', /\b(?:cta|call[\s-]+to[\s-]+action)s?\b/gi],
  ['login_form', /\b(?:log[\s-]?in|sign[\s-]?in)(?:\s+(?:form|page|screen|flow))?\b/gi],
  ['signup_form', /\b(?:sign[\s-]?up|register|registration)(?:\s+(?:form|page|screen|flow))?\b/gi],
  ['pricing', /\b(?:pricing|prices|plans|price\s+table|tiers)\b/gi],
  ['faq', /\b(?:faqs?|frequently\s+asked\s+questions)\b/gi],
  ['testimonials', /\b(?:testimonials?|reviews|customer\s+quotes)\b/gi],
  ['navbar', /\b(?:nav\s?bar|navigation(?:\s+bar)?|nav|header|top\s+bar|menu\s+bar)\b/gi],
  ['footer', /\bfooter\b/gi],
  ['hero', /\b(?:hero|banner|jumbotron)\b/gi],
  ['features', /\b(?:features?|benefits?)\b/gi],
  ['contact', /\bcontact(?:\s+(?:us|form|section))?\b/gi],
  ['gallery', /\b(?:gallery|portfolio|showcase)\b/gi],
  ['team', /\b(?:team|our\s+people|team\s+members)\b/gi],
  ['stats', /\b(?:stats|statistics|metrics|key\s+figures|kpis?)\b/gi],
];

/** A landing page that names no section gets these. */
export const LANDING_PAGE_SECTIONS = ['navbar', 'hero', 'features', 'cta', 'footer'] as const;

/**
 * The section types a prompt names, in prompt order, each once: "… with hero, CTA and features" → hero, cta, features;
 * synonyms per SECTION_WORDS ("call to action" → cta, "sign in" → login_form, "plans" → pricing, "header" → navbar,
 * "benefits" → features…). A "landing page" naming none → LANDING_PAGE_SECTIONS; nothing recognisable → ['generic'].
 */
export function sectionsOfPrompt(prompt: string): string[] {
  const hits: Array<{ at: number; type: string }> = [];
  const taken: Array<[number, number]> = [];
  for (const [type, pattern] of SECTION_WORDS) {
    for (const m of prompt.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      // one span of text names one section ("sign in form" is not also a "form")
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      hits.push({ at: start, type });
    }
  }
  const types = [...new Set(hits.sort((a, b) => a.at - b.at).map((h) => h.type))];
  if (types.length) return types;
  if (/\blanding[\s-]?page\b/i.test(prompt)) return [...LANDING_PAGE_SECTIONS];
  return ['generic'];
}

/** The section type a layer's name says (`Hero`, `Pricing / Desktop`, `Login`), if it says one. */
export function sectionTypeOfName(name: string): string | undefined {
  const types = sectionsOfPrompt(name);
  return types[0] === 'generic' || /\blanding[\s-]?page\b/i.test(name) ? undefined : types[0];
}

/** Words that open a brand phrase: "for Acme", "about Acme Cloud". */
const BRAND_LEAD = /\b(?:for|about|of|by|called|named)\s+((?:[A-Z0-9][\w&'.-]*)(?:\s+[A-Z0-9][\w&'.-]*){0,3})/g;
const NOT_BRAND = new Set(['a', 'an', 'the', 'my', 'our', 'your', 'cta', 'faq', 'faqs', 'ui', 'it', 'this', 'that', 'me', 'us', 'page', 'section']);

/** The brand a prompt is for — the capitalised words after "for/about/of/by" ("for Acme" → Acme), if any. */
export function brandOfPrompt(prompt: string): string | undefined {
  for (const m of prompt.matchAll(BRAND_LEAD)) {
    const words = m[1]!.split(/\s+/);
    const kept: string[] = [];
    for (const w of words) {
      const bare = w.replace(/[.'-]+$/, '');
      if (!bare || NOT_BRAND.has(bare.toLowerCase()) || sectionTypeOfName(bare)) break;
      kept.push(bare);
    }
    if (kept.length) return kept.join(' ').slice(0, 80);
  }
  return undefined;
}
