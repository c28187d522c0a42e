// my.cnf for the MySQL variant: buffer pool, connections and per-connection buffers from the scenario.

import type { ExportContext } from './context';
import { FILE, header, kv, memText, num } from './format';

/** MySQL sizes take K/M/G suffixes (not "GB"). */
export function mysqlSize(mb: number): string {
  if (mb >= 1024 && Number.isInteger(mb / 1024)) return `${mb / 1024}G`;
  if (Number.isInteger(mb)) return `${mb}M`;
  return `${Math.round(mb * 1024)}K`;
}

export function mysqlCnf(ctx: ExportContext): string {
  const d = ctx.s.database!;
  const h = ctx.host(d.host);
  const io = ({ hdd: 200, ssd: 2000, network: 1000, nvme: 4000 } as Record<string, number>)[h.disk.type];
  const instances = Math.min(8, Math.max(1, Math.floor(d.shared_buffers / 1024)));
  const out = ['[mysqld]'];
  out.push(kv(`bind-address = ${ctx.target === 'bare' ? '0.0.0.0' : '0.0.0.0'}`, 'clients on other hosts/containers; restrict with user@host grants'));
  out.push(kv('port = 3306', 'MySQL default port'));
  out.push(kv(`max_connections = ${d.max_connections}`, 'scenario database.max_connections (simulated)'));
  out.push(kv(`innodb_buffer_pool_size = ${mysqlSize(d.shared_buffers)}`, `scenario database.shared_buffers (the buffer pool, simulated hit ratio against working set ${memText(d.working_set)})`));
  out.push(kv(`innodb_buffer_pool_instances = ${instances}`, 'MySQL manual: one per GB of buffer pool, at most 8 (1 below 1GB)'));
  out.push(kv(`sort_buffer_size = ${mysqlSize(d.work_mem)}`, 'scenario database.work_mem: the per-connection sort memory'));
  out.push(kv(`innodb_io_capacity = ${io}`, `host ${h.name} disk ${h.disk.type} (hdd 200 = MySQL default, network 1000, ssd 2000, nvme 4000; assumption)`));
  out.push(kv('innodb_flush_method = O_DIRECT', 'avoid double buffering in the OS page cache'));
  out.push(kv(`thread_cache_size = ${Math.min(100, 8 + Math.floor(d.max_connections / 100))}`, 'MySQL autosizing: 8 + max_connections / 100, ≤ 100'));
  out.push(`# Worst case: ${memText(d.shared_buffers)} + ${num(d.max_connections)} × (${memText(d.memory_per_connection)} + ${memText(d.work_mem)}) = ${memText(d.shared_buffers + d.max_connections * (d.memory_per_connection + d.work_mem))} on host ${h.name} (${memText(h.ram)})`);
  out.push('');
  return [...header(ctx, FILE.mysql, 'my.cnf (MySQL ' + (d.version ?? '8.0') + ')'), ...out].join('\n');
}
