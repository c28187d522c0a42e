// The routing table of the request map: request name → api function, and one message handler that every
// transport (the app's Web Worker, the CLI's worker threads) wraps around its own postMessage. Errors become
// WorkerError codes: invalid input, an unstable model, cancelled, or internal.

import type { ArgsOf, FromWorker, RequestName, ResultOf, ToWorker, WorkerError } from '../protocol';
import { ScenarioError } from '../schema/schema-errors';
import { capacity } from './capacity';
import { claims } from './claims';
import type { ApiContext } from './context';
import { cost } from './cost';
import { exportConfigs } from './export';
import { headline } from './headline';
import { lint } from './lint';
import { preview } from './preview';
import { providers } from './providers';
import { report } from './report';
import { run } from './run';
import { size } from './size';
import { sweep } from './sweep';
import { validate } from './validate';

export type Handler<K extends RequestName> = (args: ArgsOf<K>, ctx: ApiContext) => ResultOf<K>;

export const handlers: { [K in RequestName]: Handler<K> } = {
  validate,
  run,
  sweep,
  preview,
  claims,
  capacity,
  headline,
  lint,
  cost,
  export: exportConfigs,
  report,
  providers,
  size,
};

export function call<K extends RequestName>(name: K, args: ArgsOf<K>, ctx: ApiContext): ResultOf<K> {
  const handler: Handler<K> = handlers[name];
  return handler(args, ctx);
}

export function toWorkerError(e: unknown): WorkerError {
  if (e instanceof ScenarioError) {
    const unstable = e.issues.some((i) => /unstable/.test(i.message));
    return { code: unstable ? 'unstable' : 'invalid_scenario', message: e.message, issues: e.issues };
  }
  if (e instanceof RangeError) return { code: 'invalid_scenario', message: e.message };
  if (e && typeof e === 'object' && 'code' in e && 'message' in e && typeof e.message === 'string') {
    const code = e.code;
    if (code === 'invalid_scenario' || code === 'unstable' || code === 'cancelled' || code === 'crashed' || code === 'internal') return { code, message: e.message };
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/** What a transport needs: where messages go, and the context of every request but its progress. */
export interface Transport {
  post: (m: FromWorker) => void;
  context: Omit<ApiContext, 'onProgress' | 'cancelled'>;
  /** Requests cancelled before they started (a running one is stopped by the transport itself). */
  cancelled?: Set<number>;
}

/** Handles one message: runs a request (posting its progress and its response) or notes a cancel. */
export function handleMessage(msg: ToWorker, t: Transport): void {
  const cancelled = (t.cancelled ??= new Set());
  if (msg.kind === 'cancel') {
    cancelled.add(msg.requestId);
    return;
  }
  const id = msg.requestId;
  if (cancelled.delete(id)) {
    t.post({ kind: 'response', requestId: id, ok: false, error: { code: 'cancelled', message: 'cancelled' } });
    return;
  }
  try {
    const result = call(msg.name, msg.args, { ...t.context, onProgress: (payload) => t.post({ kind: 'progress', requestId: id, payload }) });
    t.post({ kind: 'response', requestId: id, ok: true, result });
  } catch (e) {
    t.post({ kind: 'response', requestId: id, ok: false, error: toWorkerError(e) });
  }
}
