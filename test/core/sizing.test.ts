import { strict as assert } from "assert";
import fc from "fast-check";
import { minVarianceRatio } from "../../src/core/hedgeRatio";
import { betaHedge, contracts, deltaHedge, hedgingIndex } from "../../src/core/sizing";
import { digits } from "./helpers/exact";
import { anyArgument, anyRange, finiteOrNamedError, hostileCell, mostlyNumber, throwsHedge } from "./helpers/hostile";
import { HULL_DF, HULL_DS } from "./helpers/hull";

const close = (got: number, expected: number) => assert.ok(digits(got, expected) >= 15, `${got} vs ${expected}`);

describe("core/sizing", () => {
  describe("contracts", () => {
    it("Hull's jet-fuel hedge: 0.78 x 2,000,000 gallons / 42,000 per contract = 37.14, about 37", () => {
      close(contracts(0.78, 2_000_000, 42_000), (0.78 * 2_000_000) / 42_000);
      assert.equal(contracts(0.78, 2_000_000, 42_000).toFixed(2), "37.14");
      const h = minVarianceRatio(HULL_DS, HULL_DF, 15);
      assert.equal(Math.round(contracts(h, 2_000_000, 42_000)), 37);
    });

    it("tailed with spot 1.94 and futures 1.99: 0.78 x 3,880,000 / 83,580 = 36.2 (Hull's V_A / V_F)", () => {
      const n = contracts(0.78, 2_000_000, 42_000, 1.94, 1.99);
      assert.equal(n.toFixed(1), "36.2");
      close(n, (0.78 * 3_880_000) / 83_580);
    });

    it("rejects a non-positive contract size, one price without the other, and non-positive prices", () => {
      throwsHedge(() => contracts(0.78, 2e6, 0), "contract_size must be greater than 0; it is 0.");
      throwsHedge(() => contracts(0.78, 2e6, -42000), "contract_size must be greater than 0; it is -42000.");
      throwsHedge(() => contracts(0.78, 2e6, 42000, 1.94), "give both spot_price and futures_price to tail the hedge, or neither; futures_price is missing.");
      throwsHedge(() => contracts(0.78, 2e6, 42000, null, 1.99), "give both spot_price and futures_price to tail the hedge, or neither; spot_price is missing.");
      throwsHedge(() => contracts(0.78, 2e6, 42000, 0, 1.99), "spot_price must be greater than 0; it is 0.");
      throwsHedge(() => contracts(0.78, 2e6, 42000, 1.94, -2), "futures_price must be greater than 0; it is -2.");
      throwsHedge(() => contracts("0.78", 2e6, 42000), 'ratio must be a number, not the text "0.78".');
      throwsHedge(() => contracts(0.78, undefined, 42000), "exposure is required: give a number.");
    });

    it("accepts 1x1 ranges and does not round", () => {
      assert.equal(contracts([[0.5]], [[3]], [[2]]), 0.75);
      assert.equal(contracts(0.78, 2e6, 42000, "", null), contracts(0.78, 2e6, 42000), "blank prices count as omitted");
    });

    it("computes representable results from extreme inputs", () => {
      close(contracts(1e200, 1e200, 1e250), 1e150);
      close(contracts(1e-200, 1e-200, 1e-250), 1e-150);
      close(contracts(1e200, 1e200, 1e250, 1e300, 1e300), 1e150);
      throwsHedge(() => contracts(1e300, 1e300, 1), /^The number of contracts from ratio, exposure and contract_size cannot be computed/);
    });
  });

  describe("betaHedge", () => {
    it("Hull: 5,050,000 at beta 1.5 with index futures 1,010 x 250 -> sell 30; to beta 0.75 -> sell 15; to 2.0 -> buy 10", () => {
      close(betaHedge(5_050_000, 1.5, 1010, 250), -30);
      close(betaHedge(5_050_000, 1.5, 1010, 250, 0.75), -15);
      close(betaHedge(5_050_000, 1.5, 1010, 250, 2), 10);
      assert.ok(Object.is(betaHedge(5_050_000, 1.5, 1010, 250, 1.5), 0));
    });

    it("rejects a non-positive futures price or multiplier", () => {
      throwsHedge(() => betaHedge(5e6, 1.5, 0, 250), "futures_price must be greater than 0; it is 0.");
      throwsHedge(() => betaHedge(5e6, 1.5, 1010, -250), "multiplier must be greater than 0; it is -250.");
      throwsHedge(() => betaHedge(5e6, true, 1010, 250), "beta must be a number, not the logical value TRUE.");
      throwsHedge(() => betaHedge(5e6, 1.5, 1010, 250, "x"), 'target_beta must be a number, not the text "x".');
    });

    it("handles betas whose difference overflows", () => {
      close(betaHedge(0.25, -1.5e308, 1, 1, 1.5e308), 7.5e307);
      close(betaHedge(0.25, 1.5e308, 1, 1, -1.5e308), -7.5e307);
      throwsHedge(() => betaHedge(10, -1.5e308, 1, 1, 1.5e308), /^The number of contracts from portfolio_value, beta and futures_price cannot be computed/);
      close(betaHedge(1e300, 1, 1e300, 1e10), -1e-10);
    });
  });

  describe("deltaHedge", () => {
    it("Hull: a bank short 100,000 calls with delta 0.522 buys 52,200 shares", () => {
      close(deltaHedge(0.522, -100_000), 52_200);
      close(deltaHedge(0.522, -1000, 100), 52_200);
      assert.ok(Object.is(deltaHedge(0, 5), 0), "no -0");
      throwsHedge(() => deltaHedge(0.5, 10, 0), "multiplier must be greater than 0; it is 0.");
      throwsHedge(() => deltaHedge({ code: "#N/A" }, 10), "delta must be a number, not an error or unsupported value.");
      close(deltaHedge(1e200, 1e200, 1e-200), -1e200);
    });
  });

  describe("hedgingIndex", () => {
    it("500,000 hedged of 1,000,000 exposure is 0.5; ranges are summed", () => {
      assert.equal(hedgingIndex(500_000, 1_000_000), 0.5);
      assert.equal(hedgingIndex([[300_000], [200_000]], [[600_000], [400_000]]), 0.5);
      assert.equal(hedgingIndex([[1, 2, 3]], [[2, 2, 2]]), 1);
      assert.equal(hedgingIndex([[1, 2], [3, 4]], [[4, 3], [2, 1]]), 1);
      assert.equal(hedgingIndex([[100], [null], [""]], [[100], [100], [200]]), 0.25, "blank hedged amounts count as nothing hedged");
    });

    it("rejects text, size mismatches and a zero total exposure", () => {
      throwsHedge(() => hedgingIndex([[1], ["abc"]], [[1], [2]]), 'hedged: row 2 holds the text "abc"; every value must be a number or blank.');
      throwsHedge(() => hedgingIndex([[1, "#REF!"]], [[1, 2]]), "hedged: row 1, column 2 holds the error value #REF!; every value must be a number or blank.");
      throwsHedge(() => hedgingIndex([[1], [2]], [[1], [2], [3]]), "hedged is 2 rows by 1 column but exposure is 3 rows by 1 column; they must be the same size.");
      throwsHedge(() => hedgingIndex([[1], [2]], [[1, 2]]), "hedged is 2 rows by 1 column but exposure is 1 row by 2 columns; they must be the same size.");
      throwsHedge(() => hedgingIndex([[5], [5]], [[3], [-3]]), "exposure adds up to zero, so the hedging index is undefined.");
      throwsHedge(() => hedgingIndex(5, null), "exposure adds up to zero, so the hedging index is undefined.");
      throwsHedge(() => hedgingIndex([[1], [2, 3]], [[1], [2]]), "hedged must be a rectangular range.");
    });

    it("sums 1e308-sized amounts without overflow", () => {
      assert.equal(hedgingIndex([[1e308], [1e308]], [[1e308], [1e308]]), 1);
      close(hedgingIndex([[1e308], [1e308]], [[4e307], [1e-300]]), 5);
    });
  });

  describe("hostile input", () => {
    it("every sizing function returns a finite number or a HedgeError naming a parameter", () => {
      fc.assert(
        fc.property(anyArgument, anyArgument, anyArgument, anyArgument, anyArgument, (a, b, c, d, e) => {
          finiteOrNamedError(() => contracts(a, b, c, d, e), ["ratio", "exposure", "contract_size", "spot_price", "futures_price"]);
          finiteOrNamedError(() => contracts(a, b, c), ["ratio", "exposure", "contract_size"]);
          finiteOrNamedError(() => betaHedge(a, b, c, d, e), ["portfolio_value", "beta", "futures_price", "multiplier", "target_beta"]);
          finiteOrNamedError(() => deltaHedge(a, b, c), ["delta", "quantity", "multiplier"]);
          finiteOrNamedError(() => hedgingIndex(a, b), ["hedged", "exposure"]);
        }),
        { numRuns: 5000 },
      );
    });

    it("numbers of every magnitude, and ranges of any shape for INDEX", () => {
      const num = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, -1e308, 1e-308, 5e-324, 0, 1));
      fc.assert(
        fc.property(num, num, num, num, num, anyRange(mostlyNumber), anyRange(hostileCell), (a, b, c, d, e, r1, r2) => {
          finiteOrNamedError(() => contracts(a, b, c, d, e), ["ratio", "exposure", "contract_size", "spot_price", "futures_price"]);
          finiteOrNamedError(() => betaHedge(a, b, c, d, e), ["portfolio_value", "beta", "futures_price", "multiplier", "target_beta"]);
          finiteOrNamedError(() => deltaHedge(a, b, c), ["delta", "quantity", "multiplier"]);
          finiteOrNamedError(() => hedgingIndex(r1, r1), ["hedged", "exposure"]);
          finiteOrNamedError(() => hedgingIndex(r1, r2), ["hedged", "exposure"]);
        }),
        { numRuns: 3000 },
      );
    });
  });
});
