// The MCP tools' input contracts (issue 17): what an agent sends to /mcp's Figma and design-system tools. A file is
// named by `figma_url` (its node-id taken) or `file_key` (+ `node_id`); answers are bounded by `max_bytes`.
import { z } from 'zod';
import { FIGMA_CONTEXT_PAGE_BYTES, FigmaContextFormatSchema } from './figma-context-page';
import { FIGMA_IMAGE_LIMITS, FigmaImageFormatSchema } from './figma-images';
import { UuidSchema } from './ids';
import { RagSourceSchema } from './rag';

/** A tool answer's bytes when the agent names none: 64 KiB, about 16k tokens — within what common clients accept. */
export const MCP_ANSWER_BYTES = 65_536;

const FigmaTarget = {
  figma_url: z.string().min(1).max(4096).optional().describe('a Figma design URL; its node-id names the node'),
  file_key: z.string().regex(/^[A-Za-z0-9]{6,128}$/, 'a Figma file key').optional(),
  node_id: z.string().min(1).max(200).optional().describe('a node of the file, e.g. 1:2 (overrides the URL\'s node-id)'),
};
const MaxBytes = z.number().int().min(FIGMA_CONTEXT_PAGE_BYTES.min).max(FIGMA_CONTEXT_PAGE_BYTES.max).optional().describe(`the most bytes of content in one answer (default ${MCP_ANSWER_BYTES})`);

export const McpDesignContextInputSchema = z.object({
  ...FigmaTarget,
  job_id: UuidSchema.optional().describe('an extraction job of the project (from an earlier answer, `cogo extract` or POST /figma-context/start)'),
  cursor: z.string().min(1).max(600).optional().describe('next_cursor of the previous page'),
  format: FigmaContextFormatSchema.optional(),
  max_bytes: MaxBytes,
});
export type McpDesignContextInput = z.infer<typeof McpDesignContextInputSchema>;

export const McpMetadataInputSchema = z.object({
  ...FigmaTarget,
  max_bytes: MaxBytes,
});
export type McpMetadataInput = z.infer<typeof McpMetadataInputSchema>;

export const McpTokenFormatSchema = z.enum(['dtcg', 'css', 'tailwind']);
export const McpVariablesInputSchema = z.object({
  figma_url: FigmaTarget.figma_url,
  file_key: FigmaTarget.file_key,
  format: McpTokenFormatSchema.optional().describe('dtcg (default): the DTCG 2025.10 document; css: custom properties; tailwind: a v4 @theme block'),
  mode: z.string().min(1).max(200).optional().describe('one mode (e.g. Dark) resolved in every collection that has it (dtcg, css)'),
  page: z.number().int().min(1).max(10_000).optional().describe('which page of a long answer (1 first)'),
  max_bytes: MaxBytes,
});
export type McpVariablesInput = z.infer<typeof McpVariablesInputSchema>;

export const McpImagesInputSchema = z.object({
  figma_url: FigmaTarget.figma_url,
  file_key: FigmaTarget.file_key,
  node_ids: z.array(z.string().min(1).max(200)).max(FIGMA_IMAGE_LIMITS.maxNodesPerRequest).optional(),
  format: FigmaImageFormatSchema.optional().describe('png (default), jpg, svg, pdf'),
  scale: z.number().min(FIGMA_IMAGE_LIMITS.minScale).max(FIGMA_IMAGE_LIMITS.maxScale).optional(),
  inline: z.boolean().optional().describe('png/jpg inline as images while they fit max_bytes (default true); the rest as artifact URLs'),
  max_bytes: z.number().int().min(1_024).max(4 * 1024 * 1024).optional(),
});
export type McpImagesInput = z.infer<typeof McpImagesInputSchema>;

export const McpScreenshotInputSchema = z.object({
  ...FigmaTarget,
  format: z.enum(['png', 'jpg']).optional(),
  scale: z.number().min(FIGMA_IMAGE_LIMITS.minScale).max(FIGMA_IMAGE_LIMITS.maxScale).optional(),
});
export type McpScreenshotInput = z.infer<typeof McpScreenshotInputSchema>;

export const McpSearchInputSchema = z.object({
  query: z.string().trim().min(1).max(2_000),
  kinds: z.array(RagSourceSchema).min(1).max(6).optional().describe('default: component, token, page, code'),
  limit: z.number().int().min(1).max(50).optional(),
});
export type McpSearchInput = z.infer<typeof McpSearchInputSchema>;

export const McpApplyPageInputSchema = z.object({
  job_id: UuidSchema.describe('a finished extraction (get_design_context names it)'),
  page_id: z.string().min(1).max(200).optional().describe('one page of the job (its node id); default: every page'),
});
export type McpApplyPageInput = z.infer<typeof McpApplyPageInputSchema>;
