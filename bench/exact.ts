/**
 * Exact sample statistics of float64 data, for the accuracy report. Every double is an integer times a
 * power of two, so after scaling a column to a common exponent its sums, squares and cross products are
 * exact BigInts; each statistic is then a rational number times a power of two, and only the final
 * conversion (and square root) is rounded, to about 70 bits — far below the 2^-53 the report can show.
 * Independent of src/core on purpose: the reference must not share the code it checks.
 */

/** num / den · 2^exp, den > 0. */
export interface Rational {
  num: bigint;
  den: bigint;
  exp: number;
}

const view = new DataView(new ArrayBuffer(8));

/** x = m · 2^e exactly. */
function split(x: number): { m: bigint; e: number } {
  if (!Number.isFinite(x)) throw new Error(`not a finite double: ${x}`);
  if (x === 0) return { m: 0n, e: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074;
  if (biased !== 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return { m: hi >>> 31 ? -m : m, e };
}

/** A column as integers X[i] with x[i] = X[i] · 2^exp. */
export interface IntColumn {
  ints: bigint[];
  exp: number;
}

export function intColumn(xs: ArrayLike<number>): IntColumn {
  const parts = Array.from(xs, split);
  let exp = 0;
  for (const p of parts) if (p.m !== 0n && p.e < exp) exp = p.e;
  return { ints: parts.map((p) => p.m << BigInt(p.e - exp)), exp };
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : (x < 0n ? -x : x).toString(2).length;
}

function pow2(x: number, e: number): number {
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

export function toDouble(r: Rational): number {
  if (r.num === 0n) return 0;
  const neg = r.num < 0n;
  const a = neg ? -r.num : r.num;
  const k = 80 - (bitLength(a) - bitLength(r.den));
  const q = k >= 0 ? (a << BigInt(k)) / r.den : a / (r.den << BigInt(-k));
  const v = pow2(Number(q), r.exp - k);
  return neg ? -v : v;
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

export function sqrtToDouble(r: Rational): number {
  if (r.num < 0n) return NaN;
  if (r.num === 0n) return 0;
  let num = r.num;
  let exp = r.exp;
  if (exp % 2 !== 0) {
    num <<= 1n;
    exp -= 1;
  }
  const k = Math.ceil((150 - (bitLength(num) - bitLength(r.den))) / 2);
  const x = k >= 0 ? (num << BigInt(2 * k)) / r.den : num / (r.den << BigInt(-2 * k));
  return pow2(Number(isqrt(x)), exp / 2 - k);
}

const rat = (num: bigint, den: bigint, exp = 0): Rational => (den < 0n ? { num: -num, den: -den, exp } : { num, den, exp });

function sumOf(xs: bigint[]): bigint {
  let s = 0n;
  for (const x of xs) s += x;
  return s;
}

function dot(xs: bigint[], ys: bigint[]): bigint {
  let s = 0n;
  for (let i = 0; i < xs.length; i++) s += xs[i] * ys[i];
  return s;
}

/** Sample (n − 1) standard deviation. */
export function exactStdev(xs: ArrayLike<number>): number {
  const { ints, exp } = intColumn(xs);
  const n = BigInt(ints.length);
  const s1 = sumOf(ints);
  return sqrtToDouble(rat(n * dot(ints, ints) - s1 * s1, n * (n - 1n), 2 * exp));
}

export interface ExactRegression {
  slope: number;
  intercept: number;
  seSlope: number;
  seIntercept: number;
  rSquared: number;
  residualSd: number;
  sdX: number;
  sdY: number;
}

/** OLS of y on x with an intercept, every output from exact rationals. */
export function exactRegression(x: ArrayLike<number>, y: ArrayLike<number>): ExactRegression {
  const X = intColumn(x);
  const Y = intColumn(y);
  const n = BigInt(X.ints.length);
  const sx = sumOf(X.ints);
  const sy = sumOf(Y.ints);
  const sxx = dot(X.ints, X.ints);
  const syy = dot(Y.ints, Y.ints);
  const sxy = dot(X.ints, Y.ints);
  // n times the centred sums, in units of 2^(exp + exp).
  const cxx = n * sxx - sx * sx;
  const cyy = n * syy - sy * sy;
  const cxy = n * sxy - sx * sy;
  const sse = cyy * cxx - cxy * cxy; // n · Cxx · SSE, in units of 2^(2·Y.exp)
  return {
    slope: toDouble(rat(cxy, cxx, Y.exp - X.exp)),
    intercept: toDouble(rat(sy * cxx - cxy * sx, n * cxx, Y.exp)),
    seSlope: sqrtToDouble(rat(sse, (n - 2n) * cxx * cxx, 2 * (Y.exp - X.exp))),
    seIntercept: sqrtToDouble(rat(sse * sxx, n * (n - 2n) * cxx * cxx, 2 * Y.exp)),
    rSquared: toDouble(rat(cxy * cxy, cxx * cyy)),
    residualSd: sqrtToDouble(rat(sse, n * cxx * (n - 2n), 2 * Y.exp)),
    sdX: sqrtToDouble(rat(cxx, n * (n - 1n), 2 * X.exp)),
    sdY: sqrtToDouble(rat(cyy, n * (n - 1n), 2 * Y.exp)),
  };
}
