// One ResourceClient per kind of resource, all forwarding to the request flow with the kind attached: the flow
// then dispatches on the attempt's step. Built once per model, so callbacks allocate nothing.

import type { DropCause, ResourceClient } from '../../resources/drop-cause';

export const R_CPU = 0;
export const R_DISK = 1;
export const R_NIC = 2;
export const R_GIL = 3;
export const R_POOL = 4;
export const R_PGB = 5;
export const R_TICKET = 6;
export const R_REDIS_CONN = 7;
export const R_REDIS_SHARD = 8;
export const R_CELERY = 9;

export interface ResourceSink {
  onResourceDone(kind: number, entity: number, index: number): void;
  onResourceDropped(kind: number, entity: number, index: number, cause: DropCause): void;
}

export class KindClient implements ResourceClient {
  constructor(private readonly sink: ResourceSink, private readonly kind: number) {}
  onDone(entity: number, index: number): void {
    this.sink.onResourceDone(this.kind, entity, index);
  }
  onDropped(entity: number, index: number, cause: DropCause): void {
    this.sink.onResourceDropped(this.kind, entity, index, cause);
  }
}

export function makeClients(sink: ResourceSink): KindClient[] {
  return Array.from({ length: 10 }, (_, k) => new KindClient(sink, k));
}
