import { strict as assert } from "assert";
import fc from "fast-check";
import { visiblePoints } from "../../src/taskpane/view/pnlChart";

describe("P&L chart points", () => {
  it("draws every finite point of a short history, skipping the gaps", () => {
    assert.deepEqual(visiblePoints([1, NaN, 3, 4]), [0, 2, 3]);
  });

  it("keeps a long history's extremes, in time order, within the point budget", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 801, maxLength: 5000 }), (xs) => {
        const idx = visiblePoints(xs);
        assert.ok(idx.length <= 800);
        for (let i = 1; i < idx.length; i++) assert.ok(idx[i] > idx[i - 1]);
        const drawn = idx.map((i) => xs[i]);
        assert.equal(Math.max(...drawn), Math.max(...xs));
        assert.equal(Math.min(...drawn), Math.min(...xs));
      }),
      { numRuns: 50 },
    );
  });
});
