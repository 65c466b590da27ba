import { createRoute, z } from '@hono/zod-openapi';
import { CredentialKindSchema, CredentialListSchema, CredentialViewSchema, PutCredentialRequestSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../../lib/openapi';
import { guard } from '../../../middleware';

const tags = ['design-sync'];

export const listCredentialsRoute = createRoute({
  method: 'get',
  path: '/design-sync/credentials',
  tags,
  summary: "The project's design-sync credentials: what their last check said and when they expire — never their values",
  security: BEARER,
  middleware: guard(),
  responses: { 200: jsonResponse(CredentialListSchema, 'Stored credentials'), ...errorResponses(401, 429) },
});

export const putCredentialRoute = createRoute({
  method: 'post',
  path: '/design-sync/credentials',
  tags,
  summary: 'Store a Figma token, Slack incoming webhook or Storybook URL after a real check',
  description:
    'Pre-flight: figma — `GET /v1/me` on FIGMA_API_BASE; slack — an empty message to the webhook, which a live webhook refuses with 400 without posting; storybook — `GET <url>/index.json`. A failed check is a 422 naming why, and nothing is stored. The value goes to the vault (figma: FIGMA_API_KEY, the token figma-context uses; slack: SLACK_WEBHOOK_URL; storybook: STORYBOOK_URL), a newer one rotating the older. With `expires_at`, a `credential_expiring` notification goes out daily from 7 days before.',
  security: BEARER,
  middleware: guard(),
  request: jsonBody(PutCredentialRequestSchema),
  responses: { 200: jsonResponse(CredentialViewSchema, 'Checked and stored'), ...errorResponses(400, 401, 422, 429) },
});

export const deleteCredentialRoute = createRoute({
  method: 'delete',
  path: '/design-sync/credentials/{kind}',
  tags,
  summary: 'Remove a credential (its vault secret is revoked)',
  security: BEARER,
  middleware: guard(),
  request: { params: z.object({ kind: CredentialKindSchema.openapi({ param: { name: 'kind', in: 'path' } }) }) },
  responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 404, 429) },
});
