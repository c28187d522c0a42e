// work_mem is per sort or hash node of each query, not per server: with every connection busy, the floor of
// the worst case is connections × work_mem on top of shared_buffers and the backends, the connections being
// those the clients can open within max_connections (derived/memory-footprints.ts). It is the classic
// PostgreSQL OOM (PGTune divides RAM − shared_buffers by max_connections × 3 for this reason). Reported
// separately from the RAM budget because it is a worst case, not a resident footprint.

import { hostFootprints } from './host-footprint';
import { formatMemory } from '../schema/memory-size';
import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function checkWorkMem(s: WebStackScenario): LintFinding[] {
  const db = s.database;
  if (!db || db.engine === 'mongodb') return [];
  const findings: LintFinding[] = [];
  for (const f of hostFootprints(s)) {
    if (f.workMemWorst === 0) continue;
    const left = f.ram - f.total;
    if (left <= 0 || f.workMemWorst <= left) continue; // over RAM already: the RAM budget reports it
    const conns = Math.round(f.workMemWorst / db.work_mem);
    const fitMb = left / conns;
    const fitText = fitMb >= 1 ? formatMemory(Math.floor(fitMb)) : formatMemory(Math.floor(fitMb * 1024) / 1024);
    findings.push({
      id: 'work-mem-exceeds-ram',
      severity: 'warning',
      path: 'database.work_mem',
      message: `${n(conns)} connections${conns === db.max_connections ? ' (max_connections)' : ` (the clients that can connect, within max_connections ${n(db.max_connections)})`} × work_mem ${n(db.work_mem)} MB = ${n(f.workMemWorst)} MB worst case > ${n(left)} MB left on host "${f.host}" (${n(f.ram)} MB RAM − ${n(f.total)} MB placed on it).`,
      numbers: {
        max_connections: db.max_connections,
        connections: conns,
        work_mem_mb: db.work_mem,
        work_mem_worst_mb: f.workMemWorst,
        ram_mb: f.ram,
        placed_mb: f.total,
        left_mb: left,
      },
      fix: `Set work_mem ≤ ${fitText} (${n(left)} MB ÷ ${n(conns)}), or at most ${n(Math.floor(left / db.work_mem))} connections (max_connections, or PgBouncer's server pool in front).`,
    });
  }
  return findings;
}
