import { strict as assert } from "assert";
import fc from "fast-check";
import { HedgeError } from "../../src/core/errors";
import { impliedVol } from "../../src/core/impliedVol";
import { OptionInput, optionBounds, optionValue } from "../../src/core/options";
import { GridRow, hedgeError, optionGrid } from "./helpers/optionReference";

type Terms = Omit<OptionInput, "sigma">;


type Row = GridRow;
const grid = optionGrid;
const terms = (row: Row): Terms => ({ model: row[0], type: row[1], S: row[2], K: row[3], T: row[4], r: row[5], q: row[6] });

/**
 * When sigma is recoverable: a relative change of sigma by e moves the price by about vega * sigma * e,
 * and a price is only known to about 1e-16 of itself, so sigma is determined to 1e-16 * price /
 * (vega * sigma). Where vega * sigma >= 1e-6 * price that is 1e-10, and sigma must come back to 1e-9.
 * The price must also be a normal double (subnormals near 1e-310 carry only a few digits).
 */
const recoverable = (price: number, vega: number, sigma: number) => price > 1e-290 && vega * sigma >= 1e-6 * price;

describe("impliedVol: reference grid", () => {
  it("recovers sigma to 1e-9 from our own prices wherever vega * sigma >= 1e-6 * price", () => {
    let cases = 0;
    let worst = 0;
    const bad: string[] = [];
    for (const row of grid.rows) {
      const sigma = row[7];
      const price = optionValue("price", { ...terms(row), sigma });
      if (!recoverable(price, optionValue("vega", { ...terms(row), sigma }), sigma)) continue;
      cases++;
      const got = impliedVol(price, terms(row));
      worst = Math.max(worst, Math.abs(got / sigma - 1));
      if (!(Math.abs(got / sigma - 1) <= 1e-9)) bad.push(`${JSON.stringify(row.slice(0, 8))}: ${got}`);
    }
    assert.deepEqual(bad, []);
    assert.ok(cases >= 2000, `only ${cases} of ${grid.rows.length} rows recoverable`);
    assert.ok(worst < 1e-10, `worst ${worst}`);
  });

  it("recovers sigma to 1e-9 from the exact (300-digit mpmath) prices", () => {
    const bad: string[] = [];
    for (const row of grid.rows) {
      const [price, , , vega] = row[9];
      if (!recoverable(price, vega, row[7])) continue;
      const got = impliedVol(price, terms(row));
      if (!(Math.abs(got / row[7] - 1) <= 1e-9)) bad.push(`${JSON.stringify(row.slice(0, 8))}: ${got}`);
    }
    assert.deepEqual(bad, []);
  });

  it("recovers sigma to 1e-9 from exact prices in the wings (sigma sqrt(T) down to 1e-8)", () => {
    let cases = 0;
    const bad: string[] = [];
    for (const row of grid.wings) {
      const [price, vega] = [row[8], row[9]];
      if (!recoverable(price, vega, row[7])) continue;
      cases++;
      const got = impliedVol(price, terms(row as unknown as Row));
      if (!(Math.abs(got / row[7] - 1) <= 1e-9)) bad.push(`${JSON.stringify(row.slice(0, 8))}: ${got}`);
    }
    assert.deepEqual(bad, []);
    assert.ok(cases >= 400, `only ${cases} recoverable`);
  });

  it("recovers sigma from QuantLib's prices, to 1e-9 plus what QuantLib's own price error implies", () => {
    const bad: string[] = [];
    for (const row of grid.rows) {
      const price = row[8][0];
      const [exact, , , vega] = row[9];
      const sigma = row[7];
      // QuantLib's rounding can put a price of 1e-16 outside the bounds (below 0): nothing to recover.
      if (!recoverable(exact, vega, sigma) || !(Math.abs(price - exact) < 1e-3 * exact)) continue;
      const allowed = 1e-9 + (2 * Math.abs(price - exact)) / (vega * sigma);
      const got = impliedVol(price, terms(row));
      if (!(Math.abs(got / sigma - 1) <= allowed)) bad.push(`${JSON.stringify(row.slice(0, 8))}: ${got} (allowed ${allowed})`);
    }
    assert.deepEqual(bad, []);
  });

  it("elsewhere returns a sigma that reproduces the price, or says the price is at its bound", () => {
    for (const row of grid.rows) {
      const sigma = row[7];
      const price = optionValue("price", { ...terms(row), sigma });
      if (recoverable(price, optionValue("vega", { ...terms(row), sigma }), sigma)) continue;
      let got: number;
      try {
        got = impliedVol(price, terms(row));
      } catch (e) {
        assert.ok(e instanceof HedgeError && /^price must be strictly between/.test(e.message), String(e));
        continue;
      }
      const back = optionValue("price", { ...terms(row), sigma: got });
      assert.ok(Math.abs(back - price) <= 1e-14 * price + 1e-300, `${JSON.stringify(row.slice(0, 8))}: ${got} gives ${back}, not ${price}`);
    }
  });
});

