// The Web Worker that runs sim-core: a routing table over sim-core's api (handleMessage), with the bundled
// pricing catalogs and the worker's clock. Requests run one at a time (runs are synchronous); progress is
// posted between event chunks. The analytic preview also runs on the main thread (preview-engine.ts).
/// <reference lib="webworker" />

import { handleMessage, parseCatalog, type FromWorker, type PricingCatalog, type ToWorker } from '../../../sim-core/index';

const catalogFiles = import.meta.glob('../../../scenarios/pricing/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

const catalogs: PricingCatalog[] = [];
for (const raw of Object.values(catalogFiles)) {
  try {
    catalogs.push(parseCatalog(raw));
  } catch {
    /* a broken catalog only removes its prices */
  }
}

const transport = {
  post: (m: FromWorker) => postMessage(m),
  context: { catalogs, clock: () => performance.now() },
  cancelled: new Set<number>(),
};

self.onmessage = (ev: MessageEvent<ToWorker>) => handleMessage(ev.data, transport);

transport.post({ kind: 'ready' });
