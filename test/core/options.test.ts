import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { HedgeError } from "../../src/core/errors";
import { Greek, GREEKS, OptionInput, optionBounds, optionGreeks, optionValue } from "../../src/core/options";
import { GridRow, hedgeError, optionGrid, rowInput } from "./helpers/optionReference";

function opt(o: Partial<OptionInput>): OptionInput {
  return { S: 100, K: 100, T: 1, r: 0.05, sigma: 0.2, type: "call", q: 0, model: "bsm", ...o };
}


// ---------------------------------------------------------------------------------------------------
// Haug (1998), as tabulated in QuantLib's test suite: lives beside the repository.
interface HaugCase { type: "call" | "put"; S: number; K: number; q: number; r: number; T: number; vol: number; greek: string; expected: number; tol: number; note: string }
const haug: { cases: HaugCase[] } = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../../shared/reference/haug-greeks.json"), "utf8"),
);

function haugValue(c: HaugCase, model: "bsm" | "black76"): number {
  const o = opt({ S: c.S, K: c.K, T: c.T, r: c.r, q: c.q, sigma: c.vol, type: c.type, model });
  switch (c.greek) {
    case "thetaPerDay": return optionValue("theta", o) / 365;
    case "elasticity": return (optionValue("delta", o) * c.S) / optionValue("price", o);
    case "dividendRho": {
      // The core has no dV/dq; its definition, a central difference of our BSM price in q, stands in.
      // Step 1e-6 keeps both truncation (h^2) and rounding (1e-16 * V / h) far below the 1e-4 tolerance.
      const h = 1e-6;
      return (optionValue("price", { ...o, q: c.q + h }) - optionValue("price", { ...o, q: c.q - h })) / (2 * h);
    }
    default: return optionValue(c.greek as Greek, o);
  }
}

describe("options: Haug's tables", () => {
  it("has the 54 published cases", () => assert.equal(haug.cases.length, 54));

  for (const c of haug.cases) {
    const label = `${c.greek} of a ${c.type} S=${c.S} K=${c.K} T=${c.T} r=${c.r} q=${c.q} vol=${c.vol}`;
    it(`bsm: ${label} = ${c.expected}`, () => {
      const got = haugValue(c, "bsm");
      assert.ok(Math.abs(got - c.expected) <= c.tol, `${got} vs ${c.expected} (tol ${c.tol})`);
    });
    // q == r is cost of carry 0: the same option is Black-76 on a futures price F = S. Every such row
    // is a greek that does not depend on how r moves F (rho would: Black-76 holds F fixed).
    if (c.q === c.r) {
      it(`black76 (F = S): ${label} = ${c.expected}`, () => {
        assert.ok(!["rho", "dividendRho"].includes(c.greek));
        const got = haugValue(c, "black76");
        assert.ok(Math.abs(got - c.expected) <= c.tol, `${got} vs ${c.expected} (tol ${c.tol})`);
      });
    }
  }
});

describe("options: Hull's worked example (S=49, K=50, r=5%, sigma=20%, 20 weeks)", () => {
  const o = opt({ S: 49, K: 50, r: 0.05, sigma: 0.2, T: 0.3846 });
  it("call price is $2.40", () => assert.ok(Math.abs(optionValue("price", o) - 2.4) < 0.005));
  it("call delta is 0.522", () => assert.ok(Math.abs(optionValue("delta", o) - 0.522) < 0.0005));
});

// ---------------------------------------------------------------------------------------------------
// 2520 grid points, each with QuantLib's BlackCalculator values and mpmath (300-digit) values:
// scripts/reference/gen_options_quantlib.py.
type Row = GridRow;
const grid = optionGrid;

