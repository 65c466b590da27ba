// MCP's design-system tools (issue 17): a file's variables as tokens (figma-compat, stored per file version: a
// repeat costs one /meta call), node renders (figma-context's image export into the project's artifacts, inline
// while they fit), and a search over the project's own design knowledge (RAG; full text alone when no embedding
// provider answers).
import { modeInput, resolveTokens, toCss, toTailwindTheme, TokensInputError, type ResolverDocument } from '@cogo/figma-compat';
import { parseFigmaUrl } from '@cogo/figma-context';
import { canonicalJson, MCP_ANSWER_BYTES, type McpImagesInput, type McpSearchInput, type McpVariablesInput, type RagSearchItem } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { artifactKey } from '../figma-context/artifacts';
import { figmaClientFor } from '../figma-context/figma-context.outbound';
import { figmaTokenFor } from '../figma-context/figma-context.token';
import { storeFigmaImages } from '../figma-context/images';
import { START_MAX_WAIT_MS } from '../figma-context/start';
import { deriveTokensFrom } from '../figma-compat/tokens.service';
import { callScope, closeAfter } from '../llm/call-scope';
import { designSearch } from '../rag/rag-search.service';
import type { ToolContext } from './mcp.tools';

const fileKeyOf = (input: { figma_url?: string | undefined; file_key?: string | undefined }): string => {
  if (!input.figma_url === !input.file_key) throw new ApiError('VALIDATION_FAILED', 'give either figma_url or file_key', { issues: [{ path: 'figma_url', message: 'give either figma_url or file_key' }] });
  if (input.file_key) return input.file_key;
  const ref = parseFigmaUrl(input.figma_url!);
  if (!ref.ok) throw new ApiError('VALIDATION_FAILED', ref.message, { issues: [{ path: 'figma_url', message: ref.message }] });
  return ref.value.fileKey;
};

/** Text cut into pages of at most `maxBytes` (UTF-8) at line ends; a line longer than a page is a page of its own, cut. */
export function linePages(text: string, maxBytes: number): string[] {
  const encoder = new TextEncoder();
  const pages: string[] = [];
  let page = '';
  let bytes = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const size = encoder.encode(line).length;
    if (bytes + size > maxBytes && page) {
      pages.push(page);
      page = '';
      bytes = 0;
    }
    page += line;
    bytes += size;
  }
  if (page || pages.length === 0) pages.push(page);
  return pages;
}

/** get_variables: the file's tokens in one format (one mode resolved, when named), a page at a time. */
export async function designVariables(ctx: ToolContext, input: McpVariablesInput) {
  const fileKey = fileKeyOf(input);
  const format = input.format ?? 'dtcg';
  const scope = callScope(ctx.c, 'mcp');
  let derived;
  try {
    const { token } = await figmaTokenFor(ctx.c);
    const figma = figmaClientFor(ctx.config, token, scope.traceId, undefined, () => START_MAX_WAIT_MS);
    derived = await deriveTokensFrom(scope, { kind: 'figma', fileKey, figma }, ['dtcg', 'resolver']);
  } finally {
    closeAfter(ctx.c, scope);
  }
  const resolver = derived.resolver as unknown as ResolverDocument;
  let text: string;
  try {
    if (format === 'css') text = toCss(resolver, input.mode ? { mode: input.mode } : {});
    else if (format === 'tailwind') {
      if (input.mode) throw new ApiError('VALIDATION_FAILED', 'mode applies to dtcg and css (tailwind is the default modes)', { issues: [{ path: 'mode', message: 'not with format tailwind' }] });
      text = toTailwindTheme(resolver);
    } else {
      // keys in one order whether the tokens were derived now or read back from storage (jsonb orders keys its own way)
      text = JSON.stringify(JSON.parse(canonicalJson(input.mode ? resolveTokens(resolver, modeInput(resolver, input.mode)) : derived.tokens)), null, 2);
    }
  } catch (err) {
    if (err instanceof TokensInputError) throw new ApiError('VALIDATION_FAILED', err.message, { issues: [{ path: 'mode', message: err.message }] });
    throw err;
  }
  const pages = linePages(text, input.max_bytes ?? MCP_ANSWER_BYTES);
  const page = input.page ?? 1;
  if (page > pages.length) throw new ApiError('VALIDATION_FAILED', `page ${page} of ${pages.length}`, { issues: [{ path: 'page', message: `there are ${pages.length} pages` }] });
  return {
    file_key: derived.file_key,
    version: derived.version,
    cached: derived.cached,
    format,
    mode: input.mode ?? null,
    content_hash: derived.content_hash,
    page,
    pages: pages.length,
    content: pages[page - 1]!,
    report: derived.report,
  };
}

/** A download_images answer: what was stored, and the images shown inline. */
export interface ImagesAnswer {
  summary: Awaited<ReturnType<typeof storeFigmaImages>> & { inline: string[] };
  images: Array<{ data: string; mimeType: string }>;
}

const INLINE_TYPES = new Set(['image/png', 'image/jpeg']);

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** download_images: renders stored as artifacts (URLs through the API); png/jpg also inline while their base64 fits max_bytes. */
export async function designImages(ctx: ToolContext, input: McpImagesInput): Promise<ImagesAnswer> {
  fileKeyOf(input);
  const stored = await storeFigmaImages(ctx.c, {
    ...(input.figma_url ? { figma_url: input.figma_url } : { file_key: input.file_key! }),
    ...(input.node_ids ? { node_ids: input.node_ids } : {}),
    format: input.format ?? 'png',
    scale: input.scale ?? 1,
    include_fills: false,
    refresh: false,
  });
  const budget = input.max_bytes ?? 1024 * 1024;
  const images: ImagesAnswer['images'] = [];
  const inline: string[] = [];
  let used = 0;
  if (input.inline !== false) {
    for (const a of stored.artifacts) {
      const size = Math.ceil(a.bytes / 3) * 4;
      if (!INLINE_TYPES.has(a.content_type) || used + size > budget) continue;
      const object = await ctx.config.ARTIFACTS.get(artifactKey(ctx.projectId, a.name));
      if (!object) continue;
      images.push({ data: base64Of(new Uint8Array(await object.arrayBuffer())), mimeType: a.content_type });
      inline.push(a.name);
      used += size;
    }
  }
  return { summary: { ...stored, inline }, images };
}

/** search_design_system: the project's components, tokens, pages and code by meaning and words. */
export async function designSystemSearch(ctx: ToolContext, input: McpSearchInput): Promise<{ items: RagSearchItem[]; strategy: string }> {
  const scope = callScope(ctx.c, 'mcp');
  try {
    const outcome = await designSearch(scope, { q: input.query, limit: input.limit ?? 10, stream: false, filter: { source: input.kinds ?? ['component', 'token', 'page', 'code'] } }, ctx.c.req.raw.signal);
    return { items: outcome.items, strategy: outcome.strategy };
  } finally {
    closeAfter(ctx.c, scope);
  }
}
