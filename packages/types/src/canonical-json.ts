// Canonical JSON for content hashes: object keys sorted, so equal content hashes equally.
// Iterative, so no input depth can overflow the stack.

type Task = { text: string } | { value: unknown };

/** JSON text of `value` with every object's keys sorted (undefined becomes null). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const stack: Task[] = [{ value }];
  while (stack.length) {
    const task = stack.pop()!;
    if ('text' in task) {
      out.push(task.text);
      continue;
    }
    const v = task.value;
    const parts: Task[] = [];
    if (Array.isArray(v)) {
      parts.push({ text: '[' });
      v.forEach((item, i) => parts.push(...(i ? [{ text: ',' }] : []), { value: item }));
      parts.push({ text: ']' });
    } else if (v && typeof v === 'object') {
      parts.push({ text: '{' });
      Object.keys(v)
        .sort()
        .forEach((k, i) => parts.push({ text: `${i ? ',' : ''}${JSON.stringify(k)}:` }, { value: (v as Record<string, unknown>)[k] }));
      parts.push({ text: '}' });
    } else {
      out.push(JSON.stringify(v ?? null));
      continue;
    }
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]!);
  }
  return out.join('');
}
