// A Figma file's design tokens through the API: POST /figma-compat/uui/variables/derive turns its variables (REST on
// Enterprise, or a plugin upload's on any plan) and styles into W3C DTCG 2025.10 documents, CSS and a Tailwind theme.
import { requestJson } from './figma-http';
import type { FigmaConnection } from './figma-types';
import type { components } from './schema';

export type DeriveTokensRequest = components['schemas']['DeriveTokensRequest'];
export type DerivedTokens = components['schemas']['DerivedTokensResponse'];
export type TokenFormat = components['schemas']['TokenFormat'];

/**
 * Derives (or reads back, for a file version already derived: `cached`) the file's tokens. Retried on 429/503 and
 * network failures: the API stores one tokens version per file version, so asking again stores nothing new.
 */
export function deriveFigmaTokens(conn: FigmaConnection, body: DeriveTokensRequest): Promise<DerivedTokens> {
  return requestJson<DerivedTokens>(conn, { method: 'POST', path: '/figma-compat/uui/variables/derive', fromRoot: true, body, retries: 2 });
}

/** The file each format is written to (`cogo tokens --out`, the dashboard's downloads). */
export const TOKEN_FILES: Record<TokenFormat, string> = { dtcg: 'tokens.json', resolver: 'tokens.resolver.json', css: 'tokens.css', tailwind: 'tailwind.css' };

/** A format of the answer as a file's text (JSON indented; every text ends with a newline). */
export function tokensText(answer: DerivedTokens, format: TokenFormat): string {
  const text = format === 'dtcg' ? JSON.stringify(answer.tokens, null, 2) : format === 'resolver' ? JSON.stringify(answer.resolver, null, 2) : (answer[format] ?? '');
  return text.endsWith('\n') ? text : `${text}\n`;
}
