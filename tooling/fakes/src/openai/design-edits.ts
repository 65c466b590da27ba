// The fake's offline design editor: what a model answers to COGO's generate-edits prompt (structured output named
// `design_edits`). It reads the ```json block of the last user message ({ variants, selection }) and proposes, per
// variant k, a renamed first node, a changed text for each TEXT node and a corner radius for each FRAME.
import type { ChatCompletionRequest } from './openai-types';
import { messageText } from './chat-reply';

/** The json_schema name COGO's edit prompts ask for. */
export const DESIGN_EDITS_SCHEMA = 'design_edits';

interface NodeLike {
  id?: unknown;
  name?: unknown;
  type?: unknown;
  text?: unknown;
}

/** `{ variants: [{ title, rationale, edits }] }` for the request's selection. */
export function designEditsReply(request: ChatCompletionRequest): string {
  const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
  const block = /```json\s*([\s\S]*?)```/.exec(lastUser ? messageText(lastUser) : '')?.[1];
  let input: { variants?: unknown; selection?: unknown } = {};
  try {
    input = block ? (JSON.parse(block) as typeof input) : {};
  } catch {
    input = {};
  }
  const nodes = (Array.isArray(input.selection) ? input.selection : []).filter((n): n is NodeLike => typeof (n as NodeLike)?.id === 'string');
  const count = typeof input.variants === 'number' && input.variants >= 1 ? Math.min(4, Math.floor(input.variants)) : 1;
  const variants = Array.from({ length: count }, (_, i) => {
    const k = i + 1;
    const edits: Array<{ node_id: string; property: string; value: string | number }> = [];
    const first = nodes[0];
    if (first) edits.push({ node_id: first.id as string, property: 'name', value: `${typeof first.name === 'string' ? first.name : 'Node'} v${k}` });
    for (const n of nodes) {
      if (n.type === 'TEXT' && typeof n.text === 'string') edits.push({ node_id: n.id as string, property: 'text', value: `${n.text} (v${k})` });
      if (n.type === 'FRAME') edits.push({ node_id: n.id as string, property: 'corner_radius', value: 8 * k });
    }
    return { title: `Variant ${k}`, rationale: `Offline fake edit ${k} of ${count}`, edits };
  });
  return JSON.stringify({ variants });
}
