/*
 * Builds samples/micro-hedge-sample.xlsx: synthetic price histories with the HEDGE.* custom functions
 * already typed in next to them, for a newcomer to open with the add-in loaded.
 *
 *   npm run samples                      writes samples/micro-hedge-sample.xlsx
 *   npx tsx scripts/make-sample-workbook.ts OUT.xlsx   writes elsewhere
 *
 * How the custom-function formulas are stored, and why:
 *
 * - Name. Excel saves a formula that calls an Office.js custom function with the name rewritten as
 *   `_xldudf_<NAMESPACE>_<ID>` (so =HEDGE.MINVAR(...) is stored as _xldudf_HEDGE_MINVAR(...)) and shows it
 *   as HEDGE.MINVAR once the add-in has registered its functions. A file whose <f> holds the display form
 *   `HEDGE.MINVAR(...)` is what Excel writes for a name it could not resolve, and such cells are reported
 *   to stay #NAME? after the add-in loads until each is re-entered (OfficeDev/office-js#6611 and the
 *   repro workbook linked there, which shows both forms side by side). So we store Excel's own form.
 *   Without the add-in the cells show #NAME? and the formula bar shows the _xldudf_ name.
 *
 * - Spilling. Dynamic-array Excel reads an ordinary formula as a pre-dynamic-array one and puts an
 *   implicit-intersection @ in front of any call that may return an array (every custom function may),
 *   which would cut HEDGE.STATS down to one cell. Excel itself saves custom-function calls as dynamic
 *   array formulas, single-cell ones included: <c cm="1"><f t="array" ref="SPILL-RANGE">, where cm="1"
 *   points at the cell metadata in xl/metadata.xml that carries xda:dynamicArrayProperties fDynamic="1"
 *   (the XLDAPR metadata type). exceljs writes t="array" and ref (shareType "array") but has no cm
 *   attribute and no metadata part, so `withDynamicArrays` adds both after exceljs has written the zip.
 *   Without cm="1" the same <f t="array"> would open as a legacy Ctrl+Shift+Enter array: the results
 *   would still fill the range, but in braces and fixed to that range's size.
 *
 * - No cached values. HEDGE cells carry no <v>; calcPr fullCalcOnLoad="1" makes Excel compute on open.
 *   Ordinary Excel formulas (daily returns, shares held) do carry their result, so the sheet reads
 *   sensibly even in a viewer that does not calculate.
 */
import ExcelJS from "exceljs";
// jszip is exceljs's own zip library (a dependency of exceljs, not declared by this package): exceljs
// builds the archive with it, so re-opening that archive with the same library adds no new code path.
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";
import {
  EQUITY,
  EUR_RECEIVABLE,
  JET_FUEL,
  OPTION_CASES,
  equity,
  eurReceivable,
  indexFuturesPrice,
  jetFuel,
} from "./sample-data";

export const SAMPLE_PATH = path.resolve(__dirname, "../samples/micro-hedge-sample.xlsx");

/** Fixed dates in the document properties and the zip entries keep the committed file byte-stable. */
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

/** HEDGE.STATS spills this many rows and columns (label, value). */
const STATS_ROWS = 11;
const STATS_COLS = 2;

const FMT = {
  date: "yyyy-mm-dd",
  usdPerGallon: '"$"#,##0.0000',
  fx: "0.00000",
  usd2: '"$"#,##0.00',
  index: "#,##0.00",
  percent: "0.00%",
  percent1: "0.0%",
  ratio: "0.0000",
  contracts: "#,##0.00",
  whole: "#,##0",
  money: '"$"#,##0',
} as const;

/** A literal text argument inside a formula. */
const text = (s: string): string => `"${s}"`;

function storedName(id: string): string {
  return `_xldudf_HEDGE_${id}`;
}

interface FormulaCell {
  formula: string;
  shareType: "array";
  ref: string;
}

class SheetWriter {
  constructor(readonly ws: ExcelJS.Worksheet) {}

  set(address: string, value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
    const cell = this.ws.getCell(address);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
    return cell;
  }

