// What a design chat message asks for (seed 000 §14): a page generated, the page being worked on refined, Gherkin
// scenarios for it — several at once ("Refine button styles and add login flow BDD" is refine + bdd). Words, not a
// model: the intent decides which steps run before any spend.
import type { ChatDesignIntent } from '@cogo/types';

const BDD = /\b(bdd|gherkin|scenarios?|acceptance tests?|behaviou?r tests?)\b/i;
const REFINE = /\b(refine|restyle|tweak|adjust|improve|polish|rework|update|change)\b/i;
// asking for new UI besides the scenarios ("add login flow BDD" alone asks for none)
const GENERATE = /\b(generate|create|build|design|make|draft)\b/i;

/** The intents of a message, in the order their steps run; `hasPage`: there is a page to refine or describe. */
export function intentsOf(prompt: string, hasPage: boolean): ChatDesignIntent[] {
  const bdd = BDD.test(prompt);
  const refine = hasPage && REFINE.test(prompt);
  const generate = !refine && (!hasPage || GENERATE.test(prompt) || !bdd);
  const intents: ChatDesignIntent[] = [];
  if (generate) intents.push('generate');
  if (refine) intents.push('refine');
  if (bdd) intents.push('bdd');
  return intents;
}
