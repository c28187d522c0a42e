// Runs `run` requests of the protocol on all cores with worker_threads: one worker per core, each taking the next
// request when it finishes one. Every point ends in an outcome of its own — a result, a refusal (an unstable or
// invalid point, with its issues) or a crash — so one bad point never takes the others down: a worker that dies
// mid-point is replaced and the remaining points go on. Outcomes come back in the order of the points. An abort
// signal (Ctrl+C) terminates the workers and resolves with what is done.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ScenarioError, type AnyRunResult, type ArgsOf, type FromWorker, type ScenarioIssue, type ToWorker } from '../../sim-core/index';

export type RunOutcome =
  | { ok: true; result: AnyRunResult }
  /** refused: the point's scenario or load was refused (issues say why, e.g. an unstable open model). */
  | { ok: false; kind: 'refused' | 'crashed' | 'cancelled'; message: string; issues?: ScenarioIssue[] };

export interface PoolOptions {
  /** The worker script (default: sweep-worker.mjs beside this module: the built one next to the bundle, the tsx shim beside the source). */
  workerUrl?: URL;
  signal?: AbortSignal;
  onDone?: (index: number, done: number) => void;
}

export async function runInWorkers(jobs: ArgsOf<'run'>[], opts: PoolOptions = {}): Promise<RunOutcome[]> {
  const outcomes: (RunOutcome | undefined)[] = new Array(jobs.length);
  const url = opts.workerUrl ?? new URL('./sweep-worker.mjs', import.meta.url);
  const size = Math.max(1, Math.min(jobs.length, availableParallelism()));
  const live = new Set<Worker>();
  let next = 0;
  let done = 0;
  // A worker that cannot even start (a broken install) would otherwise be replaced forever.
  let failedStarts = 0;
  const settle = (i: number, o: RunOutcome) => {
    if (outcomes[i]) return;
    outcomes[i] = o;
    opts.onDone?.(i, ++done);
  };
  const abort = () => {
    for (const w of live) void w.terminate();
  };
  opts.signal?.addEventListener('abort', abort, { once: true });

  // One lane: a worker that runs points until none are left, replaced when it dies.
  const lane = async (): Promise<void> => {
    while (next < jobs.length && !opts.signal?.aborted && failedStarts < 3) {
      await new Promise<void>((resolve) => {
        const worker = new Worker(url);
        live.add(worker);
        let current = -1;
        let started = false;
        const feed = () => {
          if (next >= jobs.length || opts.signal?.aborted) return void worker.terminate();
          current = next++;
          const msg: ToWorker = { kind: 'request', requestId: current, name: 'run', args: jobs[current] };
          worker.postMessage(msg);
        };
        worker.on('message', (msg: FromWorker) => {
          if (msg.kind === 'ready') {
            started = true;
            return feed();
          }
          if (msg.kind !== 'response') return;
          current = -1;
          if (msg.ok) settle(msg.requestId, { ok: true, result: msg.result as AnyRunResult });
          else {
            const refused = msg.error.code === 'invalid_scenario' || msg.error.code === 'unstable';
            settle(msg.requestId, { ok: false, kind: refused ? 'refused' : 'crashed', message: msg.error.message, ...(msg.error.issues && { issues: msg.error.issues }) });
          }
          feed();
        });
        worker.on('error', (e) => {
          if (current >= 0) settle(current, { ok: false, kind: 'crashed', message: `the worker running this point failed: ${e.message.split('\n')[0]}` });
          current = -1;
        });
        worker.on('exit', (code) => {
          live.delete(worker);
          if (!started) failedStarts++;
          if (current >= 0) {
            const why = opts.signal?.aborted ? { kind: 'cancelled' as const, message: 'cancelled' } : { kind: 'crashed' as const, message: `the worker running this point died (exit code ${code})` };
            settle(current, { ok: false, ...why });
          }
          resolve();
        });
      });
    }
  };
  await Promise.all(Array.from({ length: size }, lane));
  opts.signal?.removeEventListener('abort', abort);
  const unrun: RunOutcome = opts.signal?.aborted
    ? { ok: false, kind: 'cancelled', message: 'cancelled before it started' }
    : { ok: false, kind: 'crashed', message: 'no worker could start to run it' };
  return outcomes.map((o) => o ?? unrun);
}

/** Every outcome's result, or the first failure thrown (a refused point as the ScenarioError it was). */
export function allResults(outcomes: RunOutcome[]): AnyRunResult[] {
  return outcomes.map((o) => {
    if (o.ok) return o.result;
    if (o.issues?.length) throw new ScenarioError(o.issues);
    throw new Error(o.message);
  });
}
