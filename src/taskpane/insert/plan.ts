import { protectiveOptionType } from "../../core";
import { SCENARIO_MOVES } from "../analysis/optionAnalysis";
import { FieldPath, fieldSpec, getField } from "../state/fields";
import { MethodKind, Settings, isValueBased, settingsToJson } from "../state/settings";
import { numberOf } from "../state/validation";
import { parseAddress, relativeAddress, areaOf } from "../workbook/address";
import { REGISTER_COLUMNS, RegisterColumn } from "../workbook/register";
import { CellBlock, CellInput, ChartSpec, empty, formula, num, text } from "../workbook/workbook";
import { Sources, cellRef, crossSheetRef, hedgeFormulas, stringLiteral } from "./formulas";

/**
 * What an insert writes, decided before anything is written: the hedge's sheet (inputs, live HEDGE.*
 * formulas on the source ranges, the chart's data), the chart, and the register row. The preview prints
 * this plan; the workbook executes it.
 */
export interface InsertPlan {
  sheet: string;
  id: string;
  date: string;
  blocks: CellBlock[];
  chart: ChartSpec;
  registerRow: CellInput[];
}

export interface PlanContext {
  settings: Settings;
  sheet: string;
  id: string;
  /** ISO date of the designation. */
  date: string;
  /** Rows of the source ranges, so the chart covers the spilled P&L. */
  sourceRows: number;
}

export const METHOD_WORDS: Record<MethodKind, string> = {
  minvar: "Static minimum variance",
  rolling: "Rolling-window minimum variance",
  ewma: "EWMA minimum variance",
  naive: "Naive 1:1",
};

const INPUT_WORDS = {
  prices: "price changes",
  returns: "returns",
  logreturns: "log returns",
  changes: "changes as given",
} as const;

function numberField(s: Settings, path: FieldPath): CellInput {
  const { value } = numberOf(fieldSpec(path), getField(s, path));
  return value === undefined ? empty : num(value);
}

/** Label/value rows from `topLeft` down; returns the block and where each label's value landed. */
function labelled(topLeft: string, rows: [string, CellInput][]): { block: CellBlock; at: (label: string) => string } {
  const start = parseAddress(topLeft);
  const where = new Map<string, string>();
  rows.forEach(([label], i) => where.set(label, relativeAddress(areaOf(start.row + i, start.column + 1, 1, 1))));
  return {
    block: { topLeft, cells: rows.map(([label, value]) => [text(label), value]), autofit: true },
    at: (label) => {
      const a = where.get(label);
      if (!a) throw new Error(`No row labelled ${label}`);
      return a;
    },
  };
}

function registerRow(values: Partial<Record<RegisterColumn, CellInput>>): CellInput[] {
  return REGISTER_COLUMNS.map((c) => values[c] ?? empty);
}

/**
 * The register columns every hedge fills the same way: who, what, why, when, and what the wizard needs to
 * re-open it. `at` finds a labelled result on the hedge's sheet ("Exposure amount").
 */
function documentation(ctx: PlanContext, at: (label: string) => string): Partial<Record<RegisterColumn, CellInput>> {
  const s = ctx.settings;
  return {
    ID: text(ctx.id),
    "Hedged item": text(s.exposure.name.trim()),
    "Hedging instrument": text(instrumentWords(s)),
    "Hedged risk": text(s.docs.risk.trim()),
    "Risk-management objective": text(s.docs.objective.trim()),
    "Sources of ineffectiveness": text(s.docs.ineffectiveness.trim()),
    Date: text(ctx.date),
    Author: text(s.docs.author.trim()),
    "Exposure amount": formula(`=${crossSheetRef(ctx.sheet, at("Exposure amount"))}`),
    Sheet: text(ctx.sheet),
    Settings: text(settingsToJson(s)),
  };
}

function instrumentWords(s: Settings): string {
  const name = s.instrument.name.trim();
  switch (s.instrument.kind) {
    case "futures":
      return `Futures: ${name}`;
    case "forward":
      return `Forward: ${name}`;
    case "asset":
      return `Short position in ${name}`;
    case "put":
      return `Protective ${protectiveOptionType(s.exposure.direction)}: ${name}`;
  }
}

