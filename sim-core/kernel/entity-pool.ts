// Entity ids (requests, customers) recycled through a free list, with numeric columns indexed by id. Columns
// are typed arrays that are replaced when the pool grows: read `columns[c]` afresh after alloc(). The pool
// never grows past `limit` entities: the alloc() that would needs more throws MemoryCapReached.

import { MemoryCapReached } from './memory-cap';

export class EntityPool {
  private freeIds: Int32Array;
  private freeTop: number;
  capacity: number;
  live = 0;
  readonly columns: Float64Array[] = [];

  constructor(initial = 1024, readonly limit = 2 ** 31 - 1) {
    if (!(limit >= 1)) throw new RangeError(`EntityPool: limit must be ≥ 1, got ${limit}`);
    initial = Math.min(initial, limit);
    this.capacity = initial;
    this.freeIds = new Int32Array(initial);
    for (let i = 0; i < initial; i++) this.freeIds[i] = initial - 1 - i;
    this.freeTop = initial;
  }

  addColumn(): number {
    this.columns.push(new Float64Array(this.capacity));
    return this.columns.length - 1;
  }

  alloc(): number {
    if (this.freeTop === 0) this.grow();
    this.live++;
    return this.freeIds[--this.freeTop];
  }

  release(id: number): void {
    this.live--;
    this.freeIds[this.freeTop++] = id;
  }

  private grow(): void {
    const old = this.capacity;
    if (old >= this.limit) throw new MemoryCapReached('entities', this.limit);
    // Doubling, but never past the limit, so the largest pool is the limit itself.
    const cap = Math.min(old * 2, this.limit);
    for (let c = 0; c < this.columns.length; c++) {
      const next = new Float64Array(cap);
      next.set(this.columns[c]);
      this.columns[c] = next;
    }
    this.freeIds = new Int32Array(cap);
    for (let i = 0; i < cap - old; i++) this.freeIds[i] = cap - 1 - i;
    this.freeTop = cap - old;
    this.capacity = cap;
  }
}
