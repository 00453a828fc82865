import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { HedgeError } from "../../src/core/errors";
import {
  CompensatedSum,
  covariance,
  ldexp,
  mean,
  productOf,
  scaledSum,
  stdev,
  studentT975,
  variance,
} from "../../src/core/statistics";
import { digits, exactMoments, exactRegression, lcg } from "./helpers/exact";
import { finiteOrNamedError } from "./helpers/hostile";

const NIST = path.resolve(__dirname, "../../../shared/reference/nist");

interface Univariate {
  data: number[];
  certified: { mean: number; sd: number };
}

function nist(name: string): Univariate {
  return JSON.parse(fs.readFileSync(path.join(NIST, `${name}.json`), "utf8"));
}

/** The textbook one-pass formula the core must not use: Σx² − (Σx)²/n. */
function naiveStdev(x: number[]): number {
  let s = 0;
  let ss = 0;
  for (const v of x) {
    s += v;
    ss += v * v;
  }
  return Math.sqrt(Math.max(0, (ss - (s * s) / x.length) / (x.length - 1)));
}

/**
 * Correct digits required against the certified values. The limit is the data, not the algorithm: a
 * value like 1000000.2 is stored with an error of up to ulp/2 = 5.8e-11, which against NumAcc3's SD of 0.1
 * allows about 9.2 digits; NumAcc4's 10000000.2 (ulp/2 = 9.3e-10) about 8.0-8.3. Mavro and Michelso vary
 * in their 5th-6th significant digit, so their representation limit is about 12-13 digits. Everything
 * else is exactly representable or close to it and must give 14+. Against exact arithmetic on the very
 * same doubles (the oracle), every set must give 14.5+ digits: that is the algorithm's own error.
 */
const SD_DIGITS: Record<string, number> = {
  Lew: 14,
  Lottery: 14,
  Mavro: 12.5,
  Michelso: 13,
  NumAcc1: 14,
  NumAcc2: 14,
  NumAcc3: 9,
  NumAcc4: 8,
  PiDigits: 14,
};

