// Hosts: vCPUs shared by every process placed on them, RAM, disk by type, NIC. Optionally a provider's instance
// type (for cost). Memory in MB, bandwidth in Gbit/s, disk latency in ms.

import { z } from 'zod';
import { BOUNDS } from '../../schema/field-bounds';
import { fraction, name, positive, wholeAtLeast } from '../../schema/schema-fields';
import { memoryMb } from './memory-size';

export const diskTypes = ['nvme', 'ssd', 'hdd', 'network'] as const;

export const diskSchema = z.strictObject({
  type: z.enum(diskTypes, { error: `expected one of ${diskTypes.join(', ')}` }),
  /** Overrides of the type's defaults (see disk-profiles.ts). */
  iops: positive('a number of I/O operations per second').optional(),
  latency_ms: positive('a latency in ms').optional(),
  size_gb: positive('a size in GB').optional(),
});

export const hostSchema = z.strictObject({
  name: name('a host name'),
  vcpus: wholeAtLeast(1, BOUNDS.vcpus),
  /** Speed of one vCPU relative to the reference core the CPU demands were stated for. */
  cpu_speed: positive('a relative speed').default(1),
  ram: memoryMb({ positive: true }),
  disk: diskSchema.default({ type: 'ssd' }),
  nic_gbps: positive('a bandwidth in Gbit/s').default(1),
  /** RAM the OS and page-cache floor keep for themselves. */
  os_reserved: memoryMb().default(1024),
  /** Provider instance this host is, for the cost model: e.g. { provider: digitalocean, type: s-8vcpu-32gb }. */
  instance: z.strictObject({ provider: name('a provider'), type: name('an instance type') }).optional(),
  /** Fraction of the host's CPU already used by things outside the model. */
  background_cpu: fraction().default(0),
});

export type HostSpec = z.infer<typeof hostSchema>;
