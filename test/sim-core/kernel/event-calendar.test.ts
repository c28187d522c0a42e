import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../../sim-core/kernel/event-calendar';
import { MemoryCapReached } from '../../../sim-core/kernel/memory-cap';
import { Xoshiro128 } from '../../../sim-core/kernel/prng';

/** Reference future-event list: a plain array kept sorted by (time, insertion number). */
interface RefEvent {
  time: number;
  seq: number;
  slot: number;
  target: number;
  entity: number;
  tag: number;
}

class RefCalendar {
  readonly items: RefEvent[] = [];
  readonly bySlot = new Map<number, RefEvent>();

  private indexOf(e: RefEvent): number {
    // First index whose (time, seq) is not before e's.
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.items[mid];
      if (m.time < e.time || (m.time === e.time && m.seq < e.seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(e: RefEvent): void {
    this.items.splice(this.indexOf(e), 0, e);
    this.bySlot.set(e.slot, e);
  }

  cancel(slot: number): boolean {
    const e = this.bySlot.get(slot);
    if (!e) return false;
    const i = this.indexOf(e);
    if (this.items[i] !== e) throw new Error('reference calendar lost an event');
    this.items.splice(i, 1);
    this.bySlot.delete(slot);
    return true;
  }

  pop(): RefEvent | undefined {
    const e = this.items.shift();
    if (e) this.bySlot.delete(e.slot);
    return e;
  }
}

/** Drains the calendar and returns the entities in pop order. */
/** expect(a).toBe(b), without vitest's per-call cost on the hot loop when it holds. */
function same(a: unknown, b: unknown, op: number): void {
  if (!Object.is(a, b)) expect(a, `operation ${op}`).toBe(b);
}

function drain(cal: EventCalendar): number[] {
  const out: number[] = [];
  while (cal.pop()) out.push(cal.lastEntity);
  return out;
}

describe('EventCalendar', () => {
  it('matches a sorted-array reference over 200k random schedule/cancel/pop operations with many ties', () => {
    const rng = new Xoshiro128(20240601);
    // A small initial capacity so the arrays grow many times during the run.
    const cal = new EventCalendar(4);
    const ref = new RefCalendar();
    let seq = 0;
    let pops = 0;
    let cancels = 0;
    let staleCancels = 0;
    let maxSize = 0;
    const OPS = 200_000;
    for (let op = 0; op < OPS; op++) {
      // Phases: grow the list to a few thousand events, then mostly drain it, repeatedly.
      const phase = Math.floor(op / 25_000) % 2;
      const pSchedule = phase === 0 ? 0.6 : 0.35;
      const u = rng.next();
      if (u < pSchedule) {
        // Integer times from a narrow range: many events share a time, so ties decide the order.
        const r = rng.next();
        const time = r < 0.01 ? Infinity : r < 0.02 ? -Infinity : rng.nextInt(64) + (r < 0.5 ? 0 : 0.5);
        const n = seq++;
        const target = rng.nextInt(8);
        const tag = rng.next() < 0.5 ? -1 : n * 0.25;
        const slot = cal.schedule(time, target, n, tag);
        same(ref.bySlot.has(slot), false, op); // a slot is never handed out twice while pending
        ref.insert({ time, seq: n, slot, target, entity: n, tag });
      } else if (u < pSchedule + 0.25) {
        const got = cal.pop();
        const want = ref.pop();
        same(got, want !== undefined, op);
        if (want) {
          pops++;
          if (
            !Object.is(cal.lastTime, want.time) ||
            cal.lastEntity !== want.entity ||
            cal.lastTarget !== want.target ||
            !Object.is(cal.lastTag, want.tag)
          ) {
            expect({ time: cal.lastTime, entity: cal.lastEntity, target: cal.lastTarget, tag: cal.lastTag }).toEqual({
              time: want.time,
              entity: want.entity,
              target: want.target,
              tag: want.tag,
            });
          }
        }
      } else if (ref.items.length > 0 && rng.next() < 0.7) {
        // Cancel a pending event: anywhere in the heap (root, inner node, leaf).
        const e = ref.items[rng.nextInt(ref.items.length)];
        same(cal.isPending(e.slot), true, op);
        same(cal.timeOf(e.slot), e.time, op);
        same(cal.entityOf(e.slot), e.entity, op);
        same(cal.cancel(e.slot), true, op);
        ref.cancel(e.slot);
        cancels++;
      } else {
        // Cancel an arbitrary slot number: pending or not (already popped, cancelled, never used, out of range).
        const slot = rng.nextInt(cal.size + 64) - 2;
        const want = ref.bySlot.has(slot);
        same(cal.cancel(slot), want, op);
        if (want) ref.cancel(slot);
        else staleCancels++;
      }
      if (cal.size !== ref.items.length) same(cal.size, ref.items.length, op);
      const peek = ref.items.length > 0 ? ref.items[0].time : Infinity;
      if (!Object.is(cal.peekTime(), peek)) same(cal.peekTime(), peek, op);
      if (cal.size > maxSize) maxSize = cal.size;
    }
    // The run really exercised what it claims to.
    expect(pops).toBeGreaterThan(40_000);
    expect(cancels).toBeGreaterThan(10_000);
    expect(staleCancels).toBeGreaterThan(2_000);
    expect(maxSize).toBeGreaterThan(1_000); // far beyond the initial capacity of 4
    // Drain what is left in order.
    const rest = ref.items.map((e) => e.entity);
    expect(drain(cal)).toEqual(rest);
  });

  it('cancels the root: the next earliest comes out first', () => {
    const cal = new EventCalendar();
    const times = [5, 3, 9, 1, 7, 1, 4, 8, 2, 6];
    const slots = times.map((t, i) => cal.schedule(t, 0, i, 0));
    // The root is the earliest: time 1, inserted as entity 3 (entity 5 also has time 1 but came later).
    expect(cal.peekTime()).toBe(1);
    expect(cal.cancel(slots[3])).toBe(true);
    expect(cal.peekTime()).toBe(1);
    // Sorted by (time, insertion): 1(5) 2(8) 3(1) 4(6) 5(0) 6(9) 7(4) 8(7) 9(2).
    expect(drain(cal)).toEqual([5, 8, 1, 6, 0, 9, 4, 7, 2]);
  });

  it('cancels a leaf and an inner node', () => {
    const cal = new EventCalendar();
    // 21 events in time order fill the 4-ary heap's levels 0..2 (1 + 4 + 16): entity k at time k.
    const slots: number[] = [];
    for (let k = 0; k < 21; k++) slots.push(cal.schedule(k, 0, k, 0));
    expect(cal.cancel(slots[20])).toBe(true); // the last leaf
    expect(cal.cancel(slots[7])).toBe(true); // a leaf in the middle of the last level
    expect(cal.cancel(slots[2])).toBe(true); // an inner node (a child of the root)
    expect(cal.size).toBe(18);
    const want = [...Array(20).keys()].filter((k) => k !== 7 && k !== 2);
    expect(drain(cal)).toEqual(want);
  });

  it('refuses to cancel a popped or cancelled slot, or a slot that was never handed out', () => {
    const cal = new EventCalendar();
    const a = cal.schedule(1, 0, 10, 0);
    const b = cal.schedule(2, 0, 11, 0);
    expect(cal.pop()).toBe(true);
    expect(cal.lastEntity).toBe(10);
    expect(cal.isPending(a)).toBe(false);
    expect(cal.cancel(a)).toBe(false); // already popped
    expect(cal.cancel(b)).toBe(true);
    expect(cal.cancel(b)).toBe(false); // already cancelled
    expect(cal.size).toBe(0);
    // Out-of-range slots, including the −1 "no slot" sentinel the resources use, are not pending.
    expect(cal.cancel(-1)).toBe(false);
    expect(cal.cancel(1 << 20)).toBe(false);
    expect(cal.size).toBe(0);
    // The calendar still works afterwards.
    cal.schedule(3, 0, 12, 0);
    expect(drain(cal)).toEqual([12]);
  });

  it('grows beyond its initial capacity keeping every event and its fields', () => {
    const cal = new EventCalendar(2);
    const n = 5000;
    // Times in reverse (n-1 … 0) with pairs of equal times: entity k has time ⌊(n-1-k)/2⌋.
    for (let k = 0; k < n; k++) cal.schedule(Math.floor((n - 1 - k) / 2), k % 7, k, k + 0.5);
    expect(cal.size).toBe(n);
    const seen: number[] = [];
    let badFields = 0;
    while (cal.pop()) {
      const k = cal.lastEntity;
      if (cal.lastTime !== Math.floor((n - 1 - k) / 2) || cal.lastTarget !== k % 7 || cal.lastTag !== k + 0.5) badFields++;
      seen.push(k);
    }
    expect(badFields).toBe(0);
    // Within a pair of equal times the earlier-inserted (smaller k) comes first: 4998, 4999, 4996, 4997, …
    const want: number[] = [];
    // ⌊(n-1-k)/2⌋ = t  ⇔  n-1-k ∈ {2t, 2t+1}  ⇔  k ∈ {n-2-2t, n-1-2t}.
    for (let t = 0; t < n / 2; t++) want.push(n - 2 - 2 * t, n - 1 - 2 * t);
    expect(seen).toEqual(want);
  });

  it('peekTime is Infinity when empty; pop on empty returns false', () => {
    const cal = new EventCalendar();
    expect(cal.peekTime()).toBe(Infinity);
    expect(cal.pop()).toBe(false);
    cal.schedule(4, 0, 0, 0);
    cal.pop();
    expect(cal.peekTime()).toBe(Infinity);
  });

  it('throws when scheduling at NaN and stays consistent', () => {
    const cal = new EventCalendar();
    expect(() => cal.schedule(NaN, 0, 0, 0)).toThrow(/NaN/);
    expect(cal.size).toBe(0);
    cal.schedule(1, 0, 7, 0);
    expect(drain(cal)).toEqual([7]);
  });
});

describe('EventCalendar limit', () => {
  it('holds at most `limit` pending events and refuses the next with MemoryCapReached', () => {
    const cal = new EventCalendar(2, 5);
    for (let i = 0; i < 5; i++) cal.schedule(i, 0, i, 0);
    expect(() => cal.schedule(9, 0, 9, 0)).toThrow(MemoryCapReached);
    cal.pop();
    expect(() => cal.schedule(9, 0, 9, 0)).not.toThrow();
  });
});
