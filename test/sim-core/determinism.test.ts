// Same seed ⇒ the same result, byte for byte; a different seed ⇒ a different sample path.

import { describe, expect, it } from 'vitest';
import { queueingModelSchema } from '../../sim-core/queueing/queueing-model-schema';
import { runQueueingModel } from '../../sim-core/queueing/run-queueing-model';

const model = queueingModelSchema.parse({
  kind: 'queueing', schema_version: 1, name: 'tandem with routing',
  workload: { type: 'open', interarrival_ms: { dist: 'hyperexponential', mean: 10, cv: 1.5 } },
  stations: [
    { name: 'web', servers: 4, service_ms: { dist: 'lognormal', mean: 20, p95: 50 }, routing: [{ to: 'db', p: 0.6 }, { to: 'exit', p: 0.4 }] },
    { name: 'db', discipline: 'ps', servers: 2, service_ms: { dist: 'erlang', mean: 8, k: 3 } },
  ],
  run: { seed: 42, max_events: 400_000, precision: 1e-6 },
});

const bytes = (seed: number) => {
  const { wall_ms: _wall, ...rest } = runQueueingModel(model, { seed });
  return JSON.stringify(rest);
};

describe('determinism', () => {
  it('same seed gives identical bytes', () => {
    expect(bytes(42)).toBe(bytes(42));
  });
  it('another seed gives another result', () => {
    expect(bytes(43)).not.toBe(bytes(42));
  });
});
