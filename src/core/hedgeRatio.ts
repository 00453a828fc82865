import { fail } from "./errors";
import { finiteResult, requireNumber } from "./validate";
import { PairedSeries, positionOf } from "./series";
import {
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
  const { s, n } = p;
  if (n < w) {
    s.fill(NaN, 0, n);
    return s;
  }
  const st: RollState = {
    ks: 1, kf: 1, unit: 0, Ls: 0, Lf: 0, lastRebuild: -Infinity, runS: 0, runF: 0, firstResult: NaN,
    sH: 0, sL: 0, fH: 0, fL: 0, ssH: 0, ssL: 0, ffH: 0, ffL: 0, sfH: 0, sfL: 0,
  };
  // Kernels over chunks of rows: each call is short, so the loop is optimized as an ordinary function with
  // complete type feedback, and all running sums live in locals (no per-row allocation).
  for (let from = 0; from < n; from += 4096) rollRows(p, w, st, from, Math.min(n, from + 4096), names);
  s.copyWithin(w, 0, n - w);
  s[w - 1] = st.firstResult;
  s.fill(NaN, 0, w - 1);
  return s;
}

interface RollState {
  ks: number; kf: number; unit: number; Ls: number; Lf: number; lastRebuild: number; runS: number; runF: number;
  firstResult: number;
  /** Compensated window sums as (hi, lo) pairs: Σa, Σb, Σa², Σb², Σab of the shifted, scaled values. */
  sH: number; sL: number; fH: number; fL: number; ssH: number; ssL: number; ffH: number; ffL: number; sfH: number; sfL: number;
}

/** Scale, shift and window sums afresh at observation `end`. */
function rebuildAt(s: Float64Array, f: Float64Array, n: number, w: number, end: number, st: RollState): void {
  const from = end - w + 1;
  const { expS, expF } = pairExponents(s, f, from, Math.min(n, end + w));
  const ks = ldexp(1, -expS);
  const kf = ldexp(1, -expF);
  let sumS = 0;
  let sumF = 0;
  for (let i = from; i <= end; i++) {
    sumS += s[i] * ks;
    sumF += f[i] * kf;
  }
  const Ls = sumS / w;
  const Lf = sumF / w;
  // The same 2Sum steps as CompensatedSum.add, on locals, so the window sums continue bit for bit.
  let sH = 0, sL = 0, fH = 0, fL = 0, ssH = 0, ssL = 0, ffH = 0, ffL = 0, sfH = 0, sfL = 0;
  for (let i = from; i <= end; i++) {
    const a = s[i] * ks - Ls;
    const b = f[i] * kf - Lf;
    let x = a, t = sH + x, z = t - sH;
    sL += sH - (t - z) + (x - z); sH = t;
    x = b; t = fH + x; z = t - fH;
    fL += fH - (t - z) + (x - z); fH = t;
    x = a * a; t = ssH + x; z = t - ssH;
    ssL += ssH - (t - z) + (x - z); ssH = t;
    x = b * b; t = ffH + x; z = t - ffH;
    ffL += ffH - (t - z) + (x - z); ffH = t;
    x = a * b; t = sfH + x; z = t - sfH;
    sfL += sfH - (t - z) + (x - z); sfH = t;
  }
  st.ks = ks; st.kf = kf; st.unit = expS - expF; st.Ls = Ls; st.Lf = Lf; st.lastRebuild = end;
  st.sH = sH; st.sL = sL; st.fH = fH; st.fL = fL; st.ssH = ssH; st.ssL = ssL; st.ffH = ffH; st.ffL = ffL; st.sfH = sfH; st.sfL = sfL;
}

