// Validation of a UI JSON document (issue 14): sanitize → the cogo_ui_json schema → unique ids → the project's
// vocabulary. A component reference is matched by name (any case, spaces ignored) to a stored component, which sets
// its component_id and node_id; an unknown one is dropped (the node stays, generic) and reported. A token reference
// in a style or layout that the project has no token for is reported and kept as written.
import { CogoUiJsonSchema, type CogoUiJson, type UiComponentNode, type UiLayout, type UiReport } from '@cogo/types';
import { isUuid } from './ids';
import { tokenRefOf } from './layout-style';
import { childPath, pathOf } from './paths';
import { sanitizeUiJson, type PrunedEntry } from './sanitize';
import type { DesignVocabulary } from './vocabulary';

export type UiValidation = { ok: true; doc: CogoUiJson; report: UiReport } | { ok: false; issues: Array<{ path: string; message: string }>; pruned: PrunedEntry[] };

/** How component names compare: case and whitespace do not count ("primary button" is "Primary Button"). */
export function componentKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}

/** Sanitizes, parses and checks a UI JSON document against the project's vocabulary (see the file comment). */
export function validateUiJson(raw: unknown, vocab: DesignVocabulary): UiValidation {
  const { value, pruned } = sanitizeUiJson(raw);
  const parsed = CogoUiJsonSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })), pruned };
  const doc = parsed.data;
  const duplicates = duplicateIds(doc);
  if (duplicates.length) return { ok: false, issues: duplicates, pruned };

  const byKey = new Map<string, DesignVocabulary['components'][number]>();
  for (const c of vocab.components) if (!byKey.has(componentKey(c.name))) byKey.set(componentKey(c.name), c);
  const tokens = new Set(vocab.tokens.map((t) => t.path));
  const report: UiReport = { pruned, unknown_components: [], unknown_tokens: [], nodes: 0, bytes: 0 };

  const checkTokens = (path: string, style: Record<string, string | number> | undefined, layout: UiLayout | undefined) => {
    for (const [field, values] of [['style', style], ['layout', layout]] as const) {
      if (!values) continue;
      for (const [key, v] of Object.entries(values)) {
        const token = tokenRefOf(v);
        if (token !== undefined && !tokens.has(token)) report.unknown_tokens.push({ path: childPath(childPath(path, field), key), token });
      }
    }
  };
  const visit = (node: UiComponentNode, path: string) => {
    report.nodes += 1;
    if (node.component) {
      const known = byKey.get(componentKey(node.component.name));
      if (!known) {
        report.unknown_components.push({ path: childPath(path, 'component'), name: node.component.name });
        delete node.component;
      } else {
        node.component = { name: known.name.slice(0, 500) };
        if (isUuid(known.id)) node.component.component_id = known.id;
        if (known.node_id) node.component.node_id = known.node_id.slice(0, 200);
      }
    }
    checkTokens(path, node.style, node.layout);
    node.children?.forEach((child, i) => visit(child, childPath(childPath(path, 'children'), i)));
  };
  checkTokens('page', doc.page.style, doc.page.layout);
  doc.page.sections.forEach((s, si) => {
    const sp = childPath('page.sections', si);
    report.nodes += 1;
    checkTokens(sp, s.style, s.layout);
    s.blocks.forEach((b, bi) => {
      const bp = childPath(childPath(sp, 'blocks'), bi);
      report.nodes += 1;
      checkTokens(bp, b.style, b.layout);
      b.components.forEach((c, ci) => visit(c, childPath(childPath(bp, 'components'), ci)));
    });
  });
  report.bytes = new TextEncoder().encode(JSON.stringify(doc)).byteLength;
  return { ok: true, doc, report };
}

/** Ids must be unique in a page: stored rows, uui nodes and action targets are keyed by them. */
function duplicateIds(doc: CogoUiJson): Array<{ path: string; message: string }> {
  const seen = new Map<string, string>([[doc.page.id, 'page.id']]);
  const issues: Array<{ path: string; message: string }> = [];
  const see = (id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined) issues.push({ path: `${path}.id`, message: `duplicate id "${id}" (first at ${first})` });
    else seen.set(id, `${path}.id`);
  };
  const visit = (n: UiComponentNode, path: string) => {
    see(n.id, path);
    n.children?.forEach((c, i) => visit(c, `${path}.children[${i}]`));
  };
  doc.page.sections.forEach((s, si) => {
    see(s.id, `page.sections[${si}]`);
    s.blocks.forEach((b, bi) => {
      see(b.id, `page.sections[${si}].blocks[${bi}]`);
      b.components.forEach((c, ci) => visit(c, `page.sections[${si}].blocks[${bi}].components[${ci}]`));
    });
  });
  return issues;
}
