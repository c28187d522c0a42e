// The instant analytic estimate of a web-stack scenario: what the UI shows on every frame of a drag, and the
// bracket the capacity search starts from. Closed loads (users, daily peak) are solved by MVA over the network
// of network.ts — exact load-dependent MVA while it is cheap, Seidmann's approximation beyond — with worker slots
// and connection pools as flow-equivalent caps; open loads (rate) station by station with M/M/c (Erlang C).
// Times in ms inside, throughput reported per second. Never throws for an overloaded load: it says saturated.

import type { LdStation, MvaResult } from '../../analytic';
import { mmc, mmcResponseQuantile, mvaApproxMultiserver, mvaLoadDependent } from '../../analytic';
import type { WebStackScenario } from '../schema';
import type { PreviewNetwork, PreviewStation } from './network';
import { buildPreviewNetwork } from './network';

export type PreviewMethod = 'exact-mva' | 'approx-mva' | 'open-erlang';

export interface WebStackPreview {
  /** The load solved: closed users or open rate. */
  load: { users?: number; rate_per_s?: number };
  throughput_rps: number;
  /** Mean response time of a user request (think time excluded), ms; Infinity when saturated (open). */
  mean_response_ms: number;
  /** An estimate, not a percentile of anything measured: see p95_method. */
  p95_response_ms_estimate: number;
  p95_method: string;
  /** Same keys as the runtime: "<host>.cpu|disk|nic", "app[i].gil|slots|pool", "redis[k]", "pgbouncer.server_conns", … */
  utilization: Record<string, number>;
  bottleneck: { resource: string; utilization: number };
  /** N* = (D + Z)/Dmax: the population at the knee, where the asymptotes of the closed network cross. */
  saturation_users: number;
  /** 1/Dmax over stations (c/D for c servers) and concurrency caps (slots / uncontended holding time). */
  max_throughput_rps: number;
  max_throughput_limited_by: string;
  method: PreviewMethod;
  /** Open load at or above capacity (response times infinite), or a closed load held back by a cap. */
  saturated: boolean;
  think_ms: number;
  /** Uncontended response time D (sum of demands), ms. */
  demand_ms: number;
  notes: string[];
}

const LN20 = Math.log(20); // −ln(0.05): the 95th percentile of an exponential is ln 20 ≈ 3.0 times its mean
/** Exact load-dependent MVA while 2^L · N · (K + Σc) stays under this (≈ 0.6 ms measured); Seidmann beyond. */
export const EXACT_MVA_BUDGET = 3e5;
/** A station never has less than this share of its capacity left for on-path work (shadow load above it saturates it). */
const MIN_AVAILABLE = 1e-3;

function onPath(st: PreviewStation, fromLevel: number): number {
  let d = 0;
  for (let l = fromLevel; l < 4; l++) d += st.demand[l];
  return d;
}

/** Capacity share left for the scope's on-path work at throughput x (per ms): background, shadow and out-of-scope work removed. */
function availableShare(st: PreviewStation, x: number, fromLevel: number): number {
  if (st.kind === 'delay') return 1;
  const other = st.shadow + (onPath(st, 0) - onPath(st, fromLevel));
  return Math.max(MIN_AVAILABLE, st.available - (x * other) / st.servers);
}

function ldStations(net: PreviewNetwork, x: number, fromLevel: number): LdStation[] {
  const out: LdStation[] = [];
  for (const st of net.stations) {
    const d = onPath(st, fromLevel);
    if (d <= 0) continue;
    const demand = d / availableShare(st, x, fromLevel);
    if (st.kind === 'delay') out.push({ name: st.key, kind: 'delay', demand });
    else if (st.servers === 1) out.push({ name: st.key, kind: 'queue', demand });
    else out.push({ name: st.key, kind: 'multiserver', demand, servers: st.servers });
  }
  return out;
}