describe("options: QuantLib and mpmath reference grid", () => {
  it("covers the grid: 7 moneyness x 5 expiries x 4 vols x 3 rates x (2 yields bsm + black76) x 2 types", () => {
    assert.equal(grid.rows.length, 7 * 5 * 4 * 3 * 3 * 2);
    assert.deepEqual(grid.greeks, GREEKS);
  });

  grid.greeks.forEach((g, i) => {
    it(`${g} matches QuantLib within 1e-9 relative (1e-13 absolute below 1e-4)`, () => {
      const bad: string[] = [];
      for (const row of grid.rows) {
        const expected = row[8][i];
        const got = optionValue(g, rowInput(row));
        const ok = Math.abs(expected) < 1e-4 ? Math.abs(got - expected) <= 1e-13
          : Math.abs(got - expected) <= 1e-9 * Math.abs(expected);
        if (!ok) bad.push(`${JSON.stringify(row.slice(0, 8))}: ${got} vs ${expected}`);
      }
      assert.deepEqual(bad, []);
    });

    // mpmath is exact, so this measures our accuracy in relative terms into the far wings, where
    // QuantLib's own tail probabilities are not accurate enough to tell.
    it(`${g} matches 300-digit mpmath within 1e-12 relative, down to 1e-300`, () => {
      const bad: string[] = [];
      for (const row of grid.rows) {
        const expected = row[9][i];
        const got = optionValue(g, rowInput(row));
        const ok = Math.abs(expected) < 1e-300 ? Math.abs(got) < 1e-290
          : Math.abs(got - expected) <= 1e-12 * Math.abs(expected);
        if (!ok) bad.push(`${JSON.stringify(row.slice(0, 8))}: ${got} vs ${expected}`);
      }
      assert.deepEqual(bad, []);
    });
  });

  // 800 random rows with sigma sqrt(T) from 1e-8 to 10 and the forward from 1e-8 to e^3 away from the
  // strike: where short dates or low vols make the textbook formula cancel.
  it("prices in the wings match 60-digit mpmath within 1e-12 relative", () => {
    assert.equal(grid.wings.length, 800);
    const bad: string[] = [];
    for (const row of grid.wings) {
      const expected = row[8];
      const got = optionValue("price", rowInput(row as unknown as Row));
      const ok = Math.abs(expected) < 1e-290 ? Math.abs(got) < 1e-280
        : Math.abs(got - expected) <= 1e-12 * Math.abs(expected);
      if (!ok) bad.push(`${JSON.stringify(row.slice(0, 8))}: ${got} vs ${expected}`);
    }
    assert.deepEqual(bad, []);
  });

  it("optionGreeks gives the same numbers as optionValue", () => {
    for (const row of grid.rows.slice(0, 300)) {
      const all = optionGreeks(rowInput(row));
      for (const g of GREEKS) assert.equal(all[g], optionValue(g, rowInput(row)));
    }
  });
});

// ---------------------------------------------------------------------------------------------------
describe("options: at expiry (T = 0)", () => {
  const at = (g: Greek, o: Partial<OptionInput>) => optionValue(g, opt({ T: 0, ...o }));

  it("price is the intrinsic value", () => {
    assert.equal(at("price", { S: 110, K: 100 }), 10);
    assert.equal(at("price", { S: 90, K: 100 }), 0);
    assert.equal(at("price", { S: 90, K: 100, type: "put" }), 10);
    assert.equal(at("price", { S: 110, K: 100, type: "put" }), 0);
    assert.equal(at("price", { S: 100, K: 100 }), 0);
    assert.equal(at("price", { S: 110, K: 100, model: "black76" }), 10);
    assert.equal(at("price", { S: 110, K: 100, sigma: 0 }), 10);
  });

  it("delta is 1 / 0 in / out of the money (-1 / 0 for a put) and half that at the strike", () => {
    assert.equal(at("delta", { S: 110 }), 1);
    assert.equal(at("delta", { S: 90 }), 0);
    assert.equal(at("delta", { S: 90, type: "put" }), -1);
    assert.ok(Object.is(at("delta", { S: 110, type: "put" }), 0));
    assert.equal(at("delta", { S: 100 }), 0.5);
    assert.equal(at("delta", { S: 100, type: "put" }), -0.5);
  });

  it("gamma, vega and rho are 0 away from the strike; vega and rho are 0 at it too", () => {
    for (const S of [90, 110]) {
      for (const type of ["call", "put"] as const) {
        assert.equal(at("gamma", { S, type }), 0);
        assert.equal(at("vega", { S, type }), 0);
        assert.equal(at("rho", { S, type }), 0);
      }
    }
    assert.equal(at("vega", { S: 100 }), 0);
    assert.equal(at("rho", { S: 100 }), 0);
  });

  it("theta away from the strike is the carry of the intrinsic value, 0 out of the money", () => {
    assert.equal(at("theta", { S: 110, K: 100, r: 0.05, q: 0.02 }), 0.02 * 110 - 0.05 * 100);
    assert.equal(at("theta", { S: 90, K: 100, r: 0.05, q: 0.02, type: "put" }), 0.05 * 100 - 0.02 * 90);
    assert.equal(at("theta", { S: 90, K: 100, r: 0.05, q: 0.02 }), 0);
    assert.ok(Math.abs(at("theta", { S: 110, K: 100, r: 0.05, model: "black76" }) - 0.05 * 10) < 1e-15);
  });

  it("these are the limits as T -> 0+", () => {
    for (const S of [90, 110]) {
      for (const type of ["call", "put"] as const) {
        for (const g of GREEKS) {
          const o = { S, type, r: 0.05, q: 0.02 };
          const limit = at(g, o);
          const near = optionValue(g, opt({ ...o, T: 1e-9 }));
          assert.ok(Math.abs(near - limit) < 1e-6, `${g} ${type} S=${S}: ${near} at T=1e-9 vs ${limit}`);
        }
      }
    }
  });

  it("gamma and theta at the strike are unbounded: a HedgeError says so", () => {
    assert.equal(hedgeError(() => at("gamma", { S: 100 })).message, "gamma is unbounded at the strike at expiry (T = 0).");
    assert.match(hedgeError(() => at("theta", { S: 100, type: "put" })).message, /theta is unbounded at the strike at expiry/);
    assert.match(hedgeError(() => optionGreeks(opt({ T: 0 }))).message, /unbounded/);
  });
});

