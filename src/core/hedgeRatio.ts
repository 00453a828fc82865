import { fail } from "./errors";
import { finiteResult, requireNumber } from "./validate";
import { PairedSeries, positionOf } from "./series";
import {
  CompensatedSum,
  coMoments,
  CoMoments,
  ldexp,
  pairExponents,
  requireCount,
  residualSquares,
  Sample,
  studentT975,
} from "./statistics";

/** Argument names used in messages: spot/hedge for the hedge functions, asset/market for BETA. */
export interface SeriesNames {
  spot: string;
  hedge: string;
}

export const SPOT_HEDGE: SeriesNames = { spot: "spot", hedge: "hedge" };
export const ASSET_MARKET: SeriesNames = { spot: "asset", hedge: "market" };

/** requireCount for a pair of series, naming both: "need at least 3 observations; spot and hedge have 2." */
export function requireObservations(s: Sample, f: Sample, n: number, least: number, names: SeriesNames): void {
  requireCount(n, Math.min(s.length, f.length), least, `${names.spot} and ${names.hedge} have`);
}

/** finiteResult with a message that names both series, e.g. "The hedge ratio of spot on hedge cannot be computed: …". */
function finiteOf(value: number, what: string, names: SeriesNames): number {
  return finiteResult(value, `${what} of ${names.spot} on ${names.hedge}`);
}

/** Co-moments of the first n observations, with the count and hedge-variance checks every ratio needs. */
function ratioMoments(s: Sample, f: Sample, n: number, least: number, names: SeriesNames): CoMoments {
  requireObservations(s, f, n, least, names);
  const m = coMoments(s, f, 0, n, names);
  if (m.cff === 0) fail(`${names.hedge} has no variance (every observation is the same), so the hedge ratio is undefined.`);
  return m;
}

/**
 * Minimum-variance hedge ratio h* = Cov(s, f) / Var(f): units of the hedge instrument per unit of
 * exposure, sold against a long exposure when positive. Needs n >= 2 and a hedge series that varies.
 */
export function minVarianceRatio(s: Sample, f: Sample, n: number, names: SeriesNames = SPOT_HEDGE): number {
  const m = ratioMoments(s, f, n, 2, names);
  return finiteOf(ldexp(m.csf / m.cff, m.expS - m.expF), "The hedge ratio", names);
}

/** Regression beta of the asset on the market: the same OLS slope, with BETA's argument names. */
export function regressionBeta(asset: Sample, market: Sample, n: number, names: SeriesNames = ASSET_MARKET): number {
  return minVarianceRatio(asset, market, n, names);
}

/** Regression of spot on hedge, s = intercept + ratio·f + e, in the units of the inputs. */
export interface HedgeStatistics {
  /** OLS slope = minimum-variance hedge ratio. */
  ratio: number;
  correlation: number;
  rSquared: number;
  /** Sample (n−1) standard deviations. */
  spotStdev: number;
  hedgeStdev: number;
  intercept: number;
  /** Standard error of the slope, from the residual variance with n−2 degrees of freedom. */
  stdError: number;
  /** ratio / stdError; NaN for an exact fit (every residual zero), where it is unbounded. */
  tStat: number;
  /** ratio ∓ t(0.975, n−2)·stdError. */
  ci95Low: number;
  ci95High: number;
  observations: number;
}

/** An OLS fit of s on f in scaled units (see CoMoments), with the residual sum of squares. */
interface LineFit {
  m: CoMoments;
  /** Slope in scaled units: multiply by 2^(expS−expF). */
  slope: number;
  sse: number;
  rSquared: number;
}

/**
 * The residual sum of squares comes from the residuals themselves (residualSquares) rather than as
 * Syy − b·Sxy, which would lose log10(1/(1−R²)) digits on a good hedge; R² is 1 − SSE/Syy when that is the
 * better-conditioned form (R² >= 0.5) and Sxy²/(Sxx·Syy) otherwise.
 */
function fitLine(s: Sample, f: Sample, n: number, least: number, names: SeriesNames): LineFit {
  const m = ratioMoments(s, f, n, least, names);
  if (m.css === 0) {
    fail(`${names.spot} has no variance (every observation is the same), so the correlation is undefined.`);
  }
  const slope = m.csf / m.cff;
  // At the fitted slope the residuals are no larger than s', so their own scaling exponent is <= 1.
  const residual = residualSquares(s, f, m, slope);
  const sse = ldexp(residual.sum, 2 * residual.exp);
  const explained = (m.csf * m.csf) / (m.css * m.cff);
  const rSquared = Math.min(1, Math.max(0, explained < 0.5 ? explained : 1 - sse / m.css));
  return { m, slope, sse, rSquared };
}

