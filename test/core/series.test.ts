import { strict as assert } from "assert";
import fc from "fast-check";
import { INPUT_KINDS, InputKind, positionOf, readPair } from "../../src/core/series";
import { finiteOrNamedError, hostileCell, rangePair, throwsHedge } from "./helpers/hostile";

const col = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);
const row = (xs: unknown[]): unknown[][] => [xs];

describe("core/series readPair", () => {
  it("reads one column, one row or a single value, with positions in the input", () => {
    const p = readPair(col([1, 2, 4]), col([10, 20, 50]), "spot", "hedge", "changes", 1);
    assert.deepEqual(Array.from(p.s.subarray(0, p.n)), [1, 2, 4]);
    assert.deepEqual(Array.from(p.f.subarray(0, p.n)), [10, 20, 50]);
    assert.equal(p.rows, 3);
    assert.equal(p.horizontal, false);
    assert.deepEqual([0, 1, 2].map(p.rowOf), [0, 1, 2]);

    const r = readPair(row([1, 2, 4]), row([10, 20, 50]), "spot", "hedge", "prices", 1);
    assert.equal(r.horizontal, true);
    assert.deepEqual(Array.from(r.s.subarray(0, r.n)), [1, 2]);
    assert.deepEqual([0, 1].map(r.rowOf), [1, 2], "a price change belongs to the later price");

    const single = readPair(5, [[6]], "spot", "hedge", "changes", 1);
    assert.equal(single.n, 1);
    assert.equal(single.s[0], 5);
  });

  it("drops a pair when either value is blank (null, undefined, \"\"), like SLOPE", () => {
    const p = readPair(col([1, null, 3, 4, "", 6]), col([10, 20, undefined, 40, 50, 60]), "spot", "hedge", "changes", 1);
    assert.equal(p.n, 3);
    assert.deepEqual(Array.from(p.s), [1, 4, 6]);
    assert.deepEqual(Array.from(p.f), [10, 40, 60]);
    assert.deepEqual([0, 1, 2].map(p.rowOf), [0, 3, 5]);
  });

  it("maps price changes across dropped rows to the later kept row", () => {
    const p = readPair(col([100, 101, null, 103, 106]), col([50, 51, 52, 50, 49]), "spot", "hedge", "prices", 1);
    assert.deepEqual(Array.from(p.s.subarray(0, p.n)), [1, 2, 3]);
    assert.deepEqual(Array.from(p.f.subarray(0, p.n)), [1, -1, -1]);
    assert.deepEqual([0, 1, 2].map(p.rowOf), [1, 3, 4]);
    assert.equal(positionOf(p, 1), "row 4");
  });

  it("treats leading and trailing blanks as free: arrays sized to the data, no row map needed", () => {
    const rows = 1_048_576;
    const spot: unknown[][] = new Array(rows);
    const hedge: unknown[][] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const data = i >= 2 && i < 62;
      spot[i] = [data ? 100 + Math.sin(i) : ""];
      hedge[i] = [data ? 50 + Math.cos(i) : null];
    }
    const p = readPair(spot, hedge, "spot", "hedge", "prices", 3);
    assert.equal(p.rows, rows);
    assert.equal(p.n, 59);
    assert.equal(p.s.length, 60, "the Float64Arrays hold the 60 kept prices, not 1,048,576 rows");
    assert.equal(p.rowOf(0), 3);
    assert.equal(p.rowOf(58), 61);
  });

  it("reads a full 1,048,576-row column of data", () => {
    const rows = 1_048_576;
    const spot: unknown[][] = new Array(rows);
    const hedge: unknown[][] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      spot[i] = [1e9 + i * 0.01];
      hedge[i] = [i % 7];
    }
    const p = readPair(spot, hedge, "spot", "hedge", "prices", 3);
    assert.equal(p.n, rows - 1);
    assert.equal(p.s[rows - 2], 1e9 + (rows - 1) * 0.01 - (1e9 + (rows - 2) * 0.01));
  });

  it("says which lengths differ", () => {
    throwsHedge(
      () => readPair(col(new Array(60).fill(1)), col(new Array(59).fill(1)), "spot", "hedge", "prices", 3),
      "spot has 60 rows but hedge has 59 rows.",
    );
    throwsHedge(() => readPair(row([1, 2, 3]), col([1, 2]), "asset", "market", "returns", 3), "asset has 3 columns but market has 2 rows.");
  });

  it("rejects a block that is neither one column nor one row", () => {
    throwsHedge(() => readPair([[1, 2], [3, 4]], col([1, 2]), "spot", "hedge", "changes", 1), "spot must be one column or one row; it is 2 rows by 2 columns.");
    throwsHedge(() => readPair([[1], [2, 3], [4]], col([1, 2, 3]), "spot", "hedge", "changes", 1), "spot must be one column or one row; its row 2 is not a single cell.");
  });

  it("names the argument and the 1-based position of a bad value", () => {
    const spot = col(Array.from({ length: 20 }, (_, i) => (i === 16 ? "abc" : i + 1)));
    const hedge = col(Array.from({ length: 20 }, (_, i) => i * 2 + 1));
    throwsHedge(() => readPair(spot, hedge, "spot", "hedge", "prices", 3), 'spot: row 17 holds the text "abc"; every value must be a number or blank.');
    throwsHedge(() => readPair(row([1, 2, true]), row([1, 2, 3]), "spot", "hedge", "prices", 1), "spot: column 3 holds the logical value TRUE; every value must be a number or blank.");
    throwsHedge(() => readPair(col([1, 2, 3]), col([1, { code: "#DIV/0!" }, 3]), "spot", "hedge", "prices", 1), "hedge: row 2 holds the error value #DIV/0!; every value must be a number or blank.");
    throwsHedge(() => readPair(col([1, 2, 3]), col([1, "#N/A", 3]), "spot", "hedge", "prices", 1), "hedge: row 2 holds the error value #N/A; every value must be a number or blank.");
    throwsHedge(() => readPair(col([1, NaN, 3]), col([1, 2, 3]), "spot", "hedge", "prices", 1), "spot: row 2 holds the non-finite number NaN; every value must be a number or blank.");
    throwsHedge(() => readPair(col([1, 2, 3]), col([1, 2, -Infinity]), "spot", "hedge", "prices", 1), /^hedge: row 3 holds the non-finite number -Infinity/);
  });

  it("rejects text even where the other series is blank: a stray label is a mistake, not a gap", () => {
    throwsHedge(() => readPair(col(["Price", 1, 2, 3]), col([null, 1, 2, 3]), "spot", "hedge", "prices", 1), /^spot: row 1 holds the text "Price"/);
  });

  it("needs positive prices for returns and log returns", () => {
    throwsHedge(() => readPair(col([100, 0, 102]), col([1, 2, 3]), "spot", "hedge", "returns", 1), "spot: row 2 holds the price 0; returns need prices above zero.");
    throwsHedge(() => readPair(col([100, 101, 102]), col([1, -2, 3]), "asset", "market", "logreturns", 1), "market: row 2 holds the price -2; log returns need prices above zero.");
  });

  it("computes small log returns without the cancellation of log(next/prev)", () => {
    const prev = 100;
    const next = 100.000001;
    const p = readPair(col([prev, next, 110]), col([1, 2, 4]), "spot", "hedge", "logreturns", 1);
    // next − prev is exact (Sterbenz); ln(1+r) = r − r²/2 + r³/3 to double precision for r = 1e-8.
    const r = (next - prev) / prev;
    const exact = r - (r * r) / 2 + (r * r * r) / 3;
    const error = (x: number) => Math.abs(x - exact) / exact;
    assert.ok(error(p.s[0]) < 2e-16, `log1p path: ${error(p.s[0])}`);
    assert.ok(error(Math.log(next / prev)) > 1e-12, "the naive form would be caught by this test");
    assert.equal(p.f[1], Math.LN2);
    const ret = readPair(col([prev, next]), col([1, 2]), "spot", "hedge", "returns", 1);
    assert.equal(ret.s[0], r);
    assert.equal(ret.f[0], 1);
  });

  it("reports a transform that overflows at its row", () => {
    throwsHedge(() => readPair(col([1e-300, 1e300, 1]), col([1, 2, 3]), "spot", "hedge", "returns", 1), /^spot: the return at row 2 is too large for double precision/);
    throwsHedge(() => readPair(col([-1.7e308, 1.7e308]), col([1, 2]), "spot", "hedge", "prices", 1), /^spot: the price change at row 2 is too large for double precision/);
  });

  it("says how many usable pairs there are when too few, as #N/A", () => {
    throwsHedge(() => readPair(col([1, 2, null]), col([3, 4, 5]), "spot", "hedge", "changes", 3), "need at least 3 observations; spot and hedge have 2 usable pairs.", "na");
    throwsHedge(
      () => readPair(col([1, 2, 3]), col([3, 4, 5]), "spot", "hedge", "prices", 3),
      "need at least 3 observations; spot and hedge have 3 usable pairs of prices, which give 2 price changes.",
      "na",
    );
    throwsHedge(() => readPair([], [], "spot", "hedge", "changes", 1), "need at least 1 observation; spot and hedge have 0 usable pairs.", "na");
  });

  it("adding a constant to prices leaves the price changes unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 2, maxLength: 30 }), fc.integer({ min: -1e9, max: 1e9 }), (xs, c) => {
        const a = readPair(col(xs), col(xs), "spot", "hedge", "prices", 1);
        const b = readPair(col(xs.map((x) => x + c)), col(xs), "spot", "hedge", "prices", 1);
        assert.deepEqual(Array.from(a.s.subarray(0, a.n)), Array.from(b.s.subarray(0, b.n)));
      }),
    );
  });

  it("on hostile ranges returns finite observations or a HedgeError naming spot or hedge", () => {
    fc.assert(
      fc.property(rangePair(), fc.constantFrom(...INPUT_KINDS), fc.integer({ min: 1, max: 4 }), ([a, b], kind: InputKind, least) => {
        finiteOrNamedError(() => {
          const p = readPair(a, b, "spot", "hedge", kind, least);
          for (let i = 0; i < p.n; i++) {
            assert.ok(p.rowOf(i) >= 0 && p.rowOf(i) < p.rows);
            if (i > 0) assert.ok(p.rowOf(i) > p.rowOf(i - 1));
          }
          return [...p.s.subarray(0, p.n), ...p.f.subarray(0, p.n)];
        }, ["spot", "hedge"]);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(rangePair(hostileCell), ([a, b]) => {
        finiteOrNamedError(() => {
          const p = readPair(a, b, "spot", "hedge", "changes", 1);
          for (let i = 0; i < p.n; i++) assert.ok(Number.isFinite(p.s[i]) && Number.isFinite(p.f[i]));
          return 0;
        }, ["spot", "hedge"]);
      }),
      { numRuns: 2000 },
    );
  });
});
