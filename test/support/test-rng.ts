// Seeded uniforms for tests, independent of sim-core's PRNG so the expectations do not share code
// with the simulator: sfc32 (Doty-Humphrey's small fast counter), two outputs per 53-bit double.

export class TestRng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = seed | 0;
    this.c = (seed * 2654435761) | 0;
    for (let i = 0; i < 15; i++) this.u32(); // mix away the structured seed
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in (0, 1): never 0, so −ln(U) is finite. */
  uniform(): number {
    const hi = this.u32() >>> 5; // 27 bits
    const lo = this.u32() >>> 6; // 26 bits
    return (hi * 67108864 + lo + 0.5) / 9007199254740992;
  }

  exponential(mean: number): number {
    return -mean * Math.log(this.uniform());
  }
}

/** Nearest-rank quantile of a sorted array: the ⌈p·n⌉-th smallest (p = 0 → the smallest). */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const k = Math.min(n, Math.max(1, Math.ceil(p * n - 1e-9)));
  return sorted[k - 1];
}
