// RAM committed on each host: the footprints (memory-footprints.ts) of every process placed on it, against the
// host's RAM and OS reserve. Over RAM ⇒ the host would swap or the OOM killer would act. Memory in MB.

import type { WebStackScenario } from '../schema/web-stack-schema';
import { memoryFootprints, type MemoryPeaks } from './memory-footprints';

export interface HostMemory {
  ram_mb: number;
  /** Sum of the footprints of every process placed on the host (at the simulated peak where it varies). */
  committed_mb: number;
  breakdown: Record<string, number>;
  /** committed > RAM: the host would swap or the OOM killer would act. */
  over: boolean;
}

/** The processes at rest: no request in flight, no connection open. */
export const IDLE_PEAKS: MemoryPeaks = { appInFlight: [], dbConnections: [], pgbouncerClients: 0 };

/** Per host, by process group; `peaks` omitted = the worst the settings allow. */
export function hostMemory(s: WebStackScenario, peaks?: MemoryPeaks): Record<string, HostMemory> {
  const out: Record<string, HostMemory> = {};
  for (const h of s.hosts) out[h.name] = { ram_mb: h.ram, committed_mb: 0, breakdown: { os_reserved: h.os_reserved }, over: false };
  for (const f of memoryFootprints(s, peaks)) {
    const m = out[f.host];
    m.breakdown[f.name] = (m.breakdown[f.name] ?? 0) + f.mb;
  }
  for (const m of Object.values(out)) {
    m.committed_mb = Object.values(m.breakdown).reduce((a, b) => a + b, 0);
    m.over = m.committed_mb > m.ram_mb;
  }
  return out;
}

export function memoryWarnings(mem: Record<string, HostMemory>): string[] {
  return Object.entries(mem)
    .filter(([, m]) => m.over)
    .map(([host, m]) => {
      const top = Object.entries(m.breakdown).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${Math.round(v)} MB`).join(', ');
      return `host ${host}: committed memory ${Math.round(m.committed_mb)} MB exceeds its RAM ${Math.round(m.ram_mb)} MB (largest: ${top}); it would swap or the OOM killer would act`;
    });
}
