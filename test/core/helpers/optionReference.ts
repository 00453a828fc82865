import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { HedgeError } from "../../../src/core/errors";
import type { Greek, OptionInput } from "../../../src/core/options";

/** The HedgeError of kind "value" that `f` throws (failing if it returns or throws anything else). */
export function hedgeError(f: () => unknown): HedgeError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof HedgeError, `expected a HedgeError, got ${e}`);
    assert.equal(e.kind, "value");
    return e;
  }
  return assert.fail("expected a HedgeError, got a value");
}

/**
 * scripts/reference/gen_options_quantlib.py: grid rows [model, type, S, K, T, r, q, sigma, ql[6], mp[6]],
 * QuantLib's BlackCalculator and 300-digit mpmath values of the greeks in `greeks` order; off-grid wing
 * rows [model, type, S, K, T, r, q, sigma, exact price, exact vega].
 */
export type GridRow = ["bsm" | "black76", "call" | "put", number, number, number, number, number, number, number[], number[]];
export type WingRow = ["bsm" | "black76", "call" | "put", number, number, number, number, number, number, number, number];

export const optionGrid: { greeks: Greek[]; rows: GridRow[]; wings: WingRow[] } = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../reference/options-quantlib.json"), "utf8"),
);

export const rowInput = (row: GridRow | WingRow): OptionInput =>
  ({ model: row[0], type: row[1], S: row[2], K: row[3], T: row[4], r: row[5], q: row[6], sigma: row[7] });
