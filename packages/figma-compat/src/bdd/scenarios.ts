// Scenarios from a page model: one per user path (a form's fields filled before its button), a Scenario
// Outline of invalid data per form that sends somewhere, a scenario per form the prototype does not link,
// a journey per prototype flow of two hops or more, and — only when nothing else exists — one per screen.
import { fillStep, invalidRows, sampleValue, TYPED } from './form-steps';
import type { ScenarioPlan } from './gherkin-writer';
import type { Form, PageModel, Screen, UiElement, UserPath } from './page-model';
import { onScreen, outcomeStep, outcomeTitle, quote, stillOn, triggerStep, triggerTitle, type Step } from './steps';
import { capitalize, slug } from './words';

/** A scenario and the screen it starts on (for Background / Rule grouping). */
export interface PlannedScenario extends ScenarioPlan {
  start: string;
}

const CLICKS = new Set(['ON_CLICK', 'ON_PRESS', 'MOUSE_DOWN', 'MOUSE_UP']);
const given = (text: string): Step => ({ kind: 'given', text });
const when = (text: string): Step => ({ kind: 'when', text });
const then = (text: string): Step => ({ kind: 'then', text });

const fills = (form: Form): Step[] => form.inputs.map((i) => when(fillStep(i, sampleValue(i))));
const what = (form: Form) => (form.inputs.some((i) => i.kind === 'password') ? 'credentials' : 'details');

/** The When/Then steps of one path, fields first when its button sends a form. */
function pathSteps(p: UserPath): Step[] {
  const sends = p.form && CLICKS.has(p.interaction.trigger.type);
  return [
    ...(sends ? fills(p.form!) : []),
    when(triggerStep(p.interaction.trigger, p.element)),
    ...p.interaction.outcomes.map((o) => then(outcomeStep(o, p.element))),
  ];
}

function pathScenario(p: UserPath): PlannedScenario {
  const sends = p.form && CLICKS.has(p.interaction.trigger.type) && p.element;
  const branch = p.interaction.branch ? ` (case ${p.interaction.branch.index} of ${p.interaction.branch.of})` : '';
  const name = sends
    ? `${capitalize(p.element!.label)} with valid ${what(p.form!)}`
    : `${triggerTitle(p.interaction.trigger, p.element)} ${p.interaction.outcomes.map(outcomeTitle).join(' and ')}`;
  return { name: name + branch, tags: sends ? ['form'] : ['path'], start: p.screen.name, steps: [given(onScreen(p.screen.name)), ...pathSteps(p)] };
}

