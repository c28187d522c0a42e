import { describe, expect, it } from 'vitest';
import { EntityPool } from '../../../sim-core/kernel/entity-pool';
import { MemoryCapReached } from '../../../sim-core/kernel/memory-cap';
import { Xoshiro128 } from '../../../sim-core/kernel/prng';

describe('EntityPool', () => {
  it('hands out distinct ids and reuses released ones', () => {
    const pool = new EntityPool(4);
    const ids = [pool.alloc(), pool.alloc(), pool.alloc(), pool.alloc()];
    expect(new Set(ids).size).toBe(4);
    expect(ids.every((id) => id >= 0 && id < 4)).toBe(true);
    expect(pool.live).toBe(4);
    pool.release(ids[2]);
    expect(pool.live).toBe(3);
    expect(pool.alloc()).toBe(ids[2]); // the freed id comes back before the pool grows
    expect(pool.capacity).toBe(4);
    pool.release(ids[0]);
    pool.release(ids[3]);
    const again = [pool.alloc(), pool.alloc()].sort();
    expect(again).toEqual([ids[0], ids[3]].sort());
    expect(pool.capacity).toBe(4);
    expect(pool.live).toBe(4);
  });

  it('keeps column values across growth (read columns afresh after alloc)', () => {
    const pool = new EntityPool(2);
    const colA = pool.addColumn();
    const colB = pool.addColumn();
    const live = new Map<number, number>();
    for (let k = 0; k < 1000; k++) {
      const id = pool.alloc();
      pool.columns[colA][id] = k * 1.5;
      pool.columns[colB][id] = -k;
      live.set(id, k);
    }
    expect(pool.capacity).toBeGreaterThanOrEqual(1000);
    expect(pool.columns[colA].length).toBe(pool.capacity);
    let wrong = 0;
    for (const [id, k] of live) if (pool.columns[colA][id] !== k * 1.5 || pool.columns[colB][id] !== -k) wrong++;
    expect(wrong).toBe(0);
    expect(new Set(live.keys()).size).toBe(1000);
    // A column added after growth has the current capacity.
    const colC = pool.addColumn();
    expect(pool.columns[colC].length).toBe(pool.capacity);
  });

  it('never hands out an id that is live (random alloc/release against a reference set)', () => {
    const pool = new EntityPool(8);
    const col = pool.addColumn();
    const rng = new Xoshiro128(3);
    const live: number[] = [];
    const owner = new Map<number, number>();
    let bad = 0;
    let peak = 0;
    for (let op = 0; op < 50_000; op++) {
      if (live.length === 0 || rng.next() < 0.55) {
        const id = pool.alloc();
        if (owner.has(id) || id < 0 || id >= pool.capacity) bad++;
        owner.set(id, op);
        pool.columns[col][id] = op;
        live.push(id);
        if (live.length > peak) peak = live.length;
      } else {
        const i = rng.nextInt(live.length);
        const id = live[i];
        live[i] = live[live.length - 1];
        live.pop();
        if (pool.columns[col][id] !== owner.get(id)) bad++; // its value survived any growth meanwhile
        owner.delete(id);
        pool.release(id);
      }
    }
    expect(bad).toBe(0);
    expect(pool.live).toBe(live.length);
    // Released ids are reused, so the pool grew (by doubling from 8) only as far as the peak of live ids:
    // capacity = the smallest 8·2^k ≥ peak, which is < 2·peak.
    expect(peak).toBeGreaterThan(1000);
    expect(pool.capacity).toBeGreaterThanOrEqual(peak);
    expect(pool.capacity).toBeLessThan(2 * peak);
  });
});

describe('EntityPool limit', () => {
  it('grows by doubling up to the limit, never past it, then refuses with MemoryCapReached', () => {
    const pool = new EntityPool(4, 10);
    pool.addColumn();
    const ids = Array.from({ length: 10 }, () => pool.alloc());
    expect(new Set(ids).size).toBe(10);
    expect(pool.capacity).toBe(10); // 4 → 8 → 10, not 16
    expect(() => pool.alloc()).toThrow(MemoryCapReached);
    pool.release(ids[3]);
    expect(pool.alloc()).toBe(ids[3]); // a freed id is still handed out at the cap
  });
});
