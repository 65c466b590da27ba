// Local-only credentials of the dev stack, kept in <data dir>/dev-credentials.json (mode 0600,
// git-ignored with the rest of .data): the admin token, the vault master key, the fake Figma
// token, and the dev project's API key — so a restart reuses them.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DevFetch } from './dev-client';

export interface DevCredentials {
  adminToken: string;
  vaultMasterKey: string;
  figmaToken: string;
  uploadSigningKey: string;
  projectId?: string;
  apiKey?: string;
}

/** Loads the credentials, creating the secrets that are missing. */
export function loadDevCredentials(dataDir: string): DevCredentials {
  const path = join(dataDir, 'dev-credentials.json');
  const saved = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<DevCredentials>) : {};
  const creds: DevCredentials = {
    adminToken: saved.adminToken ?? `cogo_admin_${randomBytes(24).toString('hex')}`,
    vaultMasterKey: saved.vaultMasterKey ?? randomBytes(32).toString('base64'),
    figmaToken: saved.figmaToken ?? `figd_dev_${randomBytes(12).toString('hex')}`,
    uploadSigningKey: saved.uploadSigningKey ?? randomBytes(32).toString('hex'),
    ...(saved.projectId ? { projectId: saved.projectId } : {}),
    ...(saved.apiKey ? { apiKey: saved.apiKey } : {}),
  };
  saveDevCredentials(dataDir, creds);
  return creds;
}

/** Writes the credentials file (owner-only). */
export function saveDevCredentials(dataDir: string, creds: DevCredentials): void {
  writeFileSync(join(dataDir, 'dev-credentials.json'), `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
}

/**
 * Makes sure the dev project exists and its key works; creates them through the admin API if not.
 * `call` reaches the running API (signed when the stack has an HMAC secret); `adminToken` is the one
 * the Worker was given (the saved one unless ADMIN_TOKEN came from the environment).
 */
export async function ensureDevProject(
  call: DevFetch,
  adminToken: string,
  dataDir: string,
  creds: DevCredentials,
): Promise<{ projectId: string; apiKey: string; created: boolean }> {
  if (creds.apiKey && creds.projectId) {
    const res = await call('/projects/current', { headers: { authorization: `Bearer ${creds.apiKey}` } });
    if (res.status === 200) return { projectId: creds.projectId, apiKey: creds.apiKey, created: false };
  }
  for (const slug of ['dev', `dev-${randomBytes(3).toString('hex')}`]) {
    const res = await call('/projects', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug, name: 'Dev project' }),
    });
    if (res.status === 409) continue;
    if (res.status !== 201) throw new Error(`could not create the dev project: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { project: { id: string }; api_key: { key: string } };
    creds.projectId = body.project.id;
    creds.apiKey = body.api_key.key;
    saveDevCredentials(dataDir, creds);
    return { projectId: creds.projectId, apiKey: creds.apiKey, created: true };
  }
  throw new Error('could not create the dev project');
}
