import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CATALOG } from "./catalog";
import { DIST, call, loadBundle } from "../support/bundle";
import { ExcelError } from "../support/customFunctionsRuntime";
import type { Runtime } from "../support/customFunctionsRuntime";

/* The contract with Excel: the built bundle registers every catalog function, functions.json
 * describes each one, and calls shaped as Excel makes them (any[][] ranges, null for omitted
 * optionals) give the documented results. */

interface Example {
  formula: string;
  args: unknown[];
  expect?: number | (number | string)[][];
  expectRows?: Record<string, [number, number]>;
  tolerance?: number;
  result: string;
  notes?: string;
}

const examples: Record<string, Example> = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../src/functions/help-examples.json"), "utf8")
);

interface Meta {
  functions: {
    id: string;
    name: string;
    description?: string;
    helpUrl?: string;
    parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
    result: { dimensionality?: string };
  }[];
}

describe("built bundle (dist/functions.js) as Excel loads it", () => {
  let runtime: Runtime;
  let meta: Meta;

  before(() => {
    runtime = loadBundle();
    meta = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
  });

  it("registers every catalog function and nothing else", () => {
    assert.deepEqual(Array.from(runtime.registered.keys()).sort(), CATALOG.map((c) => c.id).sort());
  });

  it("describes every function, parameter and help page in functions.json", () => {
    for (const entry of CATALOG) {
      const fn = meta.functions.find((f) => f.id === entry.id);
      assert.ok(fn, `${entry.id} missing from functions.json`);
      assert.ok(fn.description && fn.description.length > 20, `${entry.id} needs a description`);
      assert.deepEqual(fn.parameters.map((p) => p.name), entry.params, `${entry.id} parameters`);
      for (const p of fn.parameters) {
        assert.ok(p.description && p.description.length > 5, `${entry.id}.${p.name} needs a description`);
        assert.equal(!!p.optional, entry.optional.includes(p.name), `${entry.id}.${p.name} optional flag`);
      }
      assert.equal(fn.helpUrl, `https://localhost:3000/help/${entry.id.toLowerCase()}.html`);
      const page = fs.readFileSync(path.join(DIST, "help", `${entry.id.toLowerCase()}.html`), "utf8");
      assert.match(page, new RegExp(`HEDGE\\.${entry.id}`));
      assert.match(page, /Example/, `${entry.id} help page has a worked example`);
    }
  });

  describe("worked examples from the help pages (Hull's textbook where cited)", () => {
    for (const [id, ex] of Object.entries(examples)) {
      it(`${id}: ${ex.formula} -> ${ex.result}`, () => {
        // Excel passes null for every optional argument the formula leaves out.
        const arity = CATALOG.find((c) => c.id === id)!.params.length;
        const args = [...ex.args, ...new Array(arity - ex.args.length).fill(null)];
        const got = call(runtime, id, ...args);
        assert.ok(!(got instanceof ExcelError), `${id} failed: ${(got as ExcelError).message}`);
        if (ex.expectRows) {
          const table = got as [string, number][];
          for (const [label, [value, tol]] of Object.entries(ex.expectRows)) {
            const row = table.find((r) => r[0] === label);
            assert.ok(row, `${label} row`);
            assert.ok(Math.abs(row[1] - value) <= tol, `${label}: ${row[1]} vs ${value}`);
          }
        } else if (Array.isArray(ex.expect)) {
          const grid = got as unknown[][];
          assert.equal(grid.length, ex.expect.length);
          ex.expect.forEach((row, i) => {
            const cell = grid[i][0];
            if (row[0] === "#N/A") assert.ok(cell instanceof ExcelError && cell.code === "#N/A", `row ${i + 1}: ${String(cell)}`);
            else assert.ok(Math.abs((cell as number) - (row[0] as number)) <= ex.tolerance!, `row ${i + 1}: ${String(cell)}`);
          });
        } else {
          assert.equal(typeof got, "number");
          assert.ok(Math.abs((got as number) - ex.expect!) <= ex.tolerance!, `${got} vs ${ex.expect}`);
        }
      });
    }
  });

  it("labels STATS exactly as documented, in order", () => {
    const ex = examples.STATS;
    const table = call(runtime, "STATS", ...ex.args) as unknown[][];
    assert.deepEqual(
      Array.from(table, (r) => r[0]),
      ["ratio", "correlation", "r_squared", "spot_stdev", "hedge_stdev", "intercept", "std_error", "t_stat", "ci95_low", "ci95_high", "observations"]
    );
  });

  it("STATS on an exact fit: std_error 0, the interval at the ratio, and t_stat as #N/A saying why", () => {
    const table = call(runtime, "STATS", [[1], [3], [4], [8]], [[0.5], [1.5], [2], [4]], "changes") as unknown[][];
    const row = (label: string) => table.find((r) => r[0] === label)![1];
    assert.equal(row("ratio"), 2);
    assert.equal(row("std_error"), 0);
    assert.equal(row("ci95_low"), 2);
    assert.equal(row("ci95_high"), 2);
    const t = row("t_stat");
    assert.ok(t instanceof ExcelError && t.code === "#N/A" && /exact fit/.test(t.message ?? ""), String(t));
  });

  it("treats text options case-insensitively and applies defaults for null", () => {
    const a = call(runtime, "PRICE", 49, 50, 0.3846, 0.05, 0.2, "CALL", null, "BSM");
    const b = call(runtime, "PRICE", 49, 50, 0.3846, 0.05, 0.2, null, null, null);
    assert.equal(a, b);
    const put = call(runtime, "PRICE", 49, 50, 0.3846, 0.05, 0.2, "Put", null, null) as number;
    // Put-call parity ties the two calls together independently of the pricing code.
    assert.ok(Math.abs((b as number) - put - (49 - 50 * Math.exp(-0.05 * 0.3846))) < 1e-12);
  });

  it("handles a whole-column reference: 1,048,576 rows with data on top and blanks below", function () {
    this.timeout(60_000);
    const rows = 1_048_576;
    const spot: unknown[][] = new Array(rows);
    const hedge: unknown[][] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      spot[i] = [i < 500 ? 100 + Math.sin(i) : null];
      hedge[i] = [i < 500 ? 50 + 0.5 * Math.sin(i) : ""];
    }
    // Spot changes are exactly twice the hedge's, so the ratio is 2 whatever the blank tail does.
    const ratio = call(runtime, "MINVAR", spot, hedge, null) as number;
    assert.ok(Math.abs(ratio - 2) < 1e-9, String(ratio));
    const roll = call(runtime, "ROLLING", spot, hedge, 20, null) as unknown[][];
    assert.equal(roll.length, rows);
    assert.ok(Math.abs((roll[499][0] as number) - 2) < 1e-9);
    assert.ok(roll[rows - 1][0] instanceof ExcelError);
  });
});

