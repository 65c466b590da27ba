// One design chat turn as the Chat page shows it, folded from the events of POST /chat/design (streamDesign): its
// steps in order with their status, the RAG sources, the model's text as it streams, the preview, the Gherkin, and how
// it ended. Pure: the page renders it; its unit test folds a known event sequence.
import type { CogoUiJson, components, DesignDone, DesignEvent, DesignPreview } from '@cogo/api-client';

type RagSearchItem = components['schemas']['RagSearchItem'];

export type StepName = 'rag' | 'plan' | 'ui' | 'bdd';
export type StepStatus = 'started' | 'done' | 'skipped';

export interface RagSource {
  title: string;
  source: string;
  /** Reciprocal-rank fusion score. */
  score: number;
  excerpt: string;
}

export interface Turn {
  prompt: string;
  traceId: string | null;
  intents: string[];
  steps: { step: StepName; status: StepStatus; detail: string | null }[];
  sources: RagSource[];
  text: string;
  model: string | null;
  preview: DesignPreview | null;
  /** The page itself: inline in the preview, or fetched from its artifact. */
  page: CogoUiJson | null;
  bdd: { feature: string; scenarios: number } | null;
  done: DesignDone | null;
  error: unknown;
}

export function newTurn(prompt: string): Turn {
  return { prompt, traceId: null, intents: [], steps: [], sources: [], text: '', model: null, preview: null, page: null, bdd: null, done: null, error: null };
}

function source(item: RagSearchItem): RagSource {
  const name = typeof item.metadata.name === 'string' ? item.metadata.name : null;
  return { title: item.title ?? name ?? item.external_id, source: item.source, score: item.score, excerpt: item.text.slice(0, 160) };
}

/** The turn after one event. */
export function applyEvent(turn: Turn, e: DesignEvent): Turn {
  switch (e.event) {
    case 'meta':
      return { ...turn, traceId: e.data.trace_id, intents: e.data.intents };
    case 'progress': {
      const steps = turn.steps.filter((s) => s.step !== e.data.step);
      const at = turn.steps.findIndex((s) => s.step === e.data.step);
      const next = { step: e.data.step, status: e.data.status, detail: e.data.detail ?? null };
      if (at < 0) return { ...turn, steps: [...steps, next] };
      return { ...turn, steps: turn.steps.map((s, i) => (i === at ? next : s)) };
    }
    case 'rag.item':
      return { ...turn, sources: [...turn.sources, source(e.data)] };
    case 'llm.delta':
      return { ...turn, text: turn.text + e.data.text };
    case 'llm.done':
      return { ...turn, model: `${e.data.provider} · ${e.data.model}` };
    case 'ui.preview':
      return { ...turn, preview: e.data, page: e.data.cogo_ui_json ?? null };
    case 'bdd.done':
      return { ...turn, bdd: { feature: e.data.feature, scenarios: e.data.scenarios } };
    default:
      return turn;
  }
}

/** The page the next message refines: the last turn's that has one. */
export function lastPage(turns: Turn[]): CogoUiJson | null {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]!.page) return turns[i]!.page;
  return null;
}
