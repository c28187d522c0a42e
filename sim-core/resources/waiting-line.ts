// A FIFO waiting line of entity ids with an optional capacity and removal of a waiter whose patience ran out.
// Each waiter gets a ticket (its enqueue number) so a timeout event can find it without a search; removed
// waiters leave a tombstone that shift() skips. Payload: one number per waiter (e.g. its service time in ms).

export const NO_SLOT = -1;

export class WaitingLine {
  private entities: Int32Array;
  private payloads: Float64Array;
  private timeoutSlots: Int32Array;
  private alive: Uint8Array;
  private mask: number;
  private headIndex = 0;
  /** Ticket of the entry at headIndex; tickets run on as doubles so they never wrap. */
  private headTicket = 0;
  /** Entries between head and tail, tombstones included. */
  private span = 0;
  /** Waiters actually present. */
  length = 0;
  /** Set by shift(): the payload and timeout slot of the waiter just taken. */
  lastPayload = 0;
  lastTimeoutSlot = NO_SLOT;

  constructor(readonly capacity = Infinity, initial = 64) {
    if (!(capacity >= 0)) throw new Error(`waiting-line capacity must be ≥ 0, got ${capacity}`);
    let size = 1;
    while (size < initial) size <<= 1;
    this.entities = new Int32Array(size);
    this.payloads = new Float64Array(size);
    this.timeoutSlots = new Int32Array(size);
    this.alive = new Uint8Array(size);
    this.mask = size - 1;
  }

  get isFull(): boolean {
    return this.length >= this.capacity;
  }

  /** Ticket the next push() will get (so a timeout can be scheduled before pushing). */
  get nextTicket(): number {
    return this.headTicket + this.span;
  }

  /** Append a waiter; the caller has checked isFull. Returns its ticket. */
  push(entity: number, payload: number, timeoutSlot = NO_SLOT): number {
    if (this.span > this.mask) this.grow();
    const i = (this.headIndex + this.span) & this.mask;
    this.entities[i] = entity;
    this.payloads[i] = payload;
    this.timeoutSlots[i] = timeoutSlot;
    this.alive[i] = 1;
    this.span++;
    this.length++;
    return this.headTicket + this.span - 1;
  }

  /** Take the first live waiter, or return −1 if none. */
  shift(): number {
    while (this.span > 0) {
      const i = this.headIndex;
      this.headIndex = (i + 1) & this.mask;
      this.headTicket++;
      this.span--;
      if (this.alive[i]) {
        this.alive[i] = 0;
        this.length--;
        this.lastPayload = this.payloads[i];
        this.lastTimeoutSlot = this.timeoutSlots[i];
        return this.entities[i];
      }
    }
    return -1;
  }

  /** Remove the waiter holding `ticket` if it is still waiting (a patience timeout). */
  remove(ticket: number, entity: number): boolean {
    const offset = ticket - this.headTicket;
    if (offset < 0 || offset >= this.span) return false;
    const i = (this.headIndex + offset) & this.mask;
    if (!this.alive[i] || this.entities[i] !== entity) return false;
    this.alive[i] = 0;
    this.length--;
    this.lastPayload = this.payloads[i];
    // Trim tombstones at the head so span stays proportional to the live waiters.
    while (this.span > 0 && !this.alive[this.headIndex]) {
      this.headIndex = (this.headIndex + 1) & this.mask;
      this.headTicket++;
      this.span--;
    }
    return true;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const entities = new Int32Array(size);
    const payloads = new Float64Array(size);
    const slots = new Int32Array(size);
    const alive = new Uint8Array(size);
    for (let k = 0; k < this.span; k++) {
      const i = (this.headIndex + k) & this.mask;
      entities[k] = this.entities[i];
      payloads[k] = this.payloads[i];
      slots[k] = this.timeoutSlots[i];
      alive[k] = this.alive[i];
    }
    this.entities = entities;
    this.payloads = payloads;
    this.timeoutSlots = slots;
    this.alive = alive;
    this.headIndex = 0;
    this.mask = size - 1;
  }
}
