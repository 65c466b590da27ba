// What a project has that UI generation may use (issue 14): its stored components (figma-context apply) and the
// token paths of its DTCG 2025.10 documents.

/** What a project has that generation may use: its stored components and its token paths. */
export interface DesignVocabulary {
  components: Array<{ id: string; name: string; node_id?: string; type?: string; description?: string }>;
  tokens: Array<{ path: string; type?: string }>;
}

/** Deeper than any real tokens document; a guard against hostile nesting, not a format rule. */
const MAX_GROUP_DEPTH = 32;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every token of a DTCG document (an object with `$value`) as its `{reference}` path, in document order; a token
 * without `$type` takes its nearest group's. Other `$`-keys are format keys, except `$root` (a group's own token).
 */
export function tokensOfDtcg(doc: Record<string, unknown>): Array<{ path: string; type?: string }> {
  const out: Array<{ path: string; type?: string }> = [];
  const walk = (group: Record<string, unknown>, prefix: string, inherited: string | undefined, depth: number) => {
    if (depth > MAX_GROUP_DEPTH) return;
    const type = typeof group.$type === 'string' ? group.$type : inherited;
    for (const key of Object.keys(group)) {
      const value = group[key];
      if (!isObj(value) || (key.startsWith('$') && key !== '$root') || key === '__proto__') continue;
      const path = prefix ? `${prefix}.${key}` : key;
      if ('$value' in value) {
        const own = typeof value.$type === 'string' ? value.$type : type;
        out.push(own === undefined ? { path } : { path, type: own });
      } else walk(value, path, type, depth + 1);
    }
  };
  if (isObj(doc)) walk(doc, '', undefined, 0);
  return out;
}
