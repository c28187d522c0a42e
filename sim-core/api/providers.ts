// api: the pricing catalogs at hand, with the date their prices were entered and their source.

import type { ResultOf } from '../protocol';
import type { ApiContext } from './context';

export function providers(_args: Record<string, never>, ctx: ApiContext): ResultOf<'providers'> {
  return ctx.catalogs.map((c) => ({ provider: c.provider, retrieved: c.retrieved, source: c.source }));
}
