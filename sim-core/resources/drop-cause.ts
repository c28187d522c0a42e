// Why a resource turned an entity away. Web-stack models map these onto user-facing causes
// (limit_req, backlog full, pool timeout, max_connections, …).

export type DropCause = 'queue_full' | 'timeout';

/** Receives an entity back from a resource: served (or granted) or dropped, with the resource's index. */
export interface ResourceClient {
  onDone(entity: number, resource: number): void;
  onDropped(entity: number, resource: number, cause: DropCause): void;
}