describe("impliedVol: worked examples", () => {
  it("Hull: the $2.40 call (S=49, K=50, r=5%, 20 weeks) implies 20%", () => {
    const t: Terms = { S: 49, K: 50, r: 0.05, T: 0.3846, type: "call", q: 0, model: "bsm" };
    assert.ok(Math.abs(impliedVol(2.4, t) - 0.2) < 0.001);
  });

  it("Black-76 ignores q and uses S as the futures price", () => {
    const t: Terms = { S: 19, K: 19, r: 0.1, T: 0.75, type: "put", q: 0.1, model: "black76" };
    // Haug: this option is worth 1.7011 at 28% volatility.
    assert.ok(Math.abs(impliedVol(1.7011, t) - 0.28) < 1e-4);
    assert.equal(impliedVol(1.7011, { ...t, q: NaN }), impliedVol(1.7011, t));
  });
});

describe("impliedVol: bounds and bad input", () => {
  const t: Terms = { S: 100, K: 90, T: 0.5, r: 0.05, q: 0.02, type: "call", model: "bsm" };
  const b = optionBounds(t);

  it("rejects prices on or outside the no-arbitrage bounds, naming price and giving the bounds", () => {
    for (const p of [b.lower, b.upper, b.lower - 1e-9, b.upper + 1, 0, -1]) {
      const m = hedgeError(() => impliedVol(p, t)).message;
      assert.match(m, /^price must be strictly between [\d.]+ and [\d.]+, the no-arbitrage bounds for this call; it is /);
      assert.ok(m.includes(String(Number(b.lower.toPrecision(15)))) && m.includes(String(Number(b.upper.toPrecision(15)))), m);
    }
    const put = hedgeError(() => impliedVol(100, { ...t, type: "put" })).message;
    assert.match(put, /bounds for this put; it is 100\.$/);
  });

  it("names the argument for bad input", () => {
    assert.equal(hedgeError(() => impliedVol(NaN, t)).message, "price must be a finite number.");
    assert.equal(hedgeError(() => impliedVol("abc" as unknown as number, t)).message, 'price must be a number, not the text "abc".');
    assert.equal(hedgeError(() => impliedVol(5, { ...t, S: -1 })).message, "S must be greater than 0; it is -1.");
    assert.equal(hedgeError(() => impliedVol(5, { ...t, r: 3 })).message, "r must be between -1 and 1, as a decimal (0.05 for 5%); it is 3.");
    assert.match(hedgeError(() => impliedVol(12, { ...t, T: 0 })).message, /^T must be greater than 0 to imply a volatility/);
  });
});

describe("impliedVol: prices a hair from the bounds", () => {
  const cases: Terms[] = [];
  for (const type of ["call", "put"] as const) {
    for (const S of [50, 99.9, 100, 100.1, 200]) {
      for (const T of [1 / 365, 1, 30]) cases.push({ S, K: 100, T, r: 0.03, q: 0.01, type, model: "bsm" });
    }
  }

  it("converge (or report the bound) for every price from 1 ulp to 1e-3 inside, in bounded time", () => {
    let calls = 0;
    const start = process.hrtime.bigint();
    for (const t of cases) {
      const { lower, upper } = optionBounds(t);
      for (let k = 1; k <= 1e13; k *= 10) {
        for (const p of [lower + k * 5e-16 * Math.max(lower, 1e-3), upper * (1 - k * 1.1e-16)]) {
          if (!(p > lower && p < upper)) continue;
          calls++;
          let sigma: number | undefined;
          try {
            sigma = impliedVol(p, t);
          } catch (e) {
            assert.ok(e instanceof HedgeError, String(e));
            assert.match(e.message, /^price is too close to its no-arbitrage bound/);
          }
          if (sigma !== undefined) {
            assert.ok(sigma > 0 && Number.isFinite(sigma));
            const back = optionValue("price", { ...t, sigma });
            assert.ok(Math.abs(back - p) <= 1e-12 * p, `${JSON.stringify(t)} p=${p}: sigma ${sigma} gives ${back}`);
          }
        }
      }
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(calls > 500);
    // A solver that fell back to 100 bisections on every call would still take well under this; a hang would not.
    assert.ok(ms < 2000, `${ms} ms for ${calls} calls`);
  });
});

// ---------------------------------------------------------------------------------------------------
const hostile = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1e-300, 1e300, 5e-324, 1, -1, 0.5),
  fc.double({ min: -2, max: 200 }),
  fc.string(),
  fc.constantFrom(null, undefined, "", true, [[1]], {}, "call", "put", "bsm", "black76"),
);

