import { strict as assert } from "assert";
import * as effectivenessFns from "../../src/functions/effectiveness";
import * as ratioFns from "../../src/functions/hedgeRatio";
import * as optionFns from "../../src/functions/options";
import * as sizingFns from "../../src/functions/sizing";
import { analyseLinear } from "../../src/taskpane/analysis/analysis";
import { analyseOption } from "../../src/taskpane/analysis/optionAnalysis";
import { buildPlan, InsertPlan, planLines } from "../../src/taskpane/insert/plan";
import { SAMPLE_HEDGE, SAMPLE_SPOT, sampleSettings, sampleWorkbook } from "../../src/taskpane/sample/sampleWorkbook";
import { Settings } from "../../src/taskpane/state/settings";
import { blockArea, parseAddress, relativeAddress, areaOf } from "../../src/taskpane/workbook/address";
import type { CellInput, CellValue } from "../../src/taskpane/workbook/workbook";
import { installGlobalRuntime } from "../support/customFunctionsRuntime";

/*
 * The sheet an insert writes must compute what the pane showed. This evaluates the plan's HEDGE
 * formulas with the Excel functions themselves (src/functions, as Excel would call them) on the sample
 * workbook, and compares with the review's numbers for the same settings.
 */

const FUNCTIONS: Record<string, (...args: any[]) => unknown> = {
  MINVAR: ratioFns.minvar,
  STATS: ratioFns.stats,
  ROLLING: ratioFns.rolling,
  EWMA: ratioFns.ewma,
  EFFECTIVENESS: effectivenessFns.effectiveness,
  PNL: effectivenessFns.pnl,
  CONTRACTS: sizingFns.contracts,
  DELTAHEDGE: sizingFns.deltahedge,
  PRICE: optionFns.price,
  DELTA: optionFns.delta,
  GAMMA: optionFns.gamma,
  VEGA: optionFns.vega,
  THETA: optionFns.theta,
  RHO: optionFns.rho,
  IMPLIEDVOL: optionFns.impliedvol,
};

function splitArgs(body: string): string[] {
  const args: string[] = [];
  let current = "";
  let inString = false;
  let inSheet = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inString) {
      if (ch === '"' && body[i + 1] === '"') current += body[++i];
      else if (ch === '"') inString = false;
      current += ch;
      continue;
    }
    if (inSheet) {
      if (ch === "'" && body[i + 1] === "'") current += body[++i];
      else if (ch === "'") inSheet = false;
      current += ch;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === "'") inSheet = true;
    if (ch === ",") {
      args.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  args.push(current);
  return args;
}

