// A token bucket: `ratePerMs` tokens accrue continuously up to `burst`; each admitted request takes one.
// nginx limit_req with `nodelay` admits exactly what a bucket of rate r and size burst + 1 admits.
// Refill is computed lazily from the clock, so it costs no events. Time in ms.

export class TokenBucket {
  private tokens: number;
  private last = 0;
  admitted = 0;
  refused = 0;

  constructor(readonly ratePerMs: number, readonly size: number) {
    if (!(ratePerMs > 0)) throw new Error(`token rate must be > 0 per ms, got ${ratePerMs}`);
    if (!(size >= 1)) throw new Error(`bucket size must be ≥ 1, got ${size}`);
    this.tokens = size;
  }

  tryTake(now: number): boolean {
    this.tokens = Math.min(this.size, this.tokens + (now - this.last) * this.ratePerMs);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.admitted++;
      return true;
    }
    this.refused++;
    return false;
  }

  /** Milliseconds until a token will be available (0 if one is now). */
  waitFor(now: number): number {
    const level = Math.min(this.size, this.tokens + (now - this.last) * this.ratePerMs);
    return level >= 1 ? 0 : (1 - level) / this.ratePerMs;
  }
}
