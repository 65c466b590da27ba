// The fake's offline layer namer: what a model answers to COGO's rename-layers prompt (structured output named
// `layer_names`), so the demo and the Worker tests rename layers without a real model. It reads the first ```json
// block of the last user message (the layers) and proposes a name per id from the layer's text, its contents or
// its type and parent — deterministic, sometimes the same for two siblings, as a model's names can be.
import type { ChatCompletionRequest } from './openai-types';
import { messageText } from './chat-reply';

/** The json_schema name COGO's rename prompt asks for. */
export const LAYER_NAMES_SCHEMA = 'layer_names';

interface LayerLike {
  id?: unknown;
  type?: unknown;
  path?: unknown;
  text?: unknown;
  children_summary?: unknown;
}

const title = (words: string) =>
  words
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join(' ');

function proposal(layer: LayerLike): string {
  const type = typeof layer.type === 'string' ? title(layer.type.replace(/_/g, ' ')) : 'Layer';
  if (typeof layer.text === 'string' && layer.text.trim()) return title(layer.text.replace(/[^\p{L}\p{N}\s]/gu, ' ')) || type;
  if (typeof layer.children_summary === 'string' && layer.children_summary.trim()) return `${type} / ${title(layer.children_summary.replace(/[^\p{L}\p{N}\s]/gu, ' '))}`;
  const parent = typeof layer.path === 'string' ? layer.path.split('/').filter(Boolean).at(-1) : undefined;
  return parent ? `${parent.trim()} ${type}` : type;
}

/** `{ "names": [{ id, name }] }` for the layers of the request's last user message. */
export function layerNamesReply(request: ChatCompletionRequest): string {
  const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
  const block = /```json\s*([\s\S]*?)```/.exec(lastUser ? messageText(lastUser) : '')?.[1];
  let layers: LayerLike[] = [];
  try {
    const parsed = block ? (JSON.parse(block) as unknown) : [];
    if (Array.isArray(parsed)) layers = parsed as LayerLike[];
  } catch {
    layers = [];
  }
  const names = layers.filter((l) => typeof l.id === 'string').map((l) => ({ id: l.id as string, name: proposal(l) }));
  return JSON.stringify({ names });
}