function runMva(stations: LdStation[], population: number, think: number): { r: MvaResult; method: PreviewMethod } {
  if (stations.length === 0) {
    const x = think > 0 ? population / think : 0;
    return { r: { population, throughput: x, responseTime: 0, stations: [] }, method: 'exact-mva' };
  }
  let l = 0;
  let work = stations.length;
  for (const s of stations) {
    if (s.kind === 'multiserver' && (s.servers as number) > 1 && (s.servers as number) < population && s.demand > 0) {
      l++;
      work += s.servers as number;
    }
  }
  const exact = l <= 10 && 2 ** l * population * work <= EXACT_MVA_BUDGET;
  return exact
    ? { r: mvaLoadDependent(stations, population, think), method: 'exact-mva' }
    : { r: mvaApproxMultiserver(stations, population, think), method: 'approx-mva' };
}

interface Bounds {
  xMax: number; // per ms
  limitedBy: string;
  demand: number; // D, ms
  /** Throughput bound of the stations (and GIL tallies) alone, per ms. */
  xStations: number;
  /** Per cap: servers / uncontended holding time, per ms. */
  capBound: number[];
}

function bounds(net: PreviewNetwork): Bounds {
  let xMax = Infinity;
  let limitedBy = 'none';
  let demand = 0;
  const consider = (x: number, key: string) => {
    if (x < xMax) {
      xMax = x;
      limitedBy = key;
    }
  };
  for (const st of net.stations) {
    const d = onPath(st, 0);
    demand += st.kind === 'delay' ? d : d / st.available;
    if (st.kind !== 'delay' && d + st.shadow > 0) consider((st.servers * st.available) / (d + st.shadow), st.key);
  }
  for (const t of net.extraUtil) if (t.key !== 'celery.workers' && t.work > 0) consider(t.capacity / t.work, t.key);
  const xStations = xMax;
  const capBound = net.caps.map((c) => {
    let hold = 0;
    for (const st of net.stations) hold += onPath(st, c.level) / (st.kind === 'delay' ? 1 : st.available);
    const x = hold > 0 ? c.servers / hold : Infinity;
    consider(x, c.key);
    return x;
  });
  return { xMax, limitedBy, demand, xStations, capBound };
}

/** Per station key, its residence split over the scope levels 0..3, ms. */
type LevelResidence = Map<string, number[]>;

/** Splits a station's residence over levels fromLevel.. in proportion to its demand there. */
function splitResidence(out: LevelResidence, st: PreviewStation, r: number, fromLevel: number): void {
  const all = onPath(st, fromLevel);
  const parts = out.get(st.key) ?? [0, 0, 0, 0];
  for (let l = fromLevel; l < 4; l++) parts[l] = all > 0 && st.demand[l] > 0 ? (r * st.demand[l]) / all : 0;
  out.set(st.key, parts);
}

/** Time a request spends in the scope from `fromLevel` inward, ms. */
function levelResidence(res: LevelResidence, fromLevel: number): number {
  let sum = 0;
  for (const parts of res.values()) for (let l = fromLevel; l < 4; l++) sum += parts[l];
  return sum;
}

function totals(res: LevelResidence): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, parts] of res) out.set(k, parts[0] + parts[1] + parts[2] + parts[3]);
  return out;
}

function stationUtil(st: PreviewStation, x: number): number {
  return (x * (onPath(st, 0) + st.shadow)) / (st.servers * st.available);
}

interface Solution {
  x: number; // per ms
  r: number; // ms
  residence: Map<string, number>;
  byLevel: LevelResidence;
  /** Mean requests held per cap, by cap index. */
  capBusy: number[];
  /** Time a request spends behind each cap's scope including its wait, by cap index (for p95 at a cap bottleneck). */
  capTime: number[];
  method: PreviewMethod;
  saturated: boolean;
  p95: (bottleneck: string, mean: number) => number;
  p95Method: string;
}

