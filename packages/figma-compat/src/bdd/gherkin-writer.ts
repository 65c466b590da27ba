// Gherkin text from a plan: keywords chosen (And after a step of the same kind), two-space indentation, tables
// padded to line up, names and cells made single-line and escaped so nothing in a Figma name can become syntax
// (a `|` in a cell, a name line starting with `#` or `@` inside a description).
import type { Step } from './steps';
import { oneLine } from './words';

/** A scenario, or a Scenario Outline when it has examples. */
export interface ScenarioPlan {
  name: string;
  tags: string[];
  steps: Step[];
  examples?: { name: string; header: string[]; rows: string[][] };
}

/** A Rule: scenarios that share a Background. */
export interface RulePlan {
  name: string;
  background: Step[];
  scenarios: ScenarioPlan[];
}

export interface FeaturePlan {
  name: string;
  tags: string[];
  description: string[];
  background: Step[];
  scenarios: ScenarioPlan[];
  rules: RulePlan[];
}

const KEYWORD = { given: 'Given', when: 'When', then: 'Then' } as const;

function stepLines(steps: readonly Step[], indent: string): string[] {
  return steps.map((s, i) => `${indent}${i > 0 && steps[i - 1]!.kind === s.kind ? 'And' : KEYWORD[s.kind]} ${oneLine(s.text)}`);
}

/** A table cell: one line, `\` and `|` escaped as Gherkin reads them. */
export function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '\\n').replace(/\s+/g, ' ').trim();
}

function table(header: readonly string[], rows: readonly (readonly string[])[], indent: string): string[] {
  const all = [header, ...rows].map((r) => r.map(cell));
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  return all.map((r) => `${indent}| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`);
}

const tagLine = (tags: readonly string[], indent: string) => (tags.length ? [`${indent}${tags.map((t) => `@${t}`).join(' ')}`] : []);

function scenarioLines(s: ScenarioPlan, indent: string): string[] {
  const out = ['', ...tagLine(s.tags, indent), `${indent}${s.examples ? 'Scenario Outline' : 'Scenario'}: ${oneLine(s.name)}`];
  out.push(...stepLines(s.steps, `${indent}  `));
  if (s.examples) {
    out.push('', `${indent}  Examples: ${oneLine(s.examples.name)}`.trimEnd());
    out.push(...table(s.examples.header, s.examples.rows, `${indent}    `));
  }
  return out;
}

function backgroundLines(steps: readonly Step[], indent: string): string[] {
  return steps.length ? ['', `${indent}Background:`, ...stepLines(steps, `${indent}  `)] : [];
}

/** Renders a feature plan as Gherkin text (ending with a newline). */
export function renderFeature(plan: FeaturePlan): string {
  const lines = [...tagLine(plan.tags, ''), `Feature: ${oneLine(plan.name)}`];
  // a description line must not read as a keyword, tag, comment or table row
  for (const d of plan.description) {
    const line = oneLine(d);
    lines.push(`  ${/^([#@|]|"""|```|[\w ]+:)/.test(line) ? `Note, ${line}` : line}`);
  }
  lines.push(...backgroundLines(plan.background, '  '));
  for (const s of plan.scenarios) lines.push(...scenarioLines(s, '  '));
  for (const r of plan.rules) {
    lines.push('', `  Rule: ${oneLine(r.name)}`, ...backgroundLines(r.background, '    '));
    for (const s of r.scenarios) lines.push(...scenarioLines(s, '    '));
  }
  return `${lines.join('\n')}\n`;
}
