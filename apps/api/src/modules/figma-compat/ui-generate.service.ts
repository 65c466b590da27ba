// UI generation (issue 14): the keyword generator (offline, deterministic) and the model's page. Both end in one
// validated cogo_ui_json: the sanitizer cuts unsafe keys, script URLs and handler code (reported), the schema refuses
// the rest, component references are matched to the project's stored components (unknown ones reported and dropped),
// token references checked against its tokens. A result over ARTIFACT_INLINE_MAX_BYTES is stored as an artifact and
// answered as a pointer.
import { cogoToUui, generateFromPrompt, validateUiJson, type DesignVocabulary, type PrunedEntry } from '@cogo/figma-compat';
import { TOKEN_REF_PATTERN, UI_JSON_VERSION, type CogoUiJson, type UiGenerateRequest, type UiGenerateResponse, type UiReport, type UiSectionSummary } from '@cogo/types';
import type { CallScope } from '../llm/call-scope';
import { offloadJson } from '../artifacts';

/** A validated page and what validation found. */
export interface UiOutcome {
  doc: CogoUiJson;
  sections: UiSectionSummary[];
  tokens_used: string[];
  report: UiReport;
}

/** What a generate answer carries besides its trace and model. */
export type DeliveredUi = Omit<UiGenerateResponse, 'trace_id' | 'llm'>;

/** Each section's size and the stored components it uses. */
export function summarizeSections(doc: CogoUiJson): UiSectionSummary[] {
  return doc.page.sections.map((section) => {
    const matched = new Map<string, string>();
    let components = 0;
    const visit = (nodes: CogoUiJson['page']['sections'][number]['blocks'][number]['components']) => {
      for (const node of nodes) {
        components += 1;
        if (node.component?.component_id) matched.set(node.component.component_id, node.component.name);
        if (node.children) visit(node.children);
      }
    };
    for (const block of section.blocks) visit(block.components);
    return { id: section.id, type: section.type, components, matched: [...matched].map(([component_id, name]) => ({ name, component_id })), generic: matched.size === 0 };
  });
}

/** The project's token paths the page references (in first-use order). */
export function tokensUsed(doc: CogoUiJson, vocab: DesignVocabulary): string[] {
  const known = new Set(vocab.tokens.map((t) => t.path));
  const used = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const path = TOKEN_REF_PATTERN.exec(value)?.[1];
      if (path && known.has(path)) used.add(path);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(doc);
  return [...used];
}

/** The keyword generator's page for a request; its own output always validates. */
export function keywordUi(body: UiGenerateRequest, vocab: DesignVocabulary): UiOutcome {
  const g = generateFromPrompt({ prompt: body.prompt, ...(body.name ? { name: body.name } : {}), ...(body.sections ? { sections: body.sections } : {}) }, vocab);
  const checked = validateUiJson(g.doc, vocab);
  if (!checked.ok) throw new Error(`the keyword generator made an invalid page: ${checked.issues[0]?.path} ${checked.issues[0]?.message}`);
  return { doc: checked.doc, sections: g.sections, tokens_used: g.tokens_used, report: checked.report };
}

/** A model answer this long is refused before it is parsed (a page within every UI JSON limit is far smaller). */
export const MODEL_ANSWER_MAX_CHARS = 2_000_000;

/** Why a model's page was refused: issues by JSON path, and what the sanitizer had cut before. */
export interface UiRefusal {
  code: 'UI_JSON_NOT_JSON' | 'UI_JSON_TOO_LARGE' | 'UI_JSON_INVALID';
  issues: Array<{ path: string; message: string }>;
  pruned: PrunedEntry[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The model's answer as a cogo_ui_json: JSON (fences allowed), the envelope completed — `schema`, `version`, the page's
 * `source` (always `generated` by `llm`: a model cannot claim a Figma origin), its id (`pageId`: the refined page's,
 * else one from the prompt), a missing name — then
 * validated. A bare `{ page }` or `{ sections }` is accepted; everything inside must be right.
 */
export function uiOfModelText(text: string, vocab: DesignVocabulary, prompt: string, pageId: string = promptPageId(prompt)): { ok: true; outcome: UiOutcome } | ({ ok: false } & UiRefusal) {
  if (text.length > MODEL_ANSWER_MAX_CHARS) {
    return { ok: false, code: 'UI_JSON_TOO_LARGE', issues: [{ path: '', message: `the answer has ${text.length} characters; at most ${MODEL_ANSWER_MAX_CHARS}` }], pruned: [] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch (err) {
    return { ok: false, code: 'UI_JSON_NOT_JSON', issues: [{ path: '', message: `not JSON: ${err instanceof Error ? err.message : String(err)}` }], pruned: [] };
  }
  const checked = validateUiJson(completeEnvelope(raw, prompt, pageId), vocab);
  if (!checked.ok) return { ok: false, code: 'UI_JSON_INVALID', issues: checked.issues.slice(0, 20), pruned: checked.pruned };
  return { ok: true, outcome: { doc: checked.doc, sections: summarizeSections(checked.doc), tokens_used: tokensUsed(checked.doc, vocab), report: checked.report } };
}

/**
 * The id of a page the model writes for `prompt`: applied pages are keyed by it, and models name every page alike
 * (`page-1`), so it comes from the prompt (FNV-1a, twice): the same request replaces its page, another adds one.
 */
export function promptPageId(prompt: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < prompt.length; i++) {
    const c = prompt.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return `page-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

function completeEnvelope(raw: unknown, prompt: string, pageId: string): unknown {
  if (!isObject(raw)) return raw;
  const page: unknown = isObject(raw.page) ? raw.page : Array.isArray(raw.sections) ? { sections: raw.sections } : raw.page;
  if (!isObject(page)) return { ...raw, schema: 'cogo_ui_json', version: UI_JSON_VERSION };
  return {
    schema: 'cogo_ui_json',
    version: UI_JSON_VERSION,
    page: {
      ...page,
      id: pageId,
      name: typeof page.name === 'string' && page.name.trim() ? page.name : 'Generated page',
      source: { kind: 'generated', generator: 'llm', prompt: prompt.slice(0, 4_000) },
    },
  };
}

/** The answer's UI JSON inline, or — over ARTIFACT_INLINE_MAX_BYTES — stored as a `ui_json` artifact and pointed at. */
export async function deliverUi(scope: CallScope, outcome: UiOutcome): Promise<DeliveredUi> {
  const uui = cogoToUui(outcome.doc);
  const { sections, tokens_used, report } = outcome;
  const { config } = scope;
  const artifact = await offloadJson(scope.db(), config.ARTIFACTS, { cogo_ui_json: outcome.doc, uui_json: uui }, { projectId: scope.projectId, kind: 'ui_json', traceId: scope.traceId, ttlDays: config.ARTIFACT_TTL_DAYS, inlineMaxBytes: config.ARTIFACT_INLINE_MAX_BYTES });
  if (!artifact) return { cogo_ui_json: outcome.doc, uui_json: uui, sections, tokens_used, report };
  return { artifact, sections, tokens_used, report };
}

/** The bus event payload of a generated page. */
export function generatedEvent(generator: 'keyword' | 'llm', delivered: DeliveredUi): Record<string, unknown> {
  return {
    generator,
    sections: delivered.sections.map((s) => s.type),
    nodes: delivered.report.nodes,
    bytes: delivered.report.bytes,
    pruned: delivered.report.pruned.length,
    unknown_components: delivered.report.unknown_components.length,
    unknown_tokens: delivered.report.unknown_tokens.length,
    ...(delivered.artifact ? { artifact_id: delivered.artifact.artifact_id } : {}),
  };
}
