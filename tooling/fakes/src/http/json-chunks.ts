// JSON serialisation into a list of Buffers instead of one string: a 200k-node Figma file is bigger than is
// comfortable as a single JS string, and a list of chunks can be written with backpressure and cached as-is.
// Node-like objects (those with a `children` array) are stringified one node at a time; the top levels of the
// response envelope are expanded key by key so the documents inside `nodes` are reached too.

const CHUNK_CHARS = 1 << 16;
const EXPANDED_LEVELS = 3;

/** Serialises `value` as JSON into ~64 KB UTF-8 chunks; JSON.parse of their concatenation equals the value. */
export function serializeJsonChunks(value: unknown): Buffer[] {
  const out: Buffer[] = [];
  let parts: string[] = [];
  let pending = 0;
  const push = (s: string): void => {
    parts.push(s);
    pending += s.length;
    if (pending >= CHUNK_CHARS) flush();
  };
  const flush = (): void => {
    if (parts.length === 0) return;
    out.push(Buffer.from(parts.join(''), 'utf8'));
    parts = [];
    pending = 0;
  };

  const write = (v: unknown, level: number): void => {
    if (typeof v !== 'object' || v === null) {
      push(JSON.stringify(v) ?? 'null');
      return;
    }
    if (Array.isArray(v)) {
      if (level >= EXPANDED_LEVELS) return push(JSON.stringify(v));
      push('[');
      v.forEach((item, i) => {
        if (i > 0) push(',');
        write(item === undefined ? null : item, level + 1);
      });
      push(']');
      return;
    }
    const record = v as Record<string, unknown>;
    if (Array.isArray(record.children)) return writeNode(record, level);
    if (level >= EXPANDED_LEVELS) return push(JSON.stringify(record));
    push('{');
    let first = true;
    for (const [key, item] of Object.entries(record)) {
      if (item === undefined || typeof item === 'function') continue;
      push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      write(item, level + 1);
    }
    push('}');
  };

  const writeNode = (node: Record<string, unknown>, level: number): void => {
    const { children, ...rest } = node;
    const head = JSON.stringify(rest);
    push(head === '{}' ? '{"children":[' : `${head.slice(0, -1)},"children":[`);
    (children as unknown[]).forEach((child, i) => {
      if (i > 0) push(',');
      write(child, level + 1);
    });
    push(']}');
  };

  write(value, 0);
  flush();
  return out;
}

/** Total byte length of a chunk list. */
export function byteLength(chunks: readonly Buffer[]): number {
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  return total;
}
