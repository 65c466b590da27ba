// What an LLM is told about a page when it refines a feature: screens with their fields, buttons, links and
// navigation, and the user paths as step texts — the facts a refined feature must stay true to. Lists are
// capped so that a page of hundreds of screens still makes a prompt of bounded size.
import type { PageModel } from './page-model';
import { outcomeStep, triggerStep } from './steps';

/** A page's facts for a refine prompt (JSON-serialisable). */
export interface PageSummary {
  page: { id: string; name: string };
  screens: { id: string; name: string; fields: string[]; buttons: string[]; links: string[]; navigation: string[] }[];
  paths: { from: string; when: string; then: string[] }[];
  flows: { name: string; start: string }[];
  /** What the caps left out, when they did. */
  omitted?: { screens: number; paths: number };
}

const MAX_SCREENS = 60;
const MAX_PATHS = 200;
const MAX_PER_LIST = 30;

/** Summarises a page model for `refinePrompt`. */
export function summarizePage(model: PageModel): PageSummary {
  const byRole = (s: PageModel['screens'][number], role: string) =>
    [...new Set(s.elements.filter((e) => e.role === role).map((e) => (role === 'input' ? `${e.label} (${e.kind})` : e.label)))].slice(0, MAX_PER_LIST);
  const screens = model.screens.slice(0, MAX_SCREENS).map((s) => ({
    id: s.id,
    name: s.name,
    fields: byRole(s, 'input'),
    buttons: byRole(s, 'button'),
    links: [...byRole(s, 'link'), ...byRole(s, 'element')].slice(0, MAX_PER_LIST),
    navigation: byRole(s, 'nav-item'),
  }));
  const paths = model.paths.slice(0, MAX_PATHS).map((p) => ({
    from: p.screen.name,
    when: triggerStep(p.interaction.trigger, p.element),
    then: p.interaction.outcomes.map((o) => outcomeStep(o, p.element)),
  }));
  const names = new Map(model.screens.map((s) => [s.id, s.name]));
  const summary: PageSummary = { page: { id: model.id, name: model.name }, screens, paths, flows: model.flows.map((f) => ({ name: f.name, start: names.get(f.screenId) ?? f.screenId })) };
  const omitted = { screens: model.screens.length - screens.length, paths: model.paths.length - paths.length };
  if (omitted.screens || omitted.paths) summary.omitted = omitted;
  return summary;
}
