// The code registry (issue 15): a Storybook build (index.json, props from a components manifest or
// react-docgen-typescript, Code Connect) parsed by @cogo/design-sync and upserted in ONE transaction with its Code
// Connect mappings. Each component carries the hash of its canonical form, so the same input again changes no row.
import type { Db } from '@cogo/db';
import { canonicalJson, parseRegistry, RegistryInputError, sha256Hex, type CodeComponent, type RegistryParseResult } from '@cogo/design-sync';
import type { PageQuery, RegistryIngestRequest, RegistryIngestResponse } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../lib/keyset-cursor';
import { audited, type ActionScope } from './action';
import { storeCodeConnectMappings } from './code-connect.service';
import { listMappings } from './mappings.repo';
import { allCodeComponents, listCodeComponents, pruneCodeComponents, upsertCodeComponents, type CodeComponentRow, type CodeComponentWrite } from './registry.repo';

/** The registry's request fields by the parser's input names (its error paths start with the latter). */
const REQUEST_FIELD: Record<string, string> = { index: 'index', manifest: 'manifest', docgen: 'docgen', codeConnect: 'code_connect' };

/** A path of the parser's input as a path of the request body (`codeConnect[0].figmaNode` → `json.code_connect[0].figmaNode`). */
function requestPath(path: string): string {
  const [, head = '', rest = ''] = /^([A-Za-z_]*)(.*)$/s.exec(path) ?? [];
  return `json.${REQUEST_FIELD[head] ?? head}${rest}`;
}

/** The path of the first `__proto__` key in a parsed JSON value (JSON.parse makes it an own key), or null. Iterative. */
function protoKeyPath(value: unknown, root: string): string | null {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: root }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    for (const [k, child] of Object.entries(v)) {
      if (k === '__proto__') return `${path}.${k}`;
      stack.push({ v: child, path: `${path}.${k}` });
    }
  }
  return null;
}

/** Parses the request's documents; a document the parser cannot read is a 400 naming its path. */
function parse(body: RegistryIngestRequest): RegistryParseResult {
  for (const field of ['index', 'manifest', 'docgen', 'code_connect'] as const) {
    // the parser leaves such keys out with a warning; an ingest refuses them whole, as hostile input
    const path = protoKeyPath(body[field], `json.${field}`);
    if (path) throw new ApiError('VALIDATION_FAILED', `invalid request: ${path}: a "__proto__" key is not accepted`, { issues: [{ path, message: 'a "__proto__" key is not accepted', code: 'invalid_key' }] });
  }
  try {
    return parseRegistry({ index: body.index, manifest: body.manifest, docgen: body.docgen, codeConnect: body.code_connect });
  } catch (err) {
    if (!(err instanceof RegistryInputError)) throw err;
    const path = requestPath(err.path);
    throw new ApiError('VALIDATION_FAILED', `invalid request: ${path}: ${err.message}`, { issues: [{ path, message: err.message, code: 'invalid_registry' }] });
  }
}

/** The row an ingest writes for a component: its content hash is the first 32 hex of sha256(canonical JSON), as figma-context's. */
export async function componentWrite(c: CodeComponent): Promise<CodeComponentWrite> {
  return {
    key: c.key,
    name: c.name,
    importPath: c.importPath ?? null,
    componentPath: c.componentPath ?? null,
    description: c.description ?? null,
    props: c.props,
    stories: c.stories,
    contentHash: (await sha256Hex(canonicalJson(c))).slice(0, 32),
  };
}

/** Components of an ingest without a props document, each with the props and description its stored row has. */
async function withStoredProps(scope: ActionScope, components: readonly CodeComponent[]): Promise<CodeComponent[]> {
  const stored = new Map((await allCodeComponents(scope.db(), scope.projectId)).map((r) => [r.key, r]));
  return components.map((c) => {
    const row = stored.get(c.key);
    return row ? { ...c, props: row.props as CodeComponent['props'], description: c.description ?? row.description ?? undefined } : c;
  });
}

/** Ingests a Storybook build: components upserted by key (pruned when asked), Code Connect mappings confirmed. */
export function ingestRegistry(scope: ActionScope, body: RegistryIngestRequest): Promise<RegistryIngestResponse> {
  return audited(scope, 'registry.ingest', async () => {
    const parsed = parse(body);
    if (body.prune && parsed.components.length === 0) {
      // an input naming no component (say Code Connect alone) would prune the whole registry: never by accident
      throw new ApiError('VALIDATION_FAILED', 'invalid request: json.prune: prune needs an input that names the components to keep', {
        issues: [{ path: 'json.prune', message: 'the input names no component: nothing to keep, so prune would delete the whole registry', code: 'custom' }],
      });
    }
    // an index alone says nothing of props (what the nightly run reads from a Storybook URL): the stored ones stay
    const incoming = body.manifest === undefined && body.docgen === undefined ? await withStoredProps(scope, parsed.components) : parsed.components;
    const writes = await Promise.all(incoming.map(componentWrite));
    const { projectId } = scope;
    const outcome = await scope.db().transaction(async (tx) => {
      const components = await upsertCodeComponents(tx, projectId, writes);
      let existing = parsed.explicit.length > 0 || body.prune ? await listMappings(tx, projectId, {}) : [];
      let deleted = 0;
      let mappingsDeleted = 0;
      if (body.prune) {
        const keep = new Set(writes.map((w) => w.key));
        mappingsDeleted = existing.filter((m) => !keep.has(m.code.key)).length;
        existing = existing.filter((m) => keep.has(m.code.key));
        deleted = await pruneCodeComponents(tx, projectId, [...keep]);
      }
      const mappings =
        parsed.explicit.length > 0
          ? await storeCodeConnectMappings(tx, projectId, parsed.explicit, await allCodeComponents(tx, projectId), existing)
          : { counts: { inserted: 0, updated: 0, unchanged: 0 }, warnings: [] };
      return { components: { ...components, deleted }, mappings: { ...mappings.counts, deleted: mappingsDeleted }, warnings: mappings.warnings };
    });
    const stories = parsed.components.reduce((n, c) => n + c.stories.filter((s) => s.type === 'story').length, 0);
    const { components, mappings } = outcome;
    const result: RegistryIngestResponse = { components, stories, mappings, warnings: [...parsed.warnings, ...outcome.warnings], trace_id: scope.traceId };
    const counts = {
      components_inserted: components.inserted,
      components_updated: components.updated,
      components_unchanged: components.unchanged,
      components_deleted: components.deleted,
      stories,
      mappings_inserted: mappings.inserted,
      mappings_updated: mappings.updated,
      mappings_unchanged: mappings.unchanged,
      mappings_deleted: mappings.deleted,
      warnings: result.warnings.length,
    };
    return { result, counts };
  });
}

/** The registry's public view of a component (the contract's CodeComponent). */
export function codeComponentView(row: CodeComponentRow) {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    import_path: row.importPath,
    component_path: row.componentPath,
    description: row.description,
    props: row.props as CodeComponent['props'],
    stories: row.stories as CodeComponent['stories'],
    content_hash: row.contentHash,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** One keyset page of the registry, oldest first; a cursor this API did not issue is a 400. */
export async function registryPage(db: Db, projectId: string, query: PageQuery) {
  const position = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const rows = await listCodeComponents(db, projectId, query.limit + 1, position);
  const items = rows.slice(0, query.limit);
  return { items: items.map(codeComponentView), nextCursor: rows.length > query.limit ? encodeKeysetCursor(items[items.length - 1]!) : null };
}