/** R² of the regression of s on f (the squared correlation). Needs n >= 2 and both series varying. */
export function rSquared(s: Sample, f: Sample, n: number, names: SeriesNames = SPOT_HEDGE): number {
  return fitLine(s, f, n, 2, names).rSquared;
}

/**
 * Full regression statistics of s on f. Needs n >= 3 (one residual degree of freedom) and a hedge and a
 * spot series that vary. An exact fit (every residual zero) is a legitimate answer, not an error: the
 * standard error is 0 and the interval collapses onto the ratio; only the t statistic is unbounded, so it
 * is NaN ("no value") and the adapters show it as #N/A with the reason.
 */
export function hedgeStatistics(s: Sample, f: Sample, n: number, names: SeriesNames = SPOT_HEDGE): HedgeStatistics {
  const { m, slope: b, sse, rSquared } = fitLine(s, f, n, 3, names);
  const seScaled = Math.sqrt(sse / (n - 2) / m.cff);
  const unit = m.expS - m.expF;
  const t = studentT975(n - 2);
  return {
    ratio: finiteOf(ldexp(b, unit), "The hedge ratio", names),
    correlation: Math.sign(b) * Math.sqrt(rSquared),
    rSquared,
    spotStdev: finiteResult(ldexp(Math.sqrt(m.css / (n - 1)), m.expS), `The standard deviation of ${names.spot}`),
    hedgeStdev: finiteResult(ldexp(Math.sqrt(m.cff / (n - 1)), m.expF), `The standard deviation of ${names.hedge}`),
    intercept: finiteOf(ldexp(m.meanS - b * m.meanF, m.expS), "The intercept", names),
    stdError: finiteOf(ldexp(seScaled, unit), "The standard error", names),
    tStat: sse === 0 ? NaN : b / seScaled,
    ci95Low: finiteOf(ldexp(b - t * seScaled, unit), "The confidence interval", names),
    ci95High: finiteOf(ldexp(b + t * seScaled, unit), "The confidence interval", names),
    observations: n,
  };
}

/**
 * The minimum-variance ratio over the last `window` observations, for every observation: element i covers
 * observations i−window+1..i, NaN for i < window−1 and where the hedge is constant over the window.
 * Reuses p.s for the result (p.s no longer holds spot afterwards).
 *
 * Linear time. The window keeps compensated sums of shifted values, Σ(s−Ls), Σ(f−Lf), Σ(s−Ls)², Σ(f−Lf)²,
 * Σ(s−Ls)(f−Lf); the centred co-moments are then Σd² − (Σd)²/w, which is accurate while the shift L is
 * within a few standard deviations of the window mean. The shifts (and the power-of-two scaling) are
 * rebuilt from the window itself every `window` steps, and early when the window mean has drifted more
 * than 8 standard deviations from the shift — at most once per window/16 steps, so the rebuilds cost at
 * most ~17 passes over the data whatever it looks like. Compensated sums make removing an outlier exact,
 * which plain running sums (or Welford's removal update) do not.
 */
