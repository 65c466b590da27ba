import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('API reference', () => {
  it('serves an OpenAPI 3.1 document built from the route definitions', async () => {
    const res = await SELF.fetch('http://api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, any>;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('COGO API');
    expect(Object.keys(doc.paths)).toContain('/healthz');
    expect(doc.paths['/healthz'].get.responses).toHaveProperty('503');
    expect(doc.components.schemas).toHaveProperty('Health');
    // every $ref points at a schema that exists
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[\w.-]+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()!);
  });

  it('serves the interactive reference at /docs pointing at the document', async () => {
    const res = await SELF.fetch('http://api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('/openapi.json');
    expect(html).toContain('COGO API reference');
  });
});
