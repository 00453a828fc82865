/**
 * An exact oracle for the statistics: every double is a dyadic rational m·2^-s, so sums and products of
 * doubles are exact in BigInt, and only the final quotient is rounded (once, to nearest). Written
 * independently of src/core (no shared helpers), so agreement means something.
 */

/** m · 2^-s exactly. */
export interface Dyadic {
  m: bigint;
  s: number;
}

const view = new DataView(new ArrayBuffer(8));

export function dyadic(x: number): Dyadic {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  if (x === 0) return { m: 0n, s: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  // Strip trailing zero bits so the integers stay small (prices like 1e9 + cents need ~60 bits, not 1100).
  while ((mant & 1n) === 0n) {
    mant >>= 1n;
    exp++;
  }
  return { m: sign * mant, s: -exp };
}

function align(a: Dyadic, s: number): bigint {
  return s >= a.s ? a.m << BigInt(s - a.s) : a.m >> BigInt(a.s - s); // only ever called with s >= a.s
}

export function add(a: Dyadic, b: Dyadic): Dyadic {
  const s = Math.max(a.s, b.s);
  return { m: align(a, s) + align(b, s), s };
}

export function sub(a: Dyadic, b: Dyadic): Dyadic {
  return add(a, { m: -b.m, s: b.s });
}

export function mul(a: Dyadic, b: Dyadic): Dyadic {
  return { m: a.m * b.m, s: a.s + b.s };
}

export function int(k: number): Dyadic {
  return { m: BigInt(k), s: 0 };
}

export function sum(xs: Dyadic[]): Dyadic {
  if (xs.length === 0) return { m: 0n, s: 0 };
  const s = Math.max(...xs.map((x) => x.s));
  let m = 0n;
  for (const x of xs) m += align(x, s);
  return { m, s };
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(16).length * 4;
}

function timesPow2(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/** a / b rounded to a double (the quotient is formed with 90+ bits before the single rounding). */
export function quotient(a: Dyadic, b: Dyadic): number {
  if (b.m === 0n) throw new Error("division by zero");
  if (a.m === 0n) return 0;
  const negative = a.m < 0n !== b.m < 0n;
  const num = a.m < 0n ? -a.m : a.m;
  const den = b.m < 0n ? -b.m : b.m;
  const k = Math.max(0, bitLength(den) - bitLength(num) + 96);
  const q = (num << BigInt(k)) / den;
  const value = timesPow2(Number(q), b.s - a.s - k);
  return negative ? -value : value;
}

export function toNumber(a: Dyadic): number {
  return quotient(a, int(1));
}

/** n·Σxy − Σx·Σy: n² times the centred cross-product sum, exact. */
function centred(x: Dyadic[], y: Dyadic[]): Dyadic {
  const n = int(x.length);
  return sub(mul(n, sum(x.map((v, i) => mul(v, y[i])))), mul(sum(x), sum(y)));
}

export interface ExactRegression {
  ratio: number;
  intercept: number;
  variance: { s: number; f: number };
  rSquared: number;
  /** Standard error of the slope, n−2 degrees of freedom. */
  stdError: number;
  /** Residual standard deviation sqrt(SSE/(n−2)). */
  residualSd: number;
}

/** Exact OLS of s on f (s = intercept + ratio·f), each result rounded once (square roots: twice). */
export function exactRegression(sIn: ArrayLike<number>, fIn: ArrayLike<number>): ExactRegression {
  const s = Array.from(sIn, dyadic);
  const f = Array.from(fIn, dyadic);
  const n = s.length;
  const cff = centred(f, f);
  const css = centred(s, s);
  const csf = centred(s, f);
  const nn = int(n);
  // With the n²-scaled sums above, SSE = (Css·Cff − Csf²)/(n·Cff).
  const sseNum = sub(mul(css, cff), mul(csf, csf));
  const intercept = quotient(sub(mul(sum(s), cff), mul(csf, sum(f))), mul(nn, cff));
  const residualVar = quotient(sseNum, mul(mul(nn, cff), int(n - 2)));
  return {
    ratio: quotient(csf, cff),
    intercept,
    variance: { s: quotient(css, mul(nn, int(n - 1))), f: quotient(cff, mul(nn, int(n - 1))) },
    rSquared: quotient(mul(csf, csf), mul(css, cff)),
    stdError: Math.sqrt(quotient(sseNum, mul(mul(cff, cff), int(n - 2)))),
    residualSd: n > 2 ? Math.sqrt(residualVar) : NaN,
  };
}

/** Exact sample variance (n−1) and mean. */
export function exactMoments(xIn: ArrayLike<number>): { mean: number; variance: number } {
  const x = Array.from(xIn, dyadic);
  const n = x.length;
  return { mean: quotient(sum(x), int(n)), variance: quotient(centred(x, x), int(n * (n - 1))) };
}

/** Exact 1 − Var(s − h·f)/Var(s) for a double h. */
export function exactVarianceReduction(sIn: ArrayLike<number>, fIn: ArrayLike<number>, h: number): number {
  const s = Array.from(sIn, dyadic);
  const hd = dyadic(h);
  const e = Array.from(fIn, (v, i) => sub(s[i], mul(hd, dyadic(v))));
  const ce = centred(e, e);
  const cs = centred(s, s);
  return quotient(sub(cs, ce), cs);
}

/** Exact differences of consecutive doubles (the "prices" transform), as doubles (exact when representable). */
export function exactChanges(prices: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 1; i < prices.length; i++) out.push(toNumber(sub(dyadic(prices[i]), dyadic(prices[i - 1]))));
  return out;
}

/** Correct digits: −log10 of the relative error (capped at 17 for an exact match). */
export function digits(estimate: number, exact: number): number {
  if (estimate === exact) return 17;
  if (exact === 0) return -Math.log10(Math.abs(estimate));
  return Math.min(17, -Math.log10(Math.abs(estimate - exact) / Math.abs(exact)));
}

/** A small deterministic generator (Numerical Recipes LCG), so hard test data are the same on every run. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