async function evaluator(plan: InsertPlan) {
  const wb = sampleWorkbook();
  const cells = new Map<string, CellInput>();
  for (const b of plan.blocks) {
    const start = blockArea(b.topLeft, 1, 1);
    b.cells.forEach((row, r) => row.forEach((c, k) => cells.set(relativeAddress(areaOf(start.row + r, start.column + k, 1, 1)), c)));
  }
  const ranges = new Map<string, CellValue[][]>();
  for (const a of [SAMPLE_SPOT, SAMPLE_HEDGE]) ranges.set(relativeAddress(parseAddress(a)), (await wb.readRange(a)).values);

  const arg = (text: string): unknown => {
    if (/^".*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
    if (/^-?\d/.test(text)) return Number(text);
    if (text.includes("!")) {
      const values = ranges.get(relativeAddress(parseAddress(text)));
      if (!values) throw new Error(`no source ${text}`);
      return values;
    }
    return value(text.replace(/\$/g, ""));
  };
  const value = (address: string): unknown => {
    const cell = cells.get(address);
    if (!cell) throw new Error(`nothing written at ${address}`);
    if (cell.kind === "number") return cell.value;
    if (cell.kind === "text") return cell.text;
    if (cell.kind === "empty") return "";
    const m = /^=HEDGE\.([A-Z]+)\((.*)\)$/.exec(cell.formula);
    if (!m) throw new Error(`not a single HEDGE call: ${cell.formula}`);
    return FUNCTIONS[m[1]](...splitArgs(m[2]).map(arg));
  };
  return value;
}

describe("the inserted sheet computes what the review showed", () => {
  const progress = () => undefined;
  const scope = globalThis as { CustomFunctions?: unknown };
  let previous: unknown;
  before(() => {
    previous = scope.CustomFunctions;
    installGlobalRuntime();
  });
  after(() => {
    scope.CustomFunctions = previous;
  });

  async function linear(settings: Settings) {
    const wb = sampleWorkbook();
    const spot = (await wb.readRange(settings.data.spot)).values;
    const hedge = (await wb.readRange(settings.data.hedge)).values;
    const analysis = await analyseLinear(settings, spot, hedge, progress);
    const plan = buildPlan({ settings, sheet: "Hedge", id: "H-001", date: "2025-01-01", sourceRows: spot.length });
    return { analysis, value: await evaluator(plan) };
  }

  it("static minimum variance: ratio, contracts, effectiveness, P&L, statistics", async () => {
    const { analysis: a, value } = await linear(sampleSettings());
    assert.equal(value("B21"), a.ratio);
    assert.ok(a.contracts.ok && a.variance.ok && a.r2.ok && a.dollarOffset.ok && a.stats.ok);
    assert.equal(value("B22"), a.contracts.value);
    assert.equal(value("B25"), a.variance.value);
    assert.equal(value("B26"), a.r2.value);
    assert.equal(value("B27"), a.dollarOffset.value.offset);
    const stats = value("D4") as [string, number][];
    assert.deepEqual(stats.find(([k]) => k === "ci95_low")?.[1], a.stats.value.ci95Low);
    assert.deepEqual(stats.find(([k]) => k === "ci95_high")?.[1], a.stats.value.ci95High);
    const hedged = (value("H5") as unknown[][]).map((r) => r[0]).filter((v): v is number => typeof v === "number");
    assert.deepEqual(hedged, Array.from(a.pnl.hedged));
    const unhedged = (value("G5") as unknown[][]).map((r) => r[0]).filter((v): v is number => typeof v === "number");
    assert.deepEqual(unhedged, Array.from(a.pnl.unhedged));
  });

  it("returns: the contract count is tailed the same way in both", async () => {
    const s = sampleSettings();
    const { analysis: a, value } = await linear({ ...s, data: { ...s.data, input: "returns" } });
    assert.ok(a.contracts.ok);
    assert.equal(value("B22"), a.contracts.value);
  });

  for (const kind of ["rolling", "ewma"] as const) {
    it(`${kind}: the latest row of the spilled ratio is the pane's ratio`, async () => {
      const s = sampleSettings();
      const { analysis: a, value } = await linear({ ...s, method: { kind, window: "24", lambda: "0.94" } });
      const series = (value("I5") as unknown[][]).map((r) => r[0]);
      assert.equal(series[series.length - 1], a.ratio);
    });
  }

  it("protective option: premium, delta, delta equivalent and implied volatility", async () => {
    const base = sampleSettings();
    const s: Settings = {
      ...base,
      exposure: { ...base.exposure, direction: "long" },
      instrument: { ...base.instrument, kind: "put", strike: "2.6", expiry: "0.25", rate: "4.5%", vol: "35%", premium: "", dividendYield: "", model: "black76" },
    };
    const a = await analyseOption(s, progress);
    const plan = buildPlan({ settings: s, sheet: "Hedge", id: "H-001", date: "2025-01-01", sourceRows: 0 });
    const value = await evaluator(plan);
    assert.equal(value("B22"), a.greeks.price);
    assert.equal(value("B23"), a.greeks.delta);
    assert.equal(value("B29"), a.deltaEquivalent);
    // Total premium is plain Excel arithmetic (premium per unit × quantity): one product, as in the core.
    assert.deepEqual(planLines(plan).find((l) => l.address === "B28"), { address: "B28", content: "=$B$22*$B$6" });
    assert.equal((value("B22") as number) * (value("B6") as number), a.cost, "the sheet's total premium is the review's");
    const quoted = { ...s, instrument: { ...s.instrument, premium: "0.15" } };
    const q = await analyseOption(quoted, progress);
    const qv = await evaluator(buildPlan({ settings: quoted, sheet: "Hedge", id: "H-001", date: "2025-01-01", sourceRows: 0 }));
    assert.equal(qv("B21"), q.input.sigma);
    assert.equal(qv("B22"), q.greeks.price);
  });
});
