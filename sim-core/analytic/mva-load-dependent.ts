// Exact load-dependent MVA (Reiser–Lavenberg with marginal probabilities) for single-class closed networks
// with multi-server stations, e.g. a host's cores; plus Seidmann's approximation. Demands/times in time units.

import type { ClosedStation, MvaResult } from './mva';
import { checkClosedInputs, mva } from './mva';
import { requireInteger, requireNonNegative } from './queue-metrics';

export interface LdStation {
  name: string;
  kind: 'queue' | 'delay' | 'multiserver';
  /** Service demand per request: visits × service time per visit (time units). */
  demand: number;
  /** For 'multiserver': c identical servers, so the service rate with j present is min(j, c)/demand. */
  servers?: number;
}

/** Beyond this many true multi-server stations the exact method (2^L sub-networks) is too slow for a preview. */
const MAX_EXACT_MULTISERVERS = 10;

function checkLdStations(fn: string, stations: LdStation[]): number {
  let total = 0;
  stations.forEach((s, i) => {
    if (s.kind !== 'queue' && s.kind !== 'delay' && s.kind !== 'multiserver') {
      throw new RangeError(`${fn}: stations[${i}].kind must be 'queue', 'delay' or 'multiserver', got ${String(s.kind)}`);
    }
    requireNonNegative(fn, `stations[${i}].demand (time units)`, s.demand);
    if (s.kind === 'multiserver') requireInteger(fn, `stations[${i}].servers`, s.servers as number, 1);
    total += s.demand;
  });
  return total;
}

/**
 * Exact for every population. The textbook recursion gets p_k(0|n) as 1 - Σ_{j≥1} p_k(j|n), which cancels
 * catastrophically once a station nears saturation (p_k(0) far below 1e-16 relative to the sum) and then
 * diverges into negative probabilities. Instead p_k(0|n) = p_k(0|n-1)·X(n)/X_{-k}(n), where X_{-k} is the
 * throughput of the network without station k (both sides equal G_{-k}(n)/G(n)); with
 * R_k = D_k/c·(1 + Q_k(n-1) + Σ_{j<c-1} (c-1-j)·p_k(j|n-1)) only p_k(0..c-2) are needed, every quantity is a
 * sum or product of positive numbers, and nothing cancels. The networks without a subset of the L
 * multi-server stations are run in lockstep over n: O(2^L·N·(K + Σc)) time, O(2^L·(K + Σc)) memory.
 */
