// M/M/c FCFS (Erlang C): Poisson arrivals (rate lambda), c identical exponential servers (rate mu each).
// Offered load a = lambda/mu is in Erlangs; rates are per time unit and returned times are in that time unit.

import type { QueueMetrics } from './queue-metrics';
import {
  requireInteger,
  requireNonNegative,
  requirePositive,
  requireProbability,
  requireStable,
} from './queue-metrics';

/** Erlang B recursion; every iterate stays in (0, 1], so unlike a^c/c! it cannot overflow for any c. */
function erlangBUnchecked(servers: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Blocking probability of the M/M/c/c loss system (Erlang B). */
export function erlangB(servers: number, offeredLoad: number): number {
  requireInteger('erlangB', 'servers', servers, 1);
  requireNonNegative('erlangB', 'offeredLoad (Erlangs)', offeredLoad);
  return erlangBUnchecked(servers, offeredLoad);
}

/** Probability that an arrival has to wait in M/M/c (Erlang C). Needs offeredLoad < servers. */
export function erlangC(servers: number, offeredLoad: number): number {
  requireInteger('erlangC', 'servers', servers, 1);
  requireNonNegative('erlangC', 'offeredLoad (Erlangs)', offeredLoad);
  const rho = offeredLoad / servers;
  requireStable('erlangC', rho);
  const b = erlangBUnchecked(servers, offeredLoad);
  return b / (1 - rho * (1 - b));
}

function check(fn: string, lambda: number, mu: number, servers: number): void {
  requirePositive(fn, 'lambda (arrival rate)', lambda);
  requirePositive(fn, 'mu (service rate per server)', mu);
  requireInteger(fn, 'servers', servers, 1);
  requireStable(fn, lambda / (servers * mu));
}

export function mmc(lambda: number, mu: number, servers: number): QueueMetrics {
  check('mmc', lambda, mu, servers);
  const probWait = erlangC(servers, lambda / mu);
  const meanWait = probWait / (servers * mu - lambda);
  const meanResponse = meanWait + 1 / mu;
  return {
    rho: lambda / (servers * mu),
    meanWait,
    meanResponse,
    meanInQueue: lambda * meanWait,
    meanInSystem: lambda * meanResponse,
    probWait,
    throughput: lambda,
  };
}

/** p-quantile of the waiting time: P(W > t) = C·exp(-(c·mu - lambda)·t), and W = 0 with probability 1 - C. */
export function mmcWaitQuantile(lambda: number, mu: number, servers: number, p: number): number {
  check('mmcWaitQuantile', lambda, mu, servers);
  requireProbability('mmcWaitQuantile', 'p', p);
  const c = erlangC(servers, lambda / mu);
  if (p <= 1 - c) return 0;
  return (Math.log(c) - Math.log1p(-p)) / (servers * mu - lambda);
}

/**
 * P(T > t) for the response time T = W + S. Given that it waits, W ~ Exp(theta) with theta = c·mu - lambda,
 * so T is Exp(mu) with probability 1 - C and hypoexponential(theta, mu) with probability C.
 */
function responseSurvival(c: number, mu: number, theta: number, t: number): number {
  const eMu = Math.exp(-mu * t);
  const delta = mu - theta;
  let hypo: number;
  if (Math.abs(delta * t) < 1) {
    // (mu·e^{-theta t} - theta·e^{-mu t})/(mu - theta) rewritten as e^{-mu t}(1 + mu·expm1(delta t)/delta):
    // no cancellation as theta -> mu, and it tends to the Erlang-2 form e^{-mu t}(1 + mu t) at theta = mu.
    hypo = eMu * (1 + mu * (delta === 0 ? t : Math.expm1(delta * t) / delta));
  } else {
    // |delta·t| >= 1: the two terms differ by a factor >= e, so the direct form loses at most ~1 bit.
    hypo = (mu * Math.exp(-theta * t) - theta * eMu) / delta;
  }
  return (1 - c) * eMu + c * hypo;
}

/**
 * p-quantile of the response time, by bisection on the exact response-time distribution
 * to a relative tolerance of 1e-10.
 */
export function mmcResponseQuantile(lambda: number, mu: number, servers: number, p: number): number {
  check('mmcResponseQuantile', lambda, mu, servers);
  requireProbability('mmcResponseQuantile', 'p', p);
  if (p === 0) return 0;
  const c = erlangC(servers, lambda / mu);
  const theta = servers * mu - lambda;
  const q = 1 - p;
  let lo = 0;
  let hi = 1 / mu + c / theta; // the mean: a scale-aware start for the bracket search
  while (responseSurvival(c, mu, theta, hi) > q) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1e-10 * hi) {
    const mid = 0.5 * (lo + hi);
    if (responseSurvival(c, mu, theta, mid) > q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
