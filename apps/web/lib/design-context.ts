// A finished extraction's whole compact context, read through GET /figma-context/context in JSON pages (joined, then
// parsed back with the library's own reader): what the design browser lists, draws and shows as text.
'use client';
import { fromJson, type CompactContext, type CompactJson } from '@cogo/figma-context';
import { clientFor } from './session';

/** Every page of the job's JSON context joined and read back. */
export async function loadContext(apiKey: string, jobId: string): Promise<CompactContext> {
  const client = clientFor(apiKey);
  let text = '';
  let cursor: string | null = null;
  for (let page = 0; page < 1_000; page++) {
    const query: { cursor?: string; job_id?: string; format?: 'json'; max_bytes: number } = cursor ? { cursor, max_bytes: 4_194_304 } : { job_id: jobId, format: 'json', max_bytes: 4_194_304 };
    const answer: { data?: { content: string; next_cursor: string | null }; error?: unknown } = await client.GET('/figma-context/context', { params: { query } });
    if (answer.error || !answer.data) throw answer.error;
    text += answer.data.content;
    cursor = answer.data.next_cursor;
    if (!cursor) break;
  }
  return fromJson(JSON.parse(text) as CompactJson);
}