  /**
   * A HEDGE formula anchored at `address`, spilling `rows` x `cols`. The spill cells get the number format
   * but no value: a value there would block the spill (#SPILL!).
   */
  hedge(address: string, id: string, args: (string | number)[], numFmt: string, rows = 1, cols = 1): void {
    const anchor = this.ws.getCell(address);
    const row = Number(anchor.row);
    const col = Number(anchor.col);
    const last = this.ws.getCell(row + rows - 1, col + cols - 1).address;
    const value: FormulaCell = {
      formula: `${storedName(id)}(${args.join(",")})`,
      shareType: "array",
      ref: rows === 1 && cols === 1 ? address : `${address}:${last}`,
    };
    anchor.value = value as ExcelJS.CellFormulaValue;
    for (let r = row; r < row + rows; r++) {
      for (let c = col; c < col + cols; c++) this.ws.getCell(r, c).numFmt = numFmt;
    }
  }

  /** HEDGE.STATS: labels in its first column, values in its second, the observation count last. */
  stats(address: string, args: string[]): void {
    this.hedge(address, "STATS", args, FMT.ratio, STATS_ROWS, STATS_COLS);
    const anchor = this.ws.getCell(address);
    this.ws.getCell(Number(anchor.row) + STATS_ROWS - 1, Number(anchor.col) + 1).numFmt = "0";
  }

  header(cells: Record<string, string>): void {
    for (const [address, label] of Object.entries(cells)) {
      const cell = this.set(address, label);
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: "bottom" };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
      cell.border = { bottom: { style: "thin" } };
    }
  }

  section(address: string, words: string): void {
    this.set(address, words).font = { bold: true };
  }

  widths(widths: Record<string, number>): void {
    for (const [col, width] of Object.entries(widths)) this.ws.getColumn(col).width = width;
  }

  column(col: string, firstRow: number, values: readonly (number | Date)[], numFmt: string): void {
    values.forEach((v, i) => this.set(`${col}${firstRow + i}`, v, numFmt));
  }
}

function newSheet(workbook: ExcelJS.Workbook, name: string, frozenColumns = 0): SheetWriter {
  const ws = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: frozenColumns, ySplit: 1 }],
  });
  return new SheetWriter(ws);
}

