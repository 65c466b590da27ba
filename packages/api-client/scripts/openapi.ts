// Builds the API's OpenAPI document from the route definitions (no server, no bindings)
// and turns it into TypeScript types with openapi-typescript.
import { createApp } from '@cogo/api/app';
import { openApiDocument } from '@cogo/api/openapi';
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = `// Generated from the COGO API's OpenAPI document by \`pnpm --filter @cogo/api-client gen\`.
// Do not edit: change the zod route definitions in apps/api and regenerate.
`;

/** The current OpenAPI document as pretty JSON. */
export function currentDocumentJson(): string {
  return `${JSON.stringify(openApiDocument(createApp()), null, 2)}\n`;
}

/** TypeScript types (`paths`, `components`) for a document. */
export async function typesFor(documentJson: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(documentJson) as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
