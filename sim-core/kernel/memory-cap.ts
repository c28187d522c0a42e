// Thrown by the engine's growable stores (entity pools, the event calendar) when growing would pass the cap the
// run was given; the run driver turns it into a clean stop ('memory_cap') instead of letting memory run out.

export class MemoryCapReached extends Error {
  constructor(readonly store: 'entities' | 'events', readonly limit: number) {
    super(`the run reached its cap of ${limit.toLocaleString('en-US')} ${store === 'entities' ? 'requests or customers in the system at once' : 'pending events'}`);
    this.name = 'MemoryCapReached';
  }
}