function readMe(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet("Read me");
  ws.getColumn("A").width = 110;
  const lines: [string, "title" | "head" | "text"][] = [
    ["Micro-Hedge for Excel: sample workbook", "title"],
    ["Each sheet holds a made-up price history with the HEDGE functions already typed in next to it, so you can see what every function returns on data that looks like the real thing.", "text"],
    ["", "text"],
    ["Before you start", "head"],
    ["The HEDGE formulas need the Micro-Hedge add-in. Load (sideload) the add-in, then open this file: Excel recalculates everything on open.", "text"],
    ["Without the add-in every HEDGE cell shows #NAME? and the formula bar shows the stored name, e.g. _xldudf_HEDGE_MINVAR instead of HEDGE.MINVAR. That is how Excel stores add-in functions in a file; once the add-in is loaded they read HEDGE.MINVAR and calculate. If cells still show #NAME? with the add-in loaded, close the file and open it again.", "text"],
    ["Some functions return a whole column or a small table and spill into the empty cells below them (HEDGE.STATS, HEDGE.ROLLING, HEDGE.EWMA, HEDGE.PNL). Keep those cells empty, or Excel shows #SPILL!.", "text"],
    ["Grey header cells say what the column or the cell next to them computes. Change any price or input and the results follow.", "text"],
    ["The optional input argument says how a function reads the histories: \"prices\" (the default) works on the price changes, \"returns\" on the simple returns of the prices, \"logreturns\" on their log returns, and \"changes\" takes the values as they are.", "text"],
    ["", "text"],
    ["Jet fuel", "head"],
    ["An airline will buy 2,000,000 gallons of jet fuel and hedges with heating-oil futures (42,000 gallons a contract), as in Hull's Table 3.3. Sixty month-end prices; the monthly changes were built with Hull's statistics (sd 0.0263 for spot, 0.0313 for futures, correlation 0.928), so HEDGE.MINVAR shows about 0.78 and HEDGE.CONTRACTS about 37 contracts.", "text"],
    ["Next to the prices: the rolling 20-month ratio, the EWMA ratio and the hedged change per gallon, one row per month. On the right: the minimum-variance ratio, the contracts to buy, two effectiveness measures, the full regression statistics (HEDGE.STATS) and the hedging index of a small quarterly hedging programme (HEDGE.INDEX).", "text"],
    ["", "text"],
    ["EUR receivable", "head"],
    ["A US company will receive EUR 10,000,000 and sells CME euro futures (EUR 125,000 a contract). 250 daily EUR/USD spot rates and 3-month forwards, the forward set by interest parity (4.5% USD, 3.0% EUR) plus a pip or so of quoting noise. Spot and forward move almost one for one, so the ratio is close to 1 and the hedge removes nearly all the risk.", "text"],
    ["", "text"],
    ["Equity", "head"],
    ["A $5,000,000 holding in one stock (about $180 a share) hedged with index futures ($50 per index point). 250 daily closes of the stock and the index; the HEDGE functions take the closes with input \"returns\", and columns D and E show those daily returns as ordinary formulas. The stock's beta is about 1.3: HEDGE.BETA measures it, HEDGE.BETAHEDGE turns it into index futures to trade (negative means sell), and HEDGE.CONTRACTS, given the share and futures prices, gets the same number of contracts from the regression ratio.", "text"],
    ["", "text"],
    ["Options", "head"],
    ["A few options priced with HEDGE.PRICE and their greeks (HEDGE.DELTA, GAMMA, VEGA, THETA, RHO). The first row is Hull's example (S = 49, K = 50, T = 0.3846 years, r = 5%, volatility 20%): the price should read about 2.40 and the delta about 0.522. HEDGE.IMPLIEDVOL takes the price back to the volatility, which should match the volatility column. The last column is the share position that delta-hedges 100,000 sold options (HEDGE.DELTAHEDGE).", "text"],
    ["", "text"],
    ["Where the numbers come from", "head"],
    ["All prices are synthetic, generated from fixed random seeds by scripts/make-sample-workbook.ts in the add-in's repository (npm run samples rebuilds this file exactly). They are not market data.", "text"],
  ];
  lines.forEach(([words, kind], i) => {
    const cell = ws.getCell(`A${i + 1}`);
    cell.value = words;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (kind === "title") cell.font = { bold: true, size: 14 };
    if (kind === "head") cell.font = { bold: true, size: 12 };
    // Not every reader grows a row to fit wrapped text, so give paragraphs their height: about 100
    // characters of 11-point Calibri fit a 110-wide column.
    if (kind === "text") ws.getRow(i + 1).height = 15 * Math.max(1, Math.ceil(words.length / 100)) + 2;
  });
}

/** What differs between the two cross-hedge sheets; everything else about their layout is the same. */
interface CrossHedge {
  name: string;
  dates: Date[];
  spot: number[];
  hedge: number[];
  priceFormat: string;
  /** Header cells A1..F1: the dates, the two price series and the three spilled columns. */
  headers: [string, string, string, string, string, string];
  exposure: [label: string, amount: number];
  contract: [label: string, size: number];
  contractsLabel: string;
  dollarOffsetLabel: string;
  statsLabel: string;
}

/**
 * A cross hedge laid out the same way on every sheet that has one: dates and the two price histories in
 * A:C, spilled ROLLING/EWMA/PNL in D:F, inputs and MINVAR/CONTRACTS/EFFECTIVENESS in H:I, STATS from H11.
 * Returns the writer so the sheet adds what is its own from row 23.
 */
