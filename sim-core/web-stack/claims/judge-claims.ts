// Judges a scenario's claims by simulating the loads they are made at — never by multiplying settings.
// "12 workers × 1000 connections = 12,000 concurrent users" is judged by running 12,000 users and checking
// the SLO. Simulation and costing are injected (the CLI and the worker pass their own), so this stays pure.
// Latencies in ms, rates per second, memory in GB, cost in USD per month.

import type { Claim } from '../schema/claims';
import type { WebStackScenario } from '../schema/web-stack-schema';
import type { WebStackResult } from '../runtime/web-stack-result';
import { describeRange, type ClaimVerdict } from './claim-verdict';
import { dailyPeakUsers } from '../derived/daily-peak-users';

export interface ClaimLoad {
  users?: number;
  rate_per_s?: number;
}

export interface ClaimJudgeDeps {
  /** Simulate the scenario at a load (the scenario's own when empty). */
  simulate: (load: ClaimLoad) => WebStackResult;
  /** Monthly cost of the scenario in USD, when a cost model is available. */
  monthlyCost?: () => number;
}

const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const pct = (x: number) => `${(x * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;

function loadText(r: WebStackResult): string {
  return r.load.users !== undefined ? `${fmt(r.load.users)} users` : `${fmt(r.load.rate_per_s ?? 0)} req/s offered`;
}

function sloText(r: WebStackResult): string {
  return `p95 ${fmt(r.latency_ms.p95)} ms (SLO ${fmt(r.slo.p95_ms)} ms), errors ${pct(r.user_error_rate)} (SLO ${pct(r.slo.max_error_rate)}), busiest ${r.bottleneck.resource} at ${pct(r.bottleneck.utilization)}`;
}

/** Users a daily-users figure means at the peak, by the scenario's own daily-curve parameters. */
function peakUsersFromDaily(s: WebStackScenario, dau: number): number | undefined {
  const l = s.workload.load;
  if (l.type !== 'daily') return undefined;
  return dailyPeakUsers({ ...l, daily_active_users: dau });
}

export function judgeClaims(s: WebStackScenario, deps: ClaimJudgeDeps): ClaimVerdict[] {
  const cache = new Map<string, WebStackResult>();
  const at = (load: ClaimLoad): WebStackResult => {
    const key = JSON.stringify(load);
    let r = cache.get(key);
    if (!r) cache.set(key, (r = deps.simulate(load)));
    return r;
  };
  const claimLoad = (c: Claim): ClaimLoad => (c.at_users !== undefined ? { users: c.at_users } : c.at_rps !== undefined ? { rate_per_s: c.at_rps } : {});
  return s.claims.map((c) => judgeOne(s, c, at, claimLoad(c), deps));
}

function judgeOne(s: WebStackScenario, c: Claim, at: (l: ClaimLoad) => WebStackResult, load: ClaimLoad, deps: ClaimJudgeDeps): ClaimVerdict {
  const base = { id: c.id, metric: c.metric, quote: c.quote };
  const v = (claimed: string, simulated: string, verdict: ClaimVerdict['verdict'], reason: string): ClaimVerdict => ({ ...base, claimed, simulated, verdict, reason });

  switch (c.metric) {
    case 'concurrent_users':
    case 'daily_active_users': {
      const toUsers = (n: number) => (c.metric === 'concurrent_users' ? n : peakUsersFromDaily(s, n));
      const lo = c.min ?? c.max!;
      const usersLo = toUsers(lo);
      if (usersLo === undefined) {
        return v(describeRange(c, ' daily users'), '–', 'cannot_judge', 'the scenario has no daily curve (sessions per user, session length, peak factor) to turn daily users into concurrent users');
      }
      const claimed = c.metric === 'concurrent_users' ? describeRange(c, ' concurrent users') : `${describeRange(c, ' daily users')} (≈ ${fmt(usersLo)} at the peak)`;
      const rLo = at({ users: usersLo });
      if (!rLo.slo.met) return v(claimed, `${loadText(rLo)}: ${sloText(rLo)}`, 'does_not_hold', `at ${fmt(usersLo)} concurrent users the SLO is missed`);
      const hi = c.max !== undefined && c.min !== undefined && c.max > c.min ? toUsers(c.max) : undefined;
      if (hi === undefined) return v(claimed, `${loadText(rLo)}: ${sloText(rLo)}`, 'holds', `the SLO is met at ${fmt(usersLo)} concurrent users`);
      const rHi = at({ users: hi });
      return rHi.slo.met
        ? v(claimed, `${loadText(rHi)}: ${sloText(rHi)}`, 'holds', `the SLO is met at both ends (${fmt(usersLo)} and ${fmt(hi)} users)`)
        : v(claimed, `${loadText(rHi)}: ${sloText(rHi)}`, 'partly', `the SLO is met at ${fmt(usersLo)} users but not at ${fmt(hi)}`);
    }
    case 'rps': {
      const target = c.min ?? c.max!;
      if (load.users !== undefined) {
        // Throughput the tier reaches at the stated user load.
        const r = at(load);
        const x = r.throughput_rps;
        const simulated = `${fmt(x)} req/s at ${loadText(r)} (${sloText(r)})`;
        if (c.min !== undefined && x < c.min * 0.98) return v(describeRange(c, ' req/s'), simulated, 'does_not_hold', `the simulated throughput is ${pct(1 - x / c.min)} below the claim`);
        if (c.max !== undefined && c.min === undefined && x > c.max * 1.02) return v(describeRange(c, ' req/s'), simulated, 'does_not_hold', 'the simulated throughput exceeds the stated ceiling');
        return v(describeRange(c, ' req/s'), simulated, r.slo.met ? 'holds' : 'partly', r.slo.met ? 'the throughput is reached within the SLO' : 'the throughput is reached, but not within the SLO');
      }
      // A rate claimed on its own is a capacity claim: offer that rate (Poisson arrivals) and see it served.
      const r = at({ rate_per_s: target });
      const x = r.throughput_rps;
      const simulated = `${fmt(x)} req/s served of ${fmt(target)} offered (${sloText(r)})`;
      if (x >= target * 0.98 && r.slo.met) return v(describeRange(c, ' req/s'), simulated, 'holds', `${fmt(target)} req/s are served within the SLO`);
      return v(describeRange(c, ' req/s'), simulated, 'does_not_hold', x < target * 0.98 ? 'the tier cannot serve the claimed rate' : 'the rate is served but outside the SLO');
    }
    case 'mean_ms':
    case 'p95_ms':
    case 'p99_ms': {
      const r = at(load);
      const key = c.metric === 'mean_ms' ? 'mean' : c.metric === 'p95_ms' ? 'p95' : 'p99';
      const x = r.latency_ms[key];
      const ci = r.ci95[key];
      const simulated = `${key} ${fmt(x)} ms (95 % interval ${fmt(ci.lo)}–${fmt(ci.hi)}) at ${loadText(r)}`;
      const bound = c.max ?? c.min!;
      if (ci.warning) return v(describeRange(c, ' ms'), simulated, 'cannot_judge', ci.warning);
      if (ci.lo > bound) return v(describeRange(c, ' ms'), simulated, 'does_not_hold', `the whole interval is above ${fmt(bound)} ms`);
      if (ci.hi <= bound) return v(describeRange(c, ' ms'), simulated, 'holds', `the whole interval is at or below ${fmt(bound)} ms`);
      return v(describeRange(c, ' ms'), simulated, 'cannot_judge', `the interval straddles ${fmt(bound)} ms: run longer for a verdict`);
    }
    case 'error_rate': {
      const r = at(load);
      const bound = c.max ?? c.min!;
      const simulated = `${pct(r.user_error_rate)} of requests failed at ${loadText(r)}${Object.keys(r.errors.by_cause).length ? ` (${Object.entries(r.errors.by_cause).map(([k, n]) => `${k} ${fmt(n)}`).join(', ')})` : ''}`;
      return r.user_error_rate <= bound
        ? v(describeRange(c, ' %', 100), simulated, 'holds', `at most ${pct(bound)} failed`)
        : v(describeRange(c, ' %', 100), simulated, 'does_not_hold', `more than ${pct(bound)} failed`);
    }
    case 'cache_hit_rate': {
      const r = at(load);
      const simulated = r.cache ? `${pct(r.cache.hit_ratio)} effective hit ratio` : 'no cache in the scenario';
      return v(describeRange(c, ' %', 100), simulated, 'cannot_judge', 'a hit ratio depends on the key popularity of real traffic; the model takes it as an input (see assumptions), so a simulation cannot confirm it');
    }
    case 'memory_gb': {
      const r = at(load);
      const gb = Object.values(r.memory).reduce((sum, h) => sum + h.committed_mb, 0) / 1024;
      const simulated = `${fmt(gb, 1)} GB committed across ${Object.keys(r.memory).length} host(s) at ${loadText(r)}`;
      const bound = c.max ?? c.min!;
      return gb <= bound * 1.05
        ? v(describeRange(c, ' GB'), simulated, 'holds', `the processes fit in ${fmt(bound, 1)} GB`)
        : v(describeRange(c, ' GB'), simulated, 'does_not_hold', `the processes need ${fmt(gb - bound, 1)} GB more than claimed`);
    }
    case 'db_connections': {
      const r = at(load);
      if (!r.database) return v(describeRange(c), 'no database', 'cannot_judge', 'the scenario has no database');
      const simulated = `peak ${fmt(r.database.peak_connections)} connections (max_connections ${fmt(r.database.max_connections)}) at ${loadText(r)}`;
      if (c.max !== undefined) {
        return r.database.peak_connections <= c.max
          ? v(describeRange(c), simulated, 'holds', `at most ${fmt(c.max)} connections were open`)
          : v(describeRange(c), simulated, 'does_not_hold', `more than ${fmt(c.max)} connections were needed`);
      }
      return r.database.peak_connections >= c.min!
        ? v(describeRange(c), simulated, 'holds', `${fmt(c.min!)} connections were in use`)
        : v(describeRange(c), simulated, 'partly', `the load only ever used ${fmt(r.database.peak_connections)} of them`);
    }
    case 'cpu_utilization': {
      const r = at(load);
      const cpus = Object.entries(r.utilization).filter(([k]) => k.endsWith('.cpu'));
      const [host, u] = cpus.reduce((a, b) => (b[1] > a[1] ? b : a), ['–', 0] as [string, number]);
      const bound = c.max ?? c.min!;
      const simulated = `${host} ${pct(u)} busy at ${loadText(r)}`;
      return u <= bound
        ? v(describeRange(c, ' %', 100), simulated, 'holds', `CPU stays at or below ${pct(bound)}`)
        : v(describeRange(c, ' %', 100), simulated, 'does_not_hold', `CPU exceeds ${pct(bound)}`);
    }
    case 'cost_usd_month': {
      if (!deps.monthlyCost) return v(describeRange(c, ' $/month'), '–', 'cannot_judge', 'no pricing catalog was given');
      const cost = deps.monthlyCost();
      const simulated = `$${fmt(cost)}/month from the pricing catalogs`;
      if (c.max !== undefined && cost > c.max * 1.05) return v(describeRange(c, ' $/month'), simulated, 'does_not_hold', `the deployment costs ${pct(cost / c.max - 1)} more than the claimed ceiling`);
      if (c.min !== undefined && c.max === undefined && cost < c.min * 0.95) return v(describeRange(c, ' $/month'), simulated, 'holds', 'the deployment costs less than claimed');
      return v(describeRange(c, ' $/month'), simulated, 'holds', 'the catalog price is within the claimed range (or below it)');
    }
  }
}
