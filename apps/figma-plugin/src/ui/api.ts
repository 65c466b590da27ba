// The API as the UI calls it: the typed client of @cogo/api-client (its streaming helpers for figma jobs), with the
// URL and key the main thread keeps in clientStorage. The plugin-only upload: presign → PUT the parts → ingest.
import { CogoApiError, createCogoClient, isErrorEnvelope, type CogoClient, type FigmaConnection, type StartFigmaJobResponse } from '@cogo/api-client';

/** The saved settings: where the API is and the project key. */
export interface Settings {
  apiUrl: string;
  apiKey: string | null;
}

/** The typed client and the figma helpers' connection for these settings. */
export function connect(settings: Settings): { client: CogoClient; conn: FigmaConnection } {
  if (!settings.apiKey) throw new Error('Save your COGO API key first (Settings).');
  const baseUrl = settings.apiUrl.replace(/\/$/, '');
  return { client: createCogoClient({ baseUrl, apiKey: settings.apiKey }), conn: { baseUrl, apiKey: settings.apiKey } };
}

/** The data of an openapi-fetch answer, or the API's error thrown as a CogoApiError. */
export function ok<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.error !== undefined || answer.data === undefined) {
    throw new CogoApiError(answer.response.status, isErrorEnvelope(answer.error) ? answer.error : undefined);
  }
  return answer.data;
}

/** Uploads the export (parts sent as one Blob) and ingests it: the job to stream, and the upload id (for tokens). */
export async function uploadExport(client: CogoClient, parts: string[], name: string, fileKey: string | null): Promise<{ job: StartFigmaJobResponse; uploadId: string }> {
  const body = new Blob(parts, { type: 'application/json' });
  const presign = ok(await client.POST('/figma-compat/uui/presign', { body: { content_type: 'application/json', size: body.size, filename: 'plugin-export.json' } }));
  const put = await fetch(presign.upload_url, { method: 'PUT', headers: presign.headers, body });
  if (!put.ok) throw new CogoApiError(put.status, await put.json().then((b: unknown) => (isErrorEnvelope(b) ? b : undefined), () => undefined));
  const ingest = ok(await client.POST('/figma-compat/uui/ingest', { body: { upload_id: presign.upload_id, name, ...(fileKey ? { file_key: fileKey } : {}) } }));
  return { job: ingest as unknown as StartFigmaJobResponse, uploadId: presign.upload_id };
}
