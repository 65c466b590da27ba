// The design chat's steps (issue 14, seed 000 §16–§19): retrieval → the model's page → validated UI JSON preview →
// Gherkin, each on the turn's trace with its bus events (`rag_query_*`, `gen_plan_*`, `ui_generate_*`,
// `bdd_generated`) and its SSE events. The turn's one terminal event is the stream's (design-chat.handlers.ts).
import { GENERATED_FILE_KEY, storedPageToCogo, uiFeature, type DesignVocabulary } from '@cogo/figma-compat';
import type { ChatDesignIntent, CogoUiJson, LlmUsage, RagSearchItem, RagSearchRequest } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { describeError } from '../../lib/logger';
import { askForUi } from '../figma-compat/ui-generate-llm';
import { deliverUi, generatedEvent, keywordUi, type DeliveredUi, type UiOutcome } from '../figma-compat/ui-generate.service';
import type { CallScope } from '../llm/call-scope';
import { latestPageOf, pageComponents } from '../pages/pages.repo';
import { prepareSearch, runSearch } from '../rag/rag-search.service';

/** The `route` of the design chat's usage rows. */
export const DESIGN_CHAT_USAGE_ROUTE = 'chat/design';
/** Characters of one retrieved chunk given to the model. */
const CONTEXT_CHARS = 1_500;

/**
 * Queues one SSE event (the stream's one queue keeps their order); resolves when the client has read it, false once
 * the client is gone. The steps queue their events without waiting for that — no step waits on the client's reading
 * (a round trip through every proxy on the way) — except `llm.delta`, so the model's text is read no faster than the
 * client takes it.
 */
export type Send = (event: string, data: unknown) => Promise<boolean>;

export interface DesignTurn {
  scope: CallScope;
  prompt: string;
  intents: ChatDesignIntent[];
  page: CogoUiJson | null;
  /** The project's components and tokens: the first call starts the load, the plan step waits for it. */
  vocab: () => Promise<DesignVocabulary>;
  model?: string | undefined;
  /** `keyword`: the offline generator makes the page (no model, no spend). */
  generator: 'llm' | 'keyword';
  rag: { limit: number; filter?: RagSearchRequest['filter'] };
  signal: AbortSignal;
}

export interface Timings {
  total_ms: number;
  rag_ms: number;
  llm_ms: number;
  ui_ms: number;
}

/** The page a refinement or BDD works on: the request's, else the project's last applied generated page. */
export async function workingPage(scope: CallScope, given: CogoUiJson | undefined): Promise<CogoUiJson | null> {
  if (given) return given;
  const db = scope.db();
  const page = await latestPageOf(db, scope.projectId, GENERATED_FILE_KEY);
  if (!page) return null;
  const rows = await pageComponents(db, scope.projectId, page.id, 2_001);
  return rows.length > 2_000 ? null : storedPageToCogo({ id: page.id, file_key: page.fileKey, node_id: page.nodeId, name: page.name }, rows);
}

/** Retrieval: every item as `rag.item`, then `rag.done`; a failure (no embedding provider…) skips the step. */
async function retrieve(turn: DesignTurn, send: Send): Promise<RagSearchItem[]> {
  const { scope } = turn;
  if (turn.rag.limit === 0) {
    void send('progress', { step: 'rag', status: 'skipped', detail: 'rag.limit is 0' });
    return [];
  }
  void send('progress', { step: 'rag', status: 'started' });
  scope.events.emit('rag_query_started', { limit: turn.rag.limit });
  try {
    const request: RagSearchRequest = { q: turn.prompt.slice(0, 2_000), limit: turn.rag.limit, stream: false, trace_id: scope.traceId, ...(turn.rag.filter ? { filter: turn.rag.filter } : {}) };
    const prepared = await prepareSearch(scope, request);
    // while the query's embedding is asked, the database is free: the vocabulary loads then (not ahead of the catalogue)
    void turn.vocab();
    const { items } = await runSearch(prepared, turn.signal);
    for (const item of items) void send('rag.item', item);
    void send('rag.done', { count: items.length });
    scope.events.emit('rag_query_succeeded', { count: items.length, sources: [...new Set(items.map((i) => i.source))] });
    void send('progress', { step: 'rag', status: 'done' });
    return items;
  } catch (err) {
    if (turn.signal.aborted) throw err;
    const code = err instanceof ApiError ? err.code : 'INTERNAL';
    if (!(err instanceof ApiError)) scope.log.warn('design chat: retrieval failed', { error: describeError(err) });
    scope.events.emit('rag_query_failed', { code });
    void send('progress', { step: 'rag', status: 'skipped', detail: `retrieval failed (${code})` });
    return [];
  }
}

/** What the plan step made: the validated page, and what asking for it cost. */
interface Planned {
  outcome: UiOutcome;
  usage: LlmUsage;
  generator: 'llm' | 'keyword';
}

const NO_USAGE: LlmUsage = { input_tokens: 0, output_tokens: 0, cost_usd: 0, estimated: false };