function crossHedgeSheet(workbook: ExcelJS.Workbook, c: CrossHedge): SheetWriter {
  const s = newSheet(workbook, c.name);
  const first = 2;
  const last = first + c.dates.length - 1;
  const spot = `B${first}:B${last}`;
  const hedge = `C${first}:C${last}`;
  const rows = c.dates.length;

  const [a, b, cHeader, d, e, f] = c.headers;
  s.header({ A1: a, B1: b, C1: cHeader, D1: d, E1: e, F1: f, H1: "What it computes", I1: "Result" });
  s.ws.getRow(1).height = 62;
  s.column("A", first, c.dates, FMT.date);
  s.column("B", first, c.spot, c.priceFormat);
  s.column("C", first, c.hedge, c.priceFormat);
  s.hedge(`D${first}`, "ROLLING", [spot, hedge, 20], FMT.ratio, rows);
  s.hedge(`E${first}`, "EWMA", [spot, hedge, 0.94], FMT.ratio, rows);
  s.hedge(`F${first}`, "PNL", [spot, hedge, "$I$5"], c.priceFormat, rows);

  s.set("H2", c.exposure[0]);
  s.set("I2", c.exposure[1], FMT.whole);
  s.set("H3", c.contract[0]);
  s.set("I3", c.contract[1], FMT.whole);
  s.set("H5", "Minimum-variance hedge ratio h* = ρ·σS/σF (HEDGE.MINVAR)");
  s.hedge("I5", "MINVAR", [spot, hedge], FMT.ratio);
  s.set("H6", c.contractsLabel);
  s.hedge("I6", "CONTRACTS", ["I5", "I2", "I3"], FMT.contracts);
  s.set("H7", "Effectiveness: share of the variance removed at h* (HEDGE.EFFECTIVENESS \"variance\")");
  s.hedge("I7", "EFFECTIVENESS", [spot, hedge, "I5", text("prices"), text("variance")], FMT.percent1);
  s.set("H8", c.dollarOffsetLabel);
  s.hedge("I8", "EFFECTIVENESS", [spot, hedge, "I5", text("prices"), text("dollaroffset")], FMT.percent1);

  s.section("H10", c.statsLabel);
  s.stats("H11", [spot, hedge]);
  return s;
}

function jetFuelSheet(workbook: ExcelJS.Workbook): void {
  const data = jetFuel();
  const s = crossHedgeSheet(workbook, {
    name: "Jet fuel",
    dates: data.dates,
    spot: data.spot,
    hedge: data.futures,
    priceFormat: FMT.usdPerGallon,
    headers: [
      "Month end",
      "Jet fuel spot ($/gallon)",
      "Heating-oil futures ($/gallon)",
      "Rolling 20-month hedge ratio (HEDGE.ROLLING)",
      "EWMA hedge ratio, λ = 0.94 (HEDGE.EWMA)",
      "Hedged change per gallon at h*: spot change − h* × futures change (HEDGE.PNL)",
    ],
    exposure: ["Exposure: gallons of jet fuel to buy", JET_FUEL.exposureGallons],
    contract: ["Contract size: gallons per heating-oil futures contract", JET_FUEL.contractGallons],
    contractsLabel: "Heating-oil contracts to buy: h* × exposure ÷ contract size (HEDGE.CONTRACTS)",
    dollarOffsetLabel: "Effectiveness: futures gain ÷ spot loss (HEDGE.EFFECTIVENESS \"dollaroffset\")",
    statsLabel: "Regression of spot changes on futures changes (HEDGE.STATS, 11 rows × 2 columns)",
  });

  s.section("H23", "Next year's hedging programme: how much of the purchases is hedged");
  s.header({ H24: "Quarter", I24: "Planned purchases (gallons)", J24: "Hedged with futures (gallons)" });
  const programme: [string, number, number][] = [
    ["Q1", 500_000, 400_000],
    ["Q2", 500_000, 350_000],
    ["Q3", 500_000, 250_000],
    ["Q4", 500_000, 100_000],
  ];
  programme.forEach(([quarter, planned, hedged], i) => {
    s.set(`H${25 + i}`, quarter);
    s.set(`I${25 + i}`, planned, FMT.whole);
    s.set(`J${25 + i}`, hedged, FMT.whole);
  });
  s.set("H30", "Hedging index: total hedged ÷ total planned (HEDGE.INDEX)");
  s.hedge("I30", "INDEX", ["J25:J28", "I25:I28"], FMT.percent1);

  s.widths({ A: 12, B: 14, C: 15, D: 19, E: 19, F: 24, G: 3, H: 80, I: 16, J: 16 });
}

