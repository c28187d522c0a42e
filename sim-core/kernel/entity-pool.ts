// Entity ids (requests, customers) recycled through a free list, with numeric columns indexed by id. Columns
// are typed arrays that are replaced when the pool grows: read `columns[c]` afresh after alloc().

export class EntityPool {
  private freeIds: Int32Array;
  private freeTop: number;
  capacity: number;
  live = 0;
  readonly columns: Float64Array[] = [];

  constructor(initial = 1024) {
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
    const cap = old * 2;
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
