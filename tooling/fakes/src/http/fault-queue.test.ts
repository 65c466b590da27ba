import { describe, expect, it } from 'vitest';
import { FaultQueue } from './fault-queue';

type Fault = { kind: 'a' } | { kind: 'big'; over: number };
const queue = () => new FaultQueue<Fault, { size: number }>((fault, ctx) => (fault.kind === 'big' ? ctx.size > fault.over : true));

describe('FaultQueue', () => {
  it('consumes counted rules in order, then yields nothing', () => {
    const q = queue();
    q.set([{ fault: { kind: 'a' }, times: 2 }, { kind: 'big', over: 0 }]);
    const taken = Array.from({ length: 4 }, () => q.take('/x', { size: 1 })?.kind);
    expect(taken).toEqual(['a', 'a', 'big', undefined]);
    expect(q.pending()).toBe(0);
  });

  it('skips rules whose path or predicate does not match, without consuming them', () => {
    const q = queue();
    q.set([{ fault: { kind: 'big', over: 10 }, times: Infinity, path: /\/nodes$/ }, { fault: { kind: 'a' }, path: '/v1/b' }]);
    expect(q.take('/v1/a/nodes', { size: 5 })).toBeUndefined();
    expect(q.take('/v1/a/nodes', { size: 11 })?.kind).toBe('big');
    expect(q.take('/v1/a/nodes', { size: 11 })?.kind).toBe('big');
    expect(q.take('/v1/b/c', { size: 0 })?.kind).toBe('a');
    expect(q.pending()).toBe(1);
  });

  it('rejects non-positive counts', () => {
    expect(() => queue().set([{ fault: { kind: 'a' }, times: 0 }])).toThrow(RangeError);
  });
});