function eurSheet(workbook: ExcelJS.Workbook): void {
  const data = eurReceivable();
  const s = crossHedgeSheet(workbook, {
    name: "EUR receivable",
    dates: data.dates,
    spot: data.spot,
    hedge: data.forward,
    priceFormat: FMT.fx,
    headers: [
      "Date",
      "EUR/USD spot (USD per EUR)",
      "EUR/USD 3-month forward (USD per EUR)",
      "Rolling 20-day hedge ratio (HEDGE.ROLLING)",
      "EWMA hedge ratio, λ = 0.94 (HEDGE.EWMA)",
      "Hedged change per euro at h*: spot change − h* × forward change (HEDGE.PNL)",
    ],
    exposure: ["Exposure: euros to be received", EUR_RECEIVABLE.exposureEur],
    contract: ["Contract size: euros per CME euro futures contract", EUR_RECEIVABLE.contractEur],
    contractsLabel: "Euro futures to sell: h* × exposure ÷ contract size (HEDGE.CONTRACTS)",
    dollarOffsetLabel: "Effectiveness: hedge gain ÷ exposure loss (HEDGE.EFFECTIVENESS \"dollaroffset\")",
    statsLabel: "Regression of spot changes on forward changes (HEDGE.STATS, 11 rows × 2 columns)",
  });

  s.section("H23", "How the forward was made");
  s.set("H24", "USD interest rate");
  s.set("I24", EUR_RECEIVABLE.usdRate, FMT.percent);
  s.set("H25", "EUR interest rate");
  s.set("I25", EUR_RECEIVABLE.eurRate, FMT.percent);
  s.set("H26", "Forward = spot × exp((USD rate − EUR rate) × 0.25), plus a pip or so of noise");

  s.widths({ A: 12, B: 14, C: 15, D: 19, E: 19, F: 24, G: 3, H: 80, I: 16 });
}

