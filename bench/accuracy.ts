import * as fs from "fs";
import * as path from "path";
import * as ss from "simple-statistics";
import { hedgeStatistics } from "../src/core/hedgeRatio";
import { mean, stdev } from "../src/core/statistics";
import { normCdf } from "../src/core/normal";
import { Greek, OptionInput, optionValue } from "../src/core/options";
import { exactRegression, exactStdev } from "./exact";
import { jStat } from "./jstat";
import { jstatGreeks, jstatImpliedVol, Terms } from "./jstatOptions";
import { normal, uniform } from "./rng";

/** -log10(2^-53): an exact result is reported as this many digits. */
export const DIGIT_CAP = 15.9;

/** Correct significant digits, −log10 |x − ref| / |ref|, between 0 and DIGIT_CAP (NaN or ±∞ give 0). */
export function digits(x: number, ref: number): number {
  if (!Number.isFinite(x)) return 0;
  if (x === ref) return DIGIT_CAP;
  const rel = ref === 0 ? Math.abs(x) : Math.abs(x - ref) / Math.abs(ref);
  return Math.max(0, Math.min(DIGIT_CAP, -Math.log10(rel)));
}

export const METHODS = ["HEDGE core", "two-pass", "jStat", "simple-statistics", "naive Σx²"] as const;
export type Method = (typeof METHODS)[number];

// --- standard deviation ----------------------------------------------------------------------------------

function twoPassStdev(x: number[]): number {
  let s = 0;
  for (const v of x) s += v;
  const m = s / x.length;
  let c = 0;
  for (const v of x) c += (v - m) * (v - m);
  return Math.sqrt(c / (x.length - 1));
}

function naiveStdev(x: number[]): number {
  let s = 0;
  let q = 0;
  for (const v of x) {
    s += v;
    q += v * v;
  }
  return Math.sqrt((q - (s * s) / x.length) / (x.length - 1));
}

export function stdevs(x: number[]): Record<Method, number> {
  return {
    "HEDGE core": stdev(x, x.length),
    "two-pass": twoPassStdev(x),
    jStat: jStat.stdev(x, true),
    "simple-statistics": ss.sampleStandardDeviation(x),
    "naive Σx²": naiveStdev(x),
  };
}

// --- regression ------------------------------------------------------------------------------------------

export const REGRESSION_STATS = ["slope", "intercept", "seSlope", "seIntercept", "rSquared", "residualSd", "sdX", "sdY"] as const;
export type RegressionStat = (typeof REGRESSION_STATS)[number];
export type Fit = Record<RegressionStat, number>;

/**
 * The standard errors and residual SD from slope, R² and the moments, for the libraries that stop at
 * slope and correlation: residual variance (1 − R²)·s_y²·(n−1)/(n−2), SE(b) = s_e/(s_x√(n−1)),
 * SE(a) = SE(b)·√(Σx²/n).
 */
function completeFit(n: number, slope: number, intercept: number, rSquared: number, sdX: number, sdY: number, meanX: number): Fit {
  const residualSd = Math.sqrt(((1 - rSquared) * sdY * sdY * (n - 1)) / (n - 2));
  const seSlope = residualSd / (sdX * Math.sqrt(n - 1));
  return {
    slope, intercept, rSquared, residualSd, seSlope, sdX, sdY,
    seIntercept: seSlope * Math.sqrt(((n - 1) / n) * sdX * sdX + meanX * meanX),
  };
}

function twoPassFit(x: number[], y: number[]): Fit {
  const n = x.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let cxx = 0;
  let cyy = 0;
  let cxy = 0;
  for (let i = 0; i < n; i++) {
    cxx += (x[i] - mx) * (x[i] - mx);
    cyy += (y[i] - my) * (y[i] - my);
    cxy += (x[i] - mx) * (y[i] - my);
  }
  const slope = cxy / cxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * x[i]) ** 2;
  const residualSd = Math.sqrt(sse / (n - 2));
  const seSlope = residualSd / Math.sqrt(cxx);
  return {
    slope, intercept, seSlope, residualSd, rSquared: 1 - sse / cyy,
    seIntercept: seSlope * Math.sqrt(cxx / n + mx * mx),
    sdX: Math.sqrt(cxx / (n - 1)), sdY: Math.sqrt(cyy / (n - 1)),
  };
}

