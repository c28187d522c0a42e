// The engine against exact queueing results: every conformance case `capsim selftest` ships must pass — mean
// response within 2 % with the exact value inside the simulated 95 % interval, M/M/1's p95 within 3 % of
// −ln(0.05)/(μ−λ), the M/M/1/K loss rate, and Little's law in every run.

import { describe, expect, it } from 'vitest';
import { conformanceCases } from '../../../sim-core/selftest/conformance-cases';
import { runConformanceCase } from '../../../sim-core/selftest/selftest';

describe('conformance against analytic results', () => {
  for (const c of conformanceCases()) {
    it(c.title, () => {
      const r = runConformanceCase(c);
      for (const k of r.checks) {
        expect.soft(k.relError, `${k.measure}: simulated ${k.simulated} vs exact ${k.exact}`).toBeLessThanOrEqual(k.tolerance);
        if (k.lo !== undefined) {
          expect.soft(k.exact, `${k.measure}: exact inside [${k.lo}, ${k.hi}]`).toBeGreaterThanOrEqual(k.lo);
          expect.soft(k.exact).toBeLessThanOrEqual(k.hi!);
        }
      }
      expect(r.run.stop_reason).toBe('precision');
    });
  }

  it('the exact values are the textbook ones (checked by hand)', () => {
    const byId = new Map(conformanceCases().map((c) => [c.id, c]));
    // M/M/1, S = 10 ms: W = S/(1 − ρ) → 20, 50, 200 ms; p95 = −ln 0.05 · W.
    expect(byId.get('mm1-rho-0.5')!.exact[0].exact).toBeCloseTo(20, 9);
    expect(byId.get('mm1-rho-0.95')!.exact[0].exact).toBeCloseTo(200, 9);
    expect(byId.get('mm1-rho-0.8')!.exact[1].exact).toBeCloseTo(-Math.log(0.05) * 50, 9);
    // M/D/1, ρ = 0.8: W = S + ρS/(2(1 − ρ)) = 10 + 8/0.4 = 30 ms.
    expect(byId.get('md1')!.exact[0].exact).toBeCloseTo(30, 9);
    // M/M/2, ρ = 0.8, a = 1.6: C = a²/2 /(1 − ρ) / (1 + a + a²/2/(1 − ρ)) = 6.4/(2.6 + 6.4) = 0.7111;
    // W = S + C·S/(c(1 − ρ)) = 10 + 0.7111·10/0.4 = 27.78 ms.
    expect(byId.get('mmc-c2')!.exact[0].exact).toBeCloseTo(10 + (6.4 / 9) * 25, 6);
  });
});