describe("options: zero volatility (sigma = 0)", () => {
  const [S, K, r, q, T] = [100, 90, 0.05, 0.02, 2];
  const F = S * Math.exp((r - q) * T);
  const D = Math.exp(-r * T);
  const zero = (g: Greek, o: Partial<OptionInput> = {}) => optionValue(g, opt({ S, K, r, q, T, sigma: 0, ...o }));

  it("price is the discounted payoff on the certain forward", () => {
    assert.ok(Math.abs(zero("price") - D * (F - K)) < 1e-13);
    assert.equal(zero("price", { type: "put" }), 0);
    assert.ok(Math.abs(zero("price", { K: 120, type: "put" }) - D * (120 - F)) < 1e-13);
  });

  it("greeks are the sigma -> 0+ limits", () => {
    for (const type of ["call", "put"] as const) {
      for (const strike of [90, 120]) {
        for (const g of GREEKS) {
          const limit = zero(g, { type, K: strike });
          const near = optionValue(g, opt({ S, K: strike, r, q, T, sigma: 1e-6, type }));
          assert.ok(Math.abs(near - limit) < 1e-9, `${g} ${type} K=${strike}: ${near} vs ${limit}`);
        }
      }
    }
    assert.ok(Math.abs(zero("delta") - Math.exp(-q * T)) < 1e-15);
    assert.ok(Math.abs(zero("rho") - K * T * D) < 1e-12);
  });

  it("at the forward (F = K): delta is half, vega is S e^(-qT) sqrt(T / 2 pi), gamma is unbounded", () => {
    const o = opt({ S: 100, K: 100, r: 0.03, q: 0.03, T: 1, sigma: 0 });
    assert.ok(Math.abs(optionValue("delta", o) - 0.5 * Math.exp(-0.03)) < 1e-15);
    assert.ok(Math.abs(optionValue("vega", o) - 100 * Math.exp(-0.03) / Math.sqrt(2 * Math.PI)) < 1e-12);
    assert.equal(optionValue("price", o), 0);
    assert.match(hedgeError(() => optionValue("gamma", o)).message, /gamma is unbounded when sigma/);
  });
});

describe("options: Black-76", () => {
  it("rho is -T * price: the futures price does not move with r", () => {
    const o = opt({ model: "black76", S: 95, K: 100, T: 0.75, sigma: 0.3 });
    const h = 1e-6;
    const fd = (optionValue("price", { ...o, r: o.r + h }) - optionValue("price", { ...o, r: o.r - h })) / (2 * h);
    assert.ok(Math.abs(optionValue("rho", o) - fd) < 1e-7);
    assert.ok(Math.abs(optionValue("rho", o) + 0.75 * optionValue("price", o)) < 1e-13);
  });

  it("ignores q, even when it is not a number", () => {
    const o = opt({ model: "black76", q: 0 });
    assert.equal(optionValue("price", { ...o, q: NaN }), optionValue("price", o));
    assert.equal(optionValue("price", { ...o, q: 0.5 }), optionValue("price", o));
  });
});

describe("options: bounds", () => {
  it("are the sigma -> 0 and sigma -> infinity prices", () => {
    const b = optionBounds({ S: 100, K: 90, T: 1, r: 0.05, q: 0.02, type: "call", model: "bsm" });
    assert.ok(Math.abs(b.lower - (100 * Math.exp(-0.02) - 90 * Math.exp(-0.05))) < 1e-13);
    assert.ok(Math.abs(b.upper - 100 * Math.exp(-0.02)) < 1e-13);
    const p = optionBounds({ S: 100, K: 90, T: 1, r: 0.05, q: 0.02, type: "put", model: "bsm" });
    assert.equal(p.lower, 0);
    assert.ok(Math.abs(p.upper - 90 * Math.exp(-0.05)) < 1e-13);
    const f = optionBounds({ S: 100, K: 90, T: 1, r: 0.05, q: 0.5, type: "call", model: "black76" });
    assert.ok(Math.abs(f.lower - 10 * Math.exp(-0.05)) < 1e-13);
  });
});

