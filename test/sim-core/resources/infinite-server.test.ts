import { describe, expect, it } from 'vitest';
import { createRng } from '../../../sim-core/kernel/prng';
import { Simulator } from '../../../sim-core/kernel/simulator';
import { InfiniteServer } from '../../../sim-core/resources/infinite-server';
import { PoissonSource, RecordingClient } from './harness';

describe('InfiniteServer', () => {
  it('serves everyone at once for their own duration (hand-computed)', () => {
    const sim = new Simulator();
    const client = new RecordingClient(sim, 3, true);
    const is = new InfiniteServer(sim, 0, client);
    is.arrive(0, 5);
    is.arrive(1, 2);
    is.arrive(2, 5);
    expect(is.present).toBe(3);
    sim.run(Infinity);
    expect(Array.from(client.doneAt)).toEqual([5, 2, 5]);
    expect(client.order).toEqual([1, 0, 2]); // equal finish times in arrival order
    // Present: 3 on [0,2), 2 on [2,5) ⇒ area 12; over [0, 10]: 1.2.
    expect(is.presentLevel.average(0, 10)).toBeCloseTo(1.2, 12);
    expect(is.completions).toBe(3);
  });

  it('M/G/∞: mean number present = λ·E[S] within 2%', () => {
    // λ = 0.5/ms, S ~ Uniform(0, 40) ms (E[S] = 20, E[S²] = 1600/3) ⇒ mean present λE[S] = 10.
    // Precision: the number present is Poisson(10) with autocorrelation r(t) = ∫_t^∞ P(S > u)du / E[S], whose
    // integral is E[S²]/(2E[S]) ≈ 13.3 ms, so the time average over T ≈ 8e5 ms has standard error
    // √(2·10·13.3/8e5) ≈ 0.018 (0.2%): 2% is > 10 standard errors.
    const lambda = 0.5;
    const N = 400_000;
    const sim = new Simulator();
    const rng = createRng(1234);
    const svc = rng.fork();
    const src = new PoissonSource(sim, rng, lambda, N, () => 40 * svc.next());
    const client = new RecordingClient(sim, N);
    const is = new InfiniteServer(sim, 0, client);
    src.station = is;
    src.start();
    const T = src.customers / lambda; // ≈ the last arrival; the horizon cuts the run there
    sim.run(T);
    const avg = is.presentLevel.average(0, T);
    expect(Math.abs(avg / 10 - 1)).toBeLessThan(0.02);
    // Exact bookkeeping after draining: the area equals the sum of the delays (Little's law, sample-path form).
    sim.run(Infinity);
    const end = sim.now;
    let sumS = 0;
    for (let i = 0; i < src.sent; i++) sumS += src.demand[i];
    expect(is.presentLevel.average(0, end) * end).toBeCloseTo(sumS, 3);
    expect(is.present).toBe(0);
    expect(is.completions).toBe(src.sent);
    // Everyone left exactly their delay after arriving.
    let bad = 0;
    for (let i = 0; i < src.sent; i++) if (Math.abs(client.doneAt[i] - src.arrival[i] - src.demand[i]) > 1e-6) bad++;
    expect(bad).toBe(0);
  });
});
