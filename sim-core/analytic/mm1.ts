// M/M/1 FCFS: Poisson arrivals (rate lambda), one exponential server (rate mu).
// Rates are per time unit; every returned time is in that time unit.

import type { QueueMetrics } from './queue-metrics';
import { requirePositive, requireProbability, requireStable } from './queue-metrics';

function check(fn: string, lambda: number, mu: number): void {
  requirePositive(fn, 'lambda (arrival rate)', lambda);
  requirePositive(fn, 'mu (service rate)', mu);
  requireStable(fn, lambda / mu);
}

export function mm1(lambda: number, mu: number): QueueMetrics {
  check('mm1', lambda, mu);
  const rho = lambda / mu;
  // mu - lambda rather than mu(1 - rho): one rounding fewer where rho is close to 1.
  const meanResponse = 1 / (mu - lambda);
  const meanWait = rho * meanResponse;
  return {
    rho,
    meanWait,
    meanResponse,
    meanInQueue: lambda * meanWait,
    meanInSystem: lambda * meanResponse,
    probWait: rho,
    throughput: lambda,
  };
}

/**
 * The p-quantile of response time. In M/M/1 FCFS the response time is exponential with rate mu - lambda,
 * so this is exact; log1p keeps precision for small p.
 */
export function mm1ResponseQuantile(lambda: number, mu: number, p: number): number {
  check('mm1ResponseQuantile', lambda, mu);
  requireProbability('mm1ResponseQuantile', 'p', p);
  return -Math.log1p(-p) / (mu - lambda);
}
