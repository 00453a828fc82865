import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { millsRatio, normCdf, normInv, normPdf } from "../../src/core/normal";

// 50-digit mpmath values (scripts/reference/gen_normal_mpmath.py); x is stored as an exact double.
interface Reference { cdf: [number, string][]; pdf: [number, string][]; inv: [number, string][]; mills: [number, string][] }
const ref: Reference = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../reference/normal-mpmath.json"), "utf8"),
);

const MIN_NORMAL = 2.2250738585072014e-308;

/** Largest relative error over the table; subnormal references (pdf beyond 37.5) get an absolute check. */
function worst(table: [number, string][], f: (x: number) => number): { rel: number; at: number } {
  let rel = 0;
  let at = NaN;
  for (const [x, s] of table) {
    const expected = Number(s);
    const got = f(x);
    const e = Math.abs(expected) >= MIN_NORMAL || expected === 0 ? Math.abs(got - expected) / Math.abs(expected || 1)
      : Math.abs(got - expected) / MIN_NORMAL;
    if (!(e <= rel)) { rel = e; at = x; }
  }
  return { rel, at };
}

describe("normal distribution (vs mpmath at 50 digits)", () => {
  it("has enough reference points over [-37, 8], including a fine grid near 0", () => {
    assert.ok(ref.cdf.length >= 1800);
    assert.ok(ref.cdf.filter(([x]) => Math.abs(x) <= 1).length >= 400);
    assert.equal(Math.min(...ref.cdf.map(([x]) => x)), -37);
    assert.equal(Math.max(...ref.cdf.map(([x]) => x)), 8);
  });

  it("normCdf has relative error below 1e-14 everywhere in [-37, 8]", () => {
    const { rel, at } = worst(ref.cdf, normCdf);
    assert.ok(rel < 1e-14, `max relative error ${rel} at x = ${at}`);
  });

  it("normCdf keeps relative accuracy in the lower tail where 1 - erf would lose it", () => {
    const tail = ref.cdf.filter(([x]) => x < -8);
    assert.ok(tail.length > 500);
    const { rel, at } = worst(tail, normCdf);
    assert.ok(rel < 1e-14, `max relative error ${rel} at x = ${at}`);
  });

  it("normPdf has relative error below 1e-14 (absolute 1 ulp of the smallest normal for subnormal results)", () => {
    const { rel, at } = worst(ref.pdf, normPdf);
    assert.ok(rel < 1e-14, `max relative error ${rel} at x = ${at}`);
  });

  it("normInv (AS241) has relative error below 1e-14 for p from 1e-298 to 1 - 1e-15", () => {
    const { rel, at } = worst(ref.inv, normInv);
    assert.ok(rel < 1e-14, `max relative error ${rel} at p = ${at}`);
  });

  it("millsRatio has relative error below 1e-14 for y from 0 to 1e8", () => {
    assert.ok(ref.mills.length > 2000);
    const { rel, at } = worst(ref.mills, millsRatio);
    assert.ok(rel < 1e-14, `max relative error ${rel} at y = ${at}`);
  });

  it("handles the ends of the real line and NaN", () => {
    assert.equal(normCdf(-Infinity), 0);
    assert.equal(normCdf(Infinity), 1);
    assert.equal(normCdf(-40), 0);
    assert.equal(normCdf(9), 1);
    assert.equal(normPdf(Infinity), 0);
    assert.equal(normPdf(-Infinity), 0);
    assert.ok(Number.isNaN(normCdf(NaN)));
    assert.ok(Number.isNaN(normPdf(NaN)));
    assert.equal(normInv(0), -Infinity);
    assert.equal(normInv(1), Infinity);
    assert.ok(Number.isNaN(normInv(-0.1)));
    assert.ok(Number.isNaN(normInv(1.5)));
    assert.ok(Number.isNaN(normInv(NaN)));
    assert.equal(millsRatio(Infinity), 0);
    assert.ok(Number.isNaN(millsRatio(NaN)));
  });

  it("is symmetric: normCdf(x) + normCdf(-x) = 1 and normPdf is even", () => {
    fc.assert(fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
      assert.ok(Math.abs(normCdf(x) + normCdf(-x) - 1) <= 2.3e-16);
      assert.equal(normPdf(x), normPdf(-x));
    }));
  });

  // Upper-side values are 1 - tail, so differences there cancel: the checks stay where the cdf is a small number.
  it("is monotone and its slope is the density", () => {
    fc.assert(fc.property(fc.double({ min: -30, max: 1, noNaN: true }), (x) => {
      const h = 1e-5 * Math.max(1, Math.abs(x)) / Math.max(1, x * x);
      assert.ok(normCdf(x + h) >= normCdf(x));
      const slope = (normCdf(x + h) - normCdf(x - h)) / (2 * h);
      assert.ok(Math.abs(slope / normPdf(x) - 1) < 1e-6, `x = ${x}: slope ${slope}, pdf ${normPdf(x)}`);
    }));
  });

  it("normInv inverts normCdf", () => {
    fc.assert(fc.property(fc.double({ min: -37, max: 0.5, noNaN: true }), (x) => {
      const back = normInv(normCdf(x));
      assert.ok(Math.abs(back - x) <= 1e-13 * Math.max(1, Math.abs(x)) + 1e-300, `x = ${x}: back ${back}`);
    }));
  });
});
