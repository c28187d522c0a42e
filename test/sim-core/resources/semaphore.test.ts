import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../sim-core/kernel/simulator';
import type { DropCause, ResourceClient } from '../../../sim-core/resources/drop-cause';
import { GRANTED, QUEUED, REJECTED, Semaphore } from '../../../sim-core/resources/semaphore';

/** Logs [now, 'done' | cause, entity, resource] for every callback. */
function logClient(sim: Simulator, log: [number, string, number, number][]): ResourceClient {
  return {
    onDone: (e, r) => void log.push([sim.now, 'done', e, r]),
    onDropped: (e, r, cause: DropCause) => void log.push([sim.now, cause, e, r]),
  };
}

/** Runs fn at time t inside the simulation. */
function at(sim: Simulator, t: number, fn: () => void): void {
  const id = sim.register({ onEvent: fn });
  sim.at(t, id, 0);
}

describe('Semaphore', () => {
  it('grants up to capacity, then queues up to the waiting room, then rejects', () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const sem = new Semaphore(sim, 3, logClient(sim, log), { capacity: 2, queueCapacity: 1 });
    expect([GRANTED, QUEUED, REJECTED]).toEqual([0, 1, 2]);
    expect(sem.acquire(10)).toBe(GRANTED);
    expect(sem.acquire(11)).toBe(GRANTED);
    expect(sem.acquire(12)).toBe(QUEUED);
    expect(sem.acquire(13)).toBe(REJECTED);
    expect(sem.inUse).toBe(2);
    expect(sem.grants).toBe(2);
    expect(sem.rejected).toBe(1);
    expect(log).toEqual([]); // nothing fires for GRANTED or REJECTED
  });

  it('release grants FIFO waiters synchronously through onDone', () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const sem = new Semaphore(sim, 5, logClient(sim, log), { capacity: 1 });
    expect(sem.acquire(1)).toBe(GRANTED);
    expect(sem.acquire(2)).toBe(QUEUED);
    expect(sem.acquire(3)).toBe(QUEUED);
    expect(sem.acquire(4)).toBe(QUEUED);
    at(sim, 7, () => {
      sem.release();
      // Already granted when release() returns: no event in between.
      expect(log).toEqual([[7, 'done', 2, 5]]);
      expect(sem.inUse).toBe(1); // the unit passed straight to the waiter
    });
    at(sim, 9, () => {
      sem.release();
      sem.release();
    });
    sim.run(Infinity);
    expect(log).toEqual([
      [7, 'done', 2, 5],
      [9, 'done', 3, 5],
      [9, 'done', 4, 5],
    ]);
    expect(sem.grants).toBe(4);
    expect(sem.line.length).toBe(0);
    sem.release();
    expect(sem.inUse).toBe(0);
    expect(() => sem.release()).toThrow(/released more times/);
  });

  it('a waiter times out exactly timeoutMs after it queued, with cause timeout', () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const sem = new Semaphore(sim, 1, logClient(sim, log), { capacity: 1, timeoutMs: 30 });
    sem.acquire(1);
    at(sim, 2.5, () => expect(sem.acquire(2)).toBe(QUEUED));
    at(sim, 10, () => expect(sem.acquire(3)).toBe(QUEUED));
    sim.run(Infinity);
    expect(log).toEqual([
      [32.5, 'timeout', 2, 1],
      [40, 'timeout', 3, 1],
    ]);
    expect(sem.timedOut).toBe(2);
    expect(sem.line.length).toBe(0);
    expect(sem.inUse).toBe(1);
    // With both gone, a release just frees the unit.
    sem.release();
    expect(sem.inUse).toBe(0);
  });

  it("a granted waiter's timeout is cancelled and never fires", () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const sem = new Semaphore(sim, 0, logClient(sim, log), { capacity: 1, timeoutMs: 30 });
    sem.acquire(1);
    expect(sem.acquire(2)).toBe(QUEUED);
    expect(sem.acquire(3)).toBe(QUEUED);
    at(sim, 29, () => sem.release()); // 2 is granted one ms before its deadline
    sim.run(29);
    // Only 3's deadline is still pending: 2's was cancelled when it was granted.
    expect(sim.calendar.size).toBe(1);
    sim.run(Infinity);
    // 3's timeout still fires at 30; 2's never does.
    expect(log).toEqual([
      [29, 'done', 2, 0],
      [30, 'timeout', 3, 0],
    ]);
    expect(sem.timedOut).toBe(1);
    expect(sim.calendar.size).toBe(0);
  });

  it('a timed-out waiter is skipped by a later release', () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const sem = new Semaphore(sim, 0, logClient(sim, log), { capacity: 1, timeoutMs: 5 });
    sem.acquire(1);
    sem.acquire(2); // times out at 5
    at(sim, 3, () => sem.acquire(3)); // would time out at 8
    at(sim, 6, () => sem.release()); // goes to 3, not to the departed 2
    sim.run(Infinity);
    expect(log).toEqual([
      [5, 'timeout', 2, 0],
      [6, 'done', 3, 0],
    ]);
  });

  it('useLevel is the hand-computed time average of units in use', () => {
    // capacity 2. t=0: A acquires (1). t=2: B acquires (2). t=3: C queues. t=5: release ⇒ C takes it (still 2).
    // t=8: release (1). t=9: release (0). Level: [0,2) 1, [2,8) 2, [8,9) 1, [9,10] 0 ⇒ area 2 + 12 + 1 = 15.
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const sem = new Semaphore(sim, 0, logClient(sim, log), { capacity: 2 });
    at(sim, 0, () => sem.acquire(1));
    at(sim, 2, () => sem.acquire(2));
    at(sim, 3, () => sem.acquire(3));
    at(sim, 5, () => sem.release());
    at(sim, 8, () => sem.release());
    at(sim, 9, () => sem.release());
    sim.run(10);
    expect(sem.useLevel.average(0, 10)).toBeCloseTo(15 / 10, 12);
    expect(sem.useLevel.max).toBe(2);
    // One waiter on [3, 5) ⇒ queue area 2.
    expect(sem.queueLevel.average(0, 10)).toBeCloseTo(2 / 10, 12);
  });

  it('capacity 0 queues everyone (or rejects with no waiting room); invalid capacities throw', () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const client = logClient(sim, log);
    expect(new Semaphore(sim, 0, client, { capacity: 0 }).acquire(1)).toBe(QUEUED);
    const sem = new Semaphore(sim, 0, client, { capacity: 0, queueCapacity: 0 });
    expect(sem.acquire(1)).toBe(REJECTED);
    expect(() => new Semaphore(sim, 0, client, { capacity: -1 })).toThrow();
    expect(() => new Semaphore(sim, 0, client, { capacity: 1.5 })).toThrow();
  });
});
