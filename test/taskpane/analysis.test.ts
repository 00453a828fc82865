import { strict as assert } from "assert";
import { dollarOffsetTest, optionHedgeCost, protectiveScenarios } from "../../src/core";
import { analyseLinear } from "../../src/taskpane/analysis/analysis";
import { SCENARIO_MOVES, analyseOption } from "../../src/taskpane/analysis/optionAnalysis";
import { Settings, blankSettings } from "../../src/taskpane/state/settings";
import type { CellValue } from "../../src/taskpane/workbook/workbook";

/*
 * The review's analyses on constructed data: what the pane shows is the core's answer for the same
 * inputs, including the dollar-offset test's small-changes flag on both sides of its threshold.
 */
const progress = () => undefined;
const column = (xs: number[]): CellValue[][] => xs.map((x) => [x]);

function linearSettings(): Settings {
  const s = blankSettings();
  return {
    ...s,
    exposure: { ...s.exposure, name: "Test", quantity: "1000", unit: "units", price: "10" },
    instrument: { ...s.instrument, kind: "futures", name: "F", contractSize: "100", price: "10" },
    data: { spot: "A1:A10", hedge: "B1:B10", input: "changes" },
    method: { ...s.method, kind: "naive" },
  };
}

describe("review analyses", () => {
  describe("dollar-offset test in the linear review", () => {
    // Naive 1:1 on changes: spot = hedge + e with e = ±1, so the noise is √(10/9)·√10 = 10/3 and the
    // threshold |Σ spot| = 50/3 ≈ 16.7. A hedge trending 1.7 a period gives Σ spot = 17, 1.6 gives 16.
    const e = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1];
    const history = (step: number) => ({ hedge: e.map(() => step), spot: e.map((x) => step + x) });

    for (const [step, small] of [[1.7, false], [1.6, true]] as const) {
      it(`a trend of ${step} per period ${small ? "is" : "is not"} too small for the 80%–125% verdict`, async () => {
        const h = history(step);
        const a = await analyseLinear(linearSettings(), column(h.spot), column(h.hedge), progress);
        assert.ok(a.dollarOffset.ok);
        assert.equal(a.ratio, 1);
        assert.deepEqual(a.dollarOffset.value, dollarOffsetTest(h.spot, h.hedge, 10, 1));
        assert.equal(a.dollarOffset.value.smallChanges, small);
        assert.ok(Math.abs(a.dollarOffset.value.residualNoise - 10 / 3) < 1e-14);
      });
    }

    it("a spot that ends where it started has no dollar offset: the core's message, not a number", async () => {
      const a = await analyseLinear(linearSettings(), column([1, -1, 2, -2]), column([1, -1, 2, -1]), progress);
      assert.deepEqual(a.dollarOffset, { ok: false, message: "Spot changes add up to zero over the period, so the dollar offset is undefined." });
    });
  });

  describe("protective option review", () => {
    function optionSettings(direction: "long" | "short"): Settings {
      const s = blankSettings();
      return {
        ...s,
        exposure: { ...s.exposure, name: "Fuel", direction, quantity: "2,000,000", unit: "gallons", price: "2.5" },
        instrument: { ...s.instrument, kind: "put", name: "Opt", strike: "2.6", expiry: "0.25", rate: "4%", vol: "30%" },
      };
    }

    for (const direction of ["long", "short"] as const) {
      it(`${direction}: the option, its total premium and the P&L at expiry are the core's`, async () => {
        const a = await analyseOption(optionSettings(direction), progress);
        assert.equal(a.input.type, direction === "long" ? "put" : "call");
        assert.equal(a.quantity, 2_000_000);
        assert.equal(a.cost, optionHedgeCost(a.greeks.price, 2_000_000));
        const core = protectiveScenarios({ direction, quantity: 2_000_000, spot: 2.5, strike: 2.6, premium: a.greeks.price }, SCENARIO_MOVES, "move");
        assert.deepEqual(a.expiry, core);
        // The chart's profile: the grid in price order with the strike's scenario slotted in once.
        assert.deepEqual(a.profile.map((x) => x.price), [...core.scenarios.map((x) => x.price), 2.6].sort((x, y) => x - y));
        assert.ok(a.profile.includes(a.expiry.atStrike));
      });
    }

    it("a strike outside the scenario grid adds no point", async () => {
      const s = optionSettings("long");
      const a = await analyseOption({ ...s, instrument: { ...s.instrument, strike: "1" } }, progress);
      assert.equal(a.profile.length, SCENARIO_MOVES.length);
    });
  });
});