function naiveFit(x: number[], y: number[]): Fit {
  const n = x.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
    sxx += x[i] * x[i];
    syy += y[i] * y[i];
    sxy += x[i] * y[i];
  }
  const cxx = sxx - (sx * sx) / n;
  const cyy = syy - (sy * sy) / n;
  const cxy = sxy - (sx * sy) / n;
  const slope = cxy / cxx;
  const sse = cyy - slope * cxy;
  const residualSd = Math.sqrt(sse / (n - 2));
  const seSlope = residualSd / Math.sqrt(cxx);
  return {
    slope, intercept: sy / n - (slope * sx) / n, seSlope, residualSd, rSquared: (cxy * cxy) / (cxx * cyy),
    seIntercept: seSlope * Math.sqrt(sxx / n), sdX: Math.sqrt(cxx / (n - 1)), sdY: Math.sqrt(cyy / (n - 1)),
  };
}

/** y on x by every method. The HEDGE core regresses spot on hedge, so y is spot and x the hedge. */
export function fits(x: number[], y: number[]): Record<Method, Fit> {
  const n = x.length;
  const h = hedgeStatistics(y, x, n);
  // STATS has no SE of the intercept or residual SD; both follow exactly from its outputs and the mean.
  const residualSd = h.stdError * h.hedgeStdev * Math.sqrt(n - 1);
  const meanX = mean(x, n);
  const hedge: Fit = {
    slope: h.ratio, intercept: h.intercept, seSlope: h.stdError, rSquared: h.rSquared, residualSd,
    seIntercept: h.stdError * Math.sqrt(((n - 1) / n) * h.hedgeStdev * h.hedgeStdev + meanX * meanX),
    sdX: h.hedgeStdev, sdY: h.spotStdev,
  };
  const jSlope = jStat.covariance(x, y) / jStat.variance(x, true);
  const jFit = completeFit(n, jSlope, jStat.mean(y) - jSlope * jStat.mean(x), jStat.corrcoeff(x, y) ** 2,
    jStat.stdev(x, true), jStat.stdev(y, true), jStat.mean(x));
  const pairs = x.map((v, i) => [v, y[i]]);
  const line = ss.linearRegression(pairs);
  const ssFit = completeFit(n, line.m, line.b, ss.rSquared(pairs, ss.linearRegressionLine(line)),
    ss.sampleStandardDeviation(x), ss.sampleStandardDeviation(y), ss.mean(x));
  return { "HEDGE core": hedge, "two-pass": twoPassFit(x, y), jStat: jFit, "simple-statistics": ssFit, "naive Σx²": naiveFit(x, y) };
}

// --- data sets -----------------------------------------------------------------------------------------

const NIST_DIR = path.resolve(__dirname, "../../shared/reference/nist");
export const NIST_UNIVARIATE = ["PiDigits", "Lottery", "Lew", "Mavro", "Michelso", "NumAcc1", "NumAcc2", "NumAcc3", "NumAcc4"];

function readNist(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(NIST_DIR, `${name}.json`), "utf8"));
}

export interface DigitRow {
  dataset: string;
  statistic: string;
  /** Against the certified (or exact) value. */
  digits: Record<Method, number>;
  /** Against exact arithmetic on the same doubles: the algorithm's own error, without the data's rounding. */
  exactDigits: Record<Method, number>;
}

function rowOf(dataset: string, statistic: string, values: Record<Method, number>, certified: number, exact: number): DigitRow {
  const d = {} as Record<Method, number>;
  const e = {} as Record<Method, number>;
  for (const m of METHODS) {
    d[m] = digits(values[m], certified);
    e[m] = digits(values[m], exact);
  }
  return { dataset, statistic, digits: d, exactDigits: e };
}

