/**
 * Implied volatility of a European option (BSM or Black-76, the conventions of options.ts).
 *
 * The price is first reduced to the normalized Black problem: divide by e^(-rT) sqrt(F K), take the
 * out-of-the-money part (the price less its lower bound, which by parity is the out-of-the-money option
 * of the other type) and solve b(x, s) = beta for s = sigma sqrt(T), where x = -|ln(F/K)| <= 0 and
 * b(x, s) = e^(x/2) N(x/s + s/2) - e^(-x/2) N(x/s - s/2) rises from 0 to e^(x/2). Working on the
 * out-of-the-money part keeps the target accurate (an in-the-money price is mostly intrinsic value),
 * and the distance to the upper bound is computed the same way, so prices a hair from either bound are
 * still resolved.
 *
 * The solver takes Newton-type steps on a transformed objective, inside a bracket that every evaluation
 * narrows, with bisection whenever a step would leave the bracket; so it converges for any price
 * strictly inside the bounds, in a bounded number of steps. The objective follows Jäckel ("By
 * implication", Wilmott 2006): b is convex below its inflection point s_c = sqrt(2|x|) and concave
 * above, and
 * - below b(s_c), ln b (nearly linear in 1/s^2 there, and exact in relative terms in the far wing);
 * - above it, b itself while b <= e^(x/2) / 2, and ln(e^(x/2) - b) nearer the upper bound, where b
 *   flattens out and only the distance to the bound still carries information.
 * The starting points are Jäckel's: sqrt(2 x^2 / (|x| - 4 ln(beta / b(s_c)))) below (or the chord
 * s_c beta / b(s_c), a lower bound by convexity, if larger), and
 * -2 N^-1(N(-s_c / 2) (e^(x/2) - beta) / (e^(x/2) - b(s_c))) above. Steps are Halley's (Newton's with
 * the objective's curvature, which is known in closed form), typically 2 or 3 evaluations in all.
 *
 * Accuracy: sigma is recovered to about 1e-15 relative wherever the price is sensitive to it. It is not
 * where vega * sigma is tiny compared with the price's own rounding, e.g. a deep in-the-money option
 * whose time value is below 1e-16 of its price: there any sigma in a wide range gives the same double.
 */
import { fail } from "./errors";
import { millsRatio, normCdf, normInv, normPdf } from "./normal";
import { OptionInput, blackFormula, discountedExcess, logMoneyness, readOptionTerms } from "./options";
import { finiteResult, requireNumber } from "./validate";

const LOG_B = 0, PLAIN = 1, LOG_COMPLEMENT = 2;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-14;
const SQRT_2PI = 2.5066282746310002;
const MIN_NORMAL = 2.2250738585072014e-308;

function show(v: number): string {
  return String(Number(v.toPrecision(15)));
}

function tooClose(): never {
  return fail("price is too close to its no-arbitrage bound for the volatility to be determined in double precision.");
}

/** A point inside (lo, hi) when a Newton step lands outside: geometric when the bracket is wide. */
function bisect(s: number, lo: number, hi: number): number {
  if (hi === Infinity) return 4 * Math.max(lo, s);
  if (lo === 0) return hi / 4;
  return hi > 2 * lo ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
}

/**
 * s > 0 with b(x, s) = beta, for x <= 0 and 0 < beta < e^(x/2); c = e^(x/2) - beta, computed by the
 * caller from the distance to the upper bound so that it is accurate when beta is near e^(x/2).
 */