function solveClosed(net: PreviewNetwork, users: number, think: number, b: Bounds): Solution {
  // Shadow load only matters where requests also queue (on-path demand), and only when it is not negligible.
  const hasShadow = net.stations.some((st) => st.kind !== 'delay' && st.shadow > 0 && onPath(st, 0) > 0 && (b.xMax * st.shadow) / st.servers > 1e-3);
  let x = 0;
  let solved = runMva(ldStations(net, 0, 0), users, think);
  if (hasShadow) {
    // Fixed point on the throughput that sets the shadow load: damped, a few MVA solutions.
    x = Math.min(solved.r.throughput, b.xMax);
    for (let i = 0; i < 12; i++) {
      solved = runMva(ldStations(net, x, 0), users, think);
      const next = solved.r.throughput;
      const done = Math.abs(next - x) <= 1e-4 * next;
      x = 0.5 * (x + next);
      if (done) break;
    }
  }
  const xMva = solved.r.throughput;
  const byKey = new Map(net.stations.map((st) => [st.key, st]));
  const byLevel: LevelResidence = new Map();
  for (const s of solved.r.stations) splitResidence(byLevel, byKey.get(s.name)!, s.residence, 0);
  // Flow-equivalent caps: the scope behind a limit of S concurrent requests, solved alone with S requests and no
  // think time, delivers X_S; the whole network cannot do better. A cap of S >= N can never bind.
  let xCap = Infinity;
  let capIndex = -1;
  let capSolution: MvaResult | undefined;
  net.caps.forEach((c, i) => {
    if (c.servers >= users) return;
    // Of several caps on the same scope only the tightest can bind.
    if (net.caps.some((o, j) => j !== i && o.level === c.level && (o.servers < c.servers || (o.servers === c.servers && j < i)))) return;
    const inner = ldStations(net, xMva, c.level);
    if (inner.length === 0) return;
    const fes = runMva(inner, c.servers, 0).r;
    if (fes.throughput < xCap) {
      xCap = fes.throughput;
      capIndex = i;
      capSolution = fes;
    }
  });
  const capped = xCap < xMva;
  const xf = capped ? xCap : xMva;
  const r = capped ? users / xf - think : solved.r.responseTime;
  const rOutside = levelResidence(byLevel, 0) - levelResidence(byLevel, 1);
  if (capped && capSolution) {
    // Behind a binding cap only S requests circulate: the scope's residences are the flow-equivalent solution's.
    const level = net.caps[capIndex].level;
    for (const parts of byLevel.values()) for (let l = level; l < 4; l++) parts[l] = 0;
    for (const s of capSolution.stations) splitResidence(byLevel, byKey.get(s.name)!, s.residence, level);
  }
  const capBusy: number[] = [];
  const capTime: number[] = [];
  net.caps.forEach((c, i) => {
    // A pool cannot hold more than it has: the MVA, which does not know the pool, may ask for more.
    let held = Math.min(c.servers, xf * levelResidence(byLevel, c.level));
    if (capped && i === capIndex) held = c.servers;
    capBusy.push(held);
    capTime.push(capped && i === capIndex ? r - rOutside : levelResidence(byLevel, c.level));
  });
  const residence = totals(byLevel);
  return {
    x: xf,
    r,
    residence,
    byLevel,
    capBusy,
    capTime,
    method: solved.method,
    saturated: capped,
    p95: (key, mean) => {
      const ci = net.caps.findIndex((c) => c.key === key || c.alias.includes(key));
      const rb = ci >= 0 ? capTime[ci] : (residence.get(key) ?? 0);
      return mean + (LN20 - 1) * Math.min(rb, mean);
    },
    p95Method: 'estimate: mean response with the bottleneck residence given an exponential tail, (R − R_b) + R_b·ln 20',
  };
}

