import { strict as assert } from "assert";
import fc from "fast-check";
import { optionHedgeCost, protectiveOptionType, protectiveScenarios } from "../../src/core/optionHedge";
import { anyArgument, finiteOrNamedError, throwsHedge } from "./helpers/hostile";

const close = (got: number, want: number, what: string) =>
  assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${what}: ${got} vs ${want}`);

describe("core/optionHedge", () => {
  describe("optionHedgeCost", () => {
    it("is premium × quantity × multiplier, positive: cash paid for the options", () => {
      assert.equal(optionHedgeCost(2.5, 10, 100), 2500);
      assert.equal(optionHedgeCost(0.25, 2_000_000), 500_000);
      assert.equal(optionHedgeCost(0.25, 2_000_000, null), 500_000, "an omitted multiplier is 1");
      assert.equal(optionHedgeCost([[3]], [[4]]), 12, "single cells from Excel");
      assert.equal(optionHedgeCost(0, 1000), 0);
    });

    it("rejects a negative premium or quantity and a multiplier that is not positive, by name", () => {
      throwsHedge(() => optionHedgeCost(-1, 10), "premium must be at least 0; it is -1.");
      throwsHedge(() => optionHedgeCost(1, -10), "quantity must be at least 0; it is -10.");
      throwsHedge(() => optionHedgeCost(1, 10, 0), "multiplier must be greater than 0; it is 0.");
      throwsHedge(() => optionHedgeCost("x", 10), 'premium must be a number, not the text "x".');
      throwsHedge(() => optionHedgeCost(1e200, 1e200), /^The option hedge cost premium × quantity × multiplier cannot be computed/);
      assert.equal(optionHedgeCost(1e200, 1e100, 1e-200), 1e100);
    });
  });

  describe("protectiveOptionType", () => {
    it("a long exposure is protected by a put, a short one (a purchase to make) by a call", () => {
      assert.equal(protectiveOptionType("long"), "put");
      assert.equal(protectiveOptionType(" Short "), "call");
      throwsHedge(() => protectiveOptionType(""), 'direction is required: give "long" or "short".');
      throwsHedge(() => protectiveOptionType([[null]]), 'direction is required: give "long" or "short".');
      throwsHedge(() => protectiveOptionType("buy"), 'direction must be one of "long", "short"; "buy" is not.');
    });
  });

  describe("protectiveScenarios at expiry", () => {
    it("long 1,000 units at 100 with puts struck at 95 for 2.50: the loss stops at 1,000 × (95 − 100) − 2,500", () => {
      const r = protectiveScenarios({ direction: "long", quantity: 1000, spot: 100, strike: 95, premium: 2.5 }, [80, 95, 100, 120]);
      assert.equal(r.type, "put");
      assert.equal(r.cost, 2500);
      assert.equal(r.floor, -7500);
      // By hand: unhedged 1000·(S_T − 100); puts pay 1000·max(95 − S_T, 0); hedged = unhedged + payoff − 2500.
      assert.deepEqual(r.scenarios, [
        { price: 80, unhedged: -20000, payoff: 15000, hedged: -7500 },
        { price: 95, unhedged: -5000, payoff: 0, hedged: -7500 },
        { price: 100, unhedged: 0, payoff: 0, hedged: -2500 },
        { price: 120, unhedged: 20000, payoff: 0, hedged: 17500 },
      ]);
      assert.deepEqual(r.atStrike, { price: 95, unhedged: -5000, payoff: 0, hedged: -7500 });
    });

    it("short 1,000 gallons to buy at 2.50 with calls struck at 2.60 for 0.10: the price paid is capped", () => {
      const r = protectiveScenarios({ direction: "short", quantity: 1000, spot: 2.5, strike: 2.6, premium: 0.1 }, [2, 2.6, 3, 3.5]);
      assert.equal(r.type, "call");
      close(r.cost, 100, "cost");
      // A price rise is the buyer's loss: unhedged −1000·(S_T − 2.50); calls pay 1000·max(S_T − 2.60, 0).
      const want = [
        { price: 2, unhedged: 500, payoff: 0, hedged: 400 },
        { price: 2.6, unhedged: -100, payoff: 0, hedged: -200 },
        { price: 3, unhedged: -500, payoff: 400, hedged: -200 },
        { price: 3.5, unhedged: -1000, payoff: 900, hedged: -200 },
      ];
      r.scenarios.forEach((got, i) => {
        for (const k of ["price", "unhedged", "payoff", "hedged"] as const) close(got[k], want[i][k], `${k} at ${want[i].price}`);
      });
      close(r.floor, -200, "floor");
    });

    it("takes moves from today's price: −25%, 0, +50% of 100 are 75, 100, 150", () => {
      const r = protectiveScenarios({ direction: "long", quantity: 10, spot: 100, strike: 100, premium: 4 }, [-0.25, 0, 0.5], "move");
      assert.deepEqual(r.scenarios.map((x) => x.price), [75, 100, 150]);
      // At-the-money puts: the floor is 10·(100 − 100) − 40 = −40; up 50% the hedged P&L is 500 − 40.
      assert.deepEqual(r.scenarios.map((x) => x.hedged), [-40, -40, 460]);
      throwsHedge(() => protectiveScenarios({ direction: "long", quantity: 10, spot: 100, strike: 100, premium: 4 }, [0, -1.5], "move"), "move 2 must be at least -1; it is -1.5.");
      throwsHedge(() => protectiveScenarios({ direction: "long", quantity: 10, spot: 100, strike: 100, premium: 4 }, [-3]), "price 1 must be at least 0; it is -3.");
    });

    it("names the argument that is wrong", () => {
      const ok = { direction: "long", quantity: 10, spot: 100, strike: 100, premium: 4 };
      throwsHedge(() => protectiveScenarios({ ...ok, direction: undefined }, [1]), 'direction is required: give "long" or "short".');
      throwsHedge(() => protectiveScenarios({ ...ok, quantity: 0 }, [1]), "quantity must be greater than 0; it is 0.");
      throwsHedge(() => protectiveScenarios({ ...ok, spot: "n/a" }, [1]), 'spot must be a number, not the text "n/a".');
      throwsHedge(() => protectiveScenarios({ ...ok, strike: -5 }, [1]), "strike must be greater than 0; it is -5.");
      throwsHedge(() => protectiveScenarios({ ...ok, premium: -1 }, [1]), "premium must be at least 0; it is -1.");
      throwsHedge(() => protectiveScenarios(ok, [1], "percent"), 'kind must be one of "price", "move"; "percent" is not.');
    });

    const hedgeArb = fc.record({
      direction: fc.constantFrom("long", "short"),
      quantity: fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
      spot: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      strikeRatio: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
      premium: fc.double({ min: 0, max: 1e4, noNaN: true }),
    });
    const priceRatios = fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 1, maxLength: 12 });

    it("the floor holds: hedged P&L never below quantity·(K − S0)·side − cost, itself at least −cost − |S0 − K|·quantity", () => {
      fc.assert(
        fc.property(hedgeArb, priceRatios, (h, ratios) => {
          const strike = h.spot * h.strikeRatio;
          const r = protectiveScenarios({ ...h, strike }, ratios.map((x) => x * h.spot));
          const bound = -h.premium * h.quantity - Math.abs(h.spot - strike) * h.quantity;
          assert.ok(r.floor >= bound - 1e-12 * Math.abs(bound), `floor ${r.floor} below ${bound}`);
          for (const x of [...r.scenarios, r.atStrike]) {
            assert.ok(x.hedged >= r.floor, `hedged ${x.hedged} below the floor ${r.floor} at ${x.price}`);
            assert.ok(x.payoff >= 0);
            // The same P&L by plain arithmetic: exposure + option payoff − premium paid.
            const side = h.direction === "long" ? 1 : -1;
            const payoff = h.quantity * Math.max(h.direction === "long" ? strike - x.price : x.price - strike, 0);
            const plain = side * h.quantity * (x.price - h.spot) + payoff - h.premium * h.quantity;
            const scale = h.quantity * (h.spot + strike + x.price + h.premium);
            assert.ok(Math.abs(x.hedged - plain) <= 1e-13 * scale, `${x.hedged} vs ${plain}`);
            assert.ok(Math.abs(x.payoff - payoff) <= 1e-13 * scale);
          }
        }),
        { numRuns: 1000 },
      );
    });

    it("on the protected side the hedged P&L is flat at the floor; on the other it follows the exposure less the cost", () => {
      fc.assert(
        fc.property(hedgeArb, priceRatios, (h, ratios) => {
          const strike = h.spot * h.strikeRatio;
          const r = protectiveScenarios({ ...h, strike }, ratios.map((x) => x * h.spot));
          for (const x of r.scenarios) {
            const protectedSide = h.direction === "long" ? x.price <= strike : x.price >= strike;
            if (protectedSide) assert.equal(x.hedged, r.floor);
            else assert.equal(x.hedged, x.unhedged - r.cost);
          }
        }),
        { numRuns: 300 },
      );
    });

    it("hostile arguments give finite numbers or a HedgeError naming one", () => {
      const names = ["direction", "quantity", "spot", "strike", "premium", "price", "move", "kind", "floor", "P&L", "payoff"];
      fc.assert(
        fc.property(
          fc.record({ direction: fc.oneof(fc.constantFrom("long", "short"), anyArgument), quantity: anyArgument, spot: anyArgument, strike: anyArgument, premium: anyArgument }),
          fc.array(fc.oneof(anyArgument, fc.double())),
          fc.oneof(fc.constantFrom("price", "move"), anyArgument),
          (h, points, kind) => {
            finiteOrNamedError(() => {
              const r = protectiveScenarios(h, points, kind);
              return [r.cost, r.floor, ...[...r.scenarios, r.atStrike].flatMap((x) => [x.price, x.unhedged, x.payoff, x.hedged])];
            }, names);
          },
        ),
        { numRuns: 1000 },
      );
      const extreme = fc.constantFrom(1e308, 1.7976931348623157e308, 5e-324, 1e-308, 1, 0.5, 2);
      fc.assert(
        fc.property(fc.constantFrom("long", "short"), extreme, extreme, extreme, extreme, fc.array(extreme, { maxLength: 4 }), (direction, quantity, spot, strike, premium, points) => {
          finiteOrNamedError(() => {
            const r = protectiveScenarios({ direction, quantity, spot, strike, premium }, points);
            return [r.cost, r.floor, ...r.scenarios.flatMap((x) => [x.unhedged, x.payoff, x.hedged])];
          }, names);
          finiteOrNamedError(() => optionHedgeCost(premium, quantity, spot), ["premium", "quantity", "multiplier", "cost"]);
        }),
        { numRuns: 500 },
      );
    });
  });
});
