import { describe, expect, it } from 'vitest';
import { brandOfPrompt, sectionsOfPrompt, sectionTypeOfName } from './prompt-sections';

describe('sectionsOfPrompt', () => {
  it.each([
    ['Generate a landing page for Acme with hero, CTA and features', ['hero', 'cta', 'features']],
    ['use knowledge about Acme Cloud to create a pricing section', ['pricing']],
    ['Create a login form for Acme', ['login_form']],
    ['add a sign-in page', ['login_form']],
    ['a page with a call to action, then plans and a FAQ', ['cta', 'pricing', 'faq']],
    ['navbar, hero banner, benefits, testimonials, team, stats, gallery, contact us and a footer', ['navbar', 'hero', 'features', 'testimonials', 'team', 'stats', 'gallery', 'contact', 'footer']],
    ['Header + sign up form + frequently asked questions', ['navbar', 'signup_form', 'faq']],
    ['hero, hero again and features, features', ['hero', 'features']],
    ['A landing page for Acme', ['navbar', 'hero', 'features', 'cta', 'footer']],
    ['something nice please', ['generic']],
    ['', ['generic']],
  ])('%j → %j', (prompt, expected) => {
    expect(sectionsOfPrompt(prompt)).toEqual(expected);
  });
});

describe('brandOfPrompt', () => {
  it.each([
    ['Generate a landing page for Acme with hero, CTA and features', 'Acme'],
    ['use knowledge about Acme Cloud to create a pricing section', 'Acme Cloud'],
    ['a login form for the app', undefined],
    ['a page for CTA tests', undefined],
    ['landing page', undefined],
  ])('%j → %j', (prompt, brand) => {
    expect(brandOfPrompt(prompt)).toBe(brand);
  });
});

describe('sectionTypeOfName', () => {
  it('reads a section type from a frame name, or nothing', () => {
    expect(sectionTypeOfName('Hero / Desktop')).toBe('hero');
    expect(sectionTypeOfName('Login')).toBe('login_form');
    expect(sectionTypeOfName('Desktop - 1')).toBeUndefined();
    expect(sectionTypeOfName('Landing page')).toBeUndefined();
  });
});
