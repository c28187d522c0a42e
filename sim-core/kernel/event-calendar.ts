// The future-event list: a 4-ary min-heap on typed arrays, ordered by (time, insertion sequence) so ties are
// broken the same way on every run. Written by hand because it is the simulator's hottest loop: no objects or
// closures per event. Times are in the simulator's clock unit (milliseconds). It never holds more than `limit`
// pending events: the schedule() that would needs more throws MemoryCapReached.

import { MemoryCapReached } from './memory-cap';

const INITIAL_CAPACITY = 1024;

export class EventCalendar {
  /** Heap position → slot id, and the slot's time kept beside it so comparisons need no indirection. */
  private heapSlot: Int32Array;
  private heapTime: Float64Array;
  /** Slot → heap position (−1 when the slot is free). */
  private pos: Int32Array;
  private seq: Float64Array;
  private target: Int32Array;
  private entity: Int32Array;
  private tag: Float64Array;
  private free: Int32Array;
  private freeTop = 0;
  private nextSeq = 0;
  size = 0;

  /** Fields of the event most recently taken by pop(). */
  lastTime = 0;
  lastTarget = 0;
  lastEntity = 0;
  lastTag = 0;

  constructor(capacity = INITIAL_CAPACITY, readonly limit = 2 ** 31 - 1) {
    capacity = Math.min(capacity, limit);
    this.heapSlot = new Int32Array(capacity);
    this.heapTime = new Float64Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
    this.seq = new Float64Array(capacity);
    this.target = new Int32Array(capacity);
    this.entity = new Int32Array(capacity);
    this.tag = new Float64Array(capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeTop = capacity;
  }

  /** Schedule an event; returns its slot id, valid for cancel() until the event is popped or cancelled. */
  schedule(time: number, target: number, entity: number, tag: number): number {
    if (!(time === time)) throw new Error('cannot schedule an event at time NaN');
    if (this.freeTop === 0) this.grow();
    const slot = this.free[--this.freeTop];
    this.seq[slot] = this.nextSeq++;
    this.target[slot] = target;
    this.entity[slot] = entity;
    this.tag[slot] = tag;
    this.siftUp(this.size++, slot, time);
    return slot;
  }

  /** Remove a pending event. Returns false if the slot holds no pending event. */
  cancel(slot: number): boolean {
    const i = this.pos[slot];
    // pos[slot] is undefined for a slot outside the arrays (e.g. a −1 "no slot" sentinel): not pending.
    if (!(i >= 0)) return false;
    this.pos[slot] = -1;
    this.free[this.freeTop++] = slot;
    const last = --this.size;
    if (i !== last) {
      const movedSlot = this.heapSlot[last];
      const movedTime = this.heapTime[last];
      // The moved element may belong above or below position i.
      if (i > 0 && this.before(movedTime, movedSlot, this.heapTime[(i - 1) >> 2], this.heapSlot[(i - 1) >> 2])) {
        this.siftUp(i, movedSlot, movedTime);
      } else {
        this.siftDown(i, movedSlot, movedTime);
      }
    }
    return true;
  }

  peekTime(): number {
    return this.size > 0 ? this.heapTime[0] : Infinity;
  }

  /** Take the earliest event into last*; returns false when the calendar is empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const slot = this.heapSlot[0];
    this.lastTime = this.heapTime[0];
    this.lastTarget = this.target[slot];
    this.lastEntity = this.entity[slot];
    this.lastTag = this.tag[slot];
    this.pos[slot] = -1;
    this.free[this.freeTop++] = slot;
    const last = --this.size;
    if (last > 0) this.siftDown(0, this.heapSlot[last], this.heapTime[last]);
    return true;
  }

  isPending(slot: number): boolean {
    return slot >= 0 && slot < this.pos.length && this.pos[slot] >= 0;
  }

  timeOf(slot: number): number {
    return this.heapTime[this.pos[slot]];
  }

  entityOf(slot: number): number {
    return this.entity[slot];
  }

  private before(t1: number, s1: number, t2: number, s2: number): boolean {
    return t1 < t2 || (t1 === t2 && this.seq[s1] < this.seq[s2]);
  }

  private siftUp(i: number, slot: number, time: number): void {
    const hs = this.heapSlot;
    const ht = this.heapTime;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = ht[parent];
      if (pt < time || (pt === time && this.seq[hs[parent]] < this.seq[slot])) break;
      hs[i] = hs[parent];
      ht[i] = pt;
      this.pos[hs[i]] = i;
      i = parent;
    }
    hs[i] = slot;
    ht[i] = time;
    this.pos[slot] = i;
  }

  private siftDown(i: number, slot: number, time: number): void {
    const hs = this.heapSlot;
    const ht = this.heapTime;
    const n = this.size;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // Pick the earliest of up to four children.
      let best = first;
      let bt = ht[first];
      const end = first + 4 < n ? first + 4 : n;
      for (let c = first + 1; c < end; c++) {
        const ct = ht[c];
        if (ct < bt || (ct === bt && this.seq[hs[c]] < this.seq[hs[best]])) {
          best = c;
          bt = ct;
        }
      }
      if (time < bt || (time === bt && this.seq[slot] < this.seq[hs[best]])) break;
      hs[i] = hs[best];
      ht[i] = bt;
      this.pos[hs[i]] = i;
      i = best;
    }
    hs[i] = slot;
    ht[i] = time;
    this.pos[slot] = i;
  }

  private grow(): void {
    const old = this.pos.length;
    if (old >= this.limit) throw new MemoryCapReached('events', this.limit);
    const cap = Math.min(old * 2, this.limit);
    const grow32 = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
    const grow64 = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a); return b; };
    this.heapSlot = grow32(this.heapSlot);
    this.heapTime = grow64(this.heapTime);
    const pos = new Int32Array(cap).fill(-1);
    pos.set(this.pos);
    this.pos = pos;
    this.seq = grow64(this.seq);
    this.target = grow32(this.target);
    this.entity = grow32(this.entity);
    this.tag = grow64(this.tag);
    this.free = new Int32Array(cap);
    for (let i = 0; i < cap - old; i++) this.free[i] = cap - 1 - i;
    this.freeTop = cap - old;
  }
}
