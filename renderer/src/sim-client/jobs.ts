// What the UI asks of the simulation: each function sends one request through the shared SimClient and writes
// progress and results into the store (zustand's "no store actions" practice), so components only read state.

import { useAppStore } from '../store/index';
import type { Scenario } from '../../../sim-core/index';
import { SimClient, SimRequestError } from './sim-client';
import type { ExportArgs, LoadOverride, SizeArgs, UiProgress } from './requests';
import type { ExportResult } from '../../../sim-core/index';
import type { JobKind } from '../store/run-slice';
import { ownLoad, loadLabel, loadOverride, type LoadKind } from '../scenarios/scenario-facts';
import { library } from '../scenarios/library';
import { previewNow } from './preview-engine';

const set = useAppStore.setState;
const get = useAppStore.getState;

export const client = new SimClient({
  onFailure: (message) => set({ banner: { tone: 'error', message }, job: null }),
});

/** Test hook. */
(globalThis as { __capsim?: unknown }).__capsim = { client, store: useAppStore };

let stoppedByUser = false;

function begin(kind: JobKind, label: string): void {
  set({ job: { kind, label, startedAt: performance.now(), progress: null } });
}

function onProgress(p: UiProgress): void {
  const job = get().job;
  if (job) set({ job: { ...job, progress: p } });
}

function fail(e: unknown): void {
  const err = e instanceof SimRequestError ? e.error : { code: 'internal' as const, message: String(e) };
  if (err.code === 'cancelled') {
    set({ job: null, banner: stoppedByUser ? { tone: 'info', message: 'Simulation stopped. Results already finished (sweep points) are kept; the run in progress was discarded.' } : get().banner });
    stoppedByUser = false;
    return;
  }
  if (err.code === 'crashed') {
    set({ job: null, banner: { tone: 'error', message: err.message } });
    return;
  }
  set({ job: null, banner: { tone: 'error', message: err.message.split('\n')[0] } });
}

/** Stop the running simulation (the worker is replaced). */
export function stopSimulation(): void {
  if (!client.busy) return;
  stoppedByUser = true;
  client.stop();
}

function currentLoad(s: Scenario): LoadOverride {
  const own = ownLoad(s);
  const value = get().load ?? own.value;
  return loadOverride(own.kind, value);
}

/** Run the draft at the chosen load. */
export async function runDraft(kind: JobKind = 'run'): Promise<void> {
  const { scenario, revision } = get();
  if (!scenario) return;
  if (client.busy) client.stop();
  const load = currentLoad(scenario);
  begin(kind, kind === 'refine' ? 'Refining the preview by simulation' : 'Simulating');
  // A run closes the undo step being typed: the next edit of the same field undoes on its own.
  set({ banner: null, lastEdit: null });
  try {
    const result = await client.request('run', { scenario, ...load }, onProgress).result;
    set({ result, resultRevision: revision, job: null });
    refreshCost(scenario, revision);
  } catch (e) {
    fail(e);
  }
}

export async function refreshCost(scenario: Scenario, revision = get().revision): Promise<void> {
  try {
    const cost = await client.request('cost', { scenario }).result;
    if (get().revision === revision) set({ cost });
  } catch {
    /* cost stays unknown */
  }
}

export async function refreshLint(scenario: Scenario): Promise<void> {
  try {
    const lint = await client.request('lint', { scenario }).result;
    if (get().scenario === scenario) set({ lint });
  } catch {
    /* lint is advisory */
  }
}

/** Loads for a sweep: from a few users to past the analytic saturation point (or 3× the own load). */
export function sweepLoads(s: Scenario, points = 8): { kind: LoadKind; values: number[] } {
  const own = ownLoad(s);
  const p = previewNow(s, loadOverride(own.kind, own.value));
  const sat = own.kind === 'users' ? p?.saturation_users : p?.max_throughput_rps;
  const top = Math.max(own.value * 1.5, sat && Number.isFinite(sat) ? sat * 1.4 : own.value * 3, own.kind === 'users' ? 10 : 1);
  const values = Array.from({ length: points }, (_, i) => (top * (i + 1)) / points).map((v) => (own.kind === 'users' ? Math.max(1, Math.round(v)) : Number(v.toPrecision(3))));
  return { kind: own.kind, values: [...new Set(values)] };
}

export async function runSweep(): Promise<void> {
  const { scenario, revision } = get();
  if (!scenario) return;
  if (client.busy) client.stop();
  const { kind, values } = sweepLoads(scenario);
  begin('sweep', `Sweeping ${values.length} loads`);
  set({ sweep: [], sweepRevision: revision, sweepSize: values.length, banner: null });
  const loads = values.map((v) => loadOverride(kind, v));
  try {
    await client.request('sweep', { scenario, loads }, (p) => {
      onProgress(p);
      const point = p.point;
      if (point && get().sweepRevision === revision) set({ sweep: [...get().sweep, point] });
    }).result;
    set({ job: null });
  } catch (e) {
    fail(e);
  }
}

export async function judgeClaims(): Promise<void> {
  const { scenario, revision } = get();
  if (!scenario || scenario.kind !== 'web-stack') return;
  if (client.busy) client.stop();
  begin('claims', `Judging ${scenario.claims.length} claims by simulation`);
  set({ banner: null });
  try {
    const verdicts = await client.request('claims', { scenario }, onProgress).result;
    set({ verdicts, verdictsRevision: revision, job: null });
  } catch (e) {
    fail(e);
  }
}