function rollRows(p: PairedSeries, w: number, st: RollState, from: number, to: number, names: SeriesNames): void {
  const { s, f, n } = p;
  const minGap = Math.max(1, Math.floor(w / 16));
  let { ks, kf, unit, Ls, Lf, lastRebuild, runS, runF, sH, sL, fH, fL, ssH, ssL, ffH, ffL, sfH, sfL } = st;
  for (let i = from; i < to; i++) {
    runS = i > 0 && s[i] === s[i - 1] ? runS + 1 : 1;
    runF = i > 0 && f[i] === f[i - 1] ? runF + 1 : 1;
    if (i < w - 1) continue;
    if (i - lastRebuild >= w) {
      rebuildAt(s, f, n, w, i, st);
      ({ ks, kf, unit, Ls, Lf, lastRebuild, sH, sL, fH, fL, ssH, ssL, ffH, ffL, sfH, sfL } = st);
    } else {
      // Remove observation i−w and add observation i, each term through 2Sum (t = h + x exactly as t + err).
      for (let k = 0; k < 2; k++) {
        const j = k === 0 ? i - w : i;
        const sign = k === 0 ? -1 : 1;
        const a = s[j] * ks - Ls;
        const b = f[j] * kf - Lf;
        let x = sign * a, t = sH + x, z = t - sH;
        sL += sH - (t - z) + (x - z); sH = t;
        x = sign * b; t = fH + x; z = t - fH;
        fL += fH - (t - z) + (x - z); fH = t;
        x = sign * a * a; t = ssH + x; z = t - ssH;
        ssL += ssH - (t - z) + (x - z); ssH = t;
        x = sign * b * b; t = ffH + x; z = t - ffH;
        ffL += ffH - (t - z) + (x - z); ffH = t;
        x = sign * a * b; t = sfH + x; z = t - sfH;
        sfL += sfH - (t - z) + (x - z); sfH = t;
      }
    }
    let result: number;
    if (runF >= w) result = NaN;
    else if (runS >= w) result = 0;
    else {
      let sumS = sH + sL;
      let sumF = fH + fL;
      let vff = ffH + ffL - (sumF * sumF) / w;
      const vss = ssH + ssL - (sumS * sumS) / w;
      const staleF = (sumF * sumF) / w > 64 * vff && Math.abs(sumF / w) > 2 ** -40 * Math.abs(Lf);
      const staleS = (sumS * sumS) / w > 64 * vss && Math.abs(sumS / w) > 2 ** -40 * Math.abs(Ls);
      if (i !== lastRebuild && i - lastRebuild >= minGap && (staleF || staleS)) {
        rebuildAt(s, f, n, w, i, st);
        ({ ks, kf, unit, Ls, Lf, lastRebuild, sH, sL, fH, fL, ssH, ssL, ffH, ffL, sfH, sfL } = st);
        sumS = sH + sL;
        sumF = fH + fL;
        vff = ffH + ffL - (sumF * sumF) / w;
      }
      const vsf = sfH + sfL - (sumS * sumF) / w;
      const r = vsf / vff;
      result = vff > 0 ? (unit >= -1022 && unit <= 1023 ? r * 2 ** unit : ldexp(r, unit)) : NaN;
      if (!(result - result === 0) && vff > 0) {
        fail(`The rolling hedge ratio of ${names.spot} on ${names.hedge} at ${positionOf(p, i)} is too large for double precision.`);
      }
    }
    if (i === w - 1) st.firstResult = result;
    else s[i - w] = result;
  }
  st.ks = ks; st.kf = kf; st.unit = unit; st.Ls = Ls; st.Lf = Lf; st.lastRebuild = lastRebuild; st.runS = runS; st.runF = runF;
  st.sH = sH; st.sL = sL; st.fH = fH; st.fL = fL; st.ssH = ssH; st.ssL = ssL; st.ffH = ffH; st.ffL = ffL; st.sfH = sfH; st.sfL = sfL;
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
  // 2^unit as one factor while it is a normal double: r·2^unit then rounds exactly as ldexp(r, unit), and
  // the loop makes no call (a call per row boxes its double argument and result: 48 bytes a row of garbage).
  const direct = unit >= -1022 && unit <= 1023;
  const scale = direct ? 2 ** unit : 1;
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
    const h = v > 0 ? (direct ? (c / v) * scale : ldexp(c / v, unit)) : NaN;
    if (v > 0 && !(h - h === 0)) fail(`The EWMA hedge ratio of ${names.spot} on ${names.hedge} at ${positionOf(p, i)} is too large for double precision.`);
    s[i] = h;
  }
  return s;
}
