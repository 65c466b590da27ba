// Shared by the Figma fake's tests: finding sample nodes by name and fetching JSON.
import type { GetFileResponse, Node } from '@figma/rest-api-spec';
import { childrenOf } from './node-index';

/** The first node named `name` (and of `type`, if given) in depth-first order. */
export function findByName(file: GetFileResponse, name: string, type?: Node['type']): Node {
  const stack: Node[] = [file.document];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.name === name && (type === undefined || node.type === type)) return node;
    stack.push(...[...childrenOf(node)].reverse());
  }
  throw new Error(`no node named ${name}`);
}

/** GETs `url` and returns status, headers and the parsed JSON body. */
export async function getJson<T = unknown>(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}
