// The run limits of a plain queueing model: the memory its stations and customers take and the events per
// simulated second its arrivals cost, for run/run-limits.ts.

import { visitRatios } from '../analytic/visit-ratios';
import { BYTES, GROWTH_PEAK, MAX_ENTITIES, grownCapacity } from '../kernel/memory-costs';
import { checkpointGrowth, int, meanOf, MIB, MIN_IN_FLIGHT_ROOM, neededSeconds, refuseOverLimits, type LoadOverride, type MemoryPart, type RunEstimate } from '../run/run-limits';
import type { QueueingModel } from './queueing-model-schema';

export function estimateQueueing(m: QueueingModel, overrides: LoadOverride): RunEstimate {
  const budget = m.run.max_memory_mb * MIB;
  const w = m.workload;
  const users = overrides.users ?? (w.type === 'closed' ? w.users : 0);
  const observations = m.run.max_events / 2;
  const growth = checkpointGrowth(observations);
  const bounded = m.stations.every((s) => s.servers !== 'infinite' && s.queue_capacity !== undefined);
  const cap = bounded ? m.stations.reduce((a, s) => a + (s.servers as number) + (s.queue_capacity ?? 0), 0) : Infinity;
  const room = Math.min(users > 0 ? users : cap, MIN_IN_FLIGHT_ROOM);
  const loadPath = w.type === 'closed' ? 'workload.users' : w.rate_per_s !== undefined ? 'workload.rate_per_s' : 'workload.interarrival_ms';
  const text = users > 0 ? `${int(users)} users` : 'the arrivals';
  const parts: MemoryPart[] = [
    { what: `${int(m.stations.length)} stations`, path: 'stations', bytes: m.stations.length * (BYTES.shard + 2 * growth) + BYTES.analyzer },
  ];
  if (users > 0) parts.push({ what: text, path: loadPath, bytes: users * BYTES.customer * GROWTH_PEAK + grownCapacity(users, 1024) * BYTES.event * GROWTH_PEAK });
  const perCustomer = BYTES.customer + 2 * BYTES.event + BYTES.lineSlot;
  parts.push({ what: `room for ${int(room)} customers in the network`, path: loadPath, bytes: users > 0 ? 0 : room * perCustomer * GROWTH_PEAK });
  const memory = parts.reduce((a, p) => a + p.bytes, 0);

  const names = m.stations.map((s) => s.name);
  const routing = m.stations.map((s, i) => {
    const row = new Array<number>(names.length).fill(0);
    for (const r of s.routing ?? [{ to: i + 1 < names.length ? names[i + 1] : 'exit', p: 1 }]) if (r.to !== 'exit') row[names.indexOf(r.to)] += r.p;
    return row;
  });
  let visits = m.stations.length;
  try {
    visits = visitRatios(routing, names.map((_, i) => (i === 0 ? 1 : 0))).reduce((a, b) => a + b, 0);
  } catch {
    /* routing without an exit: refused by the stability check with its own message */
  }
  const perRequest = 1 + visits;
  const cycleS = w.type === 'closed' ? (meanOf(w.think_ms) + m.stations.reduce((a, st) => a + meanOf(st.service_ms), 0)) / 1000 : 0;
  const rate = users > 0 && w.type === 'closed'
    ? (cycleS > 0 ? users / cycleS : 0)
    : overrides.rate_per_s ?? (w.type === 'open' ? (w.rate_per_s ?? 1000 / Math.max(meanOf(w.interarrival_ms), 1e-9)) : 0);
  const eventsPerS = rate * perRequest;
  const needed = neededSeconds(w.type === 'closed' ? meanOf(w.think_ms) : 0, m.run.duration_s);
  const fixed = memory - (users > 0 ? 0 : room * perCustomer * GROWTH_PEAK);
  const entities = Math.min(MAX_ENTITIES, Math.max(users, Math.floor(Math.max(0, budget - fixed) / (perCustomer * GROWTH_PEAK))));
  return {
    budget_bytes: budget, memory_bytes: memory, parts, peak_entities: users > 0 ? users : room, events_per_s: eventsPerS, events_per_request: perRequest,
    covered_s: eventsPerS > 0 ? m.run.max_events / eventsPerS : Infinity, needed_s: needed, load_path: loadPath, load_text: text,
    caps: { entities, events: Math.min(MAX_ENTITIES, 2 * entities + 64) },
  };
}


/** The estimate of a queueing run that fits its limits, or the refusal naming the field. */
export function checkQueueingLimits(m: QueueingModel, overrides: LoadOverride = {}): RunEstimate {
  return refuseOverLimits(estimateQueueing(m, overrides), m.run);
}