// ---------------------------------------------------------------------------------------------------
describe("options: validation", () => {
  const msg = (o: Partial<OptionInput>, g: unknown = "price") =>
    hedgeError(() => optionValue(g as Greek, { ...opt({}), ...o } as OptionInput)).message;

  it("names the Excel argument and says what is wrong", () => {
    assert.equal(msg({ sigma: -0.2 }), "sigma must be greater than 0; it is -0.2.");
    assert.equal(msg({ S: 0 }), "S must be greater than 0; it is 0.");
    assert.equal(msg({ K: -5 }), "K must be greater than 0; it is -5.");
    assert.equal(msg({ T: -1 }), "T must be at least 0; it is -1.");
    assert.equal(msg({ r: 5 }), "r must be between -1 and 1, as a decimal (0.05 for 5%); it is 5.");
    assert.equal(msg({ q: -2 }), "q must be between -1 and 1, as a decimal (0.05 for 5%); it is -2.");
    assert.equal(msg({ S: NaN }), "S must be a finite number.");
    assert.equal(msg({ T: Infinity }), "T must be a finite number.");
    assert.equal(msg({ K: "abc" as unknown as number }), 'K must be a number, not the text "abc".');
    assert.equal(msg({ r: null as unknown as number }), "r is required: give a number.");
    assert.match(msg({ type: "straddle" as "call" }), /^type must be one of "call", "put"; "straddle" is not\.$/);
    assert.match(msg({ type: undefined as unknown as "call" }), /^type is required/);
    assert.match(msg({ model: "heston" as "bsm" }), /^model must be one of "bsm", "black76"/);
    assert.match(msg({}, "vanna"), /^greek must be one of "price", "delta"/);
    assert.match(hedgeError(() => optionValue("price", null as unknown as OptionInput)).message, /inputs are missing/);
  });

  it("accepts choices in any case, a missing q as 0 and a missing model as bsm", () => {
    const base = optionValue("price", opt({}));
    assert.equal(optionValue("PRICE" as Greek, opt({ type: " Call" as "call", model: "BSM" as "bsm" })), base);
    assert.equal(optionValue("price", { ...opt({}), q: undefined as unknown as number, model: undefined as unknown as "bsm" }), base);
  });

  it("reports overflow instead of returning Infinity", () => {
    assert.match(msg({ S: 1e300, q: -1, T: 1000 }), /price cannot be computed/);
  });
});

// ---------------------------------------------------------------------------------------------------
const hostile = fc.oneof(
  fc.double(),                                   // includes NaN, +-Infinity, -0, subnormals
  fc.constantFrom(0, -0, 1e-300, 1e300, -1e-300, 5e-324, 1.7976931348623157e308, 1, -1, 0.5),
  fc.double({ min: -2, max: 2 }),
  fc.string(),
  fc.constantFrom(null, undefined, "", true, [[1]], [1, 2], {}, "call", "put", "bsm", "black76"),
);
const choice = (values: readonly unknown[]) => fc.oneof(fc.constantFrom(...values), hostile);
const hostileInput = fc.record({
  S: hostile, K: hostile, T: hostile, r: hostile, sigma: hostile, q: hostile,
  type: choice(["call", "put"]), model: choice(["bsm", "black76"]),
}) as fc.Arbitrary<unknown> as fc.Arbitrary<OptionInput>;

// Valid but extreme: every magnitude a double can hold.
const logUniform = (lo: number, hi: number) => fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
const extremeInput: fc.Arbitrary<OptionInput> = fc.record({
  S: logUniform(1e-300, 1e300), K: logUniform(1e-300, 1e300),
  T: fc.oneof(fc.constant(0), logUniform(1e-300, 1e6)),
  r: fc.double({ min: -1, max: 1, noNaN: true }), q: fc.double({ min: -1, max: 1, noNaN: true }),
  sigma: fc.oneof(fc.constant(0), logUniform(1e-300, 1e3)),
  type: fc.constantFrom("call", "put"), model: fc.constantFrom("bsm", "black76"),
});

function finiteOrHedgeError(f: () => unknown): void {
  try {
    const v = f();
    const values = typeof v === "number" ? [v] : Object.values(v as object);
    for (const x of values) assert.ok(typeof x === "number" && Number.isFinite(x), `returned ${x}`);
  } catch (e) {
    assert.ok(e instanceof HedgeError, `threw ${e}`);
    assert.ok(e.message.length > 0);
  }
}

