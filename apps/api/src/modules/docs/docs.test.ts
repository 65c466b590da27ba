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

  it('writes a nullable reference as "the schema or null" (allOf with a null type would let no null through)', async () => {
    const doc = (await (await SELF.fetch('http://api/openapi.json')).json()) as Record<string, any>;
    const schemas = doc.components.schemas;
    expect(schemas.StoryResult.properties.screenshot).toEqual({ anyOf: [{ $ref: '#/components/schemas/ArtifactPointer' }, { type: 'null' }] });
    expect(schemas.SymbolMapResponse.properties.origin).toEqual({
      anyOf: [{ $ref: '#/components/schemas/DesignOrigin' }, { type: 'null' }],
      description: 'The design read; null when the components came from stored rows',
    });
    // nowhere else either: no allOf pairing a reference with a null type
    const found: string[] = [];
    const walk = (o: unknown, path: string) => {
      if (Array.isArray(o)) return o.forEach((v, i) => walk(v, `${path}/${i}`));
      if (!o || typeof o !== 'object') return;
      const all = (o as { allOf?: Array<Record<string, unknown>> }).allOf;
      if (all?.some((s) => Array.isArray(s.type) && s.type.includes('null'))) found.push(path);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
    };
    walk(doc, '');
    expect(found).toEqual([]);
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