function equitySheet(workbook: ExcelJS.Workbook): void {
  const data = equity();
  const s = newSheet(workbook, "Equity");
  const first = 2;
  const last = first + data.dates.length - 1;
  // Input "returns" means "these are prices; work on their simple returns", so the HEDGE calls take the
  // closes. Columns D and E show those returns as ordinary formulas for the reader; nothing refers to them.
  const stock = `B${first}:B${last}`;
  const index = `C${first}:C${last}`;
  const returns = text("returns");
  const rows = data.dates.length;
  const futuresPrice = indexFuturesPrice(data.index[data.index.length - 1]);

  s.header({
    A1: "Date",
    B1: "Stock close ($)",
    C1: "Index close (points)",
    D1: "Stock daily return (what input \"returns\" computes)",
    E1: "Index daily return (what input \"returns\" computes)",
    F1: "Rolling 20-day hedge ratio on returns (HEDGE.ROLLING)",
    G1: "EWMA hedge ratio on returns, λ = 0.94 (HEDGE.EWMA)",
    H1: "Hedged daily return: stock − h × index (HEDGE.PNL)",
    J1: "What it computes",
    K1: "Result",
  });
  s.ws.getRow(1).height = 62;
  s.column("A", first, data.dates, FMT.date);
  s.column("B", first, data.stock, FMT.usd2);
  s.column("C", first, data.index, FMT.index);
  for (let r = first + 1; r <= last; r++) {
    const i = r - first;
    // The cached result is the same double Excel computes for B/B-1, so a viewer that does not recalculate still shows it.
    s.set(`D${r}`, { formula: `B${r}/B${r - 1}-1`, result: data.stock[i] / data.stock[i - 1] - 1 }, FMT.percent);
    s.set(`E${r}`, { formula: `C${r}/C${r - 1}-1`, result: data.index[i] / data.index[i - 1] - 1 }, FMT.percent);
  }
  s.hedge(`F${first}`, "ROLLING", [stock, index, 20, returns], FMT.ratio, rows);
  s.hedge(`G${first}`, "EWMA", [stock, index, 0.94, returns], FMT.ratio, rows);
  s.hedge(`H${first}`, "PNL", [stock, index, "$K$11", returns], FMT.percent, rows);

  const lastClose = data.stock[data.stock.length - 1];
  s.set("J2", "Value of the stock holding ($)");
  s.set("K2", EQUITY.holdingValue, FMT.money);
  s.set("J3", "Index futures price (points)");
  s.set("K3", futuresPrice, FMT.index);
  s.set("J4", "Futures multiplier ($ per index point)");
  s.set("K4", EQUITY.futuresMultiplier, FMT.whole);
  s.set("J5", "Shares held: holding value ÷ last close");
  s.set("K5", { formula: `K2/B${last}`, result: EQUITY.holdingValue / lastClose }, FMT.whole);

  s.set("J7", "Beta of the stock on the index, from daily returns of the closes (HEDGE.BETA)");
  s.hedge("K7", "BETA", [stock, index, returns], FMT.ratio);
  s.set("J8", "Index futures for beta 0: −beta × value ÷ (futures × multiplier) (HEDGE.BETAHEDGE)");
  s.hedge("K8", "BETAHEDGE", ["K2", "K7", "K3", "K4"], FMT.contracts);
  s.set("J9", "Index futures for beta 0.5, negative = sell (HEDGE.BETAHEDGE, target 0.5)");
  s.hedge("K9", "BETAHEDGE", ["K2", "K7", "K3", "K4", 0.5], FMT.contracts);

  s.set("J11", "Minimum-variance ratio on returns: the same slope as the beta (HEDGE.MINVAR)");
  s.hedge("K11", "MINVAR", [stock, index, returns], FMT.ratio);
  s.set("J12", "Contracts for it: h × shares × close ÷ (multiplier × futures) (HEDGE.CONTRACTS)");
  s.hedge("K12", "CONTRACTS", ["K11", "K5", "K4", `B${last}`, "K3"], FMT.contracts);
  s.set("J13", "Effectiveness: share of the return variance removed (HEDGE.EFFECTIVENESS \"variance\")");
  s.hedge("K13", "EFFECTIVENESS", [stock, index, "K11", returns, text("variance")], FMT.percent1);
  s.set("J14", "Effectiveness: hedge gain ÷ holding loss (HEDGE.EFFECTIVENESS \"dollaroffset\")");
  s.hedge("K14", "EFFECTIVENESS", [stock, index, "K11", returns, text("dollaroffset")], FMT.percent1);

  s.section("J16", "Regression of stock returns on index returns (HEDGE.STATS, 11 rows × 2 columns)");
  s.stats("J17", [stock, index, returns]);

  s.widths({ A: 12, B: 12, C: 13, D: 15, E: 15, F: 19, G: 19, H: 19, I: 3, J: 80, K: 16 });
}

