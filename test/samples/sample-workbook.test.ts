import { strict as assert } from "assert";
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { SAMPLE_PATH, writeSampleWorkbook } from "../../scripts/make-sample-workbook";

/*
 * The committed sample workbook is what a newcomer opens first, so it is checked against the function
 * catalog (ids, argument counts, argument kinds), against itself (ranges hold the data, spill areas are
 * free) and against the generator (rebuilding gives the same cells).
 */

type Kind = "series" | "number" | "input" | "measure" | "type" | "model";
interface Param {
  name: string;
  kind: Kind;
  optional: boolean;
}

const CHOICES: Record<Exclude<Kind, "series" | "number">, readonly string[]> = {
  input: ["prices", "returns", "logreturns", "changes"],
  measure: ["variance", "dollaroffset", "r2", "slope"],
  type: ["call", "put"],
  model: ["bsm", "black76"],
};

/** "name:kind", with "?" after the name for an optional argument. */
function params(...specs: string[]): Param[] {
  return specs.map((spec) => {
    const [rawName, kind] = spec.split(":");
    return { name: rawName.replace("?", ""), kind: kind as Kind, optional: rawName.endsWith("?") };
  });
}

const OPTION_ARGS = ["S:number", "K:number", "T:number", "r:number", "sigma:number", "type?:type", "q?:number", "model?:model"];

const CATALOG: Record<string, Param[]> = {
  MINVAR: params("spot:series", "hedge:series", "input?:input"),
  STATS: params("spot:series", "hedge:series", "input?:input"),
  BETA: params("asset:series", "market:series", "input?:input"),
  ROLLING: params("spot:series", "hedge:series", "window:number", "input?:input"),
  EWMA: params("spot:series", "hedge:series", "lambda?:number", "input?:input"),
  CONTRACTS: params("ratio:number", "exposure:number", "contract_size:number", "spot_price?:number", "futures_price?:number"),
  BETAHEDGE: params("portfolio_value:number", "beta:number", "futures_price:number", "multiplier:number", "target_beta?:number"),
  DELTAHEDGE: params("delta:number", "quantity:number", "multiplier?:number"),
  PRICE: params(...OPTION_ARGS),
  DELTA: params(...OPTION_ARGS),
  GAMMA: params(...OPTION_ARGS),
  VEGA: params(...OPTION_ARGS),
  THETA: params(...OPTION_ARGS),
  RHO: params(...OPTION_ARGS),
  IMPLIEDVOL: params("price:number", "S:number", "K:number", "T:number", "r:number", "type?:type", "q?:number", "model?:model"),
  INDEX: params("hedged:series", "exposure:series"),
  EFFECTIVENESS: params("spot:series", "hedge:series", "ratio:number", "input?:input", "measure?:measure"),
  PNL: params("spot:series", "hedge:series", "ratio:number", "input?:input"),
};

/** Functions that return one value per input row (aligned with the input) or a fixed table. */
const ROW_WISE = new Set(["ROLLING", "EWMA", "PNL"]);
const STATS_SHAPE = { rows: 11, cols: 2 };

const STORED_CALL = /^_xldudf_HEDGE_([A-Z]+)\((.*)\)$/s;

interface HedgeCell {
  sheet: ExcelJS.Worksheet;
  cell: ExcelJS.Cell;
  id: string;
  args: string[];
}

/** Splits a call's argument list at top-level commas, leaving quoted text and nested calls whole. */
function splitArgs(list: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of list) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "(") depth++;
    if (!quoted && ch === ")") depth--;
    if (!quoted && depth === 0 && ch === ",") {
      args.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  args.push(current.trim());
  return args;
}

interface Address {
  row: number;
  col: number;
}

