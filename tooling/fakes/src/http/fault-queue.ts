// Runtime-switchable faults shared by the fakes. Rules are checked in order; the first rule that matches a
// request and still has uses left is applied and consumed. A rule is used `times` times (default 1, Infinity for
// a sticky fault), so "the next 2 requests get a 429" is one rule with times: 2, after which service is normal.

export interface FaultRule<F> {
  fault: F;
  /** How many matching requests the rule applies to; default 1; Infinity makes it sticky. */
  times?: number;
  /** Only requests whose path starts with this string, or matches this RegExp. */
  path?: string | RegExp;
  /** Only requests whose raw body contains this text (e.g. one layer id among many concurrent calls). */
  bodyContains?: string;
}

/** A plain fault is shorthand for a rule used once on any path. */
export type FaultInput<F> = F | FaultRule<F>;

interface ActiveRule<F> {
  fault: F;
  remaining: number;
  path: string | RegExp | undefined;
  bodyContains: string | undefined;
}

/** A fault-specific predicate: e.g. "too-large" only fires above its id threshold, and is not consumed otherwise. */
export type FaultApplies<F, C> = (fault: F, context: C) => boolean;

/** Ordered, counted fault rules; `take` picks and consumes the fault for one request. */
export class FaultQueue<F extends { kind: string }, C> {
  private rules: ActiveRule<F>[] = [];

  constructor(private readonly applies: FaultApplies<F, C>) {}

  /** Replaces every rule with `inputs`. */
  set(inputs: readonly FaultInput<F>[]): void {
    this.rules = inputs.map((input) => {
      const rule: FaultRule<F> = isRule(input) ? input : { fault: input };
      const times = rule.times ?? 1;
      if (!(times > 0)) throw new RangeError(`fault times must be > 0, got ${times}`);
      return { fault: rule.fault, remaining: times, path: rule.path, bodyContains: rule.bodyContains };
    });
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** Rules with uses left (for tests asserting that a queue drained). */
  pending(): number {
    return this.rules.filter((rule) => rule.remaining > 0).length;
  }

  /** Finds, consumes and returns the fault for this request, if any. */
  take(path: string, context: C, body = ''): F | undefined {
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || !pathMatches(rule.path, path)) continue;
      if (rule.bodyContains !== undefined && !body.includes(rule.bodyContains)) continue;
      if (!this.applies(rule.fault, context)) continue;
      rule.remaining -= 1;
      return rule.fault;
    }
    return undefined;
  }
}

function isRule<F>(input: FaultInput<F>): input is FaultRule<F> {
  return typeof input === 'object' && input !== null && 'fault' in input;
}

/** Whether `path` is in a rule's scope: no scope matches all, a string is a prefix, a RegExp is tested. */
export function pathMatches(pattern: string | RegExp | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === 'string' ? path.startsWith(pattern) : pattern.test(path);
}
