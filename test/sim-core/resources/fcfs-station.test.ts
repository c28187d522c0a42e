import { describe, expect, it } from 'vitest';
import { createRng } from '../../../sim-core/kernel/prng';
import { Simulator } from '../../../sim-core/kernel/simulator';
import { FcfsStation } from '../../../sim-core/resources/fcfs-station';
import { TestRng } from '../../support/test-rng';
import { batchRatio, expo, PoissonSource, RecordingClient } from './harness';

/** Schedules arrive(entity, service) calls at given times through a handler of its own. */
function feeder(sim: Simulator, station: FcfsStation, arrivals: [time: number, service: number][]): void {
  const id = sim.register({ onEvent: (k: number) => station.arrive(k, arrivals[k][1]) });
  arrivals.forEach(([t], k) => sim.at(t, id, k));
}

describe('FcfsStation', () => {
  it('follows a hand-computed schedule: c = 2, arrivals at 0,1,2,3 each needing 5 ms', () => {
    // Customer 0 starts at 0 on server A and leaves at 0+5 = 5.
    // Customer 1 starts at 1 on server B and leaves at 1+5 = 6.
    // Customer 2 arrives at 2 with both busy; waits for the first free server (A at 5): leaves 5+5 = 10.
    // Customer 3 arrives at 3; the next server frees at 6 (B): leaves 6+5 = 11.
    const sim = new Simulator();
    const client = new RecordingClient(sim, 4, true);
    const st = new FcfsStation(sim, 0, client, { servers: 2 });
    feeder(sim, st, [[0, 5], [1, 5], [2, 5], [3, 5]]);
    sim.run(2.5);
    expect(st.busy).toBe(2);
    expect(st.line.length).toBe(1);
    expect(st.population).toBe(3);
    sim.run(Infinity);
    expect(Array.from(client.doneAt)).toEqual([5, 6, 10, 11]);
    expect(client.order).toEqual([0, 1, 2, 3]);
    expect(st.completions).toBe(4);
    expect(st.busy).toBe(0);
    expect(st.population).toBe(0);
  });

  it('rejects with queue_full when the waiting room is full (c = 1, room for 1, three at once)', () => {
    const sim = new Simulator();
    const client = new RecordingClient(sim, 3, true);
    const st = new FcfsStation(sim, 4, client, { servers: 1, queueCapacity: 1 });
    const dropped: [number, number, string][] = [];
    client.onDropped = (e, r, cause) => dropped.push([e, r, cause]);
    feeder(sim, st, [[0, 2], [0, 3], [0, 4]]);
    sim.run(Infinity);
    // 0 is served at once (0 → 2), 1 waits (2 → 5), 2 finds the only waiting place taken.
    expect(dropped).toEqual([[2, 4, 'queue_full']]);
    expect(st.rejected).toBe(1);
    expect(Array.from(client.doneAt)).toEqual([2, 5, NaN]);
  });

  it('a waiter abandons exactly at its patience, unless service starts first (hand-computed)', () => {
    // c = 1, patience 4. Customer 0: [0, 0+6 = 6). Customer 1 arrives at 1: would start at 6 > 1+4 = 5 ⇒ leaves
    // at 5 with 'timeout'. Customer 2 arrives at 3: starts at 6 ≤ 3+4 = 7 ⇒ served 6 → 6+1 = 7, its timeout is
    // cancelled and never fires.
    const sim = new Simulator();
    const client = new RecordingClient(sim, 3);
    const st = new FcfsStation(sim, 0, client, { servers: 1, patienceMs: 4 });
    feeder(sim, st, [[0, 6], [1, 1], [3, 1]]);
    sim.run(6.5);
    // Customer 2 is in service: its patience event was cancelled, so only its completion (at 7) is pending.
    expect(sim.calendar.size).toBe(1);
    expect(sim.calendar.peekTime()).toBe(7);
    sim.run(Infinity);
    expect(Array.from(client.doneAt)).toEqual([6, NaN, 7]);
    expect(Array.from(client.droppedAt)).toEqual([NaN, 5, NaN]);
    expect(client.causes[1]).toBe('timeout');
    expect(st.abandoned).toBe(1);
    expect(sim.calendar.size).toBe(0);
  });

  it('busyLevel integrates to the total service time (hand-made schedule)', () => {
    // c = 2. Arrivals (time, service): (0,5) (1,5) (2,5) (3,5) (20,4) (21,2).
    // Busy servers: [0,1) 1, [1,10) 2, [10,11) 1, [11,20) 0, [20,21) 1, [21,23) 2, [23,24) 1, then 0.
    // Area = 1 + 18 + 1 + 0 + 1 + 4 + 1 = 26 = 5+5+5+5+4+2. Over [0, 30]: 26/30. Queue: one waiter on [2,3),
    // two on [3,5), one on [5,6) ⇒ area 1 + 4 + 1 = 6.
    const sim = new Simulator();
    const client = new RecordingClient(sim, 6);
    const st = new FcfsStation(sim, 0, client, { servers: 2 });
    feeder(sim, st, [[0, 5], [1, 5], [2, 5], [3, 5], [20, 4], [21, 2]]);
    sim.run(30);
    expect(st.busyLevel.average(0, 30)).toBeCloseTo(26 / 30, 12);
    expect(st.busyLevel.max).toBe(2);
    expect(st.queueLevel.average(0, 30)).toBeCloseTo(6 / 30, 12);
    expect(st.queueLevel.max).toBe(2);
  });

  it('rejects invalid server counts', () => {
    const sim = new Simulator();
    const client = new RecordingClient(sim, 1);
    expect(() => new FcfsStation(sim, 0, client, { servers: 0 })).toThrow();
    expect(() => new FcfsStation(sim, 0, client, { servers: 1.5 })).toThrow();
  });

  it('M/M/1 with deterministic patience agrees with a Lindley-recursion reference and the exact formula', () => {
    // λ = 0.09/ms, E[S] = 10 ms (μ = 0.1/ms, ρ = 0.9), patience D = 20 ms.
    const lambda = 0.09;
    const meanS = 10;
    const D = 20;
    const N = 500_000;
    const warm = 5_000;

    // --- the station under test, fed by Poisson arrivals through Simulator events
    const sim = new Simulator();
    const rng = createRng(4242);
    const serviceRng = rng.fork();
    const src = new PoissonSource(sim, rng, lambda, N, () => expo(meanS, serviceRng.nextOpen()));
    const client = new RecordingClient(sim, N);
    const st = new FcfsStation(sim, 0, client, { servers: 1, patienceMs: D });
    src.station = st;
    src.start();
    sim.run(Infinity);
    expect(client.done + client.dropped).toBe(N);
    expect(st.completions + st.abandoned).toBe(N);
    const simAband = batchRatio((i) => (Number.isNaN(client.droppedAt[i]) ? 0 : 1), () => 1, warm, N);
    const simWait = batchRatio(
      (i) => (Number.isNaN(client.doneAt[i]) ? 0 : client.doneAt[i] - src.arrival[i] - src.demand[i]),
      (i) => (Number.isNaN(client.doneAt[i]) ? 0 : 1),
      warm,
      N,
    );
    // Abandoners leave exactly D after arriving.
    let badDeadline = 0;
    for (let i = 0; i < N; i++) {
      if (!Number.isNaN(client.droppedAt[i]) && Math.abs(client.droppedAt[i] - src.arrival[i] - D) > 1e-9 * (1 + src.arrival[i])) badDeadline++;
    }
    expect(badDeadline).toBe(0);

    // --- reference: the virtual waiting time V (work that a new arrival would have to wait for).
    // Between arrivals V decays at rate 1; an arrival sees V; if V > D it abandons and adds no work, otherwise it
    // waits V and adds its service time S to V. Own uniform generator (sfc32), so the stream is different.
    const u = new TestRng(777);
    const abandonedRef = new Uint8Array(N);
    const waitRef = new Float64Array(N);
    let V = 0;
    for (let i = 0; i < N; i++) {
      V = Math.max(0, V - expo(1 / lambda, u.uniform()));
      if (V > D) {
        abandonedRef[i] = 1;
      } else {
        waitRef[i] = V;
        V += expo(meanS, u.uniform());
      }
    }
    const refAband = batchRatio((i) => abandonedRef[i], () => 1, warm, N);
    const refWait = batchRatio((i) => waitRef[i], (i) => 1 - abandonedRef[i], warm, N);

    // --- tolerance: 4 standard errors of the difference of two independent estimates (batch means, 50 batches).
    const tol = (a: { se: number }, b: { se: number }) => 4 * Math.hypot(a.se, b.se);
    expect(Math.abs(simAband.mean - refAband.mean)).toBeLessThan(tol(simAband, refAband));
    expect(Math.abs(simWait.mean - refWait.mean)).toBeLessThan(tol(simWait, refWait));
    // The comparison has power: the standard errors are small against what is measured.
    expect(simAband.se / simAband.mean).toBeLessThan(0.02);
    expect(simWait.se / simWait.mean).toBeLessThan(0.02);

    // --- exact M/M/1+D (level crossing on V, θ = μ − λ): density of V is Cλe^{−θx} on (0, D] and
    // Cλe^{λD−μx} beyond D, with atom C at 0. Normalising: C·[1 + λ(1 − e^{−θD})/θ + λe^{−θD}/μ] = 1.
    // P(abandon) = P(V > D) = Cλe^{−θD}/μ (PASTA); E[wait | served] = E[V; V ≤ D]/P(V ≤ D) with
    // E[V; V ≤ D] = Cλ(1 − e^{−θD}(1 + θD))/θ². Here: C ≈ 0.2969, P(abandon) ≈ 0.2188, E[wait | served] ≈ 5.99 ms.
    const mu = 1 / meanS;
    const theta = mu - lambda;
    const e = Math.exp(-theta * D);
    const C = 1 / (1 + (lambda * (1 - e)) / theta + (lambda * e) / mu);
    const pAband = (C * lambda * e) / mu;
    const meanWaitServed = (C * lambda * (1 - e * (1 + theta * D))) / theta ** 2 / (1 - pAband);
    expect(pAband).toBeCloseTo(0.2188, 3);
    expect(Math.abs(simAband.mean - pAband)).toBeLessThan(4 * simAband.se);
    expect(Math.abs(refAband.mean - pAband)).toBeLessThan(4 * refAband.se);
    expect(Math.abs(simWait.mean - meanWaitServed)).toBeLessThan(4 * simWait.se);
    expect(Math.abs(refWait.mean - meanWaitServed)).toBeLessThan(4 * refWait.se);
  });
});
