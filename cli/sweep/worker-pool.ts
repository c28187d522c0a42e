// Runs sweep points on all cores with worker_threads: one worker per core, each taking the next point when it
// finishes one. Results come back in the order of the points.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnyRunResult } from '../../sim-core/scenario/run-scenario';
import type { PointJob } from './run-point';

export async function runPointsInWorkers(jobs: PointJob[], onDone?: (job: PointJob, done: number) => void): Promise<AnyRunResult[]> {
  const results: AnyRunResult[] = new Array(jobs.length);
  const size = Math.max(1, Math.min(jobs.length, availableParallelism()));
  let next = 0;
  let done = 0;
  const url = new URL('./sweep-worker.mjs', import.meta.url);
  await Promise.all(
    Array.from({ length: size }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(url);
        const feed = () => {
          if (next >= jobs.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage(jobs[next++]);
        };
        worker.on('message', (msg: { ready?: boolean; id?: number; ok?: boolean; result?: AnyRunResult; error?: string }) => {
          if (msg.ready) return feed();
          if (!msg.ok) {
            void worker.terminate();
            return reject(new Error(msg.error));
          }
          results[msg.id!] = msg.result!;
          onDone?.(jobs[msg.id!], ++done);
          feed();
        });
        worker.on('error', reject);
      }),
    ),
  );
  return results;
}
