import * as ss from "simple-statistics";
import { jStat } from "./jstat";
import type { Range } from "./inputs";

/**
 * The other ways to get the full-column numbers, written the way their users would write them.
 *
 * jStat and simple-statistics take flat arrays of numbers, so a user holding Excel's one-array-per-row
 * ranges of prices must first turn them into flat arrays of price changes. `changes` does that in one
 * preallocated loop, the cheapest conversion a user would reasonably write, and it is timed as part of
 * both libraries' cost: it is work the HEDGE functions do inside readPair.
 */

export function changes(prices: Range): number[] {
  const n = prices.length - 1;
  const out: number[] = new Array(n);
  let prev = prices[0][0] as number;
  for (let i = 0; i < n; i++) {
    const next = prices[i + 1][0] as number;
    out[i] = next - prev;
    prev = next;
  }
  return out;
}

export interface Regression {
  ratio: number;
  correlation: number;
  rSquared: number;
  spotStdev: number;
  hedgeStdev: number;
  intercept: number;
  stdError: number;
  tStat: number;
  ci95Low: number;
  ci95High: number;
  observations: number;
}

/** STATS' table from the sample moments every library gives (residual variance as (1 − R²)·Var(s)). */
function regression(n: number, meanS: number, meanF: number, sdS: number, sdF: number, cov: number, corr: number,
  t975: number): Regression {
  const ratio = cov / (sdF * sdF);
  const rSquared = corr * corr;
  const residualVar = ((1 - rSquared) * sdS * sdS * (n - 1)) / (n - 2);
  const stdError = Math.sqrt(residualVar / ((n - 1) * sdF * sdF));
  return {
    ratio, correlation: corr, rSquared, spotStdev: sdS, hedgeStdev: sdF, intercept: meanS - ratio * meanF, stdError,
    tStat: ratio / stdError, ci95Low: ratio - t975 * stdError, ci95High: ratio + t975 * stdError, observations: n,
  };
}

// --- jStat ---------------------------------------------------------------------------------------------

export function jstatMinvar(spot: Range, hedge: Range): number {
  const s = changes(spot);
  const f = changes(hedge);
  return jStat.covariance(s, f) / jStat.variance(f, true);
}

export function jstatStats(spot: Range, hedge: Range): Regression {
  const s = changes(spot);
  const f = changes(hedge);
  const n = s.length;
  return regression(n, jStat.mean(s), jStat.mean(f), jStat.stdev(s, true), jStat.stdev(f, true),
    jStat.covariance(s, f), jStat.corrcoeff(s, f), jStat.studentt.inv(0.975, n - 2));
}

/** ROLLING by recomputing every window's covariance and variance with jStat: O(n·window). */
export function jstatRolling(spot: Range, hedge: Range, window: number): number[] {
  const s = changes(spot);
  const f = changes(hedge);
  const out: number[] = new Array(s.length).fill(NaN);
  for (let i = window - 1; i < s.length; i++) {
    const sw = s.slice(i - window + 1, i + 1);
    const fw = f.slice(i - window + 1, i + 1);
    out[i] = jStat.covariance(sw, fw) / jStat.variance(fw, true);
  }
  return out;
}

/**
 * EWMA by recomputing each row's weighted sums with jStat.dot over the last `window` rows. jStat has no
 * recursive or weighted moments, so this is how it gets done with it; weights older than 250 rows at
 * λ = 0.94 are below 2e-7, so the truncation changes the ratios in about the 7th digit.
 */
export function jstatEwma(spot: Range, hedge: Range, lambda: number, window: number): number[] {
  const s = changes(spot);
  const f = changes(hedge);
  const n = s.length;
  const sf = s.map((x, i) => x * f[i]);
  const ff = f.map((x) => x * x);
  const weights: number[] = new Array(window);
  for (let k = 0; k < window; k++) weights[k] = (1 - lambda) * lambda ** (window - 1 - k);
  const out: number[] = new Array(n).fill(NaN);
  for (let i = window - 1; i < n; i++) {
    out[i] = jStat.dot(weights, sf.slice(i - window + 1, i + 1)) / jStat.dot(weights, ff.slice(i - window + 1, i + 1));
  }
  return out;
}

// --- simple-statistics ---------------------------------------------------------------------------------

export function ssMinvar(spot: Range, hedge: Range): number {
  const s = changes(spot);
  const f = changes(hedge);
  return ss.sampleCovariance(s, f) / ss.sampleVariance(f);
}

