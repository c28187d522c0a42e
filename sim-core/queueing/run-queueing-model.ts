// Validates, checks stability of, runs and summarises a plain queueing model. The result follows RunResult
// (latency in ms, throughput per second, utilisation 0..1).

import { compileDistribution } from '../kernel/distributions';
import { FcfsStation } from '../resources/fcfs-station';
import { InfiniteServer } from '../resources/infinite-server';
import { ProcessorSharing } from '../resources/processor-sharing';
import { drive, stretchWarning, type ProgressListener } from '../run/run-driver';
import type { QueueingModel } from './queueing-model-schema';
import { QueueingNetwork } from './queueing-network';
import { ScenarioError } from '../schema/schema-errors';
import { summarizeRun } from '../run/summarize-run';
import type { ResourceResult, RunResult } from '../run/run-result';
import { visitRatios } from '../analytic/visit-ratios';
import { memoryCapWarning } from '../run/run-limits';
import { checkQueueingLimits } from './run-estimate';

export interface RunOptions {
  seed?: number;
  onProgress?: ProgressListener;
  /** Wall clock in ms; injected because sim-core has no timer of its own. */
  clock?: () => number;
}

/**
 * Offered load per station of an open model (λ·v_i·E[S_i]/c_i). A station with unlimited waiting room and
 * no patience at ρ ≥ 1 never reaches steady state: simulating it would only grow the queue.
 */
export function checkStability(model: QueueingModel): void {
  const w = model.workload;
  if (w.type !== 'open') return;
  const names = model.stations.map((s) => s.name);
  const n = names.length;
  const routing = model.stations.map((s, i) => {
    const row = new Array<number>(n).fill(0);
    const routes = s.routing ?? [{ to: i + 1 < n ? names[i + 1] : 'exit', p: 1 }];
    for (const r of routes) if (r.to !== 'exit') row[names.indexOf(r.to)] += r.p;
    return row;
  });
  const entry = names.map((_, i) => (i === 0 ? 1 : 0));
  let visits: number[];
  try {
    visits = visitRatios(routing, entry);
  } catch (e) {
    throw new ScenarioError([{ path: 'stations', message: `expected routing where every customer can reach "exit": ${(e as Error).message}` }]);
  }
  const meanInterarrivalMs = w.interarrival_ms ? compileDistribution(w.interarrival_ms).mean : 1000 / w.rate_per_s!;
  const lambdaPerMs = 1 / meanInterarrivalMs;
  model.stations.forEach((s, i) => {
    if (s.servers === 'infinite' || s.queue_capacity !== undefined || s.patience_ms !== undefined) return;
    const rho = (lambdaPerMs * visits[i] * compileDistribution(s.service_ms).mean) / s.servers;
    if (rho >= 1) {
      throw new ScenarioError([{
        path: `stations[${i}]`,
        message: `expected offered load ρ < 1, got ρ = ${rho.toFixed(4)}: the open model is unstable (its queue grows without bound); lower the arrival rate, add servers, or give the station a queue_capacity or patience_ms`,
      }]);
    }
  });
}

export function runQueueingModel(model: QueueingModel, opts: RunOptions = {}): RunResult {
  checkStability(model);
  const limits = checkQueueingLimits(model);
  const clock = opts.clock ?? Date.now;
  const started = clock();
  const seed = opts.seed ?? model.run.seed;
  const net = new QueueingNetwork(model, seed, limits.caps);
  const stopReason = drive(net, model.run, opts.onProgress);
  const summary = summarizeRun(net.analyzer, net.inSystem, net.counters, net.sim.now);
  const stretch = stretchWarning(model.run, net.sim.now / 1000, summary.result.observations);
  if (stretch) summary.result.warnings.push(stretch);
  if (stopReason === 'memory_cap') summary.result.warnings.unshift(memoryCapWarning(limits, net.sim.now / 1000));
  const from = summary.windowStart;
  const to = net.sim.now;
  const resources: Record<string, ResourceResult> = {};
  const utilization: Record<string, number> = {};
  net.stations.forEach((s, i) => {
    const name = net.names[i];
    if (s instanceof FcfsStation) {
      const u = s.busyLevel.average(from, to) / s.servers;
      utilization[name] = u;
      resources[name] = { utilization: u, mean_waiting: s.queueLevel.average(from, to), completions: s.completions };
    } else if (s instanceof ProcessorSharing) {
      const u = s.busyLevel.average(from, to) / s.cores;
      utilization[name] = u;
      resources[name] = { utilization: u, mean_present: s.jobLevel.average(from, to), completions: s.completions };
    } else if (s instanceof InfiniteServer) {
      resources[name] = { mean_present: s.presentLevel.average(from, to), completions: s.completions };
    }
  });
  const c = net.counters.since(from);
  const byCause: Record<string, number> = {};
  if (c.queue_full > 0) byCause.queue_full = c.queue_full;
  if (c.abandoned > 0) byCause.abandoned = c.abandoned;
  const dropped = c.queue_full + c.abandoned;
  return {
    ...summary.result,
    utilization,
    errors: { rate: dropped + c.completed > 0 ? dropped / (dropped + c.completed) : 0, by_cause: byCause },
    events: net.sim.events,
    wall_ms: clock() - started,
    stop_reason: stopReason,
    seed,
    resources,
  };
}