function solveNormalized(x: number, beta: number, c: number): number {
  // Subnormal targets have lost their digits, and s would underflow with them.
  if (!(beta >= MIN_NORMAL && c >= MIN_NORMAL)) tooClose();
  const ex = Math.exp(0.5 * x);
  const emx = Math.exp(-0.5 * x);
  const excess = Math.expm1(0.5 * x) - Math.expm1(-0.5 * x); // e^(x/2) - e^(-x/2), accurate for small x
  if (!(emx < Infinity)) fail("price cannot be inverted: the forward and the strike are too far apart for double precision.");
  const sc = Math.sqrt(-2 * x);
  const tailAtC = emx * normCdf(-sc);
  const bc = 0.5 * ex - tailAtC; // b(x, s_c): d1 = 0 and d2 = -s_c there
  let mode: number;
  let s: number;
  if (beta < bc) {
    mode = LOG_B;
    // b is convex on (0, s_c), so the chord from the origin puts s_c * beta / b(s_c) below the root; the
    // asymptotic guess is better in the far wing, the chord near the money where x is small.
    s = Math.max(Math.sqrt((2 * x * x) / (-x - 4 * Math.log(beta / bc))), (sc * beta) / bc);
  } else {
    mode = beta <= c ? PLAIN : LOG_COMPLEMENT;
    s = -2 * normInv((c / (0.5 * ex + tailAtC)) * normCdf(-0.5 * sc));
  }
  // Near the money with beta below 1e-16 the quantile above rounds to 0; b ~ s / sqrt(2 pi) there.
  if (!(s > 0 && s < Infinity)) s = s === Infinity ? 2 * sc + 1 : SQRT_2PI * beta;

  let lo = 0;
  let hi = Infinity;
  let lastStep = Infinity;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const h = x / s;
    const d1 = h + 0.5 * s;
    const d2 = h - 0.5 * s;
    const vega = ex * normPdf(d1); // db/ds
    const curvature = (h * h) / s - 0.25 * s; // (d2b/ds2) / (db/ds)
    let below: boolean;
    let newton: number; // f / f' for the objective f
    let bend: number; // f'' / f'
    if (mode === LOG_COMPLEMENT) {
      // e^(x/2) - b(x, s) without the subtraction; in Mills ratios once both terms are tails, as
      // e^(-x/2) N(d2) would underflow in the second factor while the product is still representable.
      const cs = d1 >= 0 ? vega * (millsRatio(d1) + millsRatio(-d2)) : ex * normCdf(-d1) + emx * normCdf(d2);
      below = cs > c;
      newton = (-Math.log(cs / c) * cs) / vega;
      bend = curvature + vega / cs;
    } else {
      const b = blackFormula(1, ex, emx, excess, d1, d2, s);
      below = b < beta;
      newton = mode === LOG_B ? (Math.log(b / beta) * b) / vega : (b - beta) / vega;
      bend = mode === LOG_B ? curvature - vega / b : curvature;
    }
    if (below) lo = s;
    else hi = s;
    // Halley's correction of the Newton step, dropped if the objective bends too much for it to help.
    const halley = 1 - 0.5 * newton * bend;
    const ds = halley > 0.5 && halley < 2 ? -newton / halley : -newton;
    const step = Math.abs(ds);
    // Converged, or at the floor where rounding in b, not the method, sets the step.
    if (step <= TOLERANCE * s || (step <= 1e-6 * s && step >= 0.5 * lastStep)) return s + ds;
    lastStep = step;
    let next = s + ds;
    if (!(next > lo && next < hi)) next = bisect(s, lo, hi);
    if (hi - lo <= TOLERANCE * lo) return next;
    s = next;
  }
  // Only rounding noise in b can keep the steps from shrinking; the bracket then pins s down anyway.
  if (lo > 0 && hi - lo <= 1e-9 * hi) return 0.5 * (lo + hi);
  return tooClose();
}

/**
 * The sigma at which optionValue("price", ...) equals `price`. Throws a HedgeError naming "price"
 * (with the bounds) unless lower < price < upper, the bounds of optionBounds, and naming "T" at T = 0,
 * where the price no longer depends on sigma.
 */
export function impliedVol(price: number, o: Omit<OptionInput, "sigma">): number {
  const t = readOptionTerms(o);
  const p = requireNumber(price, "price");
  if (t.T === 0) fail("T must be greater than 0 to imply a volatility: at expiry the price is the intrinsic value whatever sigma is.");
  const spot = finiteResult(t.S * Math.exp(-t.q * t.T), "The implied volatility"); // S e^(-qT), or F e^(-rT)
  const strike = finiteResult(t.K * Math.exp(-t.r * t.T), "The implied volatility"); // K e^(-rT)
  const lnFK = logMoneyness(t.S, t.K) + (t.r - t.q) * t.T;
  const excess = discountedExcess(spot, strike, lnFK);
  const lower = Math.max(t.call ? excess : -excess, 0);
  const upper = t.call ? spot : strike;
  if (!(p > lower && p < upper)) {
    fail(`price must be strictly between ${show(lower)} and ${show(upper)}, the no-arbitrage bounds for this ` +
      `${t.call ? "call" : "put"}; it is ${p}.`);
  }
  const x = -Math.abs(lnFK);
  const norm = Math.sqrt(spot) * Math.sqrt(strike); // e^(-rT) sqrt(F K)
  const s = solveNormalized(x, (p - lower) / norm, (upper - p) / norm);
  const sigma = finiteResult(s / Math.sqrt(t.T), "The implied volatility");
  return sigma > 0 ? sigma : tooClose();
}
