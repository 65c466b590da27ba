// Design-sync from a client (CI): push a Storybook build's documents to the project's code registry
// (POST /design-sync/registry) and read the drift of every confirmed mapping (GET /design-sync/drift).
import { requestJson } from './figma-http';
import type { FigmaConnection } from './figma-types';
import type { components } from './schema';

export type RegistryIngestRequest = components['schemas']['RegistryIngestRequest'];
export type RegistryIngestResponse = components['schemas']['RegistryIngestResponse'];
export type DriftReport = components['schemas']['DriftResponse'];

/** The build's documents into the registry: one transaction; the same input again changes nothing (so it is retried). */
export function pushCodeRegistry(conn: FigmaConnection, body: RegistryIngestRequest): Promise<RegistryIngestResponse> {
  return requestJson<RegistryIngestResponse>(conn, { method: 'POST', path: '/design-sync/registry', fromRoot: true, body, retries: 2 });
}

/** Drift per confirmed mapping, of one Figma file or all; `onlyDrifted` leaves the clean ones out. */
export function getDrift(conn: FigmaConnection, query: { fileKey?: string; onlyDrifted?: boolean } = {}): Promise<DriftReport> {
  const q = new URLSearchParams();
  if (query.fileKey) q.set('file_key', query.fileKey);
  if (query.onlyDrifted) q.set('only_drifted', 'true');
  const search = q.size ? `?${q}` : '';
  return requestJson<DriftReport>(conn, { method: 'GET', path: `/design-sync/drift${search}`, fromRoot: true, retries: 2 });
}