export function mvaLoadDependent(stations: LdStation[], population: number, thinkTime = 0): MvaResult {
  const fn = 'mvaLoadDependent';
  checkClosedInputs(fn, population, thinkTime, checkLdStations(fn, stations));
  const kCount = stations.length;
  // c = 1 is a plain queue; c >= N never has a customer waiting, so it is exactly a delay; a zero demand
  // holds nobody. Dropping these keeps L, and so the 2^L cost, small.
  const ldOf = new Int32Array(kCount).fill(-1);
  const ld: number[] = [];
  stations.forEach((s, k) => {
    const c = s.servers ?? 1;
    if (s.kind === 'multiserver' && c > 1 && c < population && s.demand > 0) ldOf[k] = ld.push(k) - 1;
  });
  if (ld.length > MAX_EXACT_MULTISERVERS) {
    throw new RangeError(
      `${fn}: at most ${MAX_EXACT_MULTISERVERS} multiserver stations with 1 < servers < population are solved ` +
        `exactly, got ${ld.length}; use mvaApproxMultiserver`,
    );
  }
  const masks = 1 << ld.length;
  const queue = Array.from({ length: masks }, () => new Float64Array(kCount));
  // marg[m][l][j] = p(j | n) for j = 0..c-2 at multi-server station ld[l] in sub-network m.
  const marg = Array.from({ length: masks }, () =>
    ld.map((k) => {
      const p = new Float64Array((stations[k].servers as number) - 1);
      p[0] = 1;
      return p;
    }),
  );
  const x = new Float64Array(masks);
  const res = new Float64Array(kCount);
  for (let n = 1; n <= population; n++) {
    // Increasing mask order: m without bit l is a smaller number, so X_{-k}(n) is ready when m needs it.
    for (let m = 0; m < masks; m++) {
      let total = thinkTime;
      for (let k = 0; k < kCount; k++) {
        const s = stations[k];
        const l = ldOf[k];
        if (l >= 0 && !(m & (1 << l))) {
          res[k] = 0;
        } else if (l >= 0) {
          const c = s.servers as number;
          const p = marg[m][l];
          let low = 0;
          for (let j = 0; j < c - 1; j++) low += (c - 1 - j) * p[j];
          res[k] = (s.demand / c) * (1 + queue[m][k] + low);
        } else {
          const isQueue = s.kind === 'queue' || (s.kind === 'multiserver' && s.servers === 1);
          res[k] = isQueue ? s.demand * (1 + queue[m][k]) : s.demand;
        }
        total += res[k];
      }
      // Only a sub-network with nothing left in it can have total 0; infinite X makes p_k(0) = 0 above it.
      const xm = total > 0 ? n / total : Infinity;
      x[m] = xm;
      for (let k = 0; k < kCount; k++) queue[m][k] = total > 0 ? xm * res[k] : 0;
      for (let l = 0; l < ld.length; l++) {
        if (!(m & (1 << l))) continue;
        const p = marg[m][l];
        const xd = xm * stations[ld[l]].demand;
        for (let j = p.length - 1; j >= 1; j--) p[j] = (xd / j) * p[j - 1];
        p[0] *= xm / x[m ^ (1 << l)];
      }
      if (n === population && m === masks - 1) return ldResult(stations, n, xm, res, queue[m]);
    }
  }
  return ldResult(stations, 0, 0, new Float64Array(kCount), new Float64Array(kCount));
}

function ldResult(stations: LdStation[], n: number, x: number, res: Float64Array, q: Float64Array): MvaResult {
  let responseTime = 0;
  for (let k = 0; k < res.length; k++) responseTime += res[k];
  const stationResults = stations.map((s, k) => ({
    name: s.name,
    residence: res[k],
    queueLength: q[k],
    utilization: (x * s.demand) / (s.kind === 'multiserver' ? (s.servers as number) : 1),
  }));
  return { population: n, throughput: x, responseTime, stations: stationResults };
}

/**
 * Seidmann's approximation: a c-server station of demand D becomes a queue of demand D/c followed by a delay
 * of D·(c-1)/c, then plain MVA. Exact at N = 1 and in the saturation limit X -> c/D, cheap for any N and
 * any number of multi-server stations. Near the knee it overstates queueing: against the exact
 * machine-repairman model its response time was never low and at worst 17 % high for c = 2..16, 9 % for c = 64.
 */
export function mvaApproxMultiserver(stations: LdStation[], population: number, thinkTime = 0): MvaResult {
  const fn = 'mvaApproxMultiserver';
  checkClosedInputs(fn, population, thinkTime, checkLdStations(fn, stations));
  const split: ClosedStation[] = [];
  const first: number[] = [];
  for (const s of stations) {
    first.push(split.length);
    const c = s.kind === 'multiserver' ? (s.servers as number) : 1;
    if (c === 1) {
      split.push({ name: s.name, kind: s.kind === 'delay' ? 'delay' : 'queue', demand: s.demand });
    } else {
      split.push({ name: s.name, kind: 'queue', demand: s.demand / c });
      split.push({ name: s.name, kind: 'delay', demand: (s.demand * (c - 1)) / c });
    }
  }
  const r = mva(split, population, thinkTime);
  const stationResults = stations.map((s, k) => {
    const parts = r.stations.slice(first[k], k + 1 < stations.length ? first[k + 1] : split.length);
    const c = s.kind === 'multiserver' ? (s.servers as number) : 1;
    return {
      name: s.name,
      residence: parts.reduce((a, p) => a + p.residence, 0),
      queueLength: parts.reduce((a, p) => a + p.queueLength, 0),
      utilization: (r.throughput * s.demand) / c,
    };
  });
  return { ...r, stations: stationResults };
}