/** The model's page (`llm.delta` as it writes, then `llm.done`), or the keyword generator's with no model asked. */
async function planPage(turn: DesignTurn, items: RagSearchItem[], send: Send, t: Timings): Promise<Planned> {
  const { scope } = turn;
  void send('progress', { step: 'plan', status: 'started', ...(turn.generator === 'keyword' ? { detail: 'keyword generator: no model asked' } : {}) });
  scope.events.emit('gen_plan_started', { intents: turn.intents, context: items.length, generator: turn.generator });
  if (turn.generator === 'keyword') {
    let vocab;
    try {
      vocab = await turn.vocab();
    } catch (err) {
      scope.events.emit('gen_plan_failed', { code: err instanceof ApiError ? err.code : 'INTERNAL' });
      throw err;
    }
    const outcome = keywordUi({ prompt: turn.prompt }, vocab);
    scope.events.emit('gen_plan_succeeded', { generator: 'keyword', sections: outcome.sections.map((s) => s.type) });
    void send('progress', { step: 'plan', status: 'done' });
    return { outcome, usage: NO_USAGE, generator: 'keyword' };
  }
  const context = items.map((i) => `${i.title ? `${i.title}: ` : ''}${i.text}`.slice(0, CONTEXT_CHARS));
  const refine = turn.intents.includes('refine') && turn.page ? turn.page : undefined;
  let asked;
  try {
    asked = await askForUi(scope, { prompt: turn.prompt, base: refine, context, model: turn.model }, await turn.vocab(), turn.signal, {
      route: DESIGN_CHAT_USAGE_ROUTE,
      delta: (text) => send('llm.delta', { text }),
    });
  } catch (err) {
    scope.events.emit('gen_plan_failed', { code: err instanceof ApiError ? err.code : 'INTERNAL' });
    throw err;
  }
  t.llm_ms += asked.latencyMs;
  scope.events.emit('gen_plan_succeeded', {
    generator: 'llm',
    model: asked.model,
    provider: asked.provider,
    repaired: asked.repaired,
    tokens_in: asked.usage.input_tokens,
    tokens_out: asked.usage.output_tokens,
    cost_usd: asked.usage.cost_usd,
  });
  void send('llm.done', { usage: asked.usage, provider: asked.provider, model: asked.model });
  void send('progress', { step: 'plan', status: 'done' });
  return { outcome: asked.outcome, usage: asked.usage, generator: 'llm' };
}

/** The plan's page, delivered (inline or as an artifact) as `ui.preview`. */
async function plan(turn: DesignTurn, items: RagSearchItem[], send: Send, t: Timings): Promise<{ doc: CogoUiJson; usage: LlmUsage }> {
  const { scope } = turn;
  const planned = await planPage(turn, items, send, t);
  const uiStarted = Date.now();
  void send('progress', { step: 'ui', status: 'started' });
  scope.events.emit('ui_generate_started', { generator: planned.generator });
  let delivered: DeliveredUi;
  try {
    delivered = await deliverUi(scope, planned.outcome);
  } catch (err) {
    scope.events.emit('ui_generate_failed', { generator: planned.generator, code: err instanceof ApiError ? err.code : 'INTERNAL' });
    throw err;
  }
  scope.events.emit('ui_generate_succeeded', generatedEvent(planned.generator, delivered));
  void send('ui.preview', { ...delivered, summary: summaryOf(planned.outcome.doc, delivered) });
  void send('progress', { step: 'ui', status: 'done' });
  t.ui_ms += Date.now() - uiStarted;
  return { doc: planned.outcome.doc, usage: planned.usage };
}

/** One line a chat shows under the preview. */
function summaryOf(doc: CogoUiJson, d: DeliveredUi): string {
  const components = d.sections.reduce((n, s) => n + s.components, 0);
  const matched = new Set(d.sections.flatMap((s) => s.matched.map((m) => m.component_id))).size;
  const parts = [`"${doc.page.name}": ${d.sections.length} section${d.sections.length === 1 ? '' : 's'} (${d.sections.map((s) => s.type).join(', ')})`, `${components} components, ${matched} from your library`];
  if (d.tokens_used.length) parts.push(`${d.tokens_used.length} tokens`);
  if (d.report.pruned.length) parts.push(`${d.report.pruned.length} unsafe values removed`);
  if (d.report.unknown_components.length) parts.push(`${d.report.unknown_components.length} unknown components replaced`);
  return parts.join('; ');
}

/** Gherkin for the page (`bdd.done`); a page that gives no scenarios still answers, with 0. */
async function scenarios(turn: DesignTurn, doc: CogoUiJson | null, send: Send): Promise<void> {
  const { scope } = turn;
  if (!doc) {
    void send('progress', { step: 'bdd', status: 'skipped', detail: 'no page to describe' });
    return;
  }
  void send('progress', { step: 'bdd', status: 'started' });
  const feature = uiFeature(doc);
  scope.events.emit('bdd_generated', { kind: 'ui_json', page: doc.page.id, scenarios: feature.stats.scenarios, warnings: feature.warnings.length });
  void send('bdd.done', { feature: feature.text, scenarios: feature.stats.scenarios });
  void send('progress', { step: 'bdd', status: 'done' });
}

/** Runs the turn's steps; returns what `done` reports. Throws (an ApiError for the client) to end with `error`. */
export async function runDesignTurn(turn: DesignTurn, send: Send): Promise<{ usage: LlmUsage; timings: Timings }> {
  const started = Date.now();
  const t: Timings = { total_ms: 0, rag_ms: 0, llm_ms: 0, ui_ms: 0 };
  let usage: LlmUsage = { input_tokens: 0, output_tokens: 0, cost_usd: 0, estimated: false };
  let doc = turn.page;
  if (turn.intents.includes('generate') || turn.intents.includes('refine')) {
    const ragStarted = Date.now();
    const items = await retrieve(turn, send);
    t.rag_ms = Date.now() - ragStarted;
    const planned = await plan(turn, items, send, t);
    usage = planned.usage;
    doc = planned.doc;
  } else {
    for (const step of ['rag', 'plan', 'ui'] as const) void send('progress', { step, status: 'skipped', detail: 'the message asks for scenarios only' });
  }
  if (turn.intents.includes('bdd')) await scenarios(turn, doc, send);
  t.total_ms = Date.now() - started;
  return { usage, timings: t };
}