// Sane markets: the range the formulas are meant for.
const saneInput: fc.Arbitrary<OptionInput> = fc.record({
  S: fc.double({ min: 1, max: 1000, noNaN: true }),
  K: fc.double({ min: 0.5, max: 2, noNaN: true }),
  T: fc.double({ min: 0.02, max: 5, noNaN: true }),
  r: fc.double({ min: -0.02, max: 0.1, noNaN: true }),
  q: fc.double({ min: 0, max: 0.08, noNaN: true }),
  sigma: fc.double({ min: 0.05, max: 1, noNaN: true }),
  type: fc.constantFrom("call", "put"),
  model: fc.constantFrom("bsm", "black76"),
}).map((o) => ({ ...o, K: o.S * o.K })) as fc.Arbitrary<OptionInput>;

describe("options: properties", () => {
  it("hostile inputs give a finite number or a HedgeError, never NaN, Infinity or another exception", () => {
    fc.assert(fc.property(hostileInput, choice(GREEKS), (o, g) => {
      finiteOrHedgeError(() => optionValue(g as Greek, o));
      finiteOrHedgeError(() => optionGreeks(o));
      finiteOrHedgeError(() => optionBounds(o));
    }), { numRuns: 3000 });
  });

  it("valid inputs of any magnitude give a finite number or a HedgeError", () => {
    fc.assert(fc.property(extremeInput, fc.constantFrom(...GREEKS), (o, g) => {
      finiteOrHedgeError(() => optionValue(g, o));
      finiteOrHedgeError(() => optionBounds(o));
    }), { numRuns: 5000 });
  });

  it("put-call parity: C - P = S e^(-qT) - K e^(-rT) (Black-76: e^(-rT) (F - K))", () => {
    fc.assert(fc.property(saneInput, (o) => {
      const c = optionValue("price", { ...o, type: "call" });
      const p = optionValue("price", { ...o, type: "put" });
      const spot = o.S * Math.exp(-(o.model === "black76" ? o.r : o.q) * o.T);
      const strike = o.K * Math.exp(-o.r * o.T);
      assert.ok(Math.abs(c - p - (spot - strike)) <= 1e-13 * Math.max(spot, strike), `${c} - ${p} vs ${spot - strike}`);
      const dc = optionValue("delta", { ...o, type: "call" });
      const dp = optionValue("delta", { ...o, type: "put" });
      assert.ok(Math.abs(dc - dp - spot / o.S) < 1e-14);
    }));
  });

  // Central differences of our own price: they check that the greeks' formulas are the derivatives
  // they claim to be (units and signs included), independently of the reference tables.
  const central = (o: OptionInput, key: "S" | "sigma" | "T" | "r", h: number, g: Greek = "price") =>
    (optionValue(g, { ...o, [key]: o[key] + h }) - optionValue(g, { ...o, [key]: o[key] - h })) / (2 * h);
  const close = (got: number, fd: number, scale: number, what: string) =>
    assert.ok(Math.abs(got - fd) <= 1e-6 * scale, `${what}: ${got} vs finite difference ${fd}`);

  it("delta and gamma are the first and second derivatives in S", () => {
    fc.assert(fc.property(saneInput, (o) => {
      // Delta changes over a move of about S sigma sqrt(T): the step is a small fraction of that.
      const h = 1e-4 * o.S * o.sigma * Math.sqrt(o.T);
      close(optionValue("delta", o), central(o, "S", h), 1, "delta");
      const gamma = optionValue("gamma", o);
      close(gamma, central(o, "S", h, "delta"), gamma + 1e-3 / o.S, "gamma");
    }));
  });

  it("vega is the derivative in sigma, per 1.00", () => {
    fc.assert(fc.property(saneInput, (o) => close(optionValue("vega", o), central(o, "sigma", 1e-5), o.S, "vega")));
  });

  it("theta is -dV/dT per year and rho dV/dr per 1.00", () => {
    fc.assert(fc.property(saneInput, (o) => {
      close(optionValue("theta", o), -central(o, "T", 1e-5), o.S, "theta");
      close(optionValue("rho", o), central(o, "r", 1e-6), o.S, "rho");
    }));
  });

  // Strictly inside in exact arithmetic; a deep in-the-money time value can be below one ulp of the price.
  it("prices lie inside the no-arbitrage bounds", () => {
    fc.assert(fc.property(saneInput, (o) => {
      const v = optionValue("price", o);
      const b = optionBounds(o);
      assert.ok(v >= b.lower && v < b.upper, `${v} outside [${b.lower}, ${b.upper})`);
    }));
  });
});
