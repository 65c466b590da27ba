// Coverage of a coded component: its stories (index entries of type `story`; docs entries are not), its tests, and
// which variant options of its mapped Figma component ("Size=Small") some story shows.
//  - A test is a story Storybook runs as one: tagged `test` (Storybook's default tag for stories its test runner
//    and Vitest addon run) or `play-fn` (added to stories with a play function), or any tag with `test`/`tests` as
//    a word ("test-only", "visual-test", "tests:a11y").
//  - An option is covered by a story whose args set the option's mapped code prop to the option's value (by the
//    prop's value map, words or abbreviation: size "sm" covers Size=Small; a True/False option by the boolean; the
//    option a boolean is named after by `true`); a story whose args do not set that prop covers the options whose
//    words all appear, in order, in its name ("Primary Small" covers Variant=Primary and Size=Small).
import { isBooleanVariant, isTruthy, words } from '@cogo/figma-compat';
import { byText, kindOf, optionFor, sameValue, valuesDiff } from './rules';
import type { CodeComponent, CodeProp, CodeStory, CoverageReport, DesignComponent, DesignProp } from './types';

const isTest = (s: CodeStory) => s.tags.some((t) => t === 'test' || t === 'play-fn' || words(t).some((w) => w === 'test' || w === 'tests'));

/** Whether `part` occurs as consecutive words of `whole`. */
function containsWords(whole: readonly string[], part: readonly string[]): boolean {
  if (!part.length) return false;
  for (let i = 0; i + part.length <= whole.length; i++) if (part.every((w, j) => whole[i + j] === w)) return true;
  return false;
}

/** Whether a story arg value `v` of code prop `c` shows option `o` of the VARIANT `f` (see the top of this file). */
function shows(f: DesignProp, c: CodeProp | undefined): (o: string, v: string | number | boolean) => boolean {
  const option = c ? optionFor(f, c) : undefined;
  if (option !== undefined) return (o, v) => o === option && v === true;
  if (c && kindOf(c) === 'boolean' && isBooleanVariant(f)) return (o, v) => (v === true || v === 'true') === isTruthy(o);
  const map = c && kindOf(c) === 'enum' ? valuesDiff(f, c).map : {};
  return (o, v) => (Object.hasOwn(map, o) ? map[o] === String(v) : sameValue(o, String(v)));
}

/** Stories, tests and the design's variant options the stories cover (`missing` sorted). */
export function coverageOf(code: CodeComponent, design: DesignComponent | null, props: Record<string, string>): CoverageReport {
  const stories = code.stories.filter((s) => s.type === 'story');
  const named = stories.map((s) => words(s.name));
  const missing: string[] = [];
  let total = 0;
  for (const f of design?.props ?? []) {
    if (f.type !== 'VARIANT') continue;
    const propName = Object.hasOwn(props, f.name) ? props[f.name] : undefined;
    const argShows = shows(f, propName === undefined ? undefined : code.props.find((p) => p.name === propName));
    for (const o of f.options ?? []) {
      total++;
      const ow = words(o);
      const covered = stories.some((s, i) => {
        const arg = propName !== undefined && s.args && Object.hasOwn(s.args, propName) ? s.args[propName] : undefined;
        return arg !== undefined ? argShows(o, arg) : containsWords(named[i]!, ow);
      });
      if (!covered) missing.push(`${f.name}=${o}`);
    }
  }
  return { stories: stories.length, tests: stories.filter(isTest).length, variants: { total, covered: total - missing.length, missing: missing.sort(byText) } };
}