describe("bad input gets an Excel error that names the argument", () => {
  let runtime: Runtime;
  before(() => {
    runtime = loadBundle();
  });

  const col = (...v: unknown[]) => v.map((x) => [x]);
  const spot = col(100, 101, 103, 102, 104, 107);
  const hedge = col(50, 50.4, 51.5, 51.1, 52.2, 53.4);

  const cases: [string, string, unknown[], "#VALUE!" | "#N/A", RegExp][] = [
    ["text inside a series", "MINVAR", [col(100, 101, "abc", 102, 104, 107), hedge, null], "#VALUE!", /spot.*row 3/i],
    ["a boolean inside a series", "MINVAR", [spot, col(50, true, 51.5, 51.1, 52.2, 53.4), null], "#VALUE!", /hedge.*row 2/i],
    ["an error value inside a series", "STATS", [spot, col(50, 50.4, new ExcelError("#N/A"), 51.1, 52.2, 53.4), null], "#VALUE!", /hedge.*row 3/i],
    ["ranges of different sizes", "MINVAR", [spot, hedge.slice(0, 5), null], "#VALUE!", /spot|hedge/],
    ["too few observations", "MINVAR", [col(100, 101), col(50, 51), null], "#N/A", /observation/i],
    ["a hedge series with no variance", "MINVAR", [spot, col(5, 5, 5, 5, 5, 5), null], "#VALUE!", /hedge/],
    ["non-positive prices with returns", "BETA", [col(10, 11, 0, 12, 13), col(5, 6, 7, 6, 8), "returns"], "#VALUE!", /asset.*row 3/i],
    ["a window below 2", "ROLLING", [spot, hedge, 1, null], "#VALUE!", /window/],
    ["a window that is not whole", "ROLLING", [spot, hedge, 2.5, null], "#VALUE!", /window/],
    ["lambda outside (0,1)", "EWMA", [spot, hedge, 1, null], "#VALUE!", /lambda/],
    ["non-positive S", "PRICE", [0, 50, 1, 0.05, 0.2, null, null, null], "#VALUE!", /\bS\b/],
    ["non-positive K", "DELTA", [49, -1, 1, 0.05, 0.2, null, null, null], "#VALUE!", /\bK\b/],
    ["non-positive sigma", "GAMMA", [49, 50, 1, 0.05, -0.2, null, null, null], "#VALUE!", /sigma/],
    ["negative T", "VEGA", [49, 50, -1, 0.05, 0.2, null, null, null], "#VALUE!", /\bT\b/],
    ["text where a number is expected", "THETA", [49, "fifty", 1, 0.05, 0.2, null, null, null], "#VALUE!", /\bK\b/],
    ["text in q, even where Black-76 ignores q", "PRICE", [49, 50, 1, 0.05, 0.2, null, "two", "black76"], "#VALUE!", /\bq\b/],
    ["unknown type", "PRICE", [49, 50, 1, 0.05, 0.2, "straddle", null, null], "#VALUE!", /type/],
    ["unknown model", "RHO", [49, 50, 1, 0.05, 0.2, null, null, "heston"], "#VALUE!", /model/],
    ["unknown input", "MINVAR", [spot, hedge, "levels"], "#VALUE!", /input/],
    ["unknown measure", "EFFECTIVENESS", [spot, hedge, 1, null, "sharpe"], "#VALUE!", /measure/],
    ["a zero contract size", "CONTRACTS", [0.8, 1000000, 0, null, null], "#VALUE!", /contract_size/],
    ["a non-positive futures price", "BETAHEDGE", [5050000, 1.5, 0, 250, null], "#VALUE!", /futures_price/],
    ["a non-positive multiplier", "BETAHEDGE", [5050000, 1.5, 1010, -250, null], "#VALUE!", /multiplier/],
    ["only one of spot_price/futures_price", "CONTRACTS", [0.8, 1000000, 42000, 2.1, null], "#VALUE!", /spot_price|futures_price/],
    ["a zero total exposure", "INDEX", [col(1, 2), col(0, 0)], "#VALUE!", /exposure/],
    ["an option price above its no-arbitrage bound", "IMPLIEDVOL", [60, 49, 50, 0.3846, 0.05, null, null, null], "#VALUE!", /price/],
    ["an option price below its no-arbitrage bound", "IMPLIEDVOL", [0, 49, 50, 0.3846, 0.05, null, null, null], "#VALUE!", /price/],
  ];

  for (const [what, id, args, code, mentions] of cases) {
    it(`${what} (${id})`, () => {
      const got = call(runtime, id, ...args);
      assert.ok(got instanceof ExcelError, `expected an Excel error, got ${JSON.stringify(got)}`);
      assert.equal(got.code, code, got.message);
      assert.match(got.message ?? "", mentions);
    });
  }
});