function header(ctx: PlanContext): CellBlock {
  return {
    topLeft: "A1",
    cells: [
      [text(`Micro-hedge: ${ctx.settings.exposure.name.trim()}`)],
      [text(`Register ID ${ctx.id}, designated ${ctx.date}. The HEDGE formulas read the source ranges, so this sheet recalculates when the data change.`)],
    ],
    bold: true,
  };
}

function exposureRows(s: Settings): [string, CellInput][] {
  return [
    ["Hedged item", text(s.exposure.name.trim())],
    ["Position", text(s.exposure.direction)],
    ["Quantity", numberField(s, "exposure.quantity")],
    ["Unit", text(s.exposure.unit.trim())],
    ["Current price", numberField(s, "exposure.price")],
    ["Instrument", text(instrumentWords(s))],
  ];
}

export function buildPlan(ctx: PlanContext): InsertPlan {
  return ctx.settings.instrument.kind === "put" ? optionPlan(ctx) : linearPlan(ctx);
}

const RESULT_LABELS = [
  "Hedge ratio",
  "Contracts (exact)",
  "Contracts to trade",
  "Side",
  "Variance reduction",
  "R squared",
  "Dollar offset",
  "Within 80%-125%",
  "Exposure amount",
  "Hedged amount (hedge notional)",
];

function sectionTitles(): CellBlock[] {
  return [
    { topLeft: "A3", cells: [[text("Inputs")]], bold: true },
    { topLeft: "A20", cells: [[text("Results")]], bold: true },
  ];
}

function linearPlan(ctx: PlanContext): InsertPlan {
  const s = ctx.settings;
  const src: Sources = { spot: s.data.spot, hedge: s.data.hedge, input: s.data.input };
  const param: [string, CellInput][] =
    s.method.kind === "rolling"
      ? [["Window (observations)", numberField(s, "method.window")]]
      : s.method.kind === "ewma"
        ? [["Decay lambda", numberField(s, "method.lambda")]]
        : [];
  const inputs = labelled("A4", [
    ...exposureRows(s),
    ["Contract size", numberField(s, "instrument.contractSize")],
    ["Instrument price", numberField(s, "instrument.price")],
    ["Exposure prices", text(s.data.spot)],
    ["Instrument prices", text(s.data.hedge)],
    ["Data", text(s.data.input)],
    ["Ratio method", text(METHOD_WORDS[s.method.kind])],
    ...param,
  ]);
  const ref = (label: string) => cellRef(inputs.at(label));
  const ratioFormula = (): CellInput => {
    switch (s.method.kind) {
      case "minvar":
        return formula(hedgeFormulas.minvar(src));
      case "naive":
        return num(1);
      case "rolling":
        return formula(hedgeFormulas.latest(hedgeFormulas.rolling(src, ref("Window (observations)")), src));
      case "ewma":
        return formula(hedgeFormulas.latest(hedgeFormulas.ewma(src, ref("Decay lambda")), src));
    }
  };
  // Results start below the longest possible input list, so their cells do not move with the method.
  const results = labelled(
    "A21",
    RESULT_LABELS.map((l) => [l, empty] as [string, CellInput]),
  );
  const r = (label: string) => cellRef(results.at(label));
  const ratio = r("Hedge ratio");
  const prices = isValueBased(s.data.input) ? { spot: ref("Current price"), futures: ref("Instrument price") } : undefined;
  const sell = s.exposure.direction === "long" ? "sell" : "buy";
  const buy = s.exposure.direction === "long" ? "buy" : "sell";
  const resultCells: CellInput[] = [
    ratioFormula(),
    formula(hedgeFormulas.contracts(ratio, ref("Quantity"), ref("Contract size"), prices)),
    formula(`=ROUND(ABS(${r("Contracts (exact)")}),0)`),
    formula(`=IF(${r("Contracts (exact)")}>=0,${stringLiteral(sell)},${stringLiteral(buy)})`),
    formula(hedgeFormulas.effectiveness(src, ratio, "variance")),
    formula(hedgeFormulas.effectiveness(src, ratio, "r2")),
    formula(hedgeFormulas.effectiveness(src, ratio, "dollaroffset")),
    formula(`=AND(${r("Dollar offset")}>=0.8,${r("Dollar offset")}<=1.25)`),
    formula(`=${ref("Quantity")}*${ref("Current price")}`),
    formula(`=${r("Contracts to trade")}*${ref("Contract size")}*${ref("Instrument price")}`),
  ];
  results.block.cells = results.block.cells.map((row, i) => [row[0], resultCells[i]]);

  const statsBlock: CellBlock = { topLeft: "D3", cells: [[text("Regression statistics")], [formula(hedgeFormulas.stats(src))]], bold: true };
  const rowWise: [string, string][] =
    s.method.kind === "rolling"
      ? [["Rolling ratio", hedgeFormulas.rolling(src, ref("Window (observations)"))]]
      : s.method.kind === "ewma"
        ? [["EWMA ratio", hedgeFormulas.ewma(src, ref("Decay lambda"))]]
        : [];
  const seriesBlock: CellBlock = {
    topLeft: "G4",
    cells: [
      [text("Unhedged P&L"), text("Hedged P&L"), ...rowWise.map(([h]) => text(h))],
      [formula(hedgeFormulas.pnl(src, "0")), formula(hedgeFormulas.pnl(src, ratio)), ...rowWise.map(([, f]) => formula(f))],
    ],
  };
  const lastRow = 4 + Math.max(1, ctx.sourceRows);
  const chart: ChartSpec = {
    title: `${s.exposure.name.trim()}: P&L per period, ${INPUT_WORDS[s.data.input]}`,
    data: `G4:H${lastRow}`,
    from: "K4",
    to: "R22",
  };
  return {
    sheet: ctx.sheet,
    id: ctx.id,
    date: ctx.date,
    blocks: [header(ctx), ...sectionTitles(), inputs.block, results.block, statsBlock, seriesBlock],
    chart,
    registerRow: registerRow({
      ...documentation(ctx, results.at),
      "Hedge ratio": formula(`=${crossSheetRef(ctx.sheet, results.at("Hedge ratio"))}`),
      "How the ratio was set": text(`${METHOD_WORDS[s.method.kind]} on ${INPUT_WORDS[s.data.input]} of ${s.data.spot} against ${s.data.hedge}`),
      "Effectiveness method": text(`Variance reduction (Ederington) on ${INPUT_WORDS[s.data.input]}; dollar offset within 80%-125% on ${ctx.sheet}`),
      "Effectiveness result": formula(`=${crossSheetRef(ctx.sheet, results.at("Variance reduction"))}`),
      "Hedged amount": formula(`=${crossSheetRef(ctx.sheet, results.at("Hedged amount (hedge notional)"))}`),
      "Exposure range": text(s.data.spot),
      "Instrument range": text(s.data.hedge),
    }),
  };
}