export function nistRows(): DigitRow[] {
  const rows: DigitRow[] = [];
  for (const name of NIST_UNIVARIATE) {
    const d = readNist(name);
    rows.push(rowOf(name, "sample SD", stdevs(d.data), d.certified.sd, exactStdev(d.data)));
  }
  const norris = readNist("Norris");
  const fit = fits(norris.x, norris.y);
  const exact = exactRegression(norris.x, norris.y);
  const c = norris.certified;
  const certified: Partial<Record<RegressionStat, number>> = {
    slope: c.coefficients.B1, intercept: c.coefficients.B0, seSlope: c.std_errors.B1, seIntercept: c.std_errors.B0,
    rSquared: c.r_squared, residualSd: c.residual_sd,
  };
  for (const stat of REGRESSION_STATS) {
    const cert = certified[stat];
    if (cert === undefined) continue;
    rows.push(rowOf("Norris", stat, pick(fit, stat), cert, exact[stat]));
  }
  return rows;
}

function pick(fit: Record<Method, Fit>, stat: RegressionStat): Record<Method, number> {
  const out = {} as Record<Method, number>;
  for (const m of METHODS) out[m] = fit[m][stat];
  return out;
}

export interface OffsetData {
  name: string;
  x: number[];
  y?: number[];
}

const cents = (v: number) => Math.round(v * 100) / 100;

/** Data whose variation is a tiny fraction of its level: what breaks sum-of-squares formulas. */
export function offsetSets(count = 100_000): OffsetData[] {
  const z = normal(99);
  const u = uniform(98);
  // Prices near 1e9 moving by cents: a random walk of cents, and a hedge that follows it at 0.8 plus noise.
  const x: number[] = new Array(count);
  const y: number[] = new Array(count);
  let walk = 0;
  for (let i = 0; i < count; i++) {
    walk += Math.round(z() * 30);
    x[i] = 1e9 + walk / 100;
    y[i] = cents(7e8 + 0.8 * (walk / 100) + z() * 0.05);
  }
  const decimals = Array.from({ length: count }, () => 1e8 + Math.round(u() * 1e6) / 1e7);
  const small = Array.from({ length: count }, () => 123456789.123 + Math.round(u() * 1000) / 1000);
  return [
    { name: "1e9 + cent moves (y on x, n = 100,000)", x, y },
    { name: "1e8 + decimals 0.0000000-0.1 (n = 100,000)", x: decimals },
    { name: "123456789.123 + 0.000-1.000 (n = 100,000)", x: small },
  ];
}

export function offsetRows(): DigitRow[] {
  const rows: DigitRow[] = [];
  for (const set of offsetSets()) {
    if (set.y) {
      const fit = fits(set.x, set.y);
      const exact = exactRegression(set.x, set.y);
      for (const stat of ["slope", "intercept", "seSlope", "rSquared", "residualSd", "sdX", "sdY"] as const) {
        rows.push(rowOf(set.name, stat, pick(fit, stat), exact[stat], exact[stat]));
      }
    } else {
      const ref = exactStdev(set.x);
      rows.push(rowOf(set.name, "sample SD", stdevs(set.x), ref, ref));
    }
  }
  return rows;
}

// --- normal CDF --------------------------------------------------------------------------------------------

export interface CdfRow {
  region: string;
  points: number;
  /** Max relative error against mpmath per method. */
  hedge: number;
  jstat: number;
  simple: number;
}

