// Runs the conformance cases and judges each simulated figure against its exact value: PASS when within the
// tolerance and (where asked) inside the simulated 95 % interval, and Little's law holds within 1 %.

import { runQueueingModel, type RunOptions } from '../queueing/run-queueing-model';
import type { RunResult } from '../run/run-result';
import { conformanceCases, type ConformanceCase, type ExactValue } from './conformance-cases';

export interface CheckResult {
  measure: ExactValue['measure'] | 'littles_law';
  exact: number;
  simulated: number;
  lo?: number;
  hi?: number;
  relError: number;
  tolerance: number;
  pass: boolean;
}

export interface CaseResult {
  id: string;
  title: string;
  checks: CheckResult[];
  pass: boolean;
  run: RunResult;
}

const LITTLE_TOLERANCE = 0.01;

export function judgeCase(c: ConformanceCase, run: RunResult): CaseResult {
  const checks: CheckResult[] = c.exact.map((e) => {
    let simulated: number;
    let lo: number | undefined;
    let hi: number | undefined;
    if (e.measure === 'mean_response_ms') {
      simulated = run.latency_ms.mean;
      ({ lo, hi } = run.ci95.mean);
    } else if (e.measure === 'p95_response_ms') {
      simulated = run.latency_ms.p95;
      ({ lo, hi } = run.ci95.p95);
    } else {
      simulated = run.errors.rate;
    }
    const relError = Math.abs(simulated - e.exact) / e.exact;
    const inside = !e.inInterval || (lo! <= e.exact && e.exact <= hi!);
    return { measure: e.measure, exact: e.exact, simulated, lo: e.inInterval ? lo : undefined, hi: e.inInterval ? hi : undefined, relError, tolerance: e.tolerance, pass: relError <= e.tolerance && inside };
  });
  const little = run.littles_law;
  checks.push({
    measure: 'littles_law',
    exact: little.time_average_in_system,
    simulated: little.throughput_x_response,
    relError: little.rel_error,
    tolerance: LITTLE_TOLERANCE,
    pass: little.rel_error <= LITTLE_TOLERANCE,
  });
  return { id: c.id, title: c.title, checks, pass: checks.every((k) => k.pass), run };
}

export function runConformanceCase(c: ConformanceCase, opts: RunOptions = {}): CaseResult {
  return judgeCase(c, runQueueingModel(c.model, opts));
}

export function* selftest(opts: RunOptions = {}): Generator<CaseResult> {
  for (const c of conformanceCases()) yield runConformanceCase(c, opts);
}
