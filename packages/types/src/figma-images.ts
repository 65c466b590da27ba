// figma-context images: node renders (Figma's GET /v1/images/:key) and image fills (GET /v1/files/:key/images)
// stored as the project's artifacts under stable names, downloaded through the API.
import { z } from '@hono/zod-openapi';

/** Limits of one images request: node ids per request, and per Figma render call (one Tier-1 call per batch). */
export const FIGMA_IMAGE_LIMITS = { maxNodesPerRequest: 100, maxIdsPerRenderCall: 50, minScale: 0.01, maxScale: 4 } as const;

export const FigmaImageFormatSchema = z.enum(['png', 'jpg', 'svg', 'pdf']).openapi('FigmaImageFormat');
export type FigmaImageFormat = z.infer<typeof FigmaImageFormatSchema>;

export const FigmaImagesRequestSchema = z
  .object({
    figma_url: z.string().min(1).max(4096).optional().openapi({ example: 'https://www.figma.com/design/COGOSAMPLE0001/Storefront?node-id=1-2' }),
    file_key: z.string().regex(/^[A-Za-z0-9]{6,128}$/, 'a Figma file key').optional(),
    node_ids: z
      .array(z.string().min(1).max(200))
      .max(FIGMA_IMAGE_LIMITS.maxNodesPerRequest)
      .optional()
      .openapi({ description: 'nodes to render (the URL\'s node-id is added)', example: ['1:2', '9:5240'] }),
    format: FigmaImageFormatSchema.default('png'),
    scale: z.number().min(FIGMA_IMAGE_LIMITS.minScale).max(FIGMA_IMAGE_LIMITS.maxScale).default(1).openapi({ description: 'render scale, 0.01–4 (Figma\'s range)' }),
    include_fills: z.boolean().default(false).openapi({ description: 'also store every image fill of the file (by imageRef)' }),
    refresh: z.boolean().default(false).openapi({ description: 'render again even if a render of the same node, format and scale is stored for the file\'s current version' }),
  })
  .refine((v) => Boolean(v.figma_url) !== Boolean(v.file_key), { message: 'give either figma_url or file_key', path: ['figma_url'] })
  .openapi('FigmaImagesRequest');
export type FigmaImagesRequest = z.infer<typeof FigmaImagesRequestSchema>;

export const FigmaArtifactSchema = z
  .object({
    name: z.string().openapi({ example: 'figma/COGOSAMPLE0001/nodes/1-2@2x.png' }),
    kind: z.enum(['node', 'fill']),
    node_id: z.string().nullable(),
    image_ref: z.string().nullable(),
    content_type: z.string(),
    bytes: z.number().int(),
    url: z.string().openapi({ description: 'download it through the API (same credentials), e.g. /figma-context/artifacts?name=…' }),
    stored: z.enum(['new', 'existing']).openapi({ description: '`existing`: already in the project\'s store, nothing fetched' }),
  })
  .openapi('FigmaArtifact');
export type FigmaArtifact = z.infer<typeof FigmaArtifactSchema>;

export const FigmaImagesResponseSchema = z
  .object({
    file_key: z.string(),
    format: FigmaImageFormatSchema,
    scale: z.number(),
    artifacts: z.array(FigmaArtifactSchema),
    failed: z
      .array(z.object({ node_id: z.string().nullable(), image_ref: z.string().nullable(), reason: z.enum(['not_renderable', 'download_failed', 'too_large']), message: z.string() }))
      .openapi({ description: 'what Figma could not render (its `images: { id: null }`) or what could not be downloaded' }),
    figma_calls: z.object({ tier1: z.number().int(), tier2: z.number().int(), downloads: z.number().int() }),
  })
  .openapi('FigmaImagesResponse');
export type FigmaImagesResponse = z.infer<typeof FigmaImagesResponseSchema>;

/** A stable artifact name: `figma/<file_key>/nodes/<node>@<scale>x.<fmt>` or `figma/<file_key>/fills/<imageRef>.<ext>`. */
export const FigmaArtifactNameSchema = z
  .string()
  .max(512)
  .regex(/^figma\/[A-Za-z0-9]{6,128}\/(nodes|fills)\/[A-Za-z0-9_;@.-]{1,300}$/, 'an artifact name as answered by POST /figma-context/images');
