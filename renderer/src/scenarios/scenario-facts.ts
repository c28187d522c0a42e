// Plain facts about a scenario for headlines and sliders: hardware totals, the load and its kind.
// Users and requests per second as counts, memory in MB.

import type { Scenario } from '../../../sim-core/index';
import type { WebStackScenario } from '../../../sim-core/index';
import type { LoadOverride } from '../sim-client/requests';
import { dailyPeakUsers } from '../../../sim-core/index';

export const totalVcpus = (s: WebStackScenario): number => s.hosts.reduce((n, h) => n + h.vcpus, 0);
export const totalRamMb = (s: WebStackScenario): number => s.hosts.reduce((n, h) => n + h.ram, 0);

/** "3 hosts · 20 vCPU · 48 GB" plus the per-host list. */
export function hardwareSummary(s: Scenario): string {
  if (s.kind !== 'web-stack') return `${s.stations.length} station${s.stations.length === 1 ? '' : 's'}`;
  const gb = totalRamMb(s) / 1024;
  return `${s.hosts.length} host${s.hosts.length === 1 ? '' : 's'} · ${totalVcpus(s)} vCPU · ${Number(gb.toPrecision(3))} GB`;
}

export function hostsLine(s: WebStackScenario): string {
  const counts = new Map<string, number>();
  for (const h of s.hosts) {
    const k = `${h.vcpus} vCPU/${Number((h.ram / 1024).toPrecision(3))} GB`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n} × ${k}`).join(' + ');
}

export type LoadKind = 'users' | 'rate_per_s';


/** The scenario's own load and whether it is counted in users or requests per second. */
export function ownLoad(s: Scenario): { kind: LoadKind; value: number } {
  const w = s.kind === 'web-stack' ? s.workload.load : s.workload;
  if (w.type === 'open') return { kind: 'rate_per_s', value: w.rate_per_s ?? 1 };
  if (w.type === 'closed') return { kind: 'users', value: w.users };
  if (w.type === 'daily') return { kind: 'users', value: dailyPeakUsers(w) };
  return { kind: 'users', value: 1 };
}

export function loadOverride(kind: LoadKind, value: number): LoadOverride {
  return kind === 'users' ? { users: Math.max(1, Math.round(value)) } : { rate_per_s: Math.max(0.1, value) };
}

export function loadLabel(kind: LoadKind, value: number): string {
  return kind === 'users' ? `${Math.round(value).toLocaleString('en-US')} users` : `${Number(value.toPrecision(3)).toLocaleString('en-US')} req/s`;
}