export function cdfRows(): CdfRow[] {
  const ref = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../test/reference/normal-mpmath.json"), "utf8"));
  const points = (ref.cdf as [number, string][]).filter(([x]) => x >= -37 && x <= 8);
  const regions: [string, number, number][] = [
    ["[-37, -8)", -37, -8],
    ["[-8, 0)", -8, 0],
    ["[0, 8]", 0, 8.0000001],
    ["all of [-37, 8]", -37, 8.0000001],
  ];
  return regions.map(([region, lo, hi]) => {
    const inside = points.filter(([x]) => x >= lo && x < hi);
    const worst = (f: (x: number) => number) =>
      Math.max(...inside.map(([x, v]) => {
        const p = Number(v);
        const got = f(x);
        return Number.isFinite(got) ? Math.abs(got - p) / p : Infinity;
      }));
    return {
      region, points: inside.length, hedge: worst(normCdf), jstat: worst((x) => jStat.normal.cdf(x, 0, 1)),
      simple: worst((x) => ss.cumulativeStdNormalProbability(x)),
    };
  });
}

// --- options against QuantLib -------------------------------------------------------------------------------

const GREEKS: Greek[] = ["price", "delta", "gamma", "vega", "theta", "rho"];
type Row = [string, string, number, number, number, number, number, number, number[], number[]];

/** The reference's own rule: 1e-9 relative, or 1e-13 absolute where the value is below 1e-4. */
function within(got: number, ref: number, extra = 0): boolean {
  const err = Math.abs(got - ref);
  return Math.abs(ref) < 1e-4 ? err <= 1e-13 + extra : err <= 1e-9 * Math.abs(ref) + extra;
}

export interface GreekRow {
  greek: string;
  cases: number;
  /** Max relative error where |exact| >= 1e-4, and max absolute error below that. */
  hedgeRel: number;
  hedgeAbs: number;
  /** Rows outside the tolerance against the exact (mpmath) value. */
  hedgeFails: number;
  /** Max relative error against QuantLib itself, and rows outside tolerance + |QuantLib − exact|. */
  hedgeVsQlRel: number;
  hedgeVsQlFails: number;
  jstatRel: number;
  jstatAbs: number;
  jstatFails: number;
}

/**
 * Where sigma is determined to 1e-9 by the price (the tests' rule): a 1e-9 relative change of sigma must
 * move the price clearly more than its rounding, i.e. vega·sigma >= 1e-6·price, and the price must be a
 * normal double well above underflow, where its digits are intact.
 */
function recoverable(price: number, vega: number, sigma: number): boolean {
  return price > 1e-290 && vega * sigma >= 1e-6 * price;
}

export interface VolRow {
  method: string;
  cases: number;
  worst: number;
  fails: number;
}

export interface OptionAccuracy {
  generator: string;
  greeks: GreekRow[];
  vols: VolRow[];
  volCases: number;
  /** The reference's wing rows (σ√T down to 1e-8, far from the money): prices and implied vols. */
  wings: { cases: number; hedgeRel: number; hedgeFails: number; jstatRel: number; jstatFails: number; tiny: number };
  wingVols: VolRow[];
}

function termsOf(r: Row): Terms {
  return { S: r[2], K: r[3], T: r[4], r: r[5], q: r[6], call: r[1] === "call", black76: r[0] === "black76" };
}

