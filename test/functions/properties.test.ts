import { strict as assert } from "assert";
import fc from "fast-check";
import { CATALOG } from "./catalog";
import { call, loadBundle } from "../support/bundle";
import { ExcelError } from "../support/customFunctionsRuntime";
import type { Runtime } from "../support/customFunctionsRuntime";

/* Whatever Excel passes, every function answers with finite numbers or an Excel error the user can
 * read (#VALUE! or #N/A with a message) — never a raw exception, NaN, an infinity or a hang. */

const hostileNumber = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 1e-300, 1e300, Number.MAX_VALUE, NaN, Infinity, -Infinity),
  fc.integer({ min: -1000, max: 1000 })
);
const hostileCell = fc.oneof(
  { weight: 6, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, "", undefined) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#DIV/0!", "<img src=x onerror=alert(1)>", "1.5", "prices", "call") },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(new ExcelError("#N/A", "upstream")) }
);
const column = (cell: fc.Arbitrary<unknown>) => fc.array(cell.map((v) => [v]), { minLength: 0, maxLength: 40 });
const grid = fc.oneof(
  column(hostileCell),
  fc.array(fc.array(hostileCell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 })
);
// Realistic prices with occasional hostile cells, so the numeric paths are reached often.
const priceColumn = (length: number) =>
  fc.array(fc.oneof({ weight: 12, arbitrary: fc.double({ min: 0.01, max: 1e6, noNaN: true }) }, { weight: 1, arbitrary: hostileCell }), {
    minLength: length,
    maxLength: length,
  }).map((v) => v.map((x) => [x]));
const pricePair = fc.integer({ min: 0, max: 30 }).chain((n) => fc.tuple(priceColumn(n), priceColumn(n)));
const scalar = fc.oneof({ weight: 4, arbitrary: hostileNumber }, { weight: 2, arbitrary: hostileCell }, { weight: 1, arbitrary: grid });
const choice = fc.oneof(
  fc.constantFrom(null, "prices", "RETURNS", "logreturns", "changes", "call", "Put", "bsm", "black76", "variance", "dollaroffset", "r2", "slope"),
  hostileCell
);

function assertExcelShaped(id: string, got: unknown, args: unknown[]): void {
  const where = `${id}(${JSON.stringify(args).slice(0, 300)})`;
  if (got instanceof ExcelError) {
    assert.ok(got.code === "#VALUE!" || got.code === "#N/A", `${where}: code ${got.code}`);
    assert.ok(got.message && got.message.length > 10, `${where}: message "${got.message}"`);
    assert.ok(!/\[object|^Error:/.test(got.message), `${where}: message "${got.message}"`);
    return;
  }
  if (typeof got === "number") {
    assert.ok(Number.isFinite(got), `${where} returned ${got}`);
    return;
  }
  assert.ok(Array.isArray(got), `${where} returned ${String(got)}`);
  for (const row of got as unknown[][]) {
    for (const cell of row) {
      if (cell instanceof ExcelError) assert.equal(cell.code, "#N/A", where);
      else if (typeof cell === "string") assert.equal(id, "STATS", `${where}: text cell`);
      else assert.ok(typeof cell === "number" && Number.isFinite(cell), `${where}: cell ${String(cell)}`);
    }
  }
}

function argsFor(id: string): fc.Arbitrary<unknown[]> {
  const entry = CATALOG.find((c) => c.id === id)!;
  const seriesParams = new Set(["spot", "hedge", "asset", "market"]);
  const textParams = new Set(["input", "type", "model", "measure"]);
  const takesSeries = entry.params.filter((p) => seriesParams.has(p)).length === 2;
  const rest = entry.params
    .filter((p) => !seriesParams.has(p))
    .map((p) => (textParams.has(p) ? choice : p === "hedged" || p === "exposure" ? fc.oneof(scalar, grid) : scalar));
  if (!takesSeries) return fc.tuple(...rest);
  const series = fc.oneof({ weight: 3, arbitrary: pricePair }, { weight: 1, arbitrary: fc.tuple(grid, grid) });
  return fc.tuple(series, ...rest).map(([pair, ...others]) => [...(pair as unknown[]), ...others]);
}

describe("every HEDGE function under hostile input (fast-check, through dist/functions.js)", function () {
  this.timeout(120_000);
  let runtime: Runtime;
  before(() => {
    runtime = loadBundle();
  });

  for (const { id } of CATALOG) {
    it(`${id} answers with finite numbers or a readable Excel error`, () => {
      fc.assert(
        fc.property(argsFor(id), (args) => {
          const fn = runtime.registered.get(id)!;
          let got: unknown;
          try {
            got = fn(...args);
          } catch (err) {
            assert.ok(err instanceof ExcelError, `${id} threw a raw ${String(err)}`);
            got = err;
          }
          assertExcelShaped(id, got, args);
        }),
        { numRuns: 400 }
      );
    });
  }

  it("treats an omitted optional (null) exactly like its documented default", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }), fc.double({ min: 0.05, max: 0.9, noNaN: true }), (S, m, T, sigma) => {
        const K = S * m;
        for (const id of ["PRICE", "DELTA", "GAMMA", "VEGA", "THETA", "RHO"]) {
          assert.equal(call(runtime, id, S, K, T, 0.03, sigma, null, null, null), call(runtime, id, S, K, T, 0.03, sigma, "call", 0, "bsm"));
        }
      }),
      { numRuns: 200 }
    );
  });
});
