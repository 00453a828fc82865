import { strict as assert } from "assert";
import fc from "fast-check";
import { INPUT_KINDS, readPair } from "../../src/core/series";
import { sampleStandardDeviation } from "simple-statistics";
import { dollarOffsetTest, effectiveness, hedgedPnl, MEASURES } from "../../src/core/effectiveness";
import { hedgeStatistics, minVarianceRatio, rSquared } from "../../src/core/hedgeRatio";
import { digits, exactVarianceReduction, lcg } from "./helpers/exact";
import { anyArgument, finiteOrNamedError, rangePair, throwsHedge } from "./helpers/hostile";
import { HULL_DF, HULL_DS } from "./helpers/hull";

const col = (xs: ArrayLike<unknown>): unknown[][] => Array.from(xs, (x) => [x]);

describe("core/effectiveness", () => {
  describe("variance reduction (Ederington)", () => {
    it("Hull's jet-fuel hedge at h* removes rho^2 = 86% of the variance; unhedged removes none", () => {
      const h = minVarianceRatio(HULL_DS, HULL_DF, 15);
      const e = effectiveness(HULL_DS, HULL_DF, 15, h, "variance");
      assert.equal(e.toFixed(3), "0.862");
      assert.ok(Math.abs(e - hedgeStatistics(HULL_DS, HULL_DF, 15).rSquared) < 1e-15);
      assert.equal(effectiveness(HULL_DS, HULL_DF, 15, 0, "variance"), 0);
      assert.ok(effectiveness(HULL_DS, HULL_DF, 15, 2, "variance") < 0, "over-hedging can add variance");
    });

    it("at the minimum-variance ratio equals R^2, and no other ratio does better", () => {
      // Magnitudes kept within 1e-10..100 so that a "worse" ratio's (negative) reduction stays representable.
      const value = fc.double({ min: -100, max: 100, noNaN: true }).map((v) => (Math.abs(v) < 1e-10 ? 0 : v));
      fc.assert(
        fc.property(
          fc.integer({ min: 3, max: 30 }).chain((n) => fc.tuple(fc.array(value, { minLength: n, maxLength: n }), fc.array(value, { minLength: n, maxLength: n }))),
          fc.double({ min: -10, max: 10, noNaN: true }),
          ([s, f], other) => {
            fc.pre(s.some((v) => v !== s[0]) && f.some((v) => v !== f[0]));
            const n = s.length;
            const h = minVarianceRatio(s, f, n);
            const best = effectiveness(s, f, n, h, "variance");
            assert.ok(Math.abs(best - rSquared(s, f, n)) <= 1e-12, `${best} vs ${rSquared(s, f, n)}`);
            assert.ok(effectiveness(s, f, n, other, "variance") <= best + 1e-12);
          },
        ),
        { numRuns: 500 },
      );
    });

    it("matches exact arithmetic to the last bit on a near-perfect hedge of 1e9-level spot values", () => {
      const rand = lcg(41);
      const n = 4000;
      const f = Array.from({ length: n }, () => Math.round((rand() - 0.5) * 1e4) / 100);
      const s = f.map((v) => 1e9 + 0.97 * v + Math.round((rand() - 0.5) * 10) / 1e4);
      const h = minVarianceRatio(s, f, n);
      const exact = exactVarianceReduction(s, f, h);
      const got = effectiveness(s, f, n, h, "variance");
      // The result is 1 − (a tiny share): its absolute error is what a user sees, and one ulp of 1 is the floor.
      assert.ok(exact > 0.99999 && Math.abs(got - exact) <= 2 ** -52, `${got} vs exact ${exact}`);
      assert.ok(got <= 1);
      for (const other of [0, 0.5, 0.96, 1.1, -3]) {
        const e = exactVarianceReduction(s, f, other);
        const g = effectiveness(s, f, n, other, "variance");
        assert.ok(Math.abs(g - e) <= 4 * 2 ** -52 * Math.max(1, Math.abs(e)), `ratio ${other}: ${g} vs exact ${e}`);
      }
    });

    it("is undefined for a constant spot; a constant hedge removes nothing", () => {
      throwsHedge(() => effectiveness([2, 2, 2], [1, 2, 3], 3, 1, "variance"), "spot has no variance (every observation is the same), so variance reduction is undefined.");
      assert.equal(effectiveness([1, 2, 4], [3, 3, 3], 3, 0.5, "variance"), 0);
    });
  });

  describe("dollar offset", () => {
    it("is ratio * sum(hedge changes) / sum(spot changes): positive, inside 80%-125%, when both move together", () => {
      // Long 1 unit of spot that rises 100 while the futures rise 95; short 1 future per unit.
      assert.equal(effectiveness([60, 40], [50, 45], 2, 1, "dollaroffset"), 0.95);
      assert.equal(effectiveness([60, 40], [50, 45], 2, -1, "dollaroffset"), -0.95, "a long 'hedge' adds to the loss");
      assert.equal(effectiveness([-60, -40], [-50, -45], 2, 1, "dollaroffset"), 0.95);
    });

    it("for prices is ratio * (F_end - F_start) / (S_end - S_start): the changes telescope", () => {
      const spot = [100, 103, 99, 104.5];
      const fut = [98, 100, 97.5, 102];
      const p = readPair(col(spot), col(fut), "spot", "hedge", "prices", 1);
      const got = effectiveness(p.s, p.f, p.n, 0.9, "dollaroffset");
      assert.ok(Math.abs(got - (0.9 * (102 - 98)) / (104.5 - 100)) < 1e-15);
    });

    it("is undefined when the spot changes add up to zero", () => {
      throwsHedge(() => effectiveness([1, -1, 0.5, -0.5], [1, 2, 3, 4], 4, 1, "dollaroffset"), "spot changes add up to zero over the period, so the dollar offset is undefined.");
    });

    it("sums 1e308-sized changes without overflow", () => {
      assert.ok(digits(effectiveness([1e308, 1e308], [1.5e308, 1.5e308], 2, 1, "dollaroffset"), 1.5) >= 15);
    });
  });

  describe("dollar-offset test (band verdict and the small-changes check)", () => {
    // s = h·f + e with chosen residuals e: Σs = h·Σf + Σe and the noise is sd(e)·√n, both by hand.
    const build = (h: number, f: number[], e: number[]) => f.map((x, i) => h * x + e[i]);

    it("two observations with e = ±1: noise sd·√2 = √2·√2 = 2, so the threshold is |Σs| = 10 exactly", () => {
      // h = 0.5, f = [12, 8]: h·Σf = 10, Σe = 0, so Σs = 10 and the offset is 10/10 = 1.
      const f = [12, 8];
      const s = build(0.5, f, [1, -1]);
      assert.deepEqual(s, [7, 3]);
      assert.deepEqual(dollarOffsetTest(s, f, 2, 0.5), {
        offset: 1,
        spotChange: 10,
        hedgeChange: 20,
        residualNoise: 2,
        inBand: true,
        smallChanges: false,
      });
      // A hedge that moved a little less: h·Σf = 9.5, Σs = 9.5 < 10 with the same residuals.
      const g = [11.5, 7.5];
      const t = dollarOffsetTest(build(0.5, g, [1, -1]), g, 2, 0.5);
      assert.equal(t.spotChange, 9.5);
      assert.equal(t.residualNoise, 2);
      assert.equal(t.smallChanges, true);
    });

    it("a biased residual shows in the offset but not in the noise: offset = 1 − Σe/Σs", () => {
      // e = [1.5, −0.5]: Σe = 1, centred ±1 so the noise is still 2; Σs = 10 + 1 = 11, offset 10/11.
      const f = [12, 8];
      const t = dollarOffsetTest(build(0.5, f, [1.5, -0.5]), f, 2, 0.5);
      assert.equal(t.spotChange, 11);
      assert.ok(Math.abs(t.offset - 10 / 11) <= 2 ** -52);
      assert.equal(t.residualNoise, 2);
      assert.equal(t.inBand, true);
      assert.equal(t.smallChanges, false);
    });

    it("ten observations with e = ±1 alternating: noise = √(10/9)·√10 = 10/3, threshold 50/3", () => {
      const e = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1];
      const trend = (total: number) => e.map(() => total / 10);
      // h = 1 and f = a constant trend: Σs = Σf. Σs = 17 clears 50/3 = 16.67; Σs = 16 does not.
      const big = dollarOffsetTest(build(1, trend(17), e), trend(17), 10, 1);
      assert.ok(Math.abs(big.residualNoise - 10 / 3) <= 1e-15);
      assert.ok(Math.abs(big.spotChange - 17) <= 1e-14);
      assert.equal(big.smallChanges, false);
      const small = dollarOffsetTest(build(1, trend(16), e), trend(16), 10, 1);
      assert.equal(small.smallChanges, true);
      // Both offsets are 1 (Σe = 0): inside the band, and for the small move that verdict means nothing.
      assert.ok(Math.abs(small.offset - 1) < 1e-15 && small.inBand);
    });

    it("offset outside the band: a hedge at half the ratio offsets half", () => {
      const f = [12, 8];
      const t = dollarOffsetTest(build(1, f, [0, 0]), f, 2, 0.5);
      assert.equal(t.offset, 0.5);
      assert.equal(t.inBand, false);
      // e = s − 0.5·f = 0.5·f = [6, 4]: sd √2, noise 2; |Σs| = 20 >= 10.
      assert.equal(t.residualNoise, 2);
      assert.equal(t.smallChanges, false);
    });

    it("the band's edges count as inside: 0.8 and 1.25", () => {
      assert.equal(dollarOffsetTest([10, 10], [8, 8], 2, 1).inBand, true);
      assert.equal(dollarOffsetTest([8, 8], [10, 10], 2, 1).inBand, true);
      assert.equal(dollarOffsetTest([8, 8], [10.0000001, 10], 2, 1).inBand, false);
    });

    it("a perfect hedge has no noise, so any non-zero move is large enough", () => {
      const t = dollarOffsetTest([0.5, 1e-9], [0.25, 5e-10], 2, 2);
      assert.equal(t.residualNoise, 0);
      assert.equal(t.offset, 1);
      assert.equal(t.smallChanges, false);
    });

    it("uses the same offset as effectiveness(…, \"dollaroffset\"), and the same error when Σs = 0", () => {
      assert.equal(dollarOffsetTest(HULL_DS, HULL_DF, 15, 0.78).offset, effectiveness(HULL_DS, HULL_DF, 15, 0.78, "dollaroffset"));
      throwsHedge(() => dollarOffsetTest([1, -1, 0.5, -0.5], [1, 2, 3, 4], 4, 1), "spot changes add up to zero over the period, so the dollar offset is undefined.");
      throwsHedge(() => dollarOffsetTest([1], [1], 1, 1), "need at least 2 observations; spot and hedge have 1.", "na");
      throwsHedge(() => dollarOffsetTest([1, 2], [1, 2], 2, "x"), 'ratio must be a number, not the text "x".');
      throwsHedge(() => dollarOffsetTest([1, -1], [1, 2], 2, 1, { spot: "jet fuel", hedge: "heating oil" }), "jet fuel changes add up to zero over the period, so the dollar offset is undefined.");
    });

    it("matches an independent sd(e)·√n on ordinary data", () => {
      const rand = lcg(7);
      for (const n of [2, 3, 12, 500]) {
        const f = Array.from({ length: n }, () => (rand() - 0.45) * 0.2);
        const s = f.map((x) => 0.9 * x + (rand() - 0.5) * 0.03);
        const h = 0.85;
        const e = s.map((x, i) => x - h * f[i]);
        const t = dollarOffsetTest(s, f, n, h);
        const noise = sampleStandardDeviation(e) * Math.sqrt(n);
        assert.ok(Math.abs(t.residualNoise - noise) <= 1e-13 * noise, `n=${n}: ${t.residualNoise} vs ${noise}`);
        const sumS = s.reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(t.spotChange - sumS) <= 1e-13 * Math.abs(sumS) + 1e-16 * n);
        assert.equal(t.smallChanges, Math.abs(t.spotChange) < 5 * t.residualNoise);
      }
    });

    it("keeps the scale: 1e300-sized changes, and a hedge far larger than the spot (the swapped scale)", () => {
      // The n = 2 case at 2^990 (about 1e298): everything scales, the verdicts do not change.
      const k = 2 ** 990;
      const t = dollarOffsetTest([7 * k, 3 * k], [12 * k, 8 * k], 2, 0.5);
      assert.deepEqual(t, { offset: 1, spotChange: 10 * k, hedgeChange: 20 * k, residualNoise: 2 * k, inBand: true, smallChanges: false });
      // Spot near 1e-300 and a hedge near 1: e ≈ −2·f, whose noise is 2·sd(f)·√3.
      const f = [1, 2, 4];
      const u = dollarOffsetTest([1e-300, 2e-300, 3e-300], f, 3, 2);
      const expected = 2 * sampleStandardDeviation(f) * Math.sqrt(3);
      assert.ok(Math.abs(u.residualNoise - expected) <= 1e-15 * expected, `${u.residualNoise} vs ${expected}`);
      assert.equal(u.smallChanges, true);
      // A residual beyond double range is an error naming what overflowed, not Infinity.
      throwsHedge(() => dollarOffsetTest([1, 1], [1e300, -1e300], 2, 1e300), /^The hedged noise of spot − ratio × hedge cannot be computed/);
      throwsHedge(() => dollarOffsetTest([1e308, 1e308], [1, 1], 2, 1), /^The sum of the spot changes cannot be computed/);
    });

    it("is invariant to the units: scaling spot and hedge by the same power of two scales Σs and the noise alike", () => {
      // Multiples of 2^-10, so scaling by 2^±900 is exact and the comparison can be too.
      const value = fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 1024);
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 20 }).chain((n) => fc.tuple(fc.array(value, { minLength: n, maxLength: n }), fc.array(value, { minLength: n, maxLength: n }))),
          fc.double({ min: -5, max: 5, noNaN: true }),
          fc.integer({ min: -900, max: 900 }),
          ([s, f], h, p) => {
            const n = s.length;
            let base;
            try {
              base = dollarOffsetTest(s, f, n, h);
            } catch {
              return;
            }
            const scaled = dollarOffsetTest(s.map((x) => x * 2 ** p), f.map((x) => x * 2 ** p), n, h);
            assert.equal(scaled.offset, base.offset);
            assert.equal(scaled.smallChanges, base.smallChanges);
            assert.equal(scaled.inBand, base.inBand);
            const noise = base.residualNoise * 2 ** p;
            assert.ok(Math.abs(scaled.residualNoise - noise) <= 1e-14 * noise, `${scaled.residualNoise} vs ${noise}`);
          },
        ),
        { numRuns: 500 },
      );
    });
  });

  describe("r2, slope and argument checks", () => {
    it("r2 and slope are the regression's R^2 and slope; ratio must still be a number", () => {
      assert.equal(effectiveness(HULL_DS, HULL_DF, 15, 0.5, "r2"), rSquared(HULL_DS, HULL_DF, 15));
      assert.equal(effectiveness(HULL_DS, HULL_DF, 15, 0.5, "SLOPE"), minVarianceRatio(HULL_DS, HULL_DF, 15));
      assert.equal(effectiveness(HULL_DS, HULL_DF, 15, 0.5, null), effectiveness(HULL_DS, HULL_DF, 15, 0.5, "variance"));
      throwsHedge(() => effectiveness(HULL_DS, HULL_DF, 15, "x", "r2"), 'ratio must be a number, not the text "x".');
      throwsHedge(() => effectiveness(HULL_DS, HULL_DF, 15, 1, "offset"), 'measure must be one of "variance", "dollaroffset", "r2", "slope"; "offset" is not.');
      throwsHedge(() => effectiveness([1], [2], 1, 1, "variance"), "need at least 2 observations; spot and hedge have 1.", "na");
    });
  });

  describe("hedgedPnl", () => {
    it("is s - ratio*f per observation, written into p.s", () => {
      const p = readPair(col([100, 102, 101, 105]), col([50, 51, 50.5, 52]), "spot", "hedge", "prices", 1);
      const out = hedgedPnl(p, 2);
      assert.equal(out, p.s);
      assert.deepEqual(Array.from(out.subarray(0, p.n)), [0, 0, 1]);
    });

    it("computes differences whose product term overflows, and names the row when the result itself does", () => {
      const p = readPair(col([1e308]), col([1e308]), "spot", "hedge", "changes", 1);
      assert.ok(digits(hedgedPnl(p, 2)[0], -1e308) >= 15);
      const q = readPair(col([1, -1e308]), col([1, 1e308]), "spot", "hedge", "changes", 1);
      throwsHedge(() => hedgedPnl(q, 2), "The hedged P&L spot − ratio × hedge at row 2 is too large for double precision.");
    });
  });

  describe("hostile input", () => {
    it("every measure and the P&L return finite numbers or a HedgeError naming an argument", () => {
      fc.assert(
        fc.property(rangePair(), fc.constantFrom(...INPUT_KINDS), anyArgument, fc.oneof(fc.constantFrom(...MEASURES), anyArgument), fc.double(), ([a, b], kind, ratio, measure, number) => {
          const names = ["spot", "hedge", "ratio", "measure"];
          const p = () => readPair(a, b, "spot", "hedge", kind, 1);
          for (const r of [ratio, number, 0.9]) {
            finiteOrNamedError(() => { const q = p(); return effectiveness(q.s, q.f, q.n, r, measure); }, names);
            for (const m of MEASURES) finiteOrNamedError(() => { const q = p(); return effectiveness(q.s, q.f, q.n, r, m); }, names);
            finiteOrNamedError(() => { const q = p(); return dollarOffsetTest(q.s, q.f, q.n, r); }, names);
            finiteOrNamedError(() => { const q = p(); return hedgedPnl(q, r).subarray(0, q.n); }, names);
          }
        }),
        { numRuns: 1000 },
      );
    });

    it("extreme values and ratios", () => {
      const extreme = fc.constantFrom(1e308, -1e308, 1e-308, 5e-324, 1.7976931348623157e308, 0, 1, -1);
      fc.assert(
        fc.property(fc.array(fc.tuple(extreme, extreme), { minLength: 1, maxLength: 8 }), extreme, fc.constantFrom(...MEASURES), (rows, ratio, measure) => {
          const s = rows.map(([x]) => x);
          const f = rows.map(([, y]) => y);
          const names = ["spot", "hedge", "ratio"];
          finiteOrNamedError(() => effectiveness(s, f, s.length, ratio, measure), names);
          finiteOrNamedError(() => dollarOffsetTest(s, f, s.length, ratio), names);
          finiteOrNamedError(() => hedgedPnl(readPair(col(s), col(f), "spot", "hedge", "changes", 1), ratio), names);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