const saneTerms: fc.Arbitrary<Terms> = fc.record({
  S: fc.double({ min: 1, max: 1000, noNaN: true }),
  K: fc.double({ min: 0.5, max: 2, noNaN: true }),
  T: fc.double({ min: 1 / 365, max: 10, noNaN: true }),
  r: fc.double({ min: -0.02, max: 0.1, noNaN: true }),
  q: fc.double({ min: 0, max: 0.08, noNaN: true }),
  type: fc.constantFrom("call", "put"),
  model: fc.constantFrom("bsm", "black76"),
}).map((o) => ({ ...o, K: o.S * o.K })) as fc.Arbitrary<Terms>;

describe("impliedVol: properties", () => {
  it("hostile inputs give a finite number or a HedgeError, never NaN, Infinity or another exception", () => {
    const input = fc.record({ S: hostile, K: hostile, T: hostile, r: hostile, q: hostile, type: hostile, model: hostile });
    fc.assert(fc.property(hostile, input, (p, o) => {
      try {
        const v = impliedVol(p as number, o as unknown as Terms);
        assert.ok(Number.isFinite(v) && v > 0, `returned ${v}`);
      } catch (e) {
        assert.ok(e instanceof HedgeError && e.message.length > 0, `threw ${e}`);
      }
    }), { numRuns: 5000 });
  });

  it("valid inputs of any magnitude and any price inside the bounds give a positive sigma or a HedgeError", () => {
    const logUniform = (lo: number, hi: number) => fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
    const extreme = fc.record({
      S: logUniform(1e-300, 1e300), K: logUniform(1e-300, 1e300), T: logUniform(1e-300, 1e6),
      r: fc.double({ min: -1, max: 1, noNaN: true }), q: fc.double({ min: -1, max: 1, noNaN: true }),
      type: fc.constantFrom("call", "put"), model: fc.constantFrom("bsm", "black76"),
    }) as fc.Arbitrary<Terms>;
    fc.assert(fc.property(extreme, fc.double({ min: 0, max: 1, noNaN: true }), (t, u) => {
      try {
        const { lower, upper } = optionBounds(t);
        const v = impliedVol(lower + u * (upper - lower), t);
        assert.ok(Number.isFinite(v) && v > 0, `returned ${v}`);
      } catch (e) {
        assert.ok(e instanceof HedgeError && e.message.length > 0, `threw ${e}`);
      }
    }), { numRuns: 5000 });
  });

  it("round trip: any sigma from 0.1% to 500% comes back where it is recoverable", () => {
    fc.assert(fc.property(saneTerms, fc.double({ min: 0.001, max: 5, noNaN: true }), (t, sigma) => {
      const price = optionValue("price", { ...t, sigma });
      const { lower, upper } = optionBounds(t);
      if (!(price > lower && price < upper) || !recoverable(price, optionValue("vega", { ...t, sigma }), sigma)) return;
      const got = impliedVol(price, t);
      assert.ok(Math.abs(got / sigma - 1) <= 1e-9, `${JSON.stringify(t)}: sigma ${sigma} came back as ${got}`);
    }), { numRuns: 3000 });
  });

  it("any price strictly inside the bounds is matched by the sigma returned", () => {
    fc.assert(fc.property(saneTerms, fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (t, u) => {
      const { lower, upper } = optionBounds(t);
      const price = lower + u * (upper - lower);
      if (!(price > lower && price < upper)) return;
      const sigma = impliedVol(price, t);
      const back = optionValue("price", { ...t, sigma });
      assert.ok(Math.abs(back - price) <= 1e-12 * price, `${JSON.stringify(t)} price ${price}: sigma ${sigma} gives ${back}`);
    }), { numRuns: 3000 });
  });

  it("is fast: 100,000 calls on the reference grid's prices in well under a second each 10,000", () => {
    const rows = grid.rows.filter((row) => recoverable(row[9][0], row[9][3], row[7]));
    const prices = rows.map((row) => optionValue("price", { ...terms(row), sigma: row[7] }));
    const ts = rows.map(terms);
    const start = process.hrtime.bigint();
    let acc = 0;
    for (let i = 0; i < 100000; i++) acc += impliedVol(prices[i % rows.length], ts[i % rows.length]);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(Number.isFinite(acc));
    assert.ok(ms < 5000, `${ms} ms for 100,000 calls`);
  });
});
