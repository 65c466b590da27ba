// Ids and names as the UI JSON schema admits them.
import { UiComponentRefSchema } from '@cogo/types';

/** Whether a string is a UUID as `component_id` requires. */
export function isUuid(value: string): boolean {
  return UiComponentRefSchema.shape.component_id.safeParse(value).success;
}

/** A UI id from any id (a Figma node id is one already; other characters become `_`, at most 200). */
export function uiIdOf(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_:;.\-]/g, '_').slice(0, 200);
  return cleaned || '_';
}

/** A lowercase type name (`^[a-z][a-z0-9_-]*$`, at most 60) from free text, or undefined. */
export function typeNameOf(text: string): string | undefined {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 60);
  return slug || undefined;
}

/** Code-unit order of Figma ids with numbers compared as numbers (`2:10` after `2:9`): the same in every runtime. */
export function compareIds(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (i % 2 === 1 && x.length <= 15 && y.length <= 15) return Number(x) - Number(y) || (x < y ? -1 : 1);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
