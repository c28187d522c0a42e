// Student-t quantile for confidence intervals (dimensionless). simple-statistics has no t inverse and its
// probit is only a ~3e-3 approximation, so both are refined here by safeguarded Newton on an accurate CDF.
import { gammaln, probit } from 'simple-statistics';

const EPS = 1e-15;
const MAX_ITER = 20_000;
const LN_SQRT_PI = 0.5 * Math.log(Math.PI);
/**
 * From this df on the Cornish–Fisher series is within 1e-12 of the exact quantile (p ≥ 1e-12), while the beta
 * CDF starts losing digits to cancellation in ln B(df/2, ½) (≈ 1e-9 at df = 1e6).
 */
const DF_ASYMPTOTIC = 3000;

/** Modified Lentz continued fraction for the regularized incomplete beta (Numerical Recipes §6.4). */
function betaCf(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return h;
  }
  return h;
}

/** I_x(a, b), with y = 1 − x passed separately so that x near 1 keeps its precision. */
function betaInc(a: number, b: number, x: number, y: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(y) - (gammaln(a) + gammaln(b) - gammaln(a + b)));
  if (x < (a + 1) / (a + b + 2)) return (front * betaCf(a, b, x)) / a;
  return 1 - (front * betaCf(b, a, y)) / b;
}

/** Lower tail P(T ≤ t) for t ≤ 0 and its density (used by Newton). */
function tLower(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * betaInc(df / 2, 0.5, df / (df + t2), t2 / (df + t2));
}
function tDensity(t: number, df: number): number {
  const lnC = gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df) - LN_SQRT_PI;
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Φ(z) for z ≤ 0 as ½·Q(½, z²/2): series for small x, continued fraction for large (NR §6.2). */
function normalLower(z: number): number {
  const x = (z * z) / 2;
  const lnFront = -x + 0.5 * Math.log(x) - LN_SQRT_PI;
  if (x < 1.5) {
    if (x === 0) return 0.5;
    let ap = 0.5;
    let del = 2;
    let sum = 2;
    for (let i = 0; i < MAX_ITER && Math.abs(del) > Math.abs(sum) * EPS; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
    }
    return 0.5 * (1 - sum * Math.exp(lnFront));
  }
  let b = x + 0.5;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - 0.5);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return 0.5 * Math.exp(lnFront) * h;
}
function normalDensity(z: number): number {
  return Math.exp(-0.5 * z * z - 0.5 * Math.log(2 * Math.PI));
}

/** Root of cdf(x) = q for x ≤ 0 by Newton, falling back to bisection whenever a step leaves the bracket. */
function solveLower(q: number, guess: number, cdf: (x: number) => number, pdf: (x: number) => number): number {
  let hi = 0;
  let lo = Math.min(guess, -1);
  while (cdf(lo) > q) {
    hi = lo;
    lo *= 2;
    if (!Number.isFinite(lo)) return -Infinity;
  }
  let x = guess < lo || guess > hi ? (lo + hi) / 2 : guess;
  for (let i = 0; i < 200; i++) {
    const f = cdf(x) - q;
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    let next = x - f / pdf(x);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-14 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/** Standard normal quantile (df = ∞), accurate to ~1e-14. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p;
  // probit degenerates below ~1e-16 (1 − 2q rounds to 1); the tail asymptote is a fine start there.
  const guess = q > 1e-15 ? probit(q) : -Math.sqrt(-2 * Math.log(q));
  const z = solveLower(q, guess, normalLower, normalDensity);
  return p < 0.5 ? z : -z;
}

/** Cornish–Fisher expansion of t about the normal quantile z (Abramowitz & Stegun 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom (df may be fractional or Infinity).
 * Absolute error well below 1e-9 for df ≥ 1 and 1e-12 ≤ p ≤ 1 − 1e-12.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentTQuantile: df must be > 0, got ${df}`);
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p; // exact for p ≥ 0.5 (Sterbenz)
  let t: number;
  if (df === Infinity) {
    t = normalQuantile(q);
  } else if (df === 1) {
    t = -1 / Math.tan(Math.PI * q); // Cauchy, written so small q keeps its precision
  } else if (df === 2) {
    t = (2 * q - 1) / Math.sqrt(2 * q * (1 - q));
  } else if (df >= DF_ASYMPTOTIC) {
    t = cornishFisher(normalQuantile(q), df);
  } else {
    const guess = Math.min(cornishFisher(normalQuantile(q), df), -1e-3);
    t = solveLower(q, guess, (x) => tLower(x, df), (x) => tDensity(x, df));
  }
  return p < 0.5 ? t : -t;
}
