/**
 * Standard normal density, distribution function and quantile, accurate in relative terms far into the
 * lower tail. Option prices deep out of the money are differences of two tail probabilities, so a CDF
 * that only has absolute accuracy (like jStat's, which is 0.5 * erfc built on 1 - erf and loses every
 * digit below about -8) would make those prices, and every implied volatility solved from them, noise.
 *
 * normCdf is W. J. Cody's rational Chebyshev approximation ("Rational Chebyshev approximations for the
 * error function", Math. Comp. 1969; the ANORM routine, as in R's pnorm), which evaluates the smaller
 * tail directly so relative accuracy holds down to the underflow point near -37.5.
 * normInv is Wichura's AS241 (PPND16, Applied Statistics 1988), accurate to about 1e-16.
 */

const INV_SQRT_2PI = 0.3989422804014327; // 1 / sqrt(2 pi)
const SQRT_2PI = 2.5066282746310002;
const SQRT_32 = 5.656854249492380195;

/**
 * exp(-x*x/2) with full relative accuracy: x*x carries a rounding error of about 1e-16 * x*x, which
 * exp turns into a relative error of that size (1e-13 at x = 30). Splitting x = x1 + x2 with x1 on a
 * 1/16 grid makes x1*x1 exact, and the small remainder's rounding no longer matters.
 */
function expHalfSquare(x: number): number {
  const x1 = Math.trunc(x * 16) / 16;
  const del = (x - x1) * (x + x1);
  return Math.exp(-x1 * x1 * 0.5) * Math.exp(-del * 0.5);
}

/** Standard normal density. */
export function normPdf(x: number): number {
  const y = Math.abs(x);
  if (y < 1) return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  if (y > 38.6) return 0; // exp(-x*x/2) underflows
  return INV_SQRT_2PI * expHalfSquare(y);
}

/** Cody's rational for 0.674 < y <= sqrt(32): P(Z > y) = exp(-y*y/2) * codyMid(y). */
function codyMid(y: number): number {
  const num = ((((((((1.0765576773720192317e-8 * y + 0.39894151208813466764) * y + 8.8831497943883759412) * y +
    93.506656132177855979) * y + 597.27027639480026226) * y + 2494.5375852903726711) * y +
    6848.1904505362823326) * y + 11602.651437647350124) * y + 9842.7148383839780218);
  const den = ((((((((y + 22.266688044328115691) * y + 235.38790178262499861) * y + 1519.377599407554805) * y +
    6485.558298266760755) * y + 18615.571640885098091) * y + 34900.952721145977266) * y +
    38912.003286093271411) * y + 19685.429676859990727);
  return num / den;
}

/** Cody's asymptotic correction for y > sqrt(32), as a function of z = 1 / y^2. */
function codyFarCorrection(z: number): number {
  const num = (((((0.02307344176494017303 * z + 0.21589853405795699) * z + 0.1274011611602473639) * z +
    0.022235277870649807) * z + 0.001421619193227893466) * z + 2.9112874951168792e-5);
  const den = (((((z + 1.28426009614491121) * z + 0.468238212480865118) * z + 0.0659881378689285515) * z +
    0.00378239633202758244) * z + 7.29751555083966205e-5);
  return (z * num) / den;
}

/** Cody's asymptotic rational for y > sqrt(32): P(Z > y) = exp(-y*y/2) * codyFar(y). */
function codyFar(y: number): number {
  return (INV_SQRT_2PI - codyFarCorrection(1 / (y * y))) / y;
}

/**
 * Standard normal distribution function P(Z <= x). Below about -37.52 the result underflows to 0;
 * above about 8.29 it rounds to 1 (1 - 5e-17 is not representable).
 */
export function normCdf(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    // |x| up to the quartile: 0.5 + x * R(x^2), no tail to protect.
    const xsq = x * x;
    const num = ((((0.065682337918207449113 * xsq + 2.2352520354606839287) * xsq + 161.02823106855587881) * xsq +
      1067.6894854603709582) * xsq + 18154.981253343561249);
    const den = ((((xsq + 47.20258190468824187) * xsq + 976.09855173777669322) * xsq + 10260.932208618978205) * xsq +
      45507.789335026729956);
    return 0.5 + (x * num) / den;
  }
  let tail: number; // P(Z > |x|)
  if (y <= SQRT_32) tail = expHalfSquare(y) * codyMid(y);
  else if (y < 37.5193) tail = expHalfSquare(y) * codyFar(y);
  else if (y >= 37.5193) tail = 0;
  else return NaN;
  return x > 0 ? 1 - tail : tail;
}

/**
 * Mills ratio P(Z > y) / pdf(y), without the exponential: for y > 0.674 it is Cody's rational alone.
 * Deep out-of-the-money prices are pdf(d) times a difference of two of these, which keeps their relative
 * accuracy where subtracting two tail probabilities would amplify the rounding of d1 and d2.
 */
export function millsRatio(y: number): number {
  if (y <= 0.67448975) return normCdf(-y) / normPdf(y);
  if (y <= SQRT_32) return SQRT_2PI * codyMid(y);
  if (y < Infinity) return SQRT_2PI * codyFar(y);
  return y === Infinity ? 0 : NaN;
}

/**
 * 1 - y * millsRatio(y), which is minus the Mills ratio's derivative. Beyond sqrt(32) it is Cody's
 * correction term itself: y * millsRatio(y) tends to 1 there, and subtracting would lose digits.
 */
export function millsSlope(y: number): number {
  if (y > SQRT_32) return SQRT_2PI * codyFarCorrection(1 / (y * y));
  return 1 - y * millsRatio(y);
}

/**
 * Standard normal quantile: the x with normCdf(x) = p, for 0 < p < 1 (AS241). Returns -Infinity at 0,
 * Infinity at 1 and NaN outside [0, 1]; callers that face users validate p first.
 */
export function normInv(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
      45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
      133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
      1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
      4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
      0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
      5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -x : x;
}
