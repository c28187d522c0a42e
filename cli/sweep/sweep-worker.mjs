// A worker_threads worker for `capsim sweep`: loads the TypeScript loader, then runs one load point per
// message and posts the result back.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runPoint } = await import('./run-point.ts');
parentPort.on('message', (job) => {
  try {
    parentPort.postMessage({ id: job.id, ok: true, result: runPoint(job) });
  } catch (e) {
    parentPort.postMessage({ id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
parentPort.postMessage({ ready: true });
