// Runs `run` requests of the protocol on all cores with worker_threads: one worker per core, each taking the next
// request when it finishes one. Outcomes come back in the order of the requests, each a result or the error the
// worker answered (so one unstable point does not sink the others).

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ScenarioError, type AnyRunResult, type ArgsOf, type FromWorker, type ToWorker, type WorkerError } from '../../sim-core/index';

export type RunOutcome = { ok: true; result: AnyRunResult } | { ok: false; error: WorkerError };

/** The worker script beside this module: the built one next to the bundle, or the tsx shim beside the source. */
const WORKER_URL = new URL('./sweep-worker.mjs', import.meta.url);

export async function runInWorkers(jobs: ArgsOf<'run'>[], onDone?: (index: number, done: number) => void): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = new Array(jobs.length);
  const size = Math.max(1, Math.min(jobs.length, availableParallelism()));
  let next = 0;
  let done = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_URL);
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const index = next++;
        const msg: ToWorker = { kind: 'request', requestId: index, name: 'run', args: jobs[index] };
        worker.postMessage(msg);
      };
      worker.on('message', (msg: FromWorker) => {
        if (msg.kind === 'ready') return feed();
        if (msg.kind !== 'response') return;
        outcomes[msg.requestId] = msg.ok ? { ok: true, result: msg.result as AnyRunResult } : { ok: false, error: msg.error };
        onDone?.(msg.requestId, ++done);
        feed();
      });
      worker.on('error', reject);
    });
  await Promise.all(Array.from({ length: size }, one));
  return outcomes;
}

/** Every outcome's result, or the first failure thrown (a refused scenario as the ScenarioError it was). */
export function allResults(outcomes: RunOutcome[]): AnyRunResult[] {
  return outcomes.map((o) => {
    if (o.ok) return o.result;
    if (o.error.issues?.length) throw new ScenarioError(o.error.issues);
    throw new Error(o.error.message);
  });
}