function solveOpen(net: PreviewNetwork, ratePerS: number, b: Bounds): Solution {
  const lambda = ratePerS / 1000;
  const byLevel: LevelResidence = new Map();
  const quantile = new Map<string, () => number>();
  let saturated = lambda >= b.xMax;
  for (const st of net.stations) {
    const d = onPath(st, 0);
    if (d <= 0) continue;
    if (st.kind === 'delay') {
      splitResidence(byLevel, st, d, 0);
      continue;
    }
    const left = st.available - (lambda * st.shadow) / st.servers;
    const de = d / Math.max(MIN_AVAILABLE, left);
    if (left <= 0 || (lambda * de) / st.servers >= 1) {
      saturated = true;
      splitResidence(byLevel, st, Infinity, 0);
      continue;
    }
    const m = mmc(lambda, 1 / de, st.servers);
    splitResidence(byLevel, st, m.meanResponse, 0);
    quantile.set(st.key, () => mmcResponseQuantile(lambda, 1 / de, st.servers, 0.95));
  }
  // Caps, innermost scope first: the wait for a database connection lengthens the worker-slot holding time.
  // Each cap is an M/M/S queue whose "service" is the holding time of its scope at this load; only its wait
  // is added (the service is the stations' residence, already counted).
  const capBusy: number[] = net.caps.map(() => 0);
  const capTime: number[] = net.caps.map(() => 0);
  const waits = [0, 0, 0, 0];
  for (const level of [3, 2, 1] as const) {
    let hold = levelResidence(byLevel, level);
    for (let inner = level + 1; inner < 4; inner++) hold += waits[inner];
    let hold0 = 0; // uncontended, for the offered utilisation when the scope is overloaded
    for (const st of net.stations) hold0 += onPath(st, level) / (st.kind === 'delay' ? 1 : st.available);
    let tight = -1;
    net.caps.forEach((c, i) => {
      if (c.level !== level) return;
      capBusy[i] = lambda * (Number.isFinite(hold) ? hold : hold0);
      if (tight < 0 || c.servers < net.caps[tight].servers) tight = i;
    });
    if (tight < 0 || !(hold > 0) || !Number.isFinite(hold)) continue;
    const servers = net.caps[tight].servers;
    if ((lambda * hold) / servers >= 1) {
      saturated = true;
      waits[level] = Infinity;
      continue;
    }
    const m = mmc(lambda, 1 / hold, servers);
    waits[level] = m.meanWait;
    net.caps.forEach((c, i) => {
      if (c.level === level) capTime[i] = hold + (i === tight ? m.meanWait : 0);
    });
    quantile.set(net.caps[tight].key, () => mmcResponseQuantile(lambda, 1 / hold, servers, 0.95));
  }
  const residence = totals(byLevel);
  let r = waits[1] + waits[2] + waits[3];
  for (const v of residence.values()) r += v;
  return {
    byLevel,
    x: saturated ? Math.min(lambda, b.xMax) : lambda,
    r: saturated ? Infinity : r,
    residence,
    capBusy,
    capTime,
    method: 'open-erlang',
    saturated,
    p95: (key, mean) => {
      if (!Number.isFinite(mean)) return Infinity;
      const ci = net.caps.findIndex((c) => c.key === key || c.alias.includes(key));
      const k = ci >= 0 ? net.caps[ci].key : key;
      const q = quantile.get(k);
      if (!q) return mean + (LN20 - 1) * (residence.get(key) ?? 0);
      const own = ci >= 0 ? capTime[ci] : (residence.get(key) ?? 0);
      return mean - own + q();
    },
    p95Method: 'estimate: the bottleneck’s exact M/M/c response-time p95 plus the mean residence everywhere else',
  };
}

