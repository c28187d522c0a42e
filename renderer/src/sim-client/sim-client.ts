// The renderer's handle on the simulation worker: typed requests that resolve with the worker's result, progress
// callbacks, Stop (terminate and start a fresh worker, as runs are synchronous inside it), and recovery from a
// worker that crashes or sends nothing for 30 s while work is pending. Times in ms.

import type { WorkerError } from '../../../sim-core/index';
import type { ArgsOf, FromUiWorker, RequestName, ResultOf, RequestMessage, UiProgress } from './requests';

/** A worker silent this long while busy is treated as hung. */
export const HANG_MS = 30_000;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: WorkerError) => void;
  onProgress?: (p: UiProgress) => void;
}

export class SimRequestError extends Error {
  constructor(readonly error: WorkerError) {
    super(error.message);
  }
}

export interface SimClientEvents {
  /** The worker died or hung and was replaced; the message says what the user lost. */
  onFailure: (message: string) => void;
}

export class SimClient {
  private worker!: Worker;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private lastBeat = 0;
  private readonly watchdog: ReturnType<typeof setInterval>;

  constructor(private readonly events: SimClientEvents, private readonly hangMs = HANG_MS) {
    this.spawn();
    this.watchdog = setInterval(() => this.checkHang(), 1000);
  }

  private spawn(): void {
    this.worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'capsim-sim' });
    this.worker.onmessage = (ev: MessageEvent<FromUiWorker>) => this.receive(ev.data);
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      this.replace('crashed', `The simulation worker crashed (${ev.message || 'unknown error'}) and was restarted.`);
    };
  }

  private receive(msg: FromUiWorker): void {
    this.lastBeat = performance.now();
    if (msg.kind === 'ready') return;
    const p = this.pending.get(msg.requestId);
    if (!p) return;
    if (msg.kind === 'progress') {
      p.onProgress?.(msg.payload);
      return;
    }
    this.pending.delete(msg.requestId);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(msg.error);
  }

  private checkHang(): void {
    if (this.pending.size === 0) return;
    if (performance.now() - this.lastBeat > this.hangMs) {
      this.replace('crashed', `The simulation stopped responding for ${Math.round(this.hangMs / 1000)} s; it was stopped and a fresh worker started.`);
    }
  }

  /** Terminate the worker, fail everything pending with `code`, start a new worker. */
  private replace(code: WorkerError['code'], message: string): void {
    this.worker.terminate();
    const failed = [...this.pending.values()];
    this.pending.clear();
    this.spawn();
    for (const p of failed) p.reject({ code, message });
    if (code === 'crashed') this.events.onFailure(message);
  }

  request<K extends RequestName>(name: K, args: ArgsOf<K>, onProgress?: (p: UiProgress) => void): { id: number; result: Promise<ResultOf<K>> } {
    const requestId = this.nextId++;
    if (this.pending.size === 0) this.lastBeat = performance.now();
    const result = new Promise<ResultOf<K>>((resolve, reject) => {
      this.pending.set(requestId, { resolve: resolve as (v: unknown) => void, reject: (e) => reject(new SimRequestError(e)), onProgress });
    });
    const msg: RequestMessage<K> = { kind: 'request', requestId, name, args };
    this.worker.postMessage(msg);
    return { id: requestId, result };
  }

  /** Stop whatever is running: the worker is replaced and every pending request fails as cancelled. */
  stop(): void {
    if (this.pending.size > 0) this.replace('cancelled', 'Stopped.');
  }

  /** Cancel one request; if it is the one running, the whole worker is stopped. */
  cancel(id: number): void {
    if (!this.pending.has(id)) return;
    this.stop();
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Test hook: make the worker hang or crash. */
  crashForTest(): void {
    this.replace('crashed', 'The simulation worker crashed (test) and was restarted.');
  }

  dispose(): void {
    clearInterval(this.watchdog);
    this.worker.terminate();
  }
}
