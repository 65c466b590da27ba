import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { createApp } from '@cogo/api/app';
import { describe, expect, it } from 'vitest';
import { currentDocumentJson, typesFor } from '../scripts/openapi';
import { CogoApiError, createCogoClient, isErrorEnvelope } from './index';

const committed = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');

describe('generated client', () => {
  it('matches the API document: openapi.json and schema.d.ts are regenerated and committed', async () => {
    const doc = currentDocumentJson();
    // if this fails: run `./cogo gen` and commit the result
    expect(committed('../openapi.json')).toBe(doc);
    expect(committed('./schema.d.ts')).toBe(await typesFor(doc));
  });

  it('is built from a valid OpenAPI 3.1 document', async () => {
    const config = await createConfig({ extends: ['minimal'] });
    const problems = await lintFromString({ source: currentDocumentJson(), absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it('calls the API and surfaces the error envelope on failure', async () => {
    const app = createApp();
    // no bindings: the API answers 503 with the envelope, naming what is missing
    const client = createCogoClient({ baseUrl: 'http://cogo.test', fetch: (req) => Promise.resolve(app.fetch(req, {})) });
    const { data, error, response } = await client.GET('/healthz');
    expect(data).toBeUndefined();
    expect(response.status).toBe(503);
    expect(isErrorEnvelope(error)).toBe(true);
    const err = new CogoApiError(response.status, isErrorEnvelope(error) ? error : undefined);
    expect(err.code).toBe('SERVICE_UNAVAILABLE');
    expect(err.message).toContain('DATABASE_URL');
    expect(err.requestId).toBe(response.headers.get('x-request-id'));
  });
});
