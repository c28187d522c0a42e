// Exact Mean Value Analysis of a single-class closed product-form network (Reiser–Lavenberg).
// Demands and think time are in time units; throughput is per time unit.

import { requireInteger, requireNonNegative } from './queue-metrics';

export interface ClosedStation {
  name: string;
  /** 'queue': one FCFS/PS server; 'delay': infinite servers (no queueing, e.g. a fixed network hop). */
  kind: 'queue' | 'delay';
  /** Service demand per request: visits × service time per visit (time units). */
  demand: number;
}

export interface MvaStationResult {
  name: string;
  /** Time a request spends at the station over all its visits, queueing included (time units). */
  residence: number;
  /** Mean number of requests at the station, waiting or in service. */
  queueLength: number;
  /** X·demand: busy fraction of a queue (or per-server, for a multiserver); mean busy servers of a delay. */
  utilization: number;
}

export interface MvaResult {
  population: number;
  /** Completed requests per time unit. */
  throughput: number;
  /** Sum of residence times, think time excluded (time units). */
  responseTime: number;
  stations: MvaStationResult[];
}

export function checkClosedInputs(fn: string, population: number, thinkTime: number, totalDemand: number): void {
  requireInteger(fn, 'population', population, 0);
  requireNonNegative(fn, 'thinkTime (time units)', thinkTime);
  if (population > 0 && !(totalDemand + thinkTime > 0)) {
    throw new RangeError(`${fn}: total demand plus thinkTime must be > 0, got 0 (throughput would be infinite)`);
  }
}

function checkStations(fn: string, stations: ClosedStation[]): number {
  let total = 0;
  stations.forEach((s, i) => {
    if (s.kind !== 'queue' && s.kind !== 'delay') {
      throw new RangeError(`${fn}: stations[${i}].kind must be 'queue' or 'delay', got ${String(s.kind)}`);
    }
    requireNonNegative(fn, `stations[${i}].demand (time units)`, s.demand);
    total += s.demand;
  });
  return total;
}

function snapshot(stations: ClosedStation[], n: number, x: number, res: Float64Array, q: Float64Array): MvaResult {
  let responseTime = 0;
  for (let k = 0; k < res.length; k++) responseTime += res[k];
  return {
    population: n,
    throughput: x,
    responseTime,
    stations: stations.map((s, k) => ({
      name: s.name,
      residence: res[k],
      queueLength: q[k],
      utilization: x * s.demand,
    })),
  };
}

/** The recursion over n = 1..maxPopulation in O(N·K) time and O(K) memory; onStep sees every population. */
function recurse(
  stations: ClosedStation[],
  maxPopulation: number,
  thinkTime: number,
  onStep: (n: number, x: number, res: Float64Array, q: Float64Array) => void,
): void {
  const k = stations.length;
  const res = new Float64Array(k);
  const q = new Float64Array(k);
  for (let n = 1; n <= maxPopulation; n++) {
    let total = thinkTime;
    for (let i = 0; i < k; i++) {
      const s = stations[i];
      // Arrival theorem: an arriving request sees the network as it is with one request fewer.
      res[i] = s.kind === 'delay' ? s.demand : s.demand * (1 + q[i]);
      total += res[i];
    }
    const x = n / total;
    for (let i = 0; i < k; i++) q[i] = x * res[i];
    onStep(n, x, res, q);
  }
}

export function mva(stations: ClosedStation[], population: number, thinkTime = 0): MvaResult {
  checkClosedInputs('mva', population, thinkTime, checkStations('mva', stations));
  let last = snapshot(stations, 0, 0, new Float64Array(stations.length), new Float64Array(stations.length));
  recurse(stations, population, thinkTime, (n, x, res, q) => {
    if (n === population) last = snapshot(stations, n, x, res, q);
  });
  return last;
}

/** Results for every population n = 1..maxPopulation, element n-1 for population n. */
export function mvaCurve(stations: ClosedStation[], maxPopulation: number, thinkTime = 0): MvaResult[] {
  checkClosedInputs('mvaCurve', maxPopulation, thinkTime, checkStations('mvaCurve', stations));
  const out: MvaResult[] = [];
  recurse(stations, maxPopulation, thinkTime, (n, x, res, q) => out.push(snapshot(stations, n, x, res, q)));
  return out;
}
