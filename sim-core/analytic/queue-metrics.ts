// The result shape every open-queue solver returns, and the input checks they share.
// Rates are per time unit and times are in that same time unit; the caller picks the unit (ms or s).

/** Steady-state metrics of an open queue. */
export interface QueueMetrics {
  /** Per-server utilisation, in [0, 1). */
  rho: number;
  /** Mean time waiting in queue before service starts (time units). */
  meanWait: number;
  /** Mean time in system: wait + service (time units). */
  meanResponse: number;
  /** Mean number waiting, not in service. */
  meanInQueue: number;
  /** Mean number in system: waiting + in service. */
  meanInSystem: number;
  /** Probability an arrival has to wait (Poisson arrivals see time averages). */
  probWait: number;
  /** Departure rate, equal to the arrival rate in steady state (per time unit). */
  throughput: number;
}

// Internal helpers (not re-exported from index.ts): every check throws a RangeError naming the function,
// the parameter and what was expected, so a bad slider value in the UI is diagnosable from the message.

export function requirePositive(fn: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${fn}: ${name} must be a finite number > 0, got ${value}`);
  }
}

export function requireNonNegative(fn: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${fn}: ${name} must be a finite number >= 0, got ${value}`);
  }
}

export function requireInteger(fn: string, name: string, value: number, min: number): void {
  if (!(Number.isSafeInteger(value) && value >= min)) {
    throw new RangeError(`${fn}: ${name} must be a whole number >= ${min}, got ${value}`);
  }
}

/** A quantile level: p = 1 would be an infinite time, so it is refused rather than returned as Infinity. */
export function requireProbability(fn: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0 && value < 1)) {
    throw new RangeError(`${fn}: ${name} must be a probability in [0, 1), got ${value}`);
  }
}

export function requireStable(fn: string, rho: number): void {
  if (!(rho < 1)) {
    throw new RangeError(
      `${fn}: the queue is unstable (rho = ${rho}, must be < 1): arrivals exceed service capacity`,
    );
  }
}
