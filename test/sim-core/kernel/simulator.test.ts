import { describe, expect, it } from 'vitest';
import { type EventHandler, Simulator } from '../../../sim-core/kernel/simulator';
import { Xoshiro128 } from '../../../sim-core/kernel/prng';

/** Logs (now, handler name, entity, tag) for every event it receives. */
class Logger implements EventHandler {
  readonly id: number;
  constructor(private readonly sim: Simulator, readonly name: string, readonly log: [number, string, number, number][]) {
    this.id = sim.register(this);
  }
  onEvent(entity: number, tag: number): void {
    this.log.push([this.sim.now, this.name, entity, tag]);
  }
}

describe('Simulator', () => {
  it('dispatches events in time order, ties in insertion order, to the registered handler', () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const a = new Logger(sim, 'a', log);
    const b = new Logger(sim, 'b', log);
    expect(a.id).not.toBe(b.id);
    sim.at(5, a.id, 1, 10);
    sim.at(2, b.id, 2, 20);
    sim.at(5, b.id, 3, 30);
    sim.after(5, a.id, 4); // at now + 5 = 5, after the two earlier time-5 events; tag defaults to 0
    sim.at(0, a.id, 5, 50);
    sim.at(2, a.id, 6, 60);
    expect(sim.run(Infinity)).toBe('empty');
    expect(log).toEqual([
      [0, 'a', 5, 50],
      [2, 'b', 2, 20],
      [2, 'a', 6, 60],
      [5, 'a', 1, 10],
      [5, 'b', 3, 30],
      [5, 'a', 4, 0],
    ]);
    expect(sim.events).toBe(6);
    expect(sim.now).toBe(5);
  });

  it('orders 10k random events like a stable sort on time (reference), including events scheduled by handlers', () => {
    const sim = new Simulator();
    const rng = new Xoshiro128(8);
    const seen: number[] = [];
    const times: number[] = [];
    // Each event k, when handled, may schedule a child at now + an integer delay (0 included: same-time child).
    const planned: { time: number; k: number }[] = [];
    let next = 0;
    const h: EventHandler = {
      onEvent(k: number) {
        seen.push(k);
        times.push(sim.now);
        if (next < 10_000 && rng.next() < 0.5) {
          const k2 = next++;
          const t = sim.now + rng.nextInt(4);
          planned.push({ time: t, k: k2 });
          sim.at(t, id, k2);
        }
      },
    };
    const id = sim.register(h);
    for (let i = 0; i < 5000; i++) {
      const k = next++;
      const t = rng.nextInt(200);
      planned.push({ time: t, k });
      sim.at(t, id, k);
    }
    sim.run(Infinity);
    // Reference: times never decrease, and events with equal times come out in the order they were scheduled
    // (k increases with scheduling order).
    let violations = 0;
    for (let i = 1; i < seen.length; i++) {
      if (times[i] < times[i - 1] || (times[i] === times[i - 1] && seen[i] < seen[i - 1])) violations++;
    }
    expect(violations).toBe(0);
    expect(seen.length).toBe(planned.length);
    const byTime = [...planned].sort((x, y) => x.time - y.time || x.k - y.k).map((e) => e.k);
    expect(seen).toEqual(byTime);
  });

  it("run(until) stops with 'horizon' before later events, sets now = until, and resumes", () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const a = new Logger(sim, 'a', log);
    sim.at(10, a.id, 1);
    sim.at(20, a.id, 2);
    sim.at(30, a.id, 3);
    expect(sim.run(20)).toBe('horizon'); // the event at exactly 20 runs (inclusive horizon)
    expect(sim.now).toBe(20);
    expect(log.map((e) => e[2])).toEqual([1, 2]);
    expect(sim.run(25)).toBe('horizon');
    expect(sim.now).toBe(25);
    expect(log.length).toBe(2);
    expect(sim.run(100)).toBe('empty');
    expect(log.map((e) => e[0])).toEqual([10, 20, 30]);
    expect(sim.now).toBe(100); // an empty calendar with a finite horizon still advances the clock to it
  });

  it("eventCap stops with 'event_cap' after that many events in total", () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const a = new Logger(sim, 'a', log);
    for (let i = 0; i < 10; i++) sim.at(i, a.id, i);
    expect(sim.run(Infinity, 4)).toBe('event_cap');
    expect(sim.events).toBe(4);
    expect(sim.now).toBe(3);
    // The cap counts events since the start, not per call.
    expect(sim.run(Infinity, 6)).toBe('event_cap');
    expect(sim.events).toBe(6);
    expect(log.map((e) => e[2])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("stop() from a handler returns 'stopped' after that event; run() can continue", () => {
    const sim = new Simulator();
    const seen: number[] = [];
    const id = sim.register({
      onEvent(k: number) {
        seen.push(k);
        if (k === 2) sim.stop();
      },
    });
    for (let i = 0; i < 5; i++) sim.at(i * 10, id, i);
    expect(sim.run(Infinity)).toBe('stopped');
    expect(seen).toEqual([0, 1, 2]);
    expect(sim.now).toBe(20);
    expect(sim.run(Infinity)).toBe('empty');
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses to schedule in the past, at NaN, or with a negative delay', () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const a = new Logger(sim, 'a', log);
    sim.at(10, a.id, 0);
    sim.run(Infinity);
    expect(sim.now).toBe(10);
    expect(() => sim.at(9.999, a.id, 0)).toThrow(/past/);
    expect(() => sim.at(NaN, a.id, 0)).toThrow();
    expect(() => sim.after(-1, a.id, 0)).toThrow();
    expect(() => sim.after(NaN, a.id, 0)).toThrow();
    expect(sim.calendar.size).toBe(0);
    sim.at(10, a.id, 1); // "now" itself is allowed
    sim.after(0, a.id, 2);
    sim.run(Infinity);
    expect(log.map((e) => [e[0], e[2]])).toEqual([[10, 0], [10, 1], [10, 2]]);
  });

  it('cancel() removes a pending event and reports whether it was pending', () => {
    const sim = new Simulator();
    const log: [number, string, number, number][] = [];
    const a = new Logger(sim, 'a', log);
    const s1 = sim.at(1, a.id, 1);
    const s2 = sim.at(2, a.id, 2);
    const s3 = sim.at(3, a.id, 3);
    expect(sim.cancel(s2)).toBe(true);
    expect(sim.cancel(s2)).toBe(false);
    // A handler cancelling a later event.
    const c = sim.register({ onEvent: () => expect(sim.cancel(s3)).toBe(true) });
    sim.at(1.5, c, 0);
    sim.run(Infinity);
    expect(log.map((e) => e[2])).toEqual([1]);
    expect(sim.cancel(s1)).toBe(false); // already ran
    expect(sim.cancel(-1)).toBe(false); // the resources' "no slot" sentinel
    expect(sim.events).toBe(2);
  });
});
