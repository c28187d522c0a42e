// Scenario format for plain queueing models (kind "queueing"): open or closed workload, stations with service
// distributions, probabilistic routing. This is how a user checks the engine against textbook results.
// Times in milliseconds, rates per second.

import { z } from 'zod';
import { distributionSpecSchema } from '../kernel/distributions';
import { BOUNDS } from '../schema/field-bounds';
import { fraction, listOf, name, nonNegative, positive, text, wholeAtLeast } from '../schema/schema-fields';
import { runControlSchema } from '../run/run-control';

const routeSchema = z.strictObject({
  to: name('a station name or "exit"'),
  p: fraction(),
});

export const stationSchema = z.strictObject({
  name: name('a station name'),
  /** Number of servers, or "infinite" for a pure delay. */
  servers: z.union([wholeAtLeast(1, BOUNDS.inFlight), z.literal('infinite')]).default(1),
  discipline: z.enum(['fcfs', 'ps'], { error: 'expected "fcfs" or "ps"' }).default('fcfs'),
  service_ms: distributionSpecSchema,
  /** Waiting room beyond the servers; omitted = unlimited. */
  queue_capacity: wholeAtLeast(0, BOUNDS.inFlight).optional(),
  /** A waiting customer leaves after this long; omitted = never. */
  patience_ms: positive('a time in ms').optional(),
  /** Where a customer goes after this station; omitted = the next station in the list (after the last: exit). */
  routing: listOf(routeSchema, { max: BOUNDS.stations.max + 1, why: 'one route per station and exit' }).min(1, { error: 'expected at least one route' }).optional(),
});

const openWorkloadSchema = z.strictObject({
  type: z.literal('open'),
  /** Poisson arrivals at this rate… */
  rate_per_s: positive('a rate per second', BOUNDS.ratePerS).optional(),
  /** …or any inter-arrival distribution (ms). */
  interarrival_ms: distributionSpecSchema.optional(),
});

const closedWorkloadSchema = z.strictObject({
  type: z.literal('closed'),
  users: wholeAtLeast(1, BOUNDS.users),
  think_ms: distributionSpecSchema,
});

export const queueingModelSchema = z
  .strictObject({
    kind: z.literal('queueing'),
    schema_version: z.literal(1, { error: 'expected schema_version 1' }),
    name: name('a name'),
    description: text('a description').optional(),
    workload: z.discriminatedUnion('type', [openWorkloadSchema, closedWorkloadSchema], {
      error: 'expected a workload with type "open" or "closed"',
    }),
    stations: listOf(stationSchema, BOUNDS.stations).min(1, { error: 'expected at least one station' }),
    run: runControlSchema.default(runControlSchema.parse({})),
    /** Optional: values the user expects (e.g. from a textbook), shown beside the simulated ones. */
    expected: z.strictObject({ mean_response_ms: nonNegative('a time in ms').optional() }).optional(),
  })
  .superRefine((model, ctx) => {
    const w = model.workload;
    if (w.type === 'open' && (w.rate_per_s === undefined) === (w.interarrival_ms === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['workload'], message: 'expected exactly one of rate_per_s or interarrival_ms' });
    }
    const names = new Set<string>();
    model.stations.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: 'custom', path: ['stations', i, 'name'], message: `expected a unique station name, "${s.name}" is used twice` });
      names.add(s.name);
      if (s.servers === 'infinite' && (s.queue_capacity !== undefined || s.patience_ms !== undefined || s.discipline === 'ps')) {
        ctx.addIssue({ code: 'custom', path: ['stations', i, 'servers'], message: 'expected a number of servers: an infinite-server station has no queue, patience or sharing' });
      }
      if (s.discipline === 'ps' && (s.queue_capacity !== undefined || s.patience_ms !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['stations', i, 'discipline'], message: 'expected "fcfs": queue_capacity and patience_ms apply to FCFS stations only' });
      }
    });
    model.stations.forEach((s, i) => {
      if (!s.routing) return;
      let total = 0;
      s.routing.forEach((r, j) => {
        total += r.p;
        if (r.to !== 'exit' && !names.has(r.to)) {
          ctx.addIssue({ code: 'custom', path: ['stations', i, 'routing', j, 'to'], message: `expected a station name or "exit", "${r.to}" is not a station` });
        }
      });
      if (Math.abs(total - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['stations', i, 'routing'], message: `expected probabilities summing to 1, they sum to ${total}` });
    });
  });

export type QueueingModel = z.infer<typeof queueingModelSchema>;
export type StationSpec = z.infer<typeof stationSchema>;