function assemble(net: PreviewNetwork, b: Bounds, sol: Solution, xUtil: number, load: { users?: number; rate_per_s?: number }, think: number, notes: string[]): WebStackPreview {
  // Utilisations at xUtil: the solved throughput, or the offered rate when an open load is over capacity.
  const util: Record<string, number> = {};
  // The bottleneck is named among the physical resources (stations, GIL tallies) and those caps that bind before
  // them by their bounds (slots / uncontended holding time below every station's c/D): a pool that is full only
  // because the database behind it is saturated is not the bottleneck, the database is.
  const candidates: [string, number][] = [];
  let queueKey = '';
  let queueU = -1;
  for (const st of net.stations) {
    if (st.kind === 'delay') continue;
    const u = stationUtil(st, xUtil);
    util[st.key] = u;
    candidates.push([st.key, u]);
    if (u > queueU) {
      queueU = u;
      queueKey = st.key;
    }
  }
  net.caps.forEach((c, i) => {
    const u = sol.capBusy[i] / c.servers;
    util[c.key] = u;
    for (const a of c.alias) util[a] = u;
    if (b.capBound[i] <= b.xStations) {
      // Listed first on a tie (sync workers: the slot is the process, so slot and GIL tally are equally busy).
      candidates.unshift([c.key, u]);
      if (u >= queueU) {
        queueU = u;
        queueKey = c.key;
      }
    }
  });
  for (const t of net.extraUtil) {
    const pure = (xUtil * t.work) / t.capacity;
    // The runtime holds a GIL for as long as the burst runs on the shared cores: stretched by the CPU's slowdown.
    let stretch = 1;
    const cpu = t.stretchedBy ? net.stations.find((st) => st.key === t.stretchedBy) : undefined;
    const res = cpu ? sol.residence.get(cpu.key) : undefined;
    if (cpu && res !== undefined && Number.isFinite(res) && onPath(cpu, 0) > 0) stretch = Math.max(1, res / (onPath(cpu, 0) / cpu.available));
    util[t.key] = t.stretchedBy ? Math.min(1, pure * stretch) : pure;
    if (t.key !== 'celery.workers') candidates.push([t.key, pure]); // Celery's queue backs up without slowing requests
  }
  if (net.nginxConnections) {
    const inApp = levelResidence(sol.byLevel, 1);
    const held = sol.x * (Number.isFinite(sol.r) ? sol.r : 0) + sol.x * net.nginxConnections.proxiedShare * inApp;
    util['nginx.connections'] = held / net.nginxConnections.capacity;
    if (util['nginx.connections'] >= 1) notes.push(`nginx connections over worker_processes × worker_connections (${net.nginxConnections.capacity}): the runtime refuses requests (nginx_connections)`);
  }
  let resource = 'none';
  let top = -1;
  for (const [k, u] of candidates) {
    if (u > top) {
      top = u;
      resource = k;
    }
  }
  const celery = util['celery.workers'];
  if (celery !== undefined && celery >= 1) notes.push(`Celery slots saturated (${celery.toFixed(2)}): tasks queue without bound`);
  // p95 at the bottleneck among the resources requests queue at (a station or a cap, not the GIL tally).
  const p95 = sol.p95(queueKey, sol.r);
  return {
    load,
    throughput_rps: sol.x * 1000,
    mean_response_ms: sol.r,
    p95_response_ms_estimate: p95,
    p95_method: sol.p95Method,
    utilization: util,
    bottleneck: { resource, utilization: Math.max(0, top) },
    saturation_users: Number.isFinite(b.xMax) ? (b.demand + think) * b.xMax : Infinity,
    max_throughput_rps: b.xMax * 1000,
    max_throughput_limited_by: b.limitedBy,
    method: sol.method,
    saturated: sol.saturated,
    think_ms: think,
    demand_ms: b.demand,
    notes,
  };
}

/** A network built once and solved at many loads (sweeps, brackets, drags over the load axis). */
export class PreviewModel {
  readonly net: PreviewNetwork;
  readonly bounds: Bounds;

  constructor(readonly scenario: WebStackScenario) {
    this.net = buildPreviewNetwork(scenario);
    this.bounds = bounds(this.net);
  }