/** Unique outline column names from field labels ("E-mail" → e_mail); `field` is kept for the error column. */
function columns(inputs: readonly UiElement[]): string[] {
  const used = new Set(['field']);
  return inputs.map((i) => {
    const base = slug(i.label, '_') || 'value';
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

/** A Scenario Outline: the form sent with one wrong field at a time keeps the user on the screen. */
function invalidOutline(screen: Screen, form: Form, button: UiElement, tags: string[]): PlannedScenario | null {
  const typed = form.inputs.filter((i) => TYPED.has(i.kind ?? ''));
  if (!typed.length) return null;
  const cols = columns(typed);
  const steps = form.inputs.map((i) => {
    const k = typed.indexOf(i);
    return when(k >= 0 ? fillStep(i, cols[k]!, true) : fillStep(i, ''));
  });
  steps.push(when(triggerStep({ type: 'ON_CLICK' }, button)), then(stillOn(screen.name)), then('I see an error for "<field>"'));
  const rows = invalidRows(typed).map((r) => [...r.values, r.field]);
  return {
    name: `${capitalize(button.label)} with invalid ${what(form)}`,
    tags: [...tags, 'invalid-data'],
    start: screen.name,
    steps: [given(onScreen(screen.name)), ...steps],
    examples: { name: 'one field wrong at a time', header: [...cols, 'field'], rows },
  };
}

/** A form the prototype does not link: filled (and sent, when it has a button) without leaving the screen. */
function unlinkedForm(screen: Screen, form: Form): PlannedScenario {
  const button = form.buttons[0];
  const steps: Step[] = [given(onScreen(screen.name)), ...fills(form)];
  if (button) steps.push(when(triggerStep({ type: 'ON_CLICK' }, button)), then(stillOn(screen.name)));
  else for (const i of form.inputs) steps.push(then(shows(i)));
  const name = button ? `${capitalize(button.label)} the ${quote(screen.name)} form` : `Fill in the ${quote(screen.name)} form`;
  return { name, tags: ['form', 'unlinked'], start: screen.name, steps };
}

/** What a filled field shows afterwards. */
function shows(i: UiElement): string {
  const field = quote(i.label);
  if (i.kind === 'checkbox') return `${field} is checked`;
  if (i.kind === 'switch') return `${field} is on`;
  if (i.kind === 'radio') return `${field} is selected`;
  if (i.kind === 'select') return i.value ? `${field} shows ${quote(i.value)}` : `${field} shows the chosen option`;
  if (i.kind === 'slider') return `${field} shows the new value`;
  return `${field} shows ${quote(sampleValue(i))}`;
}

/** Follows a flow from its first screen through the first unvisited screen each screen links to. */
function journey(model: PageModel, flow: { name: string; screenId: string }): PlannedScenario | null {
  const byId = new Map(model.screens.map((s) => [s.id, s]));
  const start = byId.get(flow.screenId)!;
  const seen = new Set([start.id]);
  const steps: Step[] = [given(onScreen(start.name))];
  let hops = 0;
  for (let cur = start; ; ) {
    const next = model.paths.find((p) => p.screen === cur && p.interaction.outcomes.some((o) => o.kind === 'screen' && byId.has(o.targetId) && !seen.has(o.targetId)));
    if (!next) break;
    const to = next.interaction.outcomes.find((o) => o.kind === 'screen' && byId.has(o.targetId) && !seen.has(o.targetId)) as { targetId: string };
    steps.push(...pathSteps(next));
    cur = byId.get(to.targetId)!;
    seen.add(cur.id);
    hops++;
  }
  return hops >= 2 ? { name: `Follow the ${quote(flow.name)} flow`, tags: ['journey'], start: start.name, steps } : null;
}

/** Every scenario of the page, in document order, names made unique; journeys apart. */
export function planScenarios(model: PageModel): { scenarios: PlannedScenario[]; journeys: PlannedScenario[] } {
  const out: PlannedScenario[] = [];
  const outlined = new Set<string>();
  for (const p of model.paths) {
    out.push(pathScenario(p));
    const key = p.form && p.element ? `${p.form.id}/${p.element.id}` : null;
    if (key && !outlined.has(key) && CLICKS.has(p.interaction.trigger.type)) {
      outlined.add(key);
      const o = invalidOutline(p.screen, p.form!, p.element!, ['form']);
      if (o) out.push(o);
    }
  }
  for (const s of model.screens) {
    for (const f of s.forms) {
      if (f.buttons.some((b) => b.interactions.length)) continue;
      out.push(unlinkedForm(s, f));
      const o = f.buttons[0] ? invalidOutline(s, f, f.buttons[0], ['form', 'unlinked']) : null;
      if (o) out.push(o);
    }
  }
  if (!out.length) {
    for (const s of model.screens) {
      const sees = s.texts.slice(0, 3).map((t) => then(`I see ${quote(t)}`));
      out.push({ name: `See the ${quote(s.name)} screen`, tags: ['content'], start: s.name, steps: [given(onScreen(s.name)), ...(sees.length ? sees : [then(`I see the ${quote(s.name)} screen`)])] });
    }
  }
  const journeys = model.flows.map((f) => journey(model, f)).filter((j): j is PlannedScenario => j !== null);
  const used = new Map<string, number>();
  for (const s of [...journeys, ...out]) {
    const n = (used.get(s.name) ?? 0) + 1;
    used.set(s.name, n);
    if (n > 1) s.name = `${s.name} (${n})`;
  }
  return { scenarios: out, journeys };
}
