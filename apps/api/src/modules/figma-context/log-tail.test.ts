import { describe, expect, it } from 'vitest';
import type { JobCursor, JobEvent } from '../../durable-objects/job-cursor';
import { encodeEvents, LogTails, readLog } from './log-tail';

const ev = (id: number, size = 10): JobEvent => ({ id, type: 'page.chunk', data: JSON.stringify({ id, pad: 'x'.repeat(size) }) });
const ids = (events: Array<{ id: number }> | null) => events?.map((e) => e.id) ?? null;

/** A stand-in for the job's object: its log, and how often it was read. */
function fakeStub(log: JobEvent[]) {
  const calls: number[] = [];
  const stub = {
    eventsAfter: async (after: number, limit: number) => {
      calls.push(after);
      return log.filter((e) => e.id > after).slice(0, limit);
    },
  } as unknown as DurableObjectStub<JobCursor>;
  return { stub, calls };
}

describe('LogTails', () => {
  it('answers from a contiguous run only when it holds the next event', () => {
    const t = new LogTails();
    t.add('j', encodeEvents([ev(3), ev(4), ev(5)]));
    expect(ids(t.after('j', 2, 10))).toEqual([3, 4, 5]);
    expect(ids(t.after('j', 3, 1))).toEqual([4]);
    expect(t.after('j', 1, 10)).toBeNull(); // event 2 is not held
    expect(t.after('j', 5, 10)).toBeNull(); // nothing after 5 is held: the log may go on
    expect(t.after('other', 0, 10)).toBeNull();
  });

  it('extends a run, ignores what it holds, and replaces it when a later run does not follow on', () => {
    const t = new LogTails();
    t.add('j', encodeEvents([ev(1), ev(2)]));
    t.add('j', encodeEvents([ev(2), ev(3)]));
    expect(ids(t.after('j', 0, 10))).toEqual([1, 2, 3]);
    t.add('j', encodeEvents([ev(7), ev(8)]));
    expect(t.after('j', 0, 10)).toBeNull();
    expect(ids(t.after('j', 6, 10))).toEqual([7, 8]);
  });

  it('stays within its bytes: oldest events of a job first, then least recently used jobs', () => {
    const frame = encodeEvents([ev(1, 100)])[0]!.frame.byteLength;
    const t = new LogTails(frame * 3, frame * 5);
    t.add('a', encodeEvents([1, 2, 3, 4].map((i) => ev(i, 100))));
    expect(ids(t.after('a', 1, 10))).toEqual([2, 3, 4]);
    expect(t.after('a', 0, 10)).toBeNull();
    t.add('b', encodeEvents([1, 2].map((i) => ev(i, 100))));
    t.after('a', 1, 1); // a used last
    t.add('c', encodeEvents([1, 2].map((i) => ev(i, 100))));
    expect(t.bytes).toBeLessThanOrEqual(frame * 5);
    expect(t.after('b', 0, 10)).toBeNull();
    expect(ids(t.after('c', 0, 10))).toEqual([1, 2]);
  });
});

describe('readLog', () => {
  it('reads the object once; later readers of the same events get the same frames from the tail', async () => {
    const log = [1, 2, 3, 4, 5].map((i) => ev(i));
    const { stub, calls } = fakeStub(log);
    const tails = new LogTails();
    const first = await readLog(stub, 'j', 0, 200, tails);
    expect(first.fromTail).toBe(false);
    expect(ids(first.events)).toEqual([1, 2, 3, 4, 5]);
    const second = await readLog(stub, 'j', 2, 200, tails);
    expect(second.fromTail).toBe(true);
    expect(second.events[0]!.frame).toBe(first.events[2]!.frame);
    expect(calls).toEqual([0]);
    // past what the tail holds: the object is asked, and says the log ends there
    expect(await readLog(stub, 'j', 5, 200, tails)).toEqual({ events: [], fromTail: false });
    expect(calls).toEqual([0, 5]);
    expect(new TextDecoder().decode(first.events[0]!.frame)).toBe(`id: 1\nevent: page.chunk\ndata: ${log[0]!.data}\n\n`);
  });
});