describe("core/statistics", () => {
  describe("NIST StRD univariate summary statistics", () => {
    for (const [name, required] of Object.entries(SD_DIGITS)) {
      it(`${name}: sample SD to ${required}+ digits (certified) and 14.5+ (exact on the stored doubles), mean to 14+`, () => {
        const d = nist(name);
        const n = d.data.length;
        const sd = stdev(d.data, n);
        const exact = exactMoments(d.data);
        assert.ok(digits(sd, d.certified.sd) >= required, `SD ${sd}: ${digits(sd, d.certified.sd).toFixed(2)} digits`);
        assert.ok(digits(sd, Math.sqrt(exact.variance)) >= 14.5, `vs exact: ${digits(sd, Math.sqrt(exact.variance)).toFixed(2)}`);
        assert.ok(digits(variance(d.data, n), exact.variance) >= 14.5);
        assert.ok(digits(mean(d.data, n), d.certified.mean) >= 14, `mean ${mean(d.data, n)}`);
      });
    }

    it("the thresholds discriminate: the naive sum-of-squares formula fails them on NumAcc3 and NumAcc4", () => {
      for (const name of ["NumAcc3", "NumAcc4"]) {
        const d = nist(name);
        const got = digits(naiveStdev(d.data), d.certified.sd);
        assert.ok(got < SD_DIGITS[name] - 2, `${name}: naive formula kept ${got.toFixed(2)} digits`);
      }
    });
  });

  describe("huge offsets: cent-sized moves on values near 1e8 and 1e9", () => {
    const rand = lcg(20240607);
    const offsets = [1e8, 1e9, 123456789.123];
    for (const offset of offsets) {
      it(`variance and covariance of ${offset} + small decimals match exact arithmetic to 14+ digits`, () => {
        const x = Array.from({ length: 5000 }, () => offset + Math.round(rand() * 1000) / 100);
        const y = Array.from({ length: 5000 }, (_, i) => offset / 3 + x[i] / 7 + Math.round(rand() * 100) / 100);
        const exact = exactMoments(x);
        assert.ok(digits(variance(x, x.length), exact.variance) >= 14, String(digits(variance(x, x.length), exact.variance)));
        assert.ok(digits(mean(x, x.length), exact.mean) >= 15.5);
        const reg = exactRegression(y, x);
        const cov = reg.ratio * reg.variance.f;
        assert.ok(digits(covariance(y, x, x.length), cov) >= 14);
        assert.ok(digits(naiveStdev(x), Math.sqrt(exact.variance)) < 8, "the data are hard enough to break the shortcut");
      });
    }
  });

  describe("extreme magnitudes", () => {
    it("standard deviations of 1e300-sized and 1e-300-sized values come out (power-of-two scaling)", () => {
      const base = [1, -1, 3, 0.5];
      const s = stdev(base, 4);
      assert.ok(digits(stdev(base.map((v) => v * 1e300), 4), s * 1e300) >= 15);
      assert.ok(digits(stdev(base.map((v) => v * 1e-300), 4), s * 1e-300) >= 15);
      assert.ok(stdev([5e-324, 1e-323, 0], 3) > 0);
      assert.equal(stdev([1.7e308, 1.7e308, 1.7e308], 3), 0);
    });

    it("a variance beyond double range is a HedgeError, not Infinity", () => {
      assert.throws(() => variance([1e300, -1e300], 2), (e: unknown) => e instanceof HedgeError && /too large/.test(e.message));
      assert.ok(Number.isFinite(stdev([1e300, -1e300], 2)));
    });

    it("non-finite observations and too few are HedgeErrors", () => {
      assert.throws(() => mean([1, NaN], 2), (e: unknown) => e instanceof HedgeError && e.message === "series: observation 2 is not a finite number.");
      assert.throws(() => variance([1], 1), (e: unknown) => e instanceof HedgeError && e.kind === "na" && e.message === "need at least 2 observations; the series has 1.");
    });

    it("every statistic on arbitrary doubles is finite or a HedgeError", () => {
      fc.assert(
        fc.property(fc.array(fc.double(), { minLength: 0, maxLength: 8 }), fc.array(fc.double(), { minLength: 8, maxLength: 8 }), (x, y) => {
          const n = x.length;
          finiteOrNamedError(() => mean(x, n), ["series"]);
          finiteOrNamedError(() => variance(x, n), ["series", "variance"]);
          finiteOrNamedError(() => stdev(x, n), ["series", "standard deviation"]);
          finiteOrNamedError(() => covariance(x, y, n), ["x", "y", "series", "covariance"]);
        }),
        { numRuns: 3000 },
      );
    });
  });

  describe("building blocks", () => {
    it("ldexp and productOf stay exact across the exponent range", () => {
      assert.equal(ldexp(1, 2000), Infinity);
      assert.equal(ldexp(1, -1074), 5e-324);
      assert.equal(ldexp(2 ** 1000, -2000), 2 ** -1000);
      assert.ok(digits(productOf([1e200, 1e200], [1e250]), 1e150) >= 15);
      assert.ok(digits(productOf([1e-200, 1e-200], [1e-250]), 1e-150) >= 15);
      assert.equal(productOf([3, 5], [2], 4), 120);
      assert.equal(productOf([1e300, 1e300]), Infinity);
    });

    it("CompensatedSum recovers what plain summation loses", () => {
      const sum = new CompensatedSum();
      let plain = 0;
      for (let i = 0; i < 10000; i++) {
        sum.add(1e16);
        sum.add(1);
        sum.add(-1e16);
        plain += 1e16;
        plain += 1;
        plain -= 1e16;
      }
      assert.equal(sum.value, 10000);
      assert.notEqual(plain, 10000);
    });

    it("scaledSum adds values whose plain sum overflows", () => {
      const { sum, exp } = scaledSum([1e308, 1e308, -5e307], 3, "x");
      assert.ok(digits(ldexp(sum, exp - 1), 1.5e308 / 2) >= 15);
    });
  });

  describe("Student t 0.975 quantile", () => {
    const ref = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../reference/student-t.json"), "utf8")) as {
      rows: { df: number; t975: string }[];
    };
    it(`matches mpmath (40 digits) to 14+ digits for ${ref.rows.length} degrees of freedom from 1 to 1,048,574`, () => {
      for (const { df, t975 } of ref.rows) {
        const got = studentT975(df);
        assert.ok(digits(got, Number(t975)) >= 14, `df=${df}: ${got} vs ${t975} (${digits(got, Number(t975)).toFixed(2)} digits)`);
      }
    });
  });
});
