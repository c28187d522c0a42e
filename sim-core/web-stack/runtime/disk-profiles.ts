// Default latency and IOPS of each disk type, used where a scenario's host does not state them.
// ASSUMPTIONS (typical published figures, not measurements of a given product):
//   nvme     0.1 ms,  400,000 IOPS  (datacenter NVMe random 4 KB reads)
//   ssd      0.25 ms,  50,000 IOPS  (SATA SSD)
//   hdd      8 ms,        180 IOPS  (7,200 rpm: seek + half a rotation)
//   network  1.5 ms,    3,000 IOPS  (cloud block volume such as gp3 at its baseline)

import type { HostSpec } from '../schema';

export interface DiskProfile {
  latency_ms: number;
  iops: number;
}

export const diskProfiles: Record<HostSpec['disk']['type'], DiskProfile> = {
  nvme: { latency_ms: 0.1, iops: 400_000 },
  ssd: { latency_ms: 0.25, iops: 50_000 },
  hdd: { latency_ms: 8, iops: 180 },
  network: { latency_ms: 1.5, iops: 3_000 },
};

/**
 * The disk as an FCFS station: each read takes `latency_ms`, and as many run at once as keep the device at its
 * IOPS rating (Little's law: concurrency = IOPS × latency), at least one.
 */
export function diskModel(disk: HostSpec['disk']): { servers: number; service_ms: number } {
  const p = diskProfiles[disk.type];
  const latency = disk.latency_ms ?? p.latency_ms;
  const iops = disk.iops ?? p.iops;
  return { servers: Math.max(1, Math.round((iops * latency) / 1000)), service_ms: latency };
}
