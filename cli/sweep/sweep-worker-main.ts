// A worker_threads worker of the CLI: answers protocol requests from its parent with sim-core's message handler
// (the same handler the app's Web Worker wraps).

import { parentPort } from 'node:worker_threads';
import { handleMessage, type FromWorker, type ToWorker } from '../../sim-core/index';

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const transport = { post, context: { catalogs: [], clock: () => performance.now() }, cancelled: new Set<number>() };
port.on('message', (msg: ToWorker) => handleMessage(msg, transport));
post({ kind: 'ready' });
