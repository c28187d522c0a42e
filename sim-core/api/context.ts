// What every api function receives besides its arguments: the pricing catalogs (data, loaded by the caller),
// the wall clock (sim-core has no timer of its own), a progress sink and a cancel check. Times in ms.

import type { PricingCatalog } from '../cost/pricing-schema';
import type { Progress } from '../protocol';

export interface ApiContext {
  catalogs: readonly PricingCatalog[];
  /** Wall clock in ms; only wall_ms figures read it. */
  clock: () => number;
  onProgress?: (p: Progress) => void;
  /** Polled between event chunks and between simulations: true stops the request with a Cancelled error. */
  cancelled?: () => boolean;
}

/** Thrown when the caller's cancel check says stop; the worker answers it as code "cancelled". */
export class Cancelled extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** A context for callers that want none of it (tests, scripts): no catalogs, Date.now, no progress. */
export function quietContext(catalogs: readonly PricingCatalog[] = []): ApiContext {
  return { catalogs, clock: Date.now };
}

/** The part [from, from + span] of a request's progress, for one of its steps. */
export function subProgress(ctx: ApiContext, from: number, span: number, label?: string): ApiContext {
  const outer = ctx.onProgress;
  if (!outer) return ctx;
  return { ...ctx, onProgress: (p) => outer({ ...p, share: from + span * Math.min(1, Math.max(0, p.share)), ...(label && !p.label && { label }) }) };
}

export function checkCancelled(ctx: ApiContext): void {
  if (ctx.cancelled?.()) throw new Cancelled();
}
