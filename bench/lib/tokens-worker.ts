/**
 * The tokens bench's Worker (bench/lib/tokens-workerd.ts runs it under `wrangler dev`): deriveTokens in workerd,
 * the API's runtime. POST /prepare with a variables response (or ?generate=N) keeps the input in the isolate;
 * POST /derive runs deriveTokens on it once and answers its counts. The client times /derive against /noop:
 * workerd's clocks stand still while code runs, so the time is read outside.
 */
import { deriveTokens } from '../../packages/figma-compat/src/tokens/derive';
import { generateVariables } from './tokens-generate';

let input: unknown;

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/prepare') {
      const n = url.searchParams.get('generate');
      input = n ? generateVariables(Number(n)) : await request.json();
      return new Response('ready');
    }
    if (url.pathname === '/derive') {
      if (input === undefined) return new Response('POST /prepare first', { status: 409 });
      const { report } = deriveTokens({ variables: input, name: 'bench' });
      return Response.json({ variables: report.variables, tokens: report.tokens.total });
    }
    return new Response('noop');
  },
};
