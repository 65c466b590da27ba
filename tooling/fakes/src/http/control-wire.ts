// Reading the JSON bodies of a fake's control API (/__fake/...): fault rules and path scopes arrive as plain
// JSON, so `times: null` stands for "always" and a RegExp scope arrives as `pathPattern` source text. Every
// check throws a ControlInputError, which the control handler answers with a 400.
import type { IncomingMessage } from 'node:http';
import type { FaultRule } from './fault-queue';
import { readBody } from './send';

/** A malformed control request: answered with 400 and this message. */
export class ControlInputError extends Error {}

/** The scope fields a rule or a reply queue may carry on the wire. */
export interface WireScope {
  /** Prefix of the request path. */
  path?: unknown;
  /** RegExp source tested against the request path. */
  pathPattern?: unknown;
}

/** Reads a control request's JSON body. */
export async function readControlJson(req: IncomingMessage): Promise<unknown> {
  const raw = (await readBody(req)).toString('utf8');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ControlInputError('body is not valid JSON');
  }
}

/** The path scope of a wire object: a prefix string, a compiled pattern, or undefined for any path. */
export function wireScope(input: WireScope): string | RegExp | undefined {
  if (input.pathPattern !== undefined) {
    if (typeof input.pathPattern !== 'string') throw new ControlInputError('pathPattern must be a string');
    try {
      return new RegExp(input.pathPattern);
    } catch (err) {
      throw new ControlInputError(`pathPattern is not a valid RegExp: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (input.path !== undefined && typeof input.path !== 'string') throw new ControlInputError('path must be a string');
  return input.path;
}

/**
 * Parses `[{ fault, times?, path?, pathPattern? }]` into fault rules; a bare fault (`{ kind, … }`) is short for
 * a rule used once on any path, as in `setFaults`. `checkFault` validates one fault and throws a
 * ControlInputError for an unknown or malformed one.
 */
export function wireRules<F>(value: unknown, checkFault: (fault: unknown) => F): FaultRule<F>[] {
  if (!Array.isArray(value)) throw new ControlInputError('expected an array of fault rules');
  return value.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) {
      throw new ControlInputError(`rule ${index}: expected { fault, times?, path?, pathPattern? } or a fault`);
    }
    if (!('fault' in item)) return { fault: checkFault(item), times: 1 };
    const rule = item as { fault: unknown; times?: unknown; bodyContains?: unknown } & WireScope;
    if (rule.bodyContains !== undefined && typeof rule.bodyContains !== 'string') throw new ControlInputError(`rule ${index}: bodyContains must be a string`);
    const times = rule.times === null ? Number.POSITIVE_INFINITY : (rule.times ?? 1);
    if (typeof times !== 'number' || !(times > 0)) throw new ControlInputError(`rule ${index}: times must be > 0 or null`);
    const path = wireScope(rule);
    const body = rule.bodyContains === undefined ? {} : { bodyContains: rule.bodyContains };
    return { fault: checkFault(rule.fault), times, ...(path === undefined ? {} : { path }), ...body };
  });
}
