// figma-compat contract, bdd/generate and bdd/refine (issue 13): Gherkin features from a page's structure, made
// deterministically, then optionally refined through the LLM gateway. Every `feature` answered parses with
// @cucumber/gherkin; an LLM answer that does not is repaired once, then refused with the parser's line/column.
import { z } from '@hono/zod-openapi';
import { DesignOriginSchema, DesignSourceSchema } from './figma-compat-design';
import { TraceIdSchema } from './ids';
import { LlmUsageSchema, ModelNameSchema } from './llm';

/** Longest Gherkin text a request may carry (a generated feature of 500 scenarios stays well below it). */
export const BDD_MAX_FEATURE_CHARS = 200_000;
/** Longest user instructions for bdd/refine. */
export const BDD_MAX_INSTRUCTIONS_CHARS = 4_000;

const MaxScenariosSchema = z
  .number()
  .int()
  .min(1)
  .max(500)
  .optional()
  .openapi({ description: 'At most this many scenarios (journeys first, then in document order); default 500. What is left out is named in `warnings`.' });

export const BddGenerateRequestSchema = z
  .object({
    source: DesignSourceSchema,
    max_scenarios: MaxScenariosSchema,
    trace_id: TraceIdSchema.optional(),
  })
  .openapi('BddGenerateRequest');
export type BddGenerateRequest = z.infer<typeof BddGenerateRequestSchema>;

export const BddScenarioSchema = z
  .object({
    name: z.string(),
    keyword: z.string().openapi({ description: '`Scenario` or `Scenario Outline` (as written)' }),
    line: z.number().int().openapi({ description: 'Line of the scenario in `feature`' }),
    tags: z.array(z.string()),
    steps: z.number().int().openapi({ description: 'How many steps the scenario has (a Background’s are not counted)' }),
    examples: z.number().int().openapi({ description: 'Rows of its Examples tables (0 for a plain scenario)' }),
  })
  .openapi('BddScenario');

export const BddStatsSchema = z
  .object({
    screens: z.number().int(),
    forms: z.number().int(),
    inputs: z.number().int(),
    buttons: z.number().int(),
    links: z.number().int(),
    paths: z.number().int().openapi({ description: 'Prototype interactions that lead somewhere (user paths)' }),
    scenarios: z.number().int(),
    outlines: z.number().int(),
    journeys: z.number().int().openapi({ description: 'Scenarios that follow a prototype flow across screens' }),
  })
  .openapi('BddStats');

export const BddGenerateResponseSchema = z
  .object({
    feature: z.string().openapi({ description: 'One Gherkin Feature for the page; it parses with @cucumber/gherkin' }),
    scenarios: z.array(BddScenarioSchema),
    stats: BddStatsSchema,
    warnings: z.array(z.string()).openapi({ description: 'What generation could not use: a page without frames (then no scenarios), links to nodes not on the page, scenarios cut by max_scenarios' }),
    origin: DesignOriginSchema,
    trace_id: z.string(),
  })
  .openapi('BddGenerateResponse');
export type BddGenerateResponse = z.infer<typeof BddGenerateResponseSchema>;

export const BddRefineRequestSchema = z
  .object({
    source: DesignSourceSchema,
    feature: z
      .string()
      .min(1)
      .max(BDD_MAX_FEATURE_CHARS)
      .optional()
      .openapi({ description: 'The Gherkin text to refine (it must parse: else a 400 naming its line and column, before any LLM call). Default: what bdd/generate gives for the source.' }),
    instructions: z.string().max(BDD_MAX_INSTRUCTIONS_CHARS).optional().openapi({ description: 'What to change, in plain words' }),
    model: ModelNameSchema.optional().openapi({ description: "Default: the project's routing policy's first model, else the deployment's default" }),
    max_scenarios: MaxScenariosSchema,
    trace_id: TraceIdSchema.optional(),
  })
  .openapi('BddRefineRequest');
export type BddRefineRequest = z.infer<typeof BddRefineRequestSchema>;

export const BddRefineResponseSchema = z
  .object({
    feature: z.string().openapi({ description: "The model's feature, fences and prose removed; it parses with @cucumber/gherkin and has at least one scenario" }),
    scenarios: z.array(BddScenarioSchema),
    generated: z.string().openapi({ description: 'The deterministic feature of the source (what bdd/generate answers)' }),
    repaired: z.boolean().openapi({ description: 'True when the first answer did not parse and the repair call fixed it' }),
    attempts: z.number().int().min(1).max(2),
    model: z.string().openapi({ description: 'The model that wrote the accepted answer' }),
    provider: z.string(),
    usage: LlmUsageSchema.openapi({ description: 'Summed over the attempts' }),
    origin: DesignOriginSchema,
    trace_id: z.string(),
  })
  .openapi('BddRefineResponse');
export type BddRefineResponse = z.infer<typeof BddRefineResponseSchema>;