export function ssStats(spot: Range, hedge: Range): Regression {
  const s = changes(spot);
  const f = changes(hedge);
  const n = s.length;
  // linearRegression takes [x, y] pairs; simple-statistics has no Student t quantile, so that one number
  // comes from jStat (microseconds either way).
  const pairs = f.map((x, i) => [x, s[i]]);
  const { m, b } = ss.linearRegression(pairs);
  const sdS = ss.sampleStandardDeviation(s);
  const sdF = ss.sampleStandardDeviation(f);
  const r = regression(n, ss.mean(s), ss.mean(f), sdS, sdF, ss.sampleCovariance(s, f), ss.sampleCorrelation(s, f),
    jStat.studentt.inv(0.975, n - 2));
  return { ...r, ratio: m, intercept: b };
}

// --- the floor ------------------------------------------------------------------------------------------

/** The floor's first read: the number of price changes and their means. */
function bareMeans(spot: Range, hedge: Range): { n: number; ms: number; mf: number } {
  const rows = spot.length;
  let n = 0;
  let sumS = 0;
  let sumF = 0;
  let ps = NaN;
  let pf = NaN;
  for (let i = 0; i < rows; i++) {
    const a = spot[i][0];
    const b = hedge[i][0];
    if (typeof a !== "number" || typeof b !== "number") continue;
    if (ps === ps) {
      sumS += a - ps;
      sumF += b - pf;
      n++;
    }
    ps = a;
    pf = b;
  }
  return { n, ms: sumS / n, mf: sumF / n };
}

/**
 * The least any correct implementation must do for MINVAR: read every cell of both Excel ranges twice
 * (once for the means, once for the centred sums), skip anything that is not a number, and form the price
 * changes on the fly. No copies, no validation messages, no compensation, no overflow scaling.
 */
export function bareMinvar(spot: Range, hedge: Range): number {
  const rows = spot.length;
  const { ms, mf } = bareMeans(spot, hedge);
  let ps = NaN;
  let pf = NaN;
  let sff = 0;
  let ssf = 0;
  for (let i = 0; i < rows; i++) {
    const a = spot[i][0];
    const b = hedge[i][0];
    if (typeof a !== "number" || typeof b !== "number") continue;
    if (ps === ps) {
      const ds = a - ps - ms;
      const df = b - pf - mf;
      sff += df * df;
      ssf += ds * df;
    }
    ps = a;
    pf = b;
  }
  return ssf / sff;
}

/** The same two reads for STATS: the second pass also sums Σds², and the table follows by formula. */
export function bareStats(spot: Range, hedge: Range): Regression {
  const rows = spot.length;
  const { n, ms, mf } = bareMeans(spot, hedge);
  let ps = NaN;
  let pf = NaN;
  let sss = 0;
  let sff = 0;
  let ssf = 0;
  for (let i = 0; i < rows; i++) {
    const a = spot[i][0];
    const b = hedge[i][0];
    if (typeof a !== "number" || typeof b !== "number") continue;
    if (ps === ps) {
      const ds = a - ps - ms;
      const df = b - pf - mf;
      sss += ds * ds;
      sff += df * df;
      ssf += ds * df;
    }
    ps = a;
    pf = b;
  }
  const sdS = Math.sqrt(sss / (n - 1));
  const sdF = Math.sqrt(sff / (n - 1));
  // At a million observations t(0.975, n − 2) equals z to seven digits; a constant keeps the floor bare.
  return regression(n, ms, mf, sdS, sdF, ssf / (n - 1), ssf / Math.sqrt(sss * sff), 1.959963984540054);
}

/** EWMA's floor: one read of both ranges, the recursion, one result per observation. */
export function bareEwma(spot: Range, hedge: Range, lambda: number): Float64Array {
  const rows = spot.length;
  const out = new Float64Array(rows);
  let c = 0;
  let v = 0;
  let ps = NaN;
  let pf = NaN;
  let k = 0;
  for (let i = 0; i < rows; i++) {
    const a = spot[i][0];
    const b = hedge[i][0];
    if (typeof a !== "number" || typeof b !== "number") continue;
    if (ps === ps) {
      const ds = a - ps;
      const df = b - pf;
      c = k === 0 ? ds * df : lambda * c + (1 - lambda) * ds * df;
      v = k === 0 ? df * df : lambda * v + (1 - lambda) * df * df;
      out[k++] = c / v;
    }
    ps = a;
    pf = b;
  }
  return out;
}
