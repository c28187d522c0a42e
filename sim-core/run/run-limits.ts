// What limits a run whatever its kind: the memory it will certainly take against run.max_memory_mb and the
// events per simulated second against run.max_events, estimated per kind (queueing/run-estimate.ts,
// web-stack/runtime/run-estimate.ts). A scenario over either limit is refused with the numbers and the limit, as
// a ScenarioError at the field to change; one within them gets the caps the run enforces (entities and events),
// so whatever the run does later, it stops at the cap instead of exhausting the machine. Bytes and seconds.

import { compileDistribution } from '../kernel/distributions';
import { ScenarioError } from '../schema/schema-errors';
import { BYTES, checkpointsFor, grownCapacity } from '../kernel/memory-costs';
import type { RunControl } from './run-control';

export interface LoadOverride {
  users?: number;
  rate_per_s?: number;
}

/** One contributor to the memory estimate, with the scenario field that drives it. */
export interface MemoryPart {
  what: string;
  path: string;
  bytes: number;
}

export interface RunCaps {
  /** Most entities (requests in flight, customers) the run may hold; one more stops it ('memory_cap'). */
  entities: number;
  /** Most pending events the calendar may hold. */
  events: number;
}

export interface RunEstimate {
  budget_bytes: number;
  memory_bytes: number;
  parts: MemoryPart[];
  /** Entities the run holds for certain (closed users) plus the in-flight room reserved for it. */
  peak_entities: number;
  events_per_s: number;
  events_per_request: number;
  /** Simulated seconds run.max_events covers at that rate, and the least a run needs. */
  covered_s: number;
  needed_s: number;
  /** Where the load is set, for the events refusal. */
  load_path: string;
  load_text: string;
  caps: RunCaps;
}

/** Requests in flight every run is given room for (fewer only when the load cannot have that many). */
export const MIN_IN_FLIGHT_ROOM = 100_000;
export const MIB = 1024 * 1024;

export const meanOf = (d: Parameters<typeof compileDistribution>[0] | undefined): number => (d ? compileDistribution(d).mean : 0);
export const int = (x: number) => Math.round(x).toLocaleString('en-US');

export function formatBytes(b: number): string {
  if (b >= 1024 * MIB) return `${(b / (1024 * MIB)).toFixed(1)} GB`;
  if (b >= MIB) return `${(b / MIB).toFixed(1)} MB`;
  return `${(b / 1024).toFixed(1)} kB`;
}

/** Extra bytes one time average grows to over the run, beyond the 16 checkpoints it starts with. */
export function checkpointGrowth(observations: number): number {
  return (grownCapacity(checkpointsFor(observations), 16) - 16) * BYTES.checkpoint;
}

/**
 * Simulated time a run must be able to reach: three think times, so every closed user sends a few requests (one
 * second at least, e.g. for open loads), but never more than the run's own horizon.
 */
export function neededSeconds(thinkMs: number, horizonS: number | undefined): number {
  return Math.min(Math.max(1, (3 * thinkMs) / 1000), horizonS ?? Infinity);
}

/** The estimate of a run that fits its limits, or a ScenarioError naming the field, the numbers and the limit. */
export function refuseOverLimits(e: RunEstimate, run: Pick<RunControl, 'max_events'>): RunEstimate {
  if (e.memory_bytes > e.budget_bytes) {
    const parts = [...e.parts].sort((a, b) => b.bytes - a.bytes);
    const top = parts[0];
    throw new ScenarioError([{
      path: top.path,
      message: `expected a scenario that fits the run's memory limit (run.max_memory_mb = ${int(e.budget_bytes / MIB)} MB), got ≈ ${formatBytes(e.memory_bytes)}: `
        + `${parts.filter((p) => p.bytes >= e.memory_bytes * 0.01).map((p) => `${p.what} ≈ ${formatBytes(p.bytes)}`).join(', ')}; lower ${top.path} or raise run.max_memory_mb`,
    }]);
  }
  if (e.covered_s < e.needed_s) {
    const need = Math.ceil((e.events_per_s * e.needed_s) / 1e6) * 1e6;
    throw new ScenarioError([{
      path: e.load_path,
      message: `expected a load the event cap can simulate for ${e.needed_s.toFixed(e.needed_s < 10 ? 1 : 0)} s, got ${e.load_text}: `
        + `≈ ${int(e.events_per_s)} events per simulated second (≈ ${e.events_per_request.toFixed(1)} per request), so run.max_events = ${int(run.max_events)} covers only ≈ ${e.covered_s.toPrecision(2)} s; `
        + `lower the load or raise run.max_events to ≥ ${int(need)}`,
    }]);
  }
  return e;
}

/** The warning of a run stopped at its memory cap: where it stopped, the cap and what it means. */
export function memoryCapWarning(e: RunEstimate, simulatedS: number): string {
  return `stopped at the memory cap after ${simulatedS.toFixed(1)} s simulated: ${int(e.caps.entities)} requests were in the system at once, `
    + `all that run.max_memory_mb = ${int(e.budget_bytes / MIB)} MB leaves room for; the stack is overloaded (its queues grow without bound) `
    + `or the load is too large for the budget; the results cover the run until then`;
}