/** Gallery headlines (cost, analytic max users) for every bundled scenario, queued behind nothing else. */
export async function loadHeadlines(): Promise<void> {
  for (const e of library) {
    if (!e.scenario || get().headlines[e.id]) continue;
    try {
      const h = await client.request('headline', { scenario: e.scenario }).result;
      set({ headlines: { ...get().headlines, [e.id]: h } });
    } catch {
      /* a worker restart drops headlines; they are re-requested on the next gallery visit */
      return;
    }
  }
}

export async function refineCapacity(id: string): Promise<void> {
  const e = library.find((x) => x.id === id);
  if (!e?.scenario) return;
  if (client.busy) client.stop();
  begin('capacity', `Searching the most users within the SLO for ${e.name}`);
  try {
    const c = await client.request('capacity', { scenario: e.scenario }, onProgress).result;
    const h = { ...get().headlines[id], max_load: c.max_load, max_load_metric: c.metric, max_load_method: 'simulated' as const, note: c.confidence.note };
    set({ headlines: { ...get().headlines, [id]: h }, job: null });
  } catch (e2) {
    fail(e2);
  }
}

/** Run every pinned scenario at the same users (or its own rate for open workloads). */
export async function runCompare(): Promise<void> {
  const { compareIds, compareUsers } = get();
  if (client.busy) client.stop();
  begin('compare', `Comparing ${compareIds.length} scenarios at ${compareUsers.toLocaleString('en-US')} users`);
  const results: Record<string, { result?: import('./requests').AnyRunResult; preview?: import('./requests').PreviewResult | null; cost?: import('../../../sim-core/index').CostBreakdown | null; error?: string }> = {};
  for (const id of compareIds) {
    const e = library.find((x) => x.id === id);
    if (e?.scenario) results[id] = { preview: previewNow(e.scenario, compareLoadFor(e.scenario, compareUsers)) };
  }
  set({ compareResults: { ...results }, banner: null });
  try {
    for (const [i, id] of compareIds.entries()) {
      const e = library.find((x) => x.id === id);
      if (!e?.scenario) continue;
      const load = compareLoadFor(e.scenario, compareUsers);
      try {
        const result = await client.request('run', { scenario: e.scenario, ...load }, (p) =>
          onProgress({ ...p, share: (i + p.share) / compareIds.length, label: e.name }),
        ).result;
        const cost = await client.request('cost', { scenario: e.scenario }).result.catch(() => null);
        results[id] = { ...results[id], result, cost };
      } catch (err) {
        if (err instanceof SimRequestError && err.error.code !== 'invalid_scenario' && err.error.code !== 'internal') throw err;
        results[id] = { ...results[id], error: err instanceof Error ? err.message.split('\n')[0] : String(err) };
      }
      set({ compareResults: { ...results } });
    }
    set({ job: null });
  } catch (e) {
    fail(e);
  }
}

export function compareLoadFor(s: Scenario, users: number): LoadOverride {
  const own = ownLoad(s);
  return own.kind === 'users' ? { users } : { rate_per_s: own.value };
}

/** Deployment files for the draft (quick: no simulation), with the fresh simulated numbers written into them. */
export async function exportDraft(target: ExportArgs['target'], versions: ExportArgs['versions']): Promise<ExportResult> {
  const s = get();
  const scenario = s.scenario;
  if (!scenario || scenario.kind !== 'web-stack') throw new Error('Only web-stack scenarios have deployment files to export.');
  const fresh = s.result && s.resultRevision === s.revision && 'slo' in s.result ? s.result : null;
  const simulated = fresh ? { p95_ms: fresh.latency_ms.p95, throughput_rps: fresh.throughput_rps, users: fresh.load.users } : undefined;
  try {
    return await client.request('export', { scenario, target, versions, simulated }).result;
  } catch (e) {
    throw new Error(e instanceof SimRequestError ? e.error.message.split('\n')[0] : String(e));
  }
}

/** Simulate what the sizing report needs (target load, a sweep, the claims' loads) and render it to HTML. */
export async function buildReportForDraft(duration_s: number): Promise<void> {
  const { scenario, revision, fileName, load } = get();
  if (!scenario || scenario.kind !== 'web-stack') return;
  if (client.busy) client.stop();
  const own = ownLoad(scenario);
  const target = load !== null ? loadOverride(own.kind, load) : undefined;
  const basis = load !== null ? `the load chosen in the app (${loadLabel(own.kind, load)})` : undefined;
  begin('report', 'Building the sizing report');
  set({ banner: null, report: null });
  try {
    const out = await client.request('report', { scenario, file: fileName || undefined, target, target_basis: basis, duration_s, generated_at: new Date().toISOString() }, onProgress).result;
    set({ report: { ...out, revision, duration_s }, job: null });
  } catch (e) {
    fail(e);
  }
}

/** The pricing catalogs' providers, once (for the sizing form). */
export async function loadProviders(): Promise<void> {
  if (get().providers.length) return;
  try {
    set({ providers: await client.request('providers', {}).result });
  } catch {
    /* retried on the next visit */
  }
}

/** The cheapest deployment of the draft's shape that serves the target within the SLO with headroom. */
export async function sizeDraft(form: Omit<SizeArgs, 'profile'>): Promise<void> {
  const { scenario } = get();
  if (!scenario || scenario.kind !== 'web-stack') return;
  if (client.busy) client.stop();
  begin('sizing', `Sizing a deployment on ${form.provider}`);
  set({ banner: null, sizing: null });
  try {
    const result = await client.request('size', { profile: scenario, ...form }, onProgress).result;
    set({ sizing: { result, args: form }, job: null });
  } catch (e) {
    fail(e);
  }
}
