import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../../../sim-core/kernel/prng';
import { NO_SLOT, WaitingLine } from '../../../sim-core/resources/waiting-line';

/** Shifts everything out, returning [entity, payload, timeoutSlot] triples. */
function drain(line: WaitingLine): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let e = line.shift(); e >= 0; e = line.shift()) out.push([e, line.lastPayload, line.lastTimeoutSlot]);
  return out;
}

describe('WaitingLine', () => {
  it('is FIFO and carries payload and timeout slot with each waiter', () => {
    const line = new WaitingLine();
    line.push(7, 1.5, 100);
    line.push(3, 2.5);
    line.push(9, 3.5, 102);
    expect(line.length).toBe(3);
    expect(drain(line)).toEqual([
      [7, 1.5, 100],
      [3, 2.5, NO_SLOT],
      [9, 3.5, 102],
    ]);
    expect(line.length).toBe(0);
    expect(line.shift()).toBe(-1);
  });

  it('hands out consecutive tickets and announces the next one', () => {
    const line = new WaitingLine();
    expect(line.nextTicket).toBe(0);
    expect(line.push(1, 0)).toBe(0);
    expect(line.nextTicket).toBe(1);
    expect(line.push(2, 0)).toBe(1);
    line.shift();
    expect(line.nextTicket).toBe(2);
    expect(line.push(3, 0)).toBe(2);
  });

  it('reports full at its capacity (waiting room of 2, and of 0)', () => {
    const line = new WaitingLine(2);
    expect(line.isFull).toBe(false);
    line.push(1, 0);
    expect(line.isFull).toBe(false);
    line.push(2, 0);
    expect(line.isFull).toBe(true);
    line.shift();
    expect(line.isFull).toBe(false);
    // A removed waiter frees its place too.
    const t = line.push(3, 0);
    expect(line.isFull).toBe(true);
    expect(line.remove(t, 3)).toBe(true);
    expect(line.isFull).toBe(false);
    expect(new WaitingLine(0).isFull).toBe(true);
    expect(new WaitingLine().isFull).toBe(false);
    expect(() => new WaitingLine(-1)).toThrow();
  });

  it('removes the middle, the head and the tail; shift skips the tombstones', () => {
    const line = new WaitingLine();
    const t = [10, 11, 12, 13, 14].map((e) => line.push(e, e * 10));
    expect(line.remove(t[2], 12)).toBe(true); // middle
    expect(line.lastPayload).toBe(120);
    expect(line.remove(t[0], 10)).toBe(true); // head
    expect(line.remove(t[4], 14)).toBe(true); // tail
    expect(line.length).toBe(2);
    expect(drain(line).map((x) => x[0])).toEqual([11, 13]);
    // Tickets keep counting across the tombstones.
    expect(line.nextTicket).toBe(5);
  });

  it('returns false for stale tickets: already shifted, already removed, wrong entity, never issued', () => {
    const line = new WaitingLine();
    const a = line.push(1, 0);
    const b = line.push(2, 0);
    const c = line.push(3, 0);
    expect(line.shift()).toBe(1);
    expect(line.remove(a, 1)).toBe(false); // already served
    expect(line.remove(b, 2)).toBe(true);
    expect(line.remove(b, 2)).toBe(false); // already removed
    expect(line.remove(c, 99)).toBe(false); // the ticket is someone else's
    expect(line.remove(c + 1, 3)).toBe(false); // not issued yet
    expect(line.remove(-1, 3)).toBe(false);
    expect(line.length).toBe(1);
    // A later waiter that lands in the same ring position as an old one does not match the old ticket.
    const small = new WaitingLine(Infinity, 2);
    const t0 = small.push(5, 0);
    small.shift();
    small.push(6, 0);
    small.push(5, 0); // entity 5 again, in ring position 0 again, with a new ticket
    expect(small.remove(t0, 5)).toBe(false);
    expect(drain(small).map((x) => x[0])).toEqual([6, 5]);
  });

  it('grows with tombstones inside, keeping order and the old tickets valid', () => {
    const line = new WaitingLine(Infinity, 4);
    const tickets: number[] = [];
    for (let e = 0; e < 4; e++) tickets.push(line.push(e, e));
    expect(line.remove(tickets[1], 1)).toBe(true); // tombstone inside the ring
    expect(line.remove(tickets[3], 3)).toBe(true); // tombstone at the tail
    // Wrap the ring: shift one, then push beyond the initial size of 4.
    expect(line.shift()).toBe(0);
    for (let e = 4; e < 20; e++) tickets.push(line.push(e, e));
    expect(line.remove(tickets[10], 10)).toBe(true);
    expect(line.remove(tickets[2], 2)).toBe(true); // a ticket issued before the growth
    expect(line.length).toBe(15); // 20 pushed − 1 shifted − 4 removed
    expect(drain(line).map((x) => x[0])).toEqual([4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('matches a plain-array reference over random push/shift/remove (with growth and wrap-around)', () => {
    const rng = new Xoshiro128(11);
    const line = new WaitingLine(Infinity, 2);
    // Reference: array of live waiters in order; each remembers its ticket.
    const ref: { e: number; ticket: number; payload: number }[] = [];
    const issued: { e: number; ticket: number }[] = [];
    let nextE = 0;
    let bad = 0;
    for (let op = 0; op < 100_000; op++) {
      const u = rng.next();
      const drift = Math.floor(op / 10_000) % 2 === 0 ? 0.5 : 0.3;
      if (u < drift) {
        const e = nextE++ % 1000; // entity ids repeat, as pooled ids do
        const payload = rng.next();
        const ticket = line.push(e, payload);
        ref.push({ e, ticket, payload });
        issued.push({ e, ticket });
      } else if (u < drift + 0.3) {
        const got = line.shift();
        const want = ref.shift();
        if (got !== (want ? want.e : -1)) bad++;
        if (want && line.lastPayload !== want.payload) bad++;
      } else if (issued.length > 0) {
        // Remove by a ticket issued recently: live or not.
        const pick = issued[issued.length - 1 - rng.nextInt(Math.min(issued.length, 50))];
        const i = ref.findIndex((w) => w.ticket === pick.ticket);
        const got = line.remove(pick.ticket, pick.e);
        if (got !== i >= 0) bad++;
        if (i >= 0) ref.splice(i, 1);
      }
      if (line.length !== ref.length) bad++;
    }
    expect(bad).toBe(0);
    expect(drain(line).map((x) => x[0])).toEqual(ref.map((w) => w.e));
  });
});