  solve(load: { users?: number; rate_per_s?: number } = {}): WebStackPreview {
    const net = this.net;
    const notes: string[] = [];
    let users = load.users;
    let rate = load.rate_per_s;
    if (users === undefined && rate === undefined) {
      users = net.defaultUsers;
      rate = net.defaultRate;
    }
    if (users !== undefined) {
      if (!(Number.isInteger(users) && users >= 1)) throw new RangeError(`previewWebStack: users must be a whole number ≥ 1, got ${users}`);
      if (net.open) notes.push('open scenario solved as a closed population with no think time (the users override)');
      const sol = solveClosed(net, users, net.think_ms, this.bounds);
      if (sol.saturated) notes.push('throughput held at a concurrency cap; the extra time is spent waiting for it');
      return assemble(net, this.bounds, sol, sol.x, { users }, net.think_ms, notes);
    }
    if (!(rate! > 0 && Number.isFinite(rate))) throw new RangeError(`previewWebStack: rate_per_s must be a number > 0, got ${rate}`);
    const sol = solveOpen(net, rate!, this.bounds);
    if (sol.saturated) notes.push(`offered ${rate} req/s is at or above the capacity ${(this.bounds.xMax * 1000).toPrecision(4)} req/s (${this.bounds.limitedBy}): utilisations shown at the offered load`);
    // Over capacity, utilisations are shown at the offered rate: how far over each resource is asked to go.
    return assemble(net, this.bounds, sol, rate! / 1000, { rate_per_s: rate }, 0, notes);
  }
}

/**
 * The instant analytic estimate for one load: `users` (closed, with the scenario's think time) or `rate_per_s`
 * (open); with neither, the scenario's own load (daily → DAU × sessions × session_minutes/1440 × peak_factor users).
 */
export function previewWebStack(s: WebStackScenario, load?: { users?: number; rate_per_s?: number }): WebStackPreview {
  return new PreviewModel(s).solve(load);
}

/** One preview per population, for the load chart while dragging (the network is built once). */
export function sweepPreview(s: WebStackScenario, users: number[]): WebStackPreview[] {
  const m = new PreviewModel(s);
  return users.map((u) => m.solve({ users: u }));
}

/**
 * Analytic bracket of the largest closed population meeting the SLO, for the capacity search to confirm by
 * simulation. lo: the largest N whose p95 estimate (exponential tail at the bottleneck, pessimistic at the knee)
 * meets the SLO; hi: the largest N whose mean response meets it (p95 ≥ mean), widened by 25 % for model error.
 */
export function bracketCapacity(s: WebStackScenario, slo: { p95_ms: number }): { lo_users: number; hi_users: number } {
  if (!(slo.p95_ms > 0)) throw new RangeError(`bracketCapacity: slo.p95_ms must be > 0, got ${slo.p95_ms}`);
  const m = new PreviewModel(s);
  const think = m.net.think_ms;
  // Beyond (SLO + Z)·Xmax users the mean response alone exceeds the SLO (R ≥ N/Xmax − Z).
  const top = Math.max(2, Math.ceil((slo.p95_ms + think) * m.bounds.xMax) + 1);
  const largest = (ok: (p: WebStackPreview) => boolean): number => {
    if (!ok(m.solve({ users: 1 }))) return 0;
    let lo = 1;
    let hi = top;
    while (hi - lo > Math.max(1, lo * 0.002)) {
      const mid = Math.floor((lo + hi) / 2);
      if (ok(m.solve({ users: mid }))) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const byP95 = largest((p) => p.p95_response_ms_estimate <= slo.p95_ms);
  const byMean = largest((p) => p.mean_response_ms <= slo.p95_ms);
  const lo = byP95;
  const hi = Math.max(lo + 1, Math.ceil(Math.max(byMean, byP95) * 1.25));
  return { lo_users: lo, hi_users: hi };
}