export function optionRows(impliedVol?: (price: number, o: Omit<OptionInput, "sigma">) => number): OptionAccuracy {
  const ref = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../test/reference/options-quantlib.json"), "utf8"));
  const rows = ref.rows as Row[];
  const greeks: GreekRow[] = GREEKS.map((greek, g) => {
    const row: GreekRow = { greek, cases: rows.length, hedgeRel: 0, hedgeAbs: 0, hedgeFails: 0, hedgeVsQlRel: 0, hedgeVsQlFails: 0, jstatRel: 0, jstatAbs: 0, jstatFails: 0 };
    for (const r of rows) {
      const [model, type, S, K, T, rate, q, sigma, ql, mp] = r;
      const exact = mp[g];
      const ours = optionValue(greek, { S, K, T, r: rate, q, sigma, type: type as "call", model: model as "bsm" });
      const theirs = jstatGreeks(termsOf(r), sigma)[g];
      const err = (x: number) => (Number.isFinite(x) ? Math.abs(x - exact) : Infinity);
      if (Math.abs(exact) >= 1e-4) {
        row.hedgeRel = Math.max(row.hedgeRel, err(ours) / Math.abs(exact));
        row.jstatRel = Math.max(row.jstatRel, err(theirs) / Math.abs(exact));
      } else {
        row.hedgeAbs = Math.max(row.hedgeAbs, err(ours));
        row.jstatAbs = Math.max(row.jstatAbs, err(theirs));
      }
      if (!within(ours, exact)) row.hedgeFails++;
      if (!(Number.isFinite(theirs) && within(theirs, exact))) row.jstatFails++;
      if (Math.abs(ql[g]) >= 1e-4) row.hedgeVsQlRel = Math.max(row.hedgeVsQlRel, Math.abs(ours - ql[g]) / Math.abs(ql[g]));
      if (!within(ours, ql[g], Math.abs(ql[g] - exact))) row.hedgeVsQlFails++;
    }
    return row;
  });

  const volCases = rows.filter((r) => recoverable(r[9][0], r[9][3], r[7]));
  // How well each solver recovers sigma (r[7]) from the exact price r[9][0]: worst relative error and the
  // number of cases off by more than 1e-9 (a throw counts as off).
  const recovery = (cases: Row[]): VolRow[] => {
    const solvers: [string, (r: Row) => number][] = [];
    if (impliedVol) {
      const solve = impliedVol;
      solvers.push(["HEDGE core impliedVol", (r) => solve(r[9][0], { S: r[2], K: r[3], T: r[4], r: r[5], q: r[6], type: r[1] as "call", model: r[0] as "bsm" })]);
    }
    solvers.push(["jStat Newton/bisection", (r) => jstatImpliedVol(r[9][0], termsOf(r))]);
    return solvers.map(([method, solve]) => {
      let worst = 0;
      let fails = 0;
      for (const r of cases) {
        let got: number;
        try {
          got = solve(r);
        } catch {
          got = NaN;
        }
        const rel = Number.isFinite(got) ? Math.abs(got - r[7]) / r[7] : Infinity;
        worst = Math.max(worst, rel);
        if (!(rel <= 1e-9)) fails++;
      }
      return { method, cases: cases.length, worst, fails };
    });
  };
  const vols = recovery(volCases);

  // The wings: relative error of the price itself, where it has not underflowed (tiny out-of-the-money
  // prices are where an absolute-accuracy normal CDF loses every digit).
  type WingRow = [string, string, number, number, number, number, number, number, number, number];
  const wingRows = (ref.wings ?? []) as WingRow[];
  const asRow = (w: WingRow): Row => [w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], [], [w[8], NaN, NaN, w[9], NaN, NaN]];
  const priced = wingRows.filter((w) => w[8] > 1e-290);
  const wings = { cases: priced.length, hedgeRel: 0, hedgeFails: 0, jstatRel: 0, jstatFails: 0, tiny: priced.filter((w) => w[8] < 1e-4).length };
  for (const w of priced) {
    const [model, type, S, K, T, rate, q, sigma, exact] = w;
    const ours = optionValue("price", { S, K, T, r: rate, q, sigma, type: type as "call", model: model as "bsm" });
    const theirs = jstatGreeks(termsOf(asRow(w)), sigma)[0];
    const rel = (x: number) => (Number.isFinite(x) ? Math.abs(x - exact) / exact : Infinity);
    wings.hedgeRel = Math.max(wings.hedgeRel, rel(ours));
    wings.jstatRel = Math.max(wings.jstatRel, rel(theirs));
    if (!(rel(ours) <= 1e-9)) wings.hedgeFails++;
    if (!(rel(theirs) <= 1e-9)) wings.jstatFails++;
  }
  const wingVols = recovery(wingRows.filter((w) => recoverable(w[8], w[9], w[7])).map(asRow));
  return { generator: ref.generator, greeks, vols, volCases: volCases.length, wings, wingVols };
}