function parseAddress(a: string): Address {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a);
  assert.ok(m, `not a cell address: ${a}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function parseRange(ref: string): { from: Address; to: Address } {
  const [a, b = a] = ref.split(":");
  return { from: parseAddress(a), to: parseAddress(b) };
}

const isRange = (arg: string): boolean => /^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(arg);
const isCellRef = (arg: string): boolean => /^\$?[A-Z]{1,3}\$?\d+$/.test(arg);
const isNumberLiteral = (arg: string): boolean => /^-?\d+(\.\d+)?$/.test(arg);
const textLiteral = (arg: string): string | undefined => /^"([^"]*)"$/.exec(arg)?.[1];

/** A cell's number: a constant, or the cached result of an ordinary Excel formula. */
function numberIn(cell: ExcelJS.Cell): number | undefined {
  if (typeof cell.value === "number") return cell.value;
  if (cell.type === ExcelJS.ValueType.Formula && typeof cell.result === "number") return cell.result;
  return undefined;
}

function isEmpty(cell: ExcelJS.Cell): boolean {
  return cell.value === null || cell.value === undefined;
}

function hedgeCells(workbook: ExcelJS.Workbook): HedgeCell[] {
  const out: HedgeCell[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const formula = cell.formula;
        assert.ok(!/HEDGE\./i.test(formula), `${sheet.name}!${cell.address} stores the display name: ${formula}`);
        if (!formula.includes("_xldudf_")) return;
        const m = STORED_CALL.exec(formula);
        assert.ok(m, `${sheet.name}!${cell.address}: a HEDGE call must be the whole formula: ${formula}`);
        out.push({ sheet, cell, id: m[1], args: m[2] === "" ? [] : splitArgs(m[2]) });
      });
    });
  });
  return out;
}

/** Everything that defines a cell's content, with dates as text so two workbooks compare as JSON. */
function contents(workbook: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const key = `${sheet.name}!${cell.address}`;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const v = cell.value as { shareType?: string; ref?: string };
          out[key] = { formula: cell.formula, result: cell.result ?? null, shareType: v.shareType ?? null, ref: v.ref ?? null };
        } else {
          out[key] = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
        }
      });
    });
  });
  return out;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function column(sheet: ExcelJS.Worksheet, col: string, first: number, last: number): number[] {
  const out: number[] = [];
  for (let r = first; r <= last; r++) {
    const v = numberIn(sheet.getCell(`${col}${r}`));
    assert.equal(typeof v, "number", `${sheet.name}!${col}${r} should hold a number`);
    out.push(v as number);
  }
  return out;
}

function mean(x: number[]): number {
  return x.reduce((a, v) => a + v, 0) / x.length;
}
function stdev(x: number[]): number {
  const m = mean(x);
  return Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (x.length - 1));
}
function correlation(x: number[], y: number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
const diffs = (x: number[]): number[] => x.slice(1).map((v, i) => v - x[i]);

describe("sample workbook (samples/micro-hedge-sample.xlsx)", () => {
  let workbook: ExcelJS.Workbook;
  let zip: JSZip;
  let calls: HedgeCell[];

  before(async () => {
    workbook = await load(SAMPLE_PATH);
    zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE_PATH));
    calls = hedgeCells(workbook);
  });

  it("opens on a Read me sheet, then one sheet per example", () => {
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ["Read me", "Jet fuel", "EUR receivable", "Equity", "Options"]
    );
    const readMe: string[] = [];
    workbook.getWorksheet("Read me")!.eachRow((row) => readMe.push(String(row.getCell(1).value ?? "")));
    const text = readMe.join("\n");
    assert.match(text, /#NAME\?/);
    assert.match(text, /add-in/);
    for (const name of ["Jet fuel", "EUR receivable", "Equity", "Options"]) assert.ok(text.includes(name), `Read me explains ${name}`);
  });

  it("uses every catalog function, each by a catalog id with an allowed number of arguments", () => {
    assert.ok(calls.length > 40, `expected the sheets to be full of HEDGE formulas, found ${calls.length}`);
    for (const { sheet, cell, id, args } of calls) {
      const where = `${sheet.name}!${cell.address}`;
      const spec = CATALOG[id];
      assert.ok(spec, `${where}: HEDGE.${id} is not in the catalog`);
      const required = spec.filter((p) => !p.optional).length;
      assert.ok(args.length >= required && args.length <= spec.length, `${where}: HEDGE.${id} takes ${required}-${spec.length} arguments, got ${args.length}`);
    }
    assert.deepEqual([...new Set(calls.map((c) => c.id))].sort(), Object.keys(CATALOG).sort());
  });

  it("gives every argument what its parameter expects: whole numeric data ranges, numbers, known choices", () => {
    for (const { sheet, cell, id, args } of calls) {
      const where = `${sheet.name}!${cell.address} HEDGE.${id}`;
      const series: { from: Address; to: Address }[] = [];
      args.forEach((arg, i) => {
        const param = CATALOG[id][i];
        if (arg === "") {
          assert.ok(param.optional, `${where}: ${param.name} is required`);
          return;
        }
        if (param.kind === "series") {
          assert.ok(isRange(arg), `${where}: ${param.name} should be a range, got ${arg}`);
          const range = parseRange(arg);
          assert.equal(range.from.col, range.to.col, `${where}: ${param.name} should be one column`);
          assert.ok(range.to.row > range.from.row, `${where}: ${param.name} should span several rows`);
          for (let r = range.from.row; r <= range.to.row; r++) {
            assert.equal(typeof numberIn(sheet.getCell(r, range.from.col)), "number", `${where}: ${param.name} row ${r} is not a number`);
          }
          // The range covers the whole data block: the cells just outside it hold no number.
          assert.equal(numberIn(sheet.getCell(range.from.row - 1, range.from.col)), undefined, `${where}: ${param.name} starts below the data's start`);
          assert.equal(numberIn(sheet.getCell(range.to.row + 1, range.from.col)), undefined, `${where}: ${param.name} stops before the data's end`);
          series.push(range);
        } else if (param.kind === "number") {
          if (isNumberLiteral(arg)) return;
          assert.ok(isCellRef(arg), `${where}: ${param.name} should be a number or one cell, got ${arg}`);
          const target = sheet.getCell(arg.replace(/\$/g, ""));
          const ok = numberIn(target) !== undefined || (target.type === ExcelJS.ValueType.Formula && target.formula.startsWith("_xldudf_HEDGE_"));
          assert.ok(ok, `${where}: ${param.name} refers to ${arg}, which holds neither a number nor a HEDGE result`);
        } else {
          const allowed = CHOICES[param.kind];
          const literal = textLiteral(arg);
          const value = literal ?? (isCellRef(arg) ? sheet.getCell(arg.replace(/\$/g, "")).value : undefined);
          assert.ok(typeof value === "string" && allowed.includes(value), `${where}: ${param.name} must be one of ${allowed.join(", ")}, got ${arg}`);
        }
      });
      if (series.length === 2) {
        assert.deepEqual(series[0].from.row, series[1].from.row, `${where}: the two series start on different rows`);
        assert.deepEqual(series[0].to.row, series[1].to.row, `${where}: the two series end on different rows`);
      }
    }
  });

  it("stores each HEDGE call as a dynamic array whose spill area is the function's output shape and is empty", () => {
    const claimed = new Map<string, string>();
    for (const { sheet, cell, id, args } of calls) {
      const where = `${sheet.name}!${cell.address} HEDGE.${id}`;
      const anchor = parseAddress(cell.address);
      let rows = 1;
      let cols = 1;
      if (id === "STATS") ({ rows, cols } = STATS_SHAPE);
      if (ROW_WISE.has(id)) {
        const input = parseRange(args[0]);
        rows = input.to.row - input.from.row + 1;
        assert.equal(anchor.row, input.from.row, `${where}: one row per input row, so it starts on the input's first row`);
      }
      const v = cell.value as { shareType?: string; ref?: string };
      assert.equal(v.shareType, "array", `${where}: not stored as an array formula`);
      const ref = parseRange(v.ref ?? "");
      assert.deepEqual(ref, { from: anchor, to: { row: anchor.row + rows - 1, col: anchor.col + cols - 1 } }, `${where}: ref ${v.ref}`);
      for (let r = anchor.row; r < anchor.row + rows; r++) {
        for (let c = anchor.col; c < anchor.col + cols; c++) {
          const key = `${sheet.name}!${r},${c}`;
          assert.ok(!claimed.has(key), `${where} spills over ${claimed.get(key)}`);
          claimed.set(key, where);
          if (r === anchor.row && c === anchor.col) continue;
          assert.ok(isEmpty(sheet.getCell(r, c)), `${where}: spill cell ${sheet.getCell(r, c).address} is not empty`);
        }
      }
    }
  });

  it("carries the dynamic-array metadata, no cached HEDGE results and full calculation on load", async () => {
    const metadata = await zip.file("xl/metadata.xml")?.async("string");
    assert.ok(metadata, "xl/metadata.xml is missing");
    assert.match(metadata, /<metadataType name="XLDAPR"/);
    assert.match(metadata, /<xda:dynamicArrayProperties fDynamic="1"/);
    assert.match(metadata, /<cellMetadata count="1"><bk><rc t="1" v="0"\/><\/bk><\/cellMetadata>/);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    assert.match(types, /PartName="\/xl\/metadata.xml" ContentType="application\/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata\+xml"/);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    assert.match(rels, /relationships\/sheetMetadata" Target="metadata.xml"/);
    assert.match(await zip.file("xl/workbook.xml")!.async("string"), /<calcPr[^>]*fullCalcOnLoad="1"/);

    let stored = 0;
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      for (const m of xml.matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
        const body = m[2] ?? "";
        if (!body.includes("_xldudf_")) continue;
        stored++;
        assert.match(m[1], /\bcm="1"/, `${name} ${m[1]}: no dynamic-array flag`);
        assert.match(body, /^<f t="array" ref="[A-Z0-9:]+">/, `${name} ${m[1]}: not an array formula`);
        assert.ok(!body.includes("<v>"), `${name} ${m[1]}: has a cached value`);
      }
    }
    assert.equal(stored, calls.length);
  });

  it("freezes the header row of every data sheet", () => {
    for (const sheet of workbook.worksheets.slice(1)) {
      const view = sheet.views[0] as { state?: string; ySplit?: number };
      assert.equal(view.state, "frozen", sheet.name);
      assert.equal(view.ySplit, 1, sheet.name);
    }
  });

  it("has jet-fuel changes with realistic statistics (Hull's Table 3.3: rho 0.928, sd 0.0263 and 0.0313)", () => {
    const sheet = workbook.getWorksheet("Jet fuel")!;
    const spot = column(sheet, "B", 2, 61);
    const futures = column(sheet, "C", 2, 61);
    assert.ok(Math.min(...spot) >= 2.0 && Math.max(...spot) <= 3.2, "jet fuel between $2.00 and $3.20 a gallon");
    const rho = correlation(diffs(spot), diffs(futures));
    assert.ok(rho > 0.85 && rho < 0.97, `rho ${rho}`);
    assert.ok(Math.abs(stdev(diffs(spot)) - 0.0263) < 0.002, `spot sd ${stdev(diffs(spot))}`);
    assert.ok(Math.abs(stdev(diffs(futures)) - 0.0313) < 0.002, `futures sd ${stdev(diffs(futures))}`);
    const dates = [];
    for (let r = 2; r <= 61; r++) dates.push(sheet.getCell(`A${r}`).value as Date);
    for (const d of dates) assert.equal(new Date(d.getTime() + 86_400_000).getUTCDate(), 1, `${d.toISOString()} is a month end`);
  });

  it("has an EUR forward at interest parity and a stock with a beta near 1.3", () => {
    const eur = workbook.getWorksheet("EUR receivable")!;
    const spot = column(eur, "B", 2, 251);
    const forward = column(eur, "C", 2, 251);
    const carry = Math.exp((0.045 - 0.03) * 0.25);
    forward.forEach((f, i) => assert.ok(Math.abs(f / spot[i] / carry - 1) < 0.0005, `row ${i + 2}: forward ${f} vs spot ${spot[i]}`));

    const equity = workbook.getWorksheet("Equity")!;
    const stock = column(equity, "D", 3, 251);
    const index = column(equity, "E", 3, 251);
    const beta = (correlation(stock, index) * stdev(stock)) / stdev(index);
    assert.ok(beta > 1.2 && beta < 1.4, `beta ${beta}`);
    const closes = column(equity, "B", 2, 251);
    assert.ok(Math.abs(stock[0] - (closes[1] / closes[0] - 1)) < 1e-15, "daily returns cache B/B-1");
  });

  it("regenerates to the same cell contents", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "micro-hedge-sample-"));
    try {
      const file = path.join(dir, "sample.xlsx");
      await writeSampleWorkbook(file);
      assert.deepEqual(contents(await load(file)), contents(workbook));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