function optionPlan(ctx: PlanContext): InsertPlan {
  const s = ctx.settings;
  const type = protectiveOptionType(s.exposure.direction);
  const quoted = s.instrument.premium.trim() !== "";
  const inputs = labelled("A4", [
    ...exposureRows(s),
    ["Option type", text(type)],
    ["Strike", numberField(s, "instrument.strike")],
    ["Time to expiry (years)", numberField(s, "instrument.expiry")],
    ["Risk-free rate", numberField(s, "instrument.rate")],
    ["Yield", s.instrument.dividendYield.trim() === "" ? num(0) : numberField(s, "instrument.dividendYield")],
    ["Model", text(s.instrument.model)],
    ["Quoted premium", quoted ? numberField(s, "instrument.premium") : text("none")],
  ]);
  const ref = (label: string) => cellRef(inputs.at(label));
  const terms = {
    S: ref("Current price"),
    K: ref("Strike"),
    T: ref("Time to expiry (years)"),
    r: ref("Risk-free rate"),
    type: stringLiteral(type),
    q: ref("Yield"),
    model: ref("Model"),
  };
  const labels = [
    "Volatility",
    "Premium per unit",
    "Delta",
    "Gamma",
    "Vega",
    "Theta",
    "Rho",
    "Total premium",
    "Delta equivalent (units)",
    "Exposure amount",
    "Hedged amount (protected notional)",
  ];
  const results = labelled("A21", labels.map((l) => [l, empty] as [string, CellInput]));
  const r = (label: string) => cellRef(results.at(label));
  const o = { ...terms, sigma: r("Volatility") };
  const cells: CellInput[] = [
    quoted ? formula(hedgeFormulas.impliedVol(ref("Quoted premium"), terms)) : numberField(s, "instrument.vol"),
    formula(hedgeFormulas.option("PRICE", o)),
    formula(hedgeFormulas.option("DELTA", o)),
    formula(hedgeFormulas.option("GAMMA", o)),
    formula(hedgeFormulas.option("VEGA", o)),
    formula(hedgeFormulas.option("THETA", o)),
    formula(hedgeFormulas.option("RHO", o)),
    formula(`=${r("Premium per unit")}*${ref("Quantity")}`),
    formula(hedgeFormulas.deltaHedge(r("Delta"), ref("Quantity"))),
    formula(`=${ref("Quantity")}*${ref("Current price")}`),
    formula(`=${ref("Quantity")}*${ref("Current price")}`),
  ];
  results.block.cells = results.block.cells.map((row, i) => [row[0], cells[i]]);

  // Scenario P&L if the price moved now: the exposure's change, and the same plus the option's value change.
  const sign = s.exposure.direction === "long" ? "" : "-";
  const scenarioRows = SCENARIO_MOVES.map((m, i): CellInput[] => {
    const row = 5 + i;
    const price = `$E$${row}`;
    const scenario = { ...o, S: price };
    return [
      num(m),
      formula(`=${ref("Current price")}*(1+D${row})`),
      formula(`=${sign}(${price}-${ref("Current price")})*${ref("Quantity")}`),
      formula(`=F${row}+(${hedgeFormulas.option("PRICE", scenario).slice(1)}-${r("Premium per unit")})*${ref("Quantity")}`),
    ];
  });
  const scenarioBlock: CellBlock = {
    topLeft: "D4",
    cells: [[text("Price move"), text("Price"), text("Unhedged P&L"), text("Hedged P&L")], ...scenarioRows],
  };
  return {
    sheet: ctx.sheet,
    id: ctx.id,
    date: ctx.date,
    blocks: [header(ctx), ...sectionTitles(), inputs.block, results.block, scenarioBlock],
    chart: {
      title: `${s.exposure.name.trim()}: P&L if the price moved now`,
      data: `F4:G${4 + SCENARIO_MOVES.length}`,
      from: "I4",
      to: "P22",
    },
    registerRow: registerRow({
      ...documentation(ctx, results.at),
      "Hedge ratio": num(1),
      "How the ratio was set": text(`One ${type} per unit of exposure, priced with ${s.instrument.model === "bsm" ? "Black-Scholes-Merton" : "Black-76"}${quoted ? ", volatility implied from the quoted premium" : ""}`),
      "Effectiveness method": text("Intrinsic value designated; time value excluded and recognised separately"),
      "Effectiveness result": formula(`=${crossSheetRef(ctx.sheet, results.at("Delta"))}`),
      "Hedged amount": formula(`=${crossSheetRef(ctx.sheet, results.at("Hedged amount (protected notional)"))}`),
      "Exposure range": text(""),
      "Instrument range": text(""),
    }),
  };
}

/** Every cell an insert writes, as `address  content` lines in reading order: what the preview shows. */
export function planLines(plan: InsertPlan): { address: string; content: string }[] {
  const out: { address: string; content: string; row: number; column: number }[] = [];
  for (const block of plan.blocks) {
    const start = parseAddress(block.topLeft);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.kind === "empty") return;
        const content = cell.kind === "text" ? cell.text : cell.kind === "number" ? String(cell.value) : cell.formula;
        const row = start.row + r;
        const column = start.column + c;
        out.push({ address: relativeAddress(areaOf(row, column, 1, 1)), content, row, column });
      }),
    );
  }
  out.sort((a, b) => a.row - b.row || a.column - b.column);
  return out.map(({ address, content }) => ({ address, content }));
}

/** The next register ID after the highest "H-nnn" already used. */
export function nextRegisterId(ids: string[]): string {
  let highest = 0;
  for (const id of ids) {
    const m = /^H-(\d+)$/.exec(id.trim());
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return `H-${String(highest + 1).padStart(3, "0")}`;
}