function optionsSheet(workbook: ExcelJS.Workbook): void {
  const s = newSheet(workbook, "Options", 1);
  s.header({
    A1: "Option",
    B1: "S (spot, or futures price for black76)",
    C1: "K (strike)",
    D1: "T (years)",
    E1: "r (risk-free rate)",
    F1: "σ (volatility)",
    G1: "type",
    H1: "q (dividend yield / foreign rate)",
    I1: "model",
    J1: "Price (HEDGE.PRICE)",
    K1: "Delta (HEDGE.DELTA)",
    L1: "Gamma (HEDGE.GAMMA)",
    M1: "Vega (HEDGE.VEGA)",
    N1: "Theta (HEDGE.THETA)",
    O1: "Rho (HEDGE.RHO)",
    P1: "Implied volatility from the price; should equal σ (HEDGE.IMPLIEDVOL)",
    Q1: "Shares to trade to delta-hedge 100,000 sold options; positive = buy (HEDGE.DELTAHEDGE)",
  });
  s.ws.getRow(1).height = 62;
  OPTION_CASES.forEach((o, i) => {
    const r = i + 2;
    s.set(`A${r}`, o.label);
    s.set(`B${r}`, o.S, "#,##0.0000");
    s.set(`C${r}`, o.K, "#,##0.0000");
    s.set(`D${r}`, o.T, "0.0000");
    s.set(`E${r}`, o.r, FMT.percent);
    s.set(`F${r}`, o.sigma, FMT.percent);
    s.set(`G${r}`, o.type);
    s.set(`H${r}`, o.q, FMT.percent);
    s.set(`I${r}`, o.model);
    const inputs = ["B", "C", "D", "E", "F", "G", "H", "I"].map((c) => `${c}${r}`);
    const greeks: [string, string][] = [["J", "PRICE"], ["K", "DELTA"], ["L", "GAMMA"], ["M", "VEGA"], ["N", "THETA"], ["O", "RHO"]];
    for (const [col, id] of greeks) s.hedge(`${col}${r}`, id, inputs, FMT.ratio);
    // IMPLIEDVOL(price, S, K, T, r, type, q, model): everything but sigma, which it recovers.
    s.hedge(`P${r}`, "IMPLIEDVOL", [`J${r}`, ...inputs.slice(0, 4), ...inputs.slice(5)], FMT.percent);
    s.hedge(`Q${r}`, "DELTAHEDGE", [`K${r}`, -100000], FMT.whole);
  });
  s.widths({ A: 56, B: 13, C: 10, D: 9, E: 10, F: 10, G: 7, H: 13, I: 9, J: 11, K: 11, L: 11, M: 11, N: 11, O: 11, P: 16, Q: 16 });
}

export function buildSampleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Micro-Hedge for Excel sample generator";
  workbook.lastModifiedBy = "Micro-Hedge for Excel sample generator";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.calcProperties.fullCalcOnLoad = true;
  readMe(workbook);
  jetFuelSheet(workbook);
  eurSheet(workbook);
  equitySheet(workbook);
  optionsSheet(workbook);
  return workbook;
}

const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" ' +
  'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" ' +
  'coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">' +
  '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  "</metadata>";

/**
 * Marks every array formula exceljs wrote as a dynamic array (cm="1", 1-based index into cellMetadata) and
 * adds the metadata part, its content type and its workbook relationship. Only HEDGE formulas are written
 * as array formulas here, so "every t="array" formula" and "every HEDGE formula" are the same cells.
 * The archive is rebuilt with fixed entry dates so an unchanged workbook regenerates to the same bytes.
 */
async function withDynamicArrays(xlsx: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name];
    if (entry.dir) continue;
    let content: string | Uint8Array;
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      content = (await entry.async("string")).replace(/<c ([^>]*?)><f t="array"/g, '<c $1 cm="1"><f t="array"');
    } else if (name === "[Content_Types].xml") {
      content = (await entry.async("string")).replace(
        "</Types>",
        '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>'
      );
    } else if (name === "xl/_rels/workbook.xml.rels") {
      const rels = await entry.async("string");
      const used = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
      const id = `rId${Math.max(0, ...used) + 1}`;
      content = rels.replace(
        "</Relationships>",
        `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>`
      );
    } else {
      content = await entry.async("uint8array");
    }
    out.file(name, content, { date: FIXED_DATE, createFolders: false });
  }
  out.file("xl/metadata.xml", METADATA_XML, { date: FIXED_DATE, createFolders: false });
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

export async function writeSampleWorkbook(file: string = SAMPLE_PATH): Promise<void> {
  const raw = Buffer.from(await buildSampleWorkbook().xlsx.writeBuffer());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await withDynamicArrays(raw));
}

if (require.main === module) {
  const target = process.argv[2] ? path.resolve(process.argv[2]) : SAMPLE_PATH;
  writeSampleWorkbook(target).then(
    () => console.log(`wrote ${path.relative(process.cwd(), target)}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    }
  );
}
