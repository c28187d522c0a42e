// The conformance models `capsim selftest` runs and the test suite asserts: each a queueing model with an exact
// analytic answer (M/M/1, M/M/c via Erlang C, M/D/1 and M/G/1-PS via Pollaczek–Khinchine, M/M/1/K, a closed
// network via MVA). Service times in ms, rates per second.

import { mm1, mm1ResponseQuantile } from '../analytic/mm1';
import { mmc } from '../analytic/erlang-c';
import { mg1 } from '../analytic/mg1';
import { mm1k } from '../analytic/mm1k';
import { mva } from '../analytic/mva';
import { queueingModelSchema, type QueueingModel } from '../queueing/queueing-model-schema';

export interface ExactValue {
  /** Which simulated figure this is compared with. */
  measure: 'mean_response_ms' | 'p95_response_ms' | 'loss_rate';
  exact: number;
  /** Largest accepted relative difference. */
  tolerance: number;
  /** Also require the exact value inside the simulated 95 % interval. */
  inInterval: boolean;
}

export interface ConformanceCase {
  id: string;
  title: string;
  model: QueueingModel;
  exact: ExactValue[];
}

const SERVICE_MS = 10;
const MU_PER_MS = 1 / SERVICE_MS;

function openModel(name: string, ratePerS: number, station: Record<string, unknown>, run: Record<string, unknown> = {}): QueueingModel {
  return queueingModelSchema.parse({
    kind: 'queueing',
    schema_version: 1,
    name,
    workload: { type: 'open', rate_per_s: ratePerS },
    stations: [{ name: 'server', service_ms: { dist: 'exponential', mean: SERVICE_MS }, ...station }],
    run: { seed: 20261121, precision: 0.01, measures: ['mean', 'p95'], ...run },
  });
}

function mm1Case(rho: number, precision: number, measures: string[] = ['mean', 'p95'], maxEvents?: number): ConformanceCase {
  const lambdaPerMs = rho * MU_PER_MS;
  const exact = mm1(lambdaPerMs, MU_PER_MS);
  return {
    id: `mm1-rho-${rho}`,
    title: `M/M/1, ρ = ${rho}`,
    model: openModel(`M/M/1 at ρ = ${rho}`, lambdaPerMs * 1000, {}, { precision, measures, ...(maxEvents && { max_events: maxEvents }) }),
    exact: [
      { measure: 'mean_response_ms', exact: exact.meanResponse, tolerance: 0.02, inInterval: true },
      { measure: 'p95_response_ms', exact: mm1ResponseQuantile(lambdaPerMs, MU_PER_MS, 0.95), tolerance: 0.03, inInterval: true },
    ],
  };
}

function mmcCase(servers: number, rho: number): ConformanceCase {
  const lambdaPerMs = rho * servers * MU_PER_MS;
  const exact = mmc(lambdaPerMs, MU_PER_MS, servers);
  return {
    id: `mmc-c${servers}`,
    title: `M/M/${servers}, ρ = ${rho} (Erlang C)`,
    model: openModel(`M/M/${servers} at ρ = ${rho}`, lambdaPerMs * 1000, { servers }, { measures: ['mean'] }),
    exact: [{ measure: 'mean_response_ms', exact: exact.meanResponse, tolerance: 0.02, inInterval: true }],
  };
}

function md1Case(): ConformanceCase {
  const rho = 0.8;
  const lambdaPerMs = rho * MU_PER_MS;
  const exact = mg1(lambdaPerMs, SERVICE_MS, 0);
  return {
    id: 'md1',
    title: 'M/D/1, ρ = 0.8 (Pollaczek–Khinchine)',
    model: openModel('M/D/1 at ρ = 0.8', lambdaPerMs * 1000, { service_ms: { dist: 'deterministic', mean: SERVICE_MS } }, { measures: ['mean'] }),
    exact: [{ measure: 'mean_response_ms', exact: exact.meanResponse, tolerance: 0.02, inInterval: true }],
  };
}

function mg1PsCase(): ConformanceCase {
  // Processor sharing is insensitive: mean response S/(1 − ρ) whatever the service distribution.
  const rho = 0.7;
  const lambdaPerMs = rho * MU_PER_MS;
  return {
    id: 'mg1-ps',
    title: 'M/H2/1 processor sharing, ρ = 0.7, service cv = 2',
    model: openModel('M/H2/1-PS at ρ = 0.7', lambdaPerMs * 1000, {
      discipline: 'ps',
      service_ms: { dist: 'hyperexponential', mean: SERVICE_MS, cv: 2 },
    }, { measures: ['mean'] }),
    exact: [{ measure: 'mean_response_ms', exact: SERVICE_MS / (1 - rho), tolerance: 0.02, inInterval: true }],
  };
}

function mm1kCase(): ConformanceCase {
  const rho = 0.9;
  const capacity = 10;
  const lambdaPerMs = rho * MU_PER_MS;
  const exact = mm1k(lambdaPerMs, MU_PER_MS, capacity);
  return {
    id: 'mm1k',
    title: `M/M/1/${capacity}, ρ = ${rho} (finite waiting room)`,
    model: openModel(`M/M/1/${capacity} at ρ = ${rho}`, lambdaPerMs * 1000, { queue_capacity: capacity - 1 }, { measures: ['mean'] }),
    exact: [
      { measure: 'mean_response_ms', exact: exact.meanResponse, tolerance: 0.02, inInterval: true },
      { measure: 'loss_rate', exact: exact.blocking, tolerance: 0.03, inInterval: false },
    ],
  };
}

function closedCase(): ConformanceCase {
  const users = 30;
  const thinkMs = 200;
  const exact = mva([{ name: 'server', kind: 'queue', demand: SERVICE_MS }], users, thinkMs);
  return {
    id: 'closed-think',
    title: `Closed: ${users} users, think ${thinkMs} ms, one exponential server (exact MVA)`,
    model: queueingModelSchema.parse({
      kind: 'queueing',
      schema_version: 1,
      name: `${users} users with think time in front of one server`,
      workload: { type: 'closed', users, think_ms: { dist: 'exponential', mean: thinkMs } },
      stations: [{ name: 'server', service_ms: { dist: 'exponential', mean: SERVICE_MS } }],
      run: { seed: 20261121, precision: 0.01, measures: ['mean'] },
    }),
    exact: [{ measure: 'mean_response_ms', exact: exact.responseTime, tolerance: 0.02, inInterval: true }],
  };
}

export function conformanceCases(): ConformanceCase[] {
  return [
    mm1Case(0.5, 0.01),
    mm1Case(0.8, 0.01),
    // Near saturation the autocorrelation is long: ±1.5 % on the mean alone needs ~35 million customers, and the
    // p95 (within 3 %) is judged at the precision the run reached.
    mm1Case(0.95, 0.015, ['mean'], 150_000_000),
    mmcCase(2, 0.8),
    mmcCase(8, 0.9),
    mmcCase(32, 0.9),
    md1Case(),
    mg1PsCase(),
    mm1kCase(),
    closedCase(),
  ];
}
