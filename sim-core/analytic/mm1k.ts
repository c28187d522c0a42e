// M/M/1/K: one exponential server, room for K customers in total (K − 1 waiting); arrivals finding it full are
// lost. Rates per time unit, times in the same unit. Used as the oracle for finite waiting rooms.

export interface Mm1kMetrics {
  blocking: number;
  meanInSystem: number;
  /** Mean time in system of accepted customers. */
  meanResponse: number;
  throughput: number;
}

export function mm1k(lambda: number, mu: number, capacity: number): Mm1kMetrics {
  if (!(lambda > 0) || !(mu > 0)) throw new RangeError(`rates must be > 0, got λ=${lambda}, μ=${mu}`);
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a whole number ≥ 1, got ${capacity}`);
  const rho = lambda / mu;
  // Stationary distribution p_n ∝ ρ^n, n = 0..K; summed directly, which is exact for ρ = 1 too.
  let norm = 0;
  let weighted = 0;
  let term = 1;
  for (let n = 0; n <= capacity; n++) {
    norm += term;
    weighted += n * term;
    if (n < capacity) term *= rho;
  }
  const blocking = term / norm;
  const meanInSystem = weighted / norm;
  const throughput = lambda * (1 - blocking);
  return { blocking, meanInSystem, meanResponse: meanInSystem / throughput, throughput };
}