export function rollingRatio(p: PairedSeries, window: unknown, names: SeriesNames = SPOT_HEDGE): Float64Array {
  const w = requireNumber(window, "window", { min: 2, integer: true });
  const { s, f, n } = p;
  if (n < w) {
    s.fill(NaN, 0, n);
    return s;
  }
  const Ss = new CompensatedSum();
  const Sf = new CompensatedSum();
  const Sss = new CompensatedSum();
  const Sff = new CompensatedSum();
  const Ssf = new CompensatedSum();
  let ks = 1;
  let kf = 1;
  let unit = 0;
  let Ls = 0;
  let Lf = 0;
  let lastRebuild = -Infinity;
  const minGap = Math.max(1, Math.floor(w / 16));
  let runS = 0;
  let runF = 0;

  const add = (i: number, sign: number): void => {
    const a = s[i] * ks - Ls;
    const b = f[i] * kf - Lf;
    Ss.add(sign * a);
    Sf.add(sign * b);
    Sss.add(sign * a * a);
    Sff.add(sign * b * b);
    Ssf.add(sign * a * b);
  };

  // Rebuild at observation `end`: scale to the values this window and the next w−1 steps will touch,
  // shift to the window mean, and sum the window afresh.
  const rebuild = (end: number): void => {
    const from = end - w + 1;
    const { expS, expF } = pairExponents(s, f, from, Math.min(n, end + w));
    ks = ldexp(1, -expS);
    kf = ldexp(1, -expF);
    unit = expS - expF;
    let sumS = 0;
    let sumF = 0;
    for (let i = from; i <= end; i++) {
      sumS += s[i] * ks;
      sumF += f[i] * kf;
    }
    Ls = sumS / w;
    Lf = sumF / w;
    Ss.reset();
    Sf.reset();
    Sss.reset();
    Sff.reset();
    Ssf.reset();
    for (let i = from; i <= end; i++) add(i, 1);
    lastRebuild = end;
  };

  // The shift is stale when the window mean sits more than 8 standard deviations from it, unless the
  // mean is already within 2^-40 of the shift (then a rebuild could not improve it: ulp-level data).
  const stale = (sum: number, v: number, shift: number): boolean =>
    (sum * sum) / w > 64 * v && Math.abs(sum / w) > 2 ** -40 * Math.abs(shift);

  let firstResult = NaN;
  for (let i = 0; i < n; i++) {
    runS = i > 0 && s[i] === s[i - 1] ? runS + 1 : 1;
    runF = i > 0 && f[i] === f[i - 1] ? runF + 1 : 1;
    if (i < w - 1) continue;
    if (i - lastRebuild >= w) rebuild(i);
    else {
      add(i - w, -1);
      add(i, 1);
    }
    let result: number;
    if (runF >= w) result = NaN;
    else if (runS >= w) result = 0;
    else {
      let sumS = Ss.value;
      let sumF = Sf.value;
      let vff = Sff.value - (sumF * sumF) / w;
      const vss = Sss.value - (sumS * sumS) / w;
      if (i !== lastRebuild && i - lastRebuild >= minGap && (stale(sumF, vff, Lf) || stale(sumS, vss, Ls))) {
        rebuild(i);
        sumS = Ss.value;
        sumF = Sf.value;
        vff = Sff.value - (sumF * sumF) / w;
      }
      const vsf = Ssf.value - (sumS * sumF) / w;
      result = vff > 0 ? ldexp(vsf / vff, unit) : NaN;
      if (!(result - result === 0) && vff > 0) {
        fail(`The rolling hedge ratio of ${names.spot} on ${names.hedge} at ${positionOf(p, i)} is too large for double precision.`);
      }
    }
    // Observation i−w has just left the window, so its slot can hold result i until the final shift.
    if (i === w - 1) firstResult = result;
    else s[i - w] = result;
  }
  s.copyWithin(w, 0, n - w);
  s[w - 1] = firstResult;
  s.fill(NaN, 0, w - 1);
  return s;
}

/**
 * RiskMetrics EWMA hedge ratio with zero mean: C[t] = λC[t−1] + (1−λ)s[t]f[t], V[t] = λV[t−1] + (1−λ)f[t]²,
 * seeded with C = s[0]f[0], V = f[0]²; element t is C[t]/V[t], NaN while V is 0. λ in (0, 1), default 0.94
 * is the adapters' business. Reuses p.s for the result. Values are scaled by powers of two first, so the
 * products cannot overflow.
 */
export function ewmaRatio(p: PairedSeries, lambda: unknown, names: SeriesNames = SPOT_HEDGE): Float64Array {
  const lam = requireNumber(lambda, "lambda", { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true });
  const { s, f, n } = p;
  if (n === 0) return s;
  const { expS, expF } = pairExponents(s, f, 0, n);
  const ks = ldexp(1, -expS);
  const kf = ldexp(1, -expF);
  const unit = expS - expF;
  const weight = 1 - lam;
  let c = 0;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const a = s[i] * ks;
    const b = f[i] * kf;
    if (i === 0) {
      c = a * b;
      v = b * b;
    } else {
      c = lam * c + weight * a * b;
      v = lam * v + weight * b * b;
    }
    const h = v > 0 ? ldexp(c / v, unit) : NaN;
    if (v > 0 && !(h - h === 0)) fail(`The EWMA hedge ratio of ${names.spot} on ${names.hedge} at ${positionOf(p, i)} is too large for double precision.`);
    s[i] = h;
  }
  return s;
}
