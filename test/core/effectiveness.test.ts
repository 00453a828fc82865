import { strict as assert } from "assert";
import fc from "fast-check";
import { INPUT_KINDS, readPair } from "../../src/core/series";
import { effectiveness, hedgedPnl, MEASURES } from "../../src/core/effectiveness";
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
          finiteOrNamedError(() => hedgedPnl(readPair(col(s), col(f), "spot", "hedge", "changes", 1), ratio), names);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
