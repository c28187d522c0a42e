// capsim bench (npm run bench): kernel speed on M/M/c (c = 8, μ = 1/s, ρ = 0.9, 2 million customers) through
// the general queueing-model path, with the simulated mean response beside the exact Erlang C value.

import { mmc } from '../../sim-core/analytic/erlang-c';
import { queueingModelSchema } from '../../sim-core/model/queueing-model-schema';
import { runQueueingModel } from '../../sim-core/model/run-queueing-model';
import { EXIT_OK } from '../exit-codes';
import { num, table } from '../format-table';
import { numberOption, type Options } from '../main';

export interface KernelBench {
  customers: number;
  events: number;
  wall_ms: number;
  customers_per_s: number;
  events_per_s: number;
  mean_response: number;
  exact_mean_response: number;
  unit: 'ms';
  rss_after_first_chunk_mb: number;
  peak_rss_mb: number;
}

export function kernelBench(customers: number): KernelBench {
  const servers = 8;
  const serviceMs = 1000;
  const rho = 0.9;
  const ratePerS = (rho * servers * 1000) / serviceMs;
  const model = queueingModelSchema.parse({
    kind: 'queueing',
    schema_version: 1,
    name: 'bench M/M/8',
    workload: { type: 'open', rate_per_s: ratePerS },
    stations: [{ name: 'server', servers, service_ms: { dist: 'exponential', mean: serviceMs } }],
    // Precision is set out of reach so the run lasts exactly the event budget: 2 events per customer.
    run: { seed: 1, precision: 1e-9, max_events: 2 * customers },
  });
  let firstRss = 0;
  const result = runQueueingModel(model, {
    clock: () => performance.now(),
    onProgress: () => {
      if (firstRss === 0) firstRss = process.memoryUsage().rss;
    },
  });
  const served = result.resources.server.completions;
  const exact = mmc(ratePerS / 1000, 1 / serviceMs, servers).meanResponse;
  return {
    customers: served,
    events: result.events,
    wall_ms: result.wall_ms,
    customers_per_s: served / (result.wall_ms / 1000),
    events_per_s: result.events / (result.wall_ms / 1000),
    mean_response: result.latency_ms.mean,
    exact_mean_response: exact,
    unit: 'ms',
    rss_after_first_chunk_mb: firstRss / 2 ** 20,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
}

export function benchCommand(opts: Options): number {
  const customers = numberOption(opts, 'customers', 'a whole number ≥ 1000', (x) => Number.isInteger(x) && x >= 1000) ?? 2_000_000;
  const b = kernelBench(customers);
  if (opts.json) {
    console.log(JSON.stringify({ kernel_mmc: b }, null, 2));
    return EXIT_OK;
  }
  console.log('kernel: M/M/8, μ = 1/s, ρ = 0.9, one core');
  console.log(
    table(
      ['customers', 'events', 'wall s', 'customers/s', 'events/s', 'mean response ms', 'exact ms', 'RSS first chunk MB', 'peak RSS MB'],
      [[num(b.customers, 7), num(b.events, 7), num(b.wall_ms / 1000), num(b.customers_per_s, 7), num(b.events_per_s, 7), num(b.mean_response), num(b.exact_mean_response), num(b.rss_after_first_chunk_mb), num(b.peak_rss_mb)]],
    ),
  );
  return EXIT_OK;
}
