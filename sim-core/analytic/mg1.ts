// M/G/1 FCFS by the Pollaczek–Khinchine formula: Poisson arrivals, one server with a general service time
// given by its mean (time units) and squared coefficient of variation. lambda is per time unit.

import type { QueueMetrics } from './queue-metrics';
import { requireNonNegative, requirePositive, requireStable } from './queue-metrics';

/**
 * @param scv squared coefficient of variation of service, Var[S]/E[S]^2: 0 deterministic (M/D/1),
 *            1 exponential (M/M/1), > 1 hyperexponential-like.
 */
export function mg1(lambda: number, meanService: number, scv: number): QueueMetrics {
  requirePositive('mg1', 'lambda (arrival rate)', lambda);
  requirePositive('mg1', 'meanService (time units)', meanService);
  requireNonNegative('mg1', 'scv (squared coefficient of variation)', scv);
  const rho = lambda * meanService;
  requireStable('mg1', rho);
  const secondMoment = (1 + scv) * meanService * meanService;
  const meanWait = (lambda * secondMoment) / (2 * (1 - rho));
  const meanResponse = meanWait + meanService;
  return {
    rho,
    meanWait,
    meanResponse,
    meanInQueue: lambda * meanWait,
    meanInSystem: lambda * meanResponse,
    // The server is busy a fraction rho of the time, and Poisson arrivals see time averages.
    probWait: rho,
    throughput: lambda,
  };
}
