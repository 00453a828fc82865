import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { INPUT_KINDS, readPair } from "../../src/core/series";
import { mean } from "../../src/core/statistics";
import {
  ewmaRatio,
  hedgeStatistics,
  minVarianceRatio,
  regressionBeta,
  rollingRatio,
  rSquared,
} from "../../src/core/hedgeRatio";
import { digits, exactChanges, exactRegression, lcg } from "./helpers/exact";
import { anyArgument, finiteOrNamedError, rangePair, throwsHedge } from "./helpers/hostile";
import { HULL_DF, HULL_DS } from "./helpers/hull";

const col = (xs: ArrayLike<unknown>): unknown[][] => Array.from(xs, (x) => [x]);

/** Prices near `level` that move by whole cents: the offset that breaks one-pass formulas. */
function centPrices(n: number, level: number, seed: number, coupledTo?: number[]): number[] {
  const rand = lcg(seed);
  const out = [level];
  for (let i = 1; i < n; i++) {
    const own = Math.round((rand() - 0.5) * 200) / 100;
    const coupled = coupledTo ? Math.round((coupledTo[i] - coupledTo[i - 1]) * 80) / 100 : 0;
    out.push(out[i - 1] + own + coupled);
  }
  return out;
}

describe("core/hedgeRatio", () => {
  describe("Hull's jet-fuel cross hedge (Table 3.3)", () => {
    it("reproduces the printed sigma_F = 0.0313, sigma_S = 0.0263, rho = 0.928 and h* = 0.78", () => {
      const p = readPair(col(HULL_DS), col(HULL_DF), "spot", "hedge", "changes", 3);
      const st = hedgeStatistics(p.s, p.f, p.n);
      assert.equal(st.hedgeStdev.toFixed(4), "0.0313");
      assert.equal(st.spotStdev.toFixed(4), "0.0263");
      assert.equal(st.correlation.toFixed(3), "0.928");
      assert.equal(st.ratio.toFixed(2), "0.78");
      assert.equal(minVarianceRatio(p.s, p.f, p.n), st.ratio);
      assert.ok(Math.abs(st.ratio - (st.correlation * st.spotStdev) / st.hedgeStdev) < 1e-15);
      assert.equal(st.observations, 15);
    });
  });

  describe("NIST StRD Norris (y = B0 + B1 x)", () => {
    const norris = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../shared/reference/nist/Norris.json"), "utf8"));
    const c = norris.certified;
    const n = norris.x.length as number;
    const st = hedgeStatistics(norris.y, norris.x, n);
    const residualSd = st.stdError * st.hedgeStdev * Math.sqrt(n - 1);
    const xbar = mean(norris.x, n);
    const seB0 = residualSd * Math.sqrt(1 / n + (xbar * xbar) / ((n - 1) * st.hedgeStdev * st.hedgeStdev));
    // Norris is "lower difficulty": its decimals are close to exact in binary and R^2 = 0.99999 costs a
    // well-conditioned algorithm nothing, so 12 digits is a floor with room; the one-pass normal
    // equations lose ~5 digits (log10 of 1/(1-R^2)) on the residual SD and would fail it.
    const cases: [string, number, number, number][] = [
      ["B1 (slope = hedge ratio)", st.ratio, c.coefficients.B1, 13],
      ["B0 (intercept)", st.intercept, c.coefficients.B0, 12],
      ["SE(B1) (std_error)", st.stdError, c.std_errors.B1, 12],
      ["SE(B0)", seB0, c.std_errors.B0, 12],
      ["residual SD", residualSd, c.residual_sd, 12],
      ["R^2", st.rSquared, c.r_squared, 13],
    ];
    for (const [what, got, certified, required] of cases) {
      it(`${what} to ${required}+ correct digits`, () => {
        assert.ok(digits(got, certified) >= required, `${got} vs ${certified}: ${digits(got, certified).toFixed(2)} digits`);
      });
    }
    it("the residual-SD threshold discriminates: the SSE = Syy - b*Sxy shortcut from raw sums fails it", () => {
      let sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
      for (let i = 0; i < n; i++) {
        const x = norris.x[i], y = norris.y[i];
        sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y;
      }
      const b = (sxy - (sx * sy) / n) / (sxx - (sx * sx) / n);
      const sse = syy - (sy * sy) / n - b * (sxy - (sx * sy) / n);
      assert.ok(digits(Math.sqrt(sse / (n - 2)), c.residual_sd) < 12);
    });
  });

  describe("scipy.stats.linregress cross-check (test/reference/linregress.json)", () => {
    const ref = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../reference/linregress.json"), "utf8"));
    for (const k of ref.cases) {
      it(`${k.name}: slope, intercept, r, std error, t, CI, SDs to 12+ digits`, () => {
        const st = hedgeStatistics(k.y, k.x, k.n);
        const pairs: [string, number, number][] = [
          ["ratio", st.ratio, k.slope],
          ["intercept", st.intercept, k.intercept],
          ["correlation", st.correlation, k.rvalue],
          ["r_squared", st.rSquared, k.rvalue * k.rvalue],
          ["std_error", st.stdError, k.stderr],
          ["t_stat", st.tStat, k.t_stat],
          ["ci95_low", st.ci95Low, k.ci95_low],
          ["ci95_high", st.ci95High, k.ci95_high],
          ["spot_stdev", st.spotStdev, k.y_sd],
          ["hedge_stdev", st.hedgeStdev, k.x_sd],
        ];
        for (const [what, got, expected] of pairs) {
          assert.ok(digits(got, expected) >= 12, `${what}: ${got} vs scipy ${expected} (${digits(got, expected).toFixed(2)} digits)`);
        }
        assert.equal(st.observations, k.n);
      });
    }
  });

  describe("huge offsets against exact arithmetic", () => {
    const N = 3000;
    const hedgePrices = centPrices(N, 1.2e9, 11);
    const spotPrices = centPrices(N, 9.87e8, 12, hedgePrices);
    const s = exactChanges(spotPrices);
    const f = exactChanges(hedgePrices);
    const exact = exactRegression(s, f);

    it("prices near 1e9 with cent moves: MINVAR, STATS and BETA to 14+ digits", () => {
      const p = readPair(col(spotPrices), col(hedgePrices), "spot", "hedge", "prices", 3);
      assert.deepEqual(Array.from(p.s.subarray(0, p.n)), s, "price changes are exact differences of the doubles");
      const st = hedgeStatistics(p.s, p.f, p.n);
      assert.ok(digits(minVarianceRatio(p.s, p.f, p.n), exact.ratio) >= 14.5);
      assert.ok(digits(regressionBeta(p.s, p.f, p.n), exact.ratio) >= 14.5);
      assert.ok(digits(st.ratio, exact.ratio) >= 14.5);
      assert.ok(digits(st.rSquared, exact.rSquared) >= 14.5);
      assert.ok(digits(st.stdError, exact.stdError) >= 14);
      assert.ok(digits(st.spotStdev ** 2, exact.variance.s) >= 14.5);
      assert.ok(digits(st.hedgeStdev ** 2, exact.variance.f) >= 14.5);
      assert.ok(digits(st.intercept, exact.intercept) >= 12, `intercept ${digits(st.intercept, exact.intercept)}`);
    });

    it("changes that are themselves near 1e8 (+ small decimals): 14+ digits where one-pass sums keep none", () => {
      const rand = lcg(99);
      const x = Array.from({ length: 2000 }, () => 1e8 + Math.round(rand() * 1e4) / 1e4);
      const y = x.map((v) => 3e7 + 0.6 * (v - 1e8) + Math.round(rand() * 1e3) / 1e4);
      const ex = exactRegression(y, x);
      const st = hedgeStatistics(y, x, x.length);
      assert.ok(digits(st.ratio, ex.ratio) >= 14, `ratio ${digits(st.ratio, ex.ratio)}`);
      assert.ok(digits(st.rSquared, ex.rSquared) >= 14);
      assert.ok(digits(st.stdError, ex.stdError) >= 13.5);
      assert.ok(digits(st.hedgeStdev ** 2, ex.variance.f) >= 14);
      let sx = 0, sy = 0, sxx = 0, sxy = 0;
      for (let i = 0; i < x.length; i++) {
        sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; sxy += x[i] * y[i];
      }
      const naive = (sxy - (sx * sy) / x.length) / (sxx - (sx * sx) / x.length);
      assert.ok(!(digits(naive, ex.ratio) >= 3), `one-pass formula kept ${digits(naive, ex.ratio)} digits`);
    });
  });

  describe("errors", () => {
    it("a constant hedge has no ratio; a constant spot has no correlation; an exact fit has no t statistic", () => {
      throwsHedge(() => minVarianceRatio([1, 2, 3], [5, 5, 5], 3), "hedge has no variance (every observation is the same), so the hedge ratio is undefined.");
      throwsHedge(() => regressionBeta([1, 2, 3], [5, 5, 5], 3), "market has no variance (every observation is the same), so the hedge ratio is undefined.");
      throwsHedge(() => hedgeStatistics([4, 4, 4], [1, 2, 3], 3), "spot has no variance (every observation is the same), so the correlation is undefined.");
      const exact = hedgeStatistics([2, 4, 6, 8], [1, 2, 3, 4], 4);
      assert.deepEqual([exact.ratio, exact.stdError, exact.ci95Low, exact.ci95High, exact.rSquared], [2, 0, 2, 2, 1]);
      assert.ok(Number.isNaN(exact.tStat));
      assert.equal(minVarianceRatio([4, 4, 4], [1, 2, 3], 3), 0);
      // 1e9 + 0.1 cannot be stored exactly, so the mean is not exactly 1e9+0.1: still exactly "no variance".
      throwsHedge(() => minVarianceRatio([1, 2, 3, 4, 5, 6, 7], new Array(7).fill(1e9 + 0.1), 7), /^hedge has no variance/);
    });

    it("too few observations are #N/A", () => {
      throwsHedge(() => minVarianceRatio([1], [2], 1), "need at least 2 observations; spot and hedge have 1.", "na");
      throwsHedge(() => hedgeStatistics([1, 2], [2, 3], 2), "need at least 3 observations; spot and hedge have 2.", "na");
    });

    it("a ratio beyond double range is a HedgeError naming both series", () => {
      throwsHedge(() => minVarianceRatio([1e300, -1e300, 1e300], [1e-300, -1e-300, 2e-300], 3), /^The hedge ratio of spot on hedge cannot be computed/);
    });

    it("computes ratios of series that are both ~1e200 or ~1e-200 (no overflow of squares)", () => {
      const s = [1, 3, 2, 5, 4];
      const f = [2, 1, 4, 3, 6];
      const h = minVarianceRatio(s, f, 5);
      assert.ok(digits(minVarianceRatio(s.map((v) => v * 1e200), f.map((v) => v * 1e200), 5), h) >= 15);
      assert.ok(digits(minVarianceRatio(s.map((v) => v * 1e-200), f.map((v) => v * 1e-200), 5), h) >= 15);
      const st = hedgeStatistics(s.map((v) => v * 1e150), f.map((v) => v * 1e-150), 5);
      assert.ok(digits(st.ratio, h * 1e300) >= 14.5, "a ratio of 1e300 from squares that would be 1e600 and 1e-600");
      assert.ok(digits(st.tStat, hedgeStatistics(s, f, 5).tStat) >= 14);
    });
  });

  describe("invariants", () => {
    // Magnitudes below 1e-100 would underflow when scaled by 2^-60 or squared by the test's own tolerance,
    // making "exact for powers of two" false for reasons that are not the code's.
    const value = fc.double({ min: -100, max: 100, noNaN: true }).map((v) => (Math.abs(v) < 1e-100 ? 0 : v));
    const series = fc.integer({ min: 3, max: 40 }).chain((n) =>
      fc.tuple(fc.array(value, { minLength: n, maxLength: n }), fc.array(value, { minLength: n, maxLength: n })),
    );
    const varies = (x: number[]) => x.some((v) => v !== x[0]);

    it("scaling spot by k scales h* by k; scaling the hedge by k divides it by k (exactly, for powers of two)", () => {
      fc.assert(
        fc.property(series, fc.integer({ min: -60, max: 60 }), fc.double({ min: 0.001, max: 1000, noNaN: true }), ([s, f], e, k) => {
          fc.pre(varies(f));
          const h = minVarianceRatio(s, f, s.length);
          assert.equal(minVarianceRatio(s.map((v) => v * 2 ** e), f, s.length), h * 2 ** e);
          assert.equal(minVarianceRatio(s, f.map((v) => v * 2 ** e), s.length), h / 2 ** e);
          const scaled = minVarianceRatio(s.map((v) => v * k), f, s.length);
          const spread = Math.sqrt(s.reduce((a, v) => a + v * v, 0) / f.reduce((a, v) => a + v * v, 0));
          assert.ok(Math.abs(scaled - k * h) <= 1e-12 * k * (Math.abs(h) + spread));
        }),
        { numRuns: 500 },
      );
    });

    it("adding a constant to prices does not change any 'prices' result", () => {
      fc.assert(
        fc.property(series, fc.integer({ min: -1e6, max: 1e6 }), ([s, f], c) => {
          const base = readPair(col(s), col(f), "spot", "hedge", "prices", 2);
          fc.pre(varies(Array.from(base.f.subarray(0, base.n))));
          const shiftedS = s.map((v) => Math.round(v * 100) / 100);
          const shiftedF = f.map((v) => Math.round(v * 100) / 100);
          const a = readPair(col(shiftedS), col(shiftedF), "spot", "hedge", "prices", 2);
          const b = readPair(col(shiftedS.map((v) => v + c)), col(shiftedF.map((v) => v + c)), "spot", "hedge", "prices", 2);
          fc.pre(varies(Array.from(a.f.subarray(0, a.n))));
          const ha = minVarianceRatio(a.s, a.f, a.n);
          const hb = minVarianceRatio(b.s, b.f, b.n);
          // Cent prices plus an integer are exact doubles below 2^53/100, so the changes can differ only by
          // the rounding of c + v itself: tiny against the changes.
          assert.ok(Math.abs(ha - hb) <= 1e-6 * (1 + Math.abs(ha)), `${ha} vs ${hb}`);
        }),
        { numRuns: 300 },
      );
    });

    it("STATS is self-consistent: r^2 = correlation^2, t = ratio/std_error, the CI brackets the ratio symmetrically", () => {
      fc.assert(
        fc.property(series, ([s, f]) => {
          fc.pre(varies(s) && varies(f));
          const st = hedgeStatistics(s, f, s.length);
          if (st.stdError === 0) return; // exact fit: t is NaN by design, checked above
          assert.ok(Math.abs(st.rSquared - st.correlation ** 2) < 1e-14);
          assert.ok(Math.abs(st.tStat - st.ratio / st.stdError) <= 1e-13 * Math.abs(st.tStat));
          assert.ok(st.ci95Low <= st.ratio && st.ratio <= st.ci95High);
          // Each end is one rounding of ratio ∓ t·se, so the half-widths may differ by a few ulps of the ratio.
          assert.ok(Math.abs(st.ratio - st.ci95Low - (st.ci95High - st.ratio)) <= 1e-15 * Math.abs(st.ratio) + 1e-12 * (st.ci95High - st.ci95Low));
          assert.ok(Math.abs(rSquared(s, f, s.length) - st.rSquared) === 0);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe("rollingRatio", () => {
    /** The independent oracle: each window recomputed from scratch, plain two-pass. */
    function naiveRolling(s: ArrayLike<number>, f: ArrayLike<number>, w: number): number[] {
      const out: number[] = [];
      for (let i = 0; i < s.length; i++) {
        if (i < w - 1) {
          out.push(NaN);
          continue;
        }
        let ms = 0, mf = 0;
        for (let j = i - w + 1; j <= i; j++) {
          ms += s[j];
          mf += f[j];
        }
        ms /= w;
        mf /= w;
        let c = 0, v = 0;
        for (let j = i - w + 1; j <= i; j++) {
          c += (s[j] - ms) * (f[j] - mf);
          v += (f[j] - mf) ** 2;
        }
        out.push(v === 0 ? NaN : c / v);
      }
      return out;
    }

    /** Error measured against the window's natural ratio scale sd(s)/sd(f), so near-zero ratios are fair. */
    function scaledError(got: number, expected: number, s: ArrayLike<number>, f: ArrayLike<number>, i: number, w: number): number {
      let ss = 0, ff = 0, ms = 0, mf = 0;
      for (let j = i - w + 1; j <= i; j++) {
        ms += s[j] / w;
        mf += f[j] / w;
      }
      for (let j = i - w + 1; j <= i; j++) {
        ss += (s[j] - ms) ** 2;
        ff += (f[j] - mf) ** 2;
      }
      return Math.abs(got - expected) / Math.sqrt(ss / ff);
    }

    function check(s: number[], f: number[], w: number, tolerance: number): void {
      const expected = naiveRolling(s, f, w);
      const p = readPair(col(s), col(f), "spot", "hedge", "changes", 1);
      const got = rollingRatio(p, w);
      assert.equal(got, p.s, "the result reuses p.s");
      for (let i = 0; i < s.length; i++) {
        if (Number.isNaN(expected[i])) {
          assert.ok(Number.isNaN(got[i]), `row ${i}: expected NaN, got ${got[i]}`);
          continue;
        }
        const err = scaledError(got[i], expected[i], s, f, i, w);
        assert.ok(err <= tolerance, `row ${i}: ${got[i]} vs ${expected[i]} (scaled error ${err})`);
      }
    }

    it("matches per-window recomputation on ordinary data, with NaN before the first full window", () => {
      const rand = lcg(5);
      const f = Array.from({ length: 500 }, () => rand() - 0.5);
      const s = f.map((v) => 0.7 * v + 0.3 * (rand() - 0.5));
      for (const w of [2, 3, 10, 64, 499, 500]) check(s, f, w, 1e-13);
    });

    it("matches it on hostile data: regime jumps, outliers entering and leaving, constant stretches, 1e8 offsets", () => {
      const rand = lcg(6);
      const n = 3000;
      const f: number[] = [];
      const s: number[] = [];
      for (let i = 0; i < n; i++) {
        const regime = Math.floor(i / 400) % 3 === 1 ? 1e8 : Math.floor(i / 400) % 3 === 2 ? -5e4 : 0;
        let x = regime + Math.round((rand() - 0.5) * 1e4) / 100;
        if (i % 97 === 0) x += 1e7; // outliers that the window must forget exactly
        if (i >= 1500 && i < 1600) x = 42; // hedge constant for longer than the window: NaN rows
        f.push(x);
        s.push(i >= 2000 && i < 2100 ? 7 : 0.4 * x + Math.round((rand() - 0.5) * 1e3) / 100);
      }
      check(s, f, 30, 1e-11);
      check(s, f, 250, 1e-11);
    });

    it("running sums without the compensated, recentred window would fail the same check", () => {
      const rand = lcg(7);
      const f = Array.from({ length: 400 }, (_, i) => (i < 200 ? 1e8 : 0) + Math.round(rand() * 1000) / 100);
      const s = f.map((v) => 0.5 * v + Math.round(rand() * 100) / 100);
      const w = 20;
      let a = 0, b = 0, ab = 0, bb = 0;
      let worst = 0;
      const expected = naiveRolling(s, f, w);
      for (let i = 0; i < f.length; i++) {
        a += s[i]; b += f[i]; ab += s[i] * f[i]; bb += f[i] * f[i];
        if (i >= w) {
          a -= s[i - w]; b -= f[i - w]; ab -= s[i - w] * f[i - w]; bb -= f[i - w] * f[i - w];
        }
        if (i >= w - 1) {
          const h = (ab - (a * b) / w) / (bb - (b * b) / w);
          worst = Math.max(worst, scaledError(h, expected[i], s, f, i, w) || Infinity);
        }
      }
      assert.ok(!(worst <= 1e-11), `plain running sums: worst scaled error ${worst}`);
      check(s, f, w, 1e-11);
    });

    it("1,048,576 rows of prices near 1e9 with cent moves: finishes, and spot-checked windows match exact arithmetic", function () {
      this.timeout(120000);
      const rows = 1_048_576;
      const w = 250;
      const hedgePrices = centPrices(rows, 1.5e9, 21);
      const spotPrices = centPrices(rows, 8e8, 22, hedgePrices);
      const spot = col(spotPrices);
      const hedge = col(hedgePrices);
      const p = readPair(spot, hedge, "spot", "hedge", "prices", w);
      const s = p.s.slice(0, p.n);
      const f = p.f.slice(0, p.n);
      const got = rollingRatio(p, w);
      assert.ok(Number.isNaN(got[w - 2]) && !Number.isNaN(got[w - 1]));
      const rand = lcg(23);
      const checks = [w - 1, w, 2 * w - 1, 2 * w, p.n - 1, ...Array.from({ length: 35 }, () => w + Math.floor(rand() * (p.n - w)))];
      for (const i of checks) {
        const exact = exactRegression(s.subarray(i - w + 1, i + 1), f.subarray(i - w + 1, i + 1)).ratio;
        const err = scaledError(got[i], exact, s, f, i, w);
        assert.ok(err <= 1e-14, `window ending ${i}: ${got[i]} vs exact ${exact} (scaled error ${err})`);
      }
    });

    it("validates the window and returns all NaN when the series is shorter than it", () => {
      const p = () => readPair(col([1, 2, 3, 4]), col([2, 1, 4, 3]), "spot", "hedge", "changes", 1);
      throwsHedge(() => rollingRatio(p(), 1), "window must be at least 2; it is 1.");
      throwsHedge(() => rollingRatio(p(), 2.5), "window must be a whole number; it is 2.5.");
      throwsHedge(() => rollingRatio(p(), "ten"), 'window must be a number, not the text "ten".');
      assert.ok(Array.from(rollingRatio(p(), 5)).every(Number.isNaN));
      assert.deepEqual(Array.from(rollingRatio(p(), 2)), [NaN, -1, 1 / 3, -1]);
    });
  });

  describe("ewmaRatio", () => {
    /** The independent oracle: the RiskMetrics recursion written out plainly. */
    function naiveEwma(s: number[], f: number[], lambda: number): number[] {
      let c = s[0] * f[0];
      let v = f[0] * f[0];
      const out = [v === 0 ? NaN : c / v];
      for (let t = 1; t < s.length; t++) {
        c = lambda * c + (1 - lambda) * s[t] * f[t];
        v = lambda * v + (1 - lambda) * f[t] * f[t];
        out.push(v === 0 ? NaN : c / v);
      }
      return out;
    }

    it("matches the plain recursion, seeded with the first observation, NaN while V = 0", () => {
      const rand = lcg(8);
      const f = [0, 0, ...Array.from({ length: 300 }, () => rand() - 0.5)];
      const s = f.map((v) => 0.9 * v + 0.2 * (rand() - 0.5));
      for (const lambda of [0.94, 0.5, 0.999, 1e-9]) {
        const p = readPair(col(s), col(f), "spot", "hedge", "changes", 1);
        const got = ewmaRatio(p, lambda);
        assert.equal(got, p.s);
        const expected = naiveEwma(s, f, lambda);
        assert.ok(Number.isNaN(got[0]) && Number.isNaN(got[1]));
        for (let i = 2; i < s.length; i++) {
          assert.ok(Math.abs(got[i] - expected[i]) <= 1e-13 * Math.abs(expected[i]) + 1e-15, `t=${i}: ${got[i]} vs ${expected[i]}`);
        }
      }
    });

    it("works on 1e200-sized series whose products overflow the plain recursion", () => {
      const s = [3e200, -1e200, 2e200, 5e200];
      const f = [1e200, 2e200, -3e200, 1e200];
      const p = readPair(col(s), col(f), "spot", "hedge", "changes", 1);
      const got = ewmaRatio(p, 0.94);
      const expected = naiveEwma(s.map((v) => v / 1e200), f.map((v) => v / 1e200), 0.94);
      for (let i = 0; i < 4; i++) assert.ok(digits(got[i], expected[i]) >= 14);
      assert.ok(Number.isNaN(naiveEwma(s, f, 0.94)[0]), "the plain recursion overflows here");
    });

    it("validates lambda", () => {
      const p = () => readPair(col([1, 2]), col([2, 1]), "spot", "hedge", "changes", 1);
      throwsHedge(() => ewmaRatio(p(), 1), "lambda must be less than 1; it is 1.");
      throwsHedge(() => ewmaRatio(p(), 0), "lambda must be greater than 0; it is 0.");
      throwsHedge(() => ewmaRatio(p(), null), "lambda is required: give a number.");
    });

    it("runs over 1,048,576 rows", () => {
      const rows = 1_048_576;
      const p = readPair(col(centPrices(rows, 100, 31)), col(centPrices(rows, 50, 32)), "spot", "hedge", "prices", 1);
      const got = ewmaRatio(p, 0.94);
      assert.equal(got.length, rows);
      assert.ok(Number.isFinite(got[rows - 2]));
    });
  });

  describe("hostile input", () => {
    /**
     * t is NaN only for an exact fit, whose std_error is 0 (the converse does not hold: a tiny std_error can
     * underflow to 0 after unscaling while t stays finite). Every other statistic must be finite.
     */
    function statsOutsideT(st: ReturnType<typeof hedgeStatistics>): object {
      if (Number.isNaN(st.tStat)) assert.equal(st.stdError, 0, "t is NaN but the fit is not exact");
      const { tStat: _t, ...rest } = st;
      return rest;
    }

    it("every hedge-ratio function returns finite numbers (NaN only row-wise) or a HedgeError naming an argument", () => {
      fc.assert(
        fc.property(rangePair(), fc.constantFrom(...INPUT_KINDS), anyArgument, fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double()), ([a, b], kind, extra, number) => {
          const names = ["spot", "hedge"];
          const p = () => readPair(a, b, "spot", "hedge", kind, 2);
          finiteOrNamedError(() => minVarianceRatio(p().s, p().f, p().n), names);
          finiteOrNamedError(() => { const q = p(); return statsOutsideT(hedgeStatistics(q.s, q.f, q.n)); }, names);
          finiteOrNamedError(() => { const q = readPair(a, b, "asset", "market", kind, 2); return regressionBeta(q.s, q.f, q.n); }, ["asset", "market"]);
          finiteOrNamedError(() => { const q = p(); return rollingRatio(q, number).subarray(0, q.n); }, [...names, "window"], true);
          finiteOrNamedError(() => { const q = p(); return rollingRatio(q, extra).subarray(0, q.n); }, [...names, "window"], true);
          finiteOrNamedError(() => { const q = p(); return ewmaRatio(q, number).subarray(0, q.n); }, [...names, "lambda"], true);
          finiteOrNamedError(() => { const q = p(); return ewmaRatio(q, extra).subarray(0, q.n); }, [...names, "lambda"], true);
        }),
        { numRuns: 1500 },
      );
    });

    it("extreme values inside otherwise valid series", () => {
      const extreme = fc.constantFrom(1e308, -1e308, 1e-308, -1e-308, 5e-324, 1.7976931348623157e308, 0, 1, -1);
      fc.assert(
        fc.property(fc.array(fc.tuple(extreme, extreme), { minLength: 2, maxLength: 10 }), fc.constantFrom(...INPUT_KINDS), fc.integer({ min: 2, max: 4 }), (rows, kind, w) => {
          const a = rows.map(([x]) => [x]);
          const b = rows.map(([, y]) => [y]);
          const names = ["spot", "hedge", "window", "lambda"];
          const p = () => readPair(a, b, "spot", "hedge", kind, 2);
          finiteOrNamedError(() => minVarianceRatio(p().s, p().f, p().n), names);
          finiteOrNamedError(() => { const q = p(); return statsOutsideT(hedgeStatistics(q.s, q.f, q.n)); }, names);
          finiteOrNamedError(() => { const q = p(); return rollingRatio(q, w).subarray(0, q.n); }, names, true);
          finiteOrNamedError(() => { const q = p(); return ewmaRatio(q, 0.94).subarray(0, q.n); }, names, true);
        }),
        { numRuns: 1500 },
      );
    });
  });
});
