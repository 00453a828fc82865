/**
 * npm run bench — speed, memory and accuracy of the calc core against jStat, simple-statistics and the
 * floor a bare loop sets, in one Node process. Prints the tables and writes them to BENCHMARKS.md.
 *
 *   npm run bench               full run (a few minutes on two cores)
 *   npm run bench -- --quick    fewer rounds, for checking the bench itself; does not write BENCHMARKS.md
 *   npm run bench -- --src DIR  time a proposed tree (a copy of src/ with changes: DIR/core, DIR/functions)
 *                               in place of src/; the accuracy tables still describe src/; does not write
 *                               BENCHMARKS.md
 */
import "./excelRuntime";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildBundle } from "./bundle";
import { FULL_COLUMN, head, OptionCase, optionSheet, pricePair, Range } from "./inputs";
import { Case, heapPerCall, memoryOf, MemoryDelta, settle, sink, timeCases, Timing } from "./harness";
import type { Terms } from "./jstatOptions";
import { cdfRows, DIGIT_CAP, DigitRow, METHODS, nistRows, offsetRows, optionRows } from "./accuracy";
import { dig, mb, ms, ns, ratio, sci, table, verdict } from "./report";
import { impliedVol } from "../src/core/impliedVol";

const quick = process.argv.includes("--quick");
const srcArg = process.argv.indexOf("--src");
const srcOverride = srcArg >= 0 ? process.argv[srcArg + 1] : undefined;
const WARMUP = quick ? 1 : 3;
const ROUNDS = quick ? 5 : 15;
const WINDOW = 250;
const LAMBDA = 0.94;
/** Rows the O(n·window) jStat recomputation runs on; its per-row cost is then scaled to a full column. */
const JSTAT_ROWS = 20_000;
const OPTION_CALLS = 100_000;

const out: string[] = [];
function emit(text = ""): void {
  out.push(text);
  console.log(text);
}

/** The commit the sources come from, and whether src/ had uncommitted changes when the bench ran. */
function source(): string {
  try {
    const root = path.resolve(__dirname, "..");
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return `${commit}${dirty ? " with uncommitted changes in src/" : ""}`;
  } catch {
    return "unknown (not a git checkout)";
  }
}

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model ?? "unknown"} × ${cpus.length} logical cores`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version} (V8 ${process.versions.v8}), ${os.type()} ${os.release()} ${os.arch()}`,
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`,
    `- Sources: ${srcOverride ? srcOverride : `git ${source()}`}, built like the add-in (webpack production mode, ts-loader, terser; bench/bundle.ts), every contender in the same bundle`,
    `- Load average when the run started: ${os.loadavg().map((x) => x.toFixed(2)).join(", ")} (other jobs on the machine slow every case alike; the ratios are what to read)`,
  ];
}

function termsOf(o: OptionCase): Terms {
  return { S: o.S, K: o.K, T: o.T, r: o.r, q: o.q, call: o.type === "call", black76: o.model === "black76" };
}

interface Target {
  what: string;
  ok: boolean;
  detail: string;
}

async function main(): Promise<void> {
  const targets: Target[] = [];
  const started = performance.now();
  console.error("building src/ and the contenders with the add-in's production webpack pipeline…");
  const { bundle: H, cleanup } = await buildBundle(srcOverride);
  const {
    minvar, stats, rolling, ewma, effectiveness, pnl, price, delta, impliedvol, readPair, minVarianceRatio, hedgeStatistics,
    rollingRatio, ewmaRatio, optionValue, bareEwma, bareMinvar, bareStats, jstatEwma, jstatMinvar, jstatRolling, jstatStats,
    ssMinvar, ssStats, jstatDelta, jstatImpliedVol, jstatPrice,
  } = H;
  console.error(`building inputs (${FULL_COLUMN.toLocaleString("en-US")} rows as Excel passes them)…`);
  await settle();
  const heapBefore = process.memoryUsage().heapUsed;
  const full = pricePair(FULL_COLUMN);
  await settle();
  const inputMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const rows = FULL_COLUMN.toLocaleString("en-US");

  const core = {
    minvar: (a: Range, b: Range) => {
      const p = readPair(a, b, "spot", "hedge", "prices", 3);
      return minVarianceRatio(p.s, p.f, p.n);
    },
    stats: (a: Range, b: Range) => {
      const p = readPair(a, b, "spot", "hedge", "prices", 3);
      return hedgeStatistics(p.s, p.f, p.n);
    },
    rolling: (a: Range, b: Range, w: number) => rollingRatio(readPair(a, b, "spot", "hedge", "prices", 3), w),
    ewma: (a: Range, b: Range) => ewmaRatio(readPair(a, b, "spot", "hedge", "prices", 3), LAMBDA),
  };

  // Every contender must compute the same thing, or the race means nothing.
  const agree = (name: string, a: number, b: number, tol: number) => {
    if (!(Math.abs(a - b) <= tol * Math.abs(b))) throw new Error(`${name}: ${a} vs ${b} — the contenders disagree`);
  };
  const h = minvar(full.spot, full.hedge);
  agree("jStat MINVAR", jstatMinvar(full.spot, full.hedge), h, 1e-9);
  agree("simple-statistics MINVAR", ssMinvar(full.spot, full.hedge), h, 1e-9);
  agree("bare MINVAR", bareMinvar(full.spot, full.hedge), h, 1e-9);
  agree("STATS slope", (stats(full.spot, full.hedge)[0][1] as number), bareStats(full.spot, full.hedge).ratio, 1e-9);

  // --- MINVAR and STATS ------------------------------------------------------------------------------------
  console.error("timing MINVAR and STATS…");
  const tMinvar = await timeCases([
    { name: "hedge", run: () => minvar(full.spot, full.hedge) },
    { name: "core", run: () => core.minvar(full.spot, full.hedge) },
    { name: "bare", run: () => bareMinvar(full.spot, full.hedge) },
    { name: "jstat", run: () => jstatMinvar(full.spot, full.hedge) },
    { name: "ss", run: () => ssMinvar(full.spot, full.hedge) },
  ], WARMUP, ROUNDS);
  const tStats = await timeCases([
    { name: "hedge", run: () => stats(full.spot, full.hedge) },
    { name: "core", run: () => core.stats(full.spot, full.hedge) },
    { name: "bare", run: () => bareStats(full.spot, full.hedge) },
    { name: "jstat", run: () => jstatStats(full.spot, full.hedge) },
    { name: "ss", run: () => ssStats(full.spot, full.hedge) },
  ], WARMUP, ROUNDS);

  // --- ROLLING and EWMA ----------------------------------------------------------------------------------------
  console.error("timing ROLLING and EWMA…");
  const quarter = FULL_COLUMN / 4;
  const part = { spot: head(full.spot, quarter), hedge: head(full.hedge, quarter) };
  const tRow = await timeCases([
    { name: "minvar", run: () => minvar(full.spot, full.hedge) },
    { name: "rolling", run: () => rolling(full.spot, full.hedge, WINDOW) },
    { name: "rollingCore", run: () => core.rolling(full.spot, full.hedge, WINDOW) },
    { name: "rollingWide", run: () => core.rolling(full.spot, full.hedge, 10 * WINDOW) },
    { name: "rollingQuarter", run: () => core.rolling(part.spot, part.hedge, WINDOW) },
    { name: "ewma", run: () => ewma(full.spot, full.hedge, LAMBDA) },
    { name: "ewmaCore", run: () => core.ewma(full.spot, full.hedge) },
    { name: "ewmaQuarter", run: () => core.ewma(part.spot, part.hedge) },
    { name: "ewmaBare", run: () => bareEwma(full.spot, full.hedge, LAMBDA) },
    { name: "minvarCore", run: () => core.minvar(full.spot, full.hedge) },
  ], WARMUP, ROUNDS);
  console.error(`timing jStat window recomputation on ${JSTAT_ROWS} rows…`);
  const small = { spot: head(full.spot, JSTAT_ROWS), hedge: head(full.hedge, JSTAT_ROWS) };
  {
    const mine = rolling(small.spot, small.hedge, WINDOW);
    const theirs = jstatRolling(small.spot, small.hedge, WINDOW);
    agree("jStat ROLLING", theirs[JSTAT_ROWS - 2], mine[JSTAT_ROWS - 1][0] as number, 1e-9);
  }
  const tJstatRow = await timeCases([
    { name: "rolling", run: () => jstatRolling(small.spot, small.hedge, WINDOW) },
    { name: "ewma", run: () => jstatEwma(small.spot, small.hedge, LAMBDA, WINDOW) },
    { name: "hedgeRolling", run: () => rolling(small.spot, small.hedge, WINDOW) },
    { name: "hedgeEwma", run: () => ewma(small.spot, small.hedge, LAMBDA) },
  ], 1, quick ? 2 : 5);

  // --- options -------------------------------------------------------------------------------------------------
  console.error(`timing ${OPTION_CALLS.toLocaleString("en-US")} option calls…`);
  const sheet = optionSheet(OPTION_CALLS);
  const terms: Terms[] = sheet.map(termsOf);
  // Implied vol is only asked where it is determined to 1e-9 (the rule the accuracy tables use): a price
  // that moves when sigma does, and that has not underflowed into the subnormals, where it has lost its
  // digits. Rows outside that are left out of the IMPLIEDVOL race for both contenders.
  const ivSheet = optionSheet(2 * OPTION_CALLS, 8).filter((o) => {
    const p = optionValue("price", o);
    return p >= 1e-300 && optionValue("vega", o) * o.sigma >= 1e-6 * p;
  }).slice(0, OPTION_CALLS);
  if (ivSheet.length < OPTION_CALLS) throw new Error("not enough implied-vol rows");
  const ivTerms: Terms[] = ivSheet.map(termsOf);
  const ivPrices = ivSheet.map((o) => optionValue("price", o));
  let ivAvailable = typeof impliedvol === "function";
  if (ivAvailable) {
    try {
      const o = ivSheet[0];
      agree("IMPLIEDVOL", impliedvol(ivPrices[0], o.S, o.K, o.T, o.r, o.type, o.q, o.model), o.sigma, 1e-8);
    } catch (e) {
      console.error(`IMPLIEDVOL is not usable (${e instanceof Error ? e.message : String((e as { message?: string })?.message ?? e)}); timing it is skipped`);
      ivAvailable = false;
    }
  }
  const loop = (f: (i: number) => number) => () => {
    let acc = 0;
    for (let i = 0; i < OPTION_CALLS; i++) acc += f(i);
    return acc;
  };
  const optionCases: Case[] = [
    { name: "price", run: loop((i) => { const o = sheet[i]; return price(o.S, o.K, o.T, o.r, o.sigma, o.type, o.q, o.model); }) },
    { name: "priceCore", run: loop((i) => optionValue("price", sheet[i])) },
    { name: "priceJstat", run: loop((i) => jstatPrice(terms[i], sheet[i].sigma)) },
    { name: "delta", run: loop((i) => { const o = sheet[i]; return delta(o.S, o.K, o.T, o.r, o.sigma, o.type, o.q, o.model); }) },
    { name: "deltaCore", run: loop((i) => optionValue("delta", sheet[i])) },
    { name: "deltaJstat", run: loop((i) => jstatDelta(terms[i], sheet[i].sigma)) },
    { name: "ivJstat", run: loop((i) => jstatImpliedVol(ivPrices[i], ivTerms[i])) },
  ];
  if (ivAvailable) {
    optionCases.push({ name: "iv", run: loop((i) => { const o = ivSheet[i]; return impliedvol(ivPrices[i], o.S, o.K, o.T, o.r, o.type, o.q, o.model); }) });
  }
  const tOpt = await timeCases(optionCases, WARMUP, ROUNDS);

  // --- memory -------------------------------------------------------------------------------------------------
  console.error("measuring memory…");
  const memoryCases: [string, () => unknown, boolean][] = [
    ["HEDGE.MINVAR", () => minvar(full.spot, full.hedge), true],
    ["HEDGE.STATS", () => stats(full.spot, full.hedge), true],
    ["HEDGE.EFFECTIVENESS (variance)", () => effectiveness(full.spot, full.hedge, 0.9), true],
    ["HEDGE.ROLLING (window 250)", () => rolling(full.spot, full.hedge, WINDOW), true],
    ["HEDGE.EWMA", () => ewma(full.spot, full.hedge, LAMBDA), true],
    ["HEDGE.PNL", () => pnl(full.spot, full.hedge, 0.9), true],
    ["core: readPair + rollingRatio", () => core.rolling(full.spot, full.hedge, WINDOW), true],
    ["core: readPair + ewmaRatio", () => core.ewma(full.spot, full.hedge), true],
    ["jStat MINVAR", () => jstatMinvar(full.spot, full.hedge), false],
    ["simple-statistics MINVAR", () => ssMinvar(full.spot, full.hedge), false],
    ["simple-statistics STATS", () => ssStats(full.spot, full.hedge), false],
  ];
  const memory: [string, MemoryDelta, boolean][] = [];
  for (const [name, run, ours] of memoryCases) memory.push([name, await memoryOf(run), ours]);

  console.error("measuring per-row heap garbage…");
  const GARBAGE_ROWS = 20_000;
  const g20 = { spot: head(full.spot, GARBAGE_ROWS), hedge: head(full.hedge, GARBAGE_ROWS) };
  const perRowCases: [string, () => unknown][] = [
    ["readPair (prices)", () => readPair(g20.spot, g20.hedge, "spot", "hedge", "prices", 3)],
    ["readPair + minVarianceRatio (MINVAR)", () => core.minvar(g20.spot, g20.hedge)],
    ["readPair + hedgeStatistics (STATS)", () => core.stats(g20.spot, g20.hedge)],
    ["readPair + rollingRatio, window 250 (ROLLING)", () => core.rolling(g20.spot, g20.hedge, WINDOW)],
    ["readPair + ewmaRatio (EWMA)", () => core.ewma(g20.spot, g20.hedge)],
  ];
  const garbage: [string, number][] = perRowCases.map(([name, run]) => [name, heapPerCall(run) / GARBAGE_ROWS]);
  const CALLS = 2_000;
  const perCall = (run: (i: number) => number) => heapPerCall(() => {
    let acc = 0;
    for (let i = 0; i < CALLS; i++) acc += run(i);
    return acc;
  }) / CALLS;
  const callGarbage: [string, number][] = [
    ["HEDGE.PRICE", perCall((i) => { const o = sheet[i]; return price(o.S, o.K, o.T, o.r, o.sigma, o.type, o.q, o.model); })],
    ["HEDGE.DELTA", perCall((i) => { const o = sheet[i]; return delta(o.S, o.K, o.T, o.r, o.sigma, o.type, o.q, o.model); })],
    ["core optionValue(\"delta\")", perCall((i) => optionValue("delta", sheet[i]))],
  ];

  // --- accuracy ------------------------------------------------------------------------------------------------
  console.error("accuracy…");
  await settle();
  const nist = nistRows();
  const offsets = offsetRows();
  const cdf = cdfRows();
  const opts = optionRows(impliedVol);

  // --- report --------------------------------------------------------------------------------------------------
  const g = (m: Map<string, Timing>, k: string): Timing => {
    const t = m.get(k);
    if (!t) throw new Error(`no timing for ${k}`);
    return t;
  };
  emit("# Benchmarks");
  emit();
  emit(["Written by `npm run bench` (bench/run.ts); rerun it to refresh this file.",
    quick ? "**Quick run (fewer rounds): not for publication.**" : "",
    srcOverride ? `**Timed with the sources in ${srcOverride}, not src/.**` : "",
    "What the profile showed, what was changed, and why a target may stay missed: bench/FINDINGS.md."].filter(Boolean).join(" "));
  emit();
  emit(machine().join("\n"));
  emit();
  emit("Method: one Node process started with `--expose-gc`. Inputs are built once, as Excel passes them: one array per row, serialised to JSON and parsed back the way values reach the add-in, "
    + `${rows} rows of daily prices (cents, mean-reverting log random walk, spot/futures correlation about 0.9). `
    + `Each comparison runs ${WARMUP} warm-up round(s), then ${ROUNDS} timed rounds in which the contenders take turns in a rotating order; the tables give the median (and minimum) milliseconds per call, with a full GC and a pause before each comparison. `
    + "HEDGE numbers are the Excel adapters in src/functions (the code Excel calls), including range reading, validation and, for the row-wise functions, building the spilled result; \"core\" rows call src/core directly. "
    + "jStat and simple-statistics need flat arrays of price changes, so converting the Excel ranges to those (one preallocated loop per series) is part of their time. "
    + "The bare loop is the floor: both ranges read twice, changes formed on the fly, plain sums, nothing else.");
  emit();

  const targetLines: string[] = [];
  const mark = (what: string, ok: boolean, detail: string) => {
    targets.push({ what, ok, detail });
  };

  // Full column
  const fullRow = (label: string, t: Map<string, Timing>) => {
    const H = g(t, "hedge");
    const C = g(t, "core");
    const B = g(t, "bare");
    const J = g(t, "jstat");
    const S = g(t, "ss");
    return {
      cells: [label, `${ms(H.median)} (${ms(H.min)})`, `${ms(C.median)} (${ms(C.min)})`, `${ms(B.median)} (${ms(B.min)})`,
        `${ms(J.median)} (${ms(J.min)})`, `${ms(S.median)} (${ms(S.min)})`, ratio(J.median / H.median), ratio(S.median / H.median),
        ratio(H.median / B.median)],
      vsJstat: J.median / H.median,
      vsBare: H.median / B.median,
    };
  };
  const rMin = fullRow("MINVAR", tMinvar);
  const rStats = fullRow("STATS", tStats);
  emit(`## Full column: MINVAR and STATS on ${rows} rows`);
  emit();
  emit(table(["Function", "HEDGE ms", "core only ms", "bare two-pass loop ms", "jStat ms", "simple-statistics ms", "jStat ÷ HEDGE", "simple-stat. ÷ HEDGE", "HEDGE ÷ bare"],
    [rMin.cells, rStats.cells]));
  emit();
  emit("Targets: jStat ÷ HEDGE at least 3×; HEDGE ÷ bare at most 1.5×.");
  emit();
  for (const [name, r] of [["MINVAR", rMin], ["STATS", rStats]] as const) {
    mark(`${name}: at least 3× faster than jStat`, r.vsJstat >= 3, ratio(r.vsJstat));
    mark(`${name}: within 1.5× of the bare two-pass loop`, r.vsBare <= 1.5, ratio(r.vsBare));
  }

  // Row-wise
  const M = g(tRow, "minvar");
  const MC = g(tRow, "minvarCore");
  const perRow = (t: Timing, n: number) => (t.median * 1e6) / n;
  const jr = g(tJstatRow, "rolling");
  const je = g(tJstatRow, "ewma");
  const scale = FULL_COLUMN / JSTAT_ROWS;
  const rowWise = (label: string, adapter: Timing, coreT: Timing, jstat: Timing) => [
    label, `${ms(adapter.median)} (${ms(adapter.min)})`, `${ms(coreT.median)} (${ms(coreT.min)})`, `${ms(M.median)}`,
    `${ms(jstat.median * scale)} (${ms(jstat.median)} on ${JSTAT_ROWS.toLocaleString("en-US")})`,
    ratio((jstat.median * scale) / adapter.median), ratio(adapter.median / M.median), ratio(coreT.median / MC.median),
  ];
  emit(`## Row-wise: ROLLING (window ${WINDOW}) and EWMA (λ ${LAMBDA}) on ${rows} rows`);
  emit();
  emit(table(["Function", "HEDGE ms", "core only ms", "HEDGE.MINVAR ms", `jStat, every window recomputed ms (extrapolated)`, "jStat ÷ HEDGE", "HEDGE ÷ MINVAR", "core ÷ MINVAR core"], [
    rowWise("ROLLING", g(tRow, "rolling"), g(tRow, "rollingCore"), jr),
    rowWise("EWMA", g(tRow, "ewma"), g(tRow, "ewmaCore"), je),
  ]));
  emit();
  emit(`jStat recomputing every window is O(rows × window), so it was run on the first ${JSTAT_ROWS.toLocaleString("en-US")} rows and its time per row multiplied up to ${rows} rows (an extrapolation, stated as such; at the full column it would take that long). `
    + `jStat has no weighted moments, so its EWMA recomputes each row's weighted sums with jStat.dot over the last ${WINDOW} rows. `
    + `On the same ${JSTAT_ROWS.toLocaleString("en-US")} rows HEDGE.ROLLING took ${ms(g(tJstatRow, "hedgeRolling").median)} ms and HEDGE.EWMA ${ms(g(tJstatRow, "hedgeEwma").median)} ms. `
    + "HEDGE times include building the spilled one-cell-per-row result Excel needs (a million small arrays); the core columns do not.");
  emit();
  const linear = [
    ["ROLLING, window 250", perRow(g(tRow, "rollingQuarter"), quarter), perRow(g(tRow, "rollingCore"), FULL_COLUMN)],
    ["ROLLING, window 2,500", NaN, perRow(g(tRow, "rollingWide"), FULL_COLUMN)],
    ["EWMA", perRow(g(tRow, "ewmaQuarter"), quarter), perRow(g(tRow, "ewmaCore"), FULL_COLUMN)],
    ["EWMA, bare recursion loop (floor)", NaN, perRow(g(tRow, "ewmaBare"), FULL_COLUMN)],
    ["MINVAR", NaN, perRow(MC, FULL_COLUMN)],
  ] as [string, number, number][];
  emit("Linear time (core, ns per row, median of the rounds; the linearity targets use each case's fastest round): the cost per row does not grow with the rows or the window.");
  emit();
  emit(table(["Core path", `${quarter.toLocaleString("en-US")} rows`, `${rows} rows`], linear.map(([l, a, b]) => [l, Number.isFinite(a) ? a.toFixed(1) : "–", b.toFixed(1)])));
  emit();
  // Linearity from the fastest run of each (GC pauses only ever add time, and they are not what the
  // question is about).
  const fastest = (t: Timing, n: number) => (t.min * 1e6) / n;
  const rollingLinear = fastest(g(tRow, "rollingCore"), FULL_COLUMN) / fastest(g(tRow, "rollingQuarter"), quarter);
  const windowFree = fastest(g(tRow, "rollingWide"), FULL_COLUMN) / fastest(g(tRow, "rollingCore"), FULL_COLUMN);
  const ewmaLinear = fastest(g(tRow, "ewmaCore"), FULL_COLUMN) / fastest(g(tRow, "ewmaQuarter"), quarter);
  const rVsM = g(tRow, "rolling").median / M.median;
  const eVsM = g(tRow, "ewma").median / M.median;
  const rVsMCore = g(tRow, "rollingCore").median / MC.median;
  const eVsMCore = g(tRow, "ewmaCore").median / MC.median;
  mark("ROLLING: linear time (fastest per-row cost at 4× the rows, and at 10× the window, within 1.5×)", rollingLinear <= 1.5 && windowFree <= 1.5,
    `${ratio(rollingLinear)} rows, ${ratio(windowFree)} window`);
  mark("ROLLING: within 5× of MINVAR on the same data (core: readPair + rollingRatio vs readPair + minVarianceRatio)", rVsMCore <= 5, ratio(rVsMCore));
  mark("ROLLING: within 5× of MINVAR as Excel calls them (adapters; ROLLING also builds the 1,048,576-row spill)", rVsM <= 5, ratio(rVsM));
  mark("EWMA: linear time (fastest per-row cost at 4× the rows within 1.5×)", ewmaLinear <= 1.5, ratio(ewmaLinear));
  mark("EWMA: within 5× of MINVAR on the same data (core)", eVsMCore <= 5, ratio(eVsMCore));
  mark("EWMA: within 5× of MINVAR as Excel calls them (adapters, with the spill)", eVsM <= 5, ratio(eVsM));

  // Options
  emit(`## Options: ${OPTION_CALLS.toLocaleString("en-US")} calls each`);
  emit();
  const optRow = (label: string, adapter: Timing | undefined, coreT: Timing | undefined, jstat: Timing) => [
    label, adapter ? ns(adapter.median, OPTION_CALLS) : "not available", coreT ? ns(coreT.median, OPTION_CALLS) : "–",
    ns(jstat.median, OPTION_CALLS), adapter ? ratio(jstat.median / adapter.median) : "–",
  ];
  emit(table(["Function", "HEDGE ns/call", "core optionValue ns/call", "jStat closed form ns/call", "jStat ÷ HEDGE"], [
    optRow("PRICE", g(tOpt, "price"), g(tOpt, "priceCore"), g(tOpt, "priceJstat")),
    optRow("DELTA", g(tOpt, "delta"), g(tOpt, "deltaCore"), g(tOpt, "deltaJstat")),
    optRow("IMPLIEDVOL", ivAvailable ? g(tOpt, "iv") : undefined, undefined, g(tOpt, "ivJstat")),
  ]));
  emit();
  emit("Rows: moneyness 0.6-1.7, a day to 3 years, vols 5%-90%, calls and puts, BSM (with yield) and Black-76 alternating. HEDGE is the Excel adapter (argument reading and validation included); jStat is the closed form on jStat.normal.cdf/pdf, and its implied vol is Newton from 0.3 with a bisection fallback, to 1e-12 in price.");
  emit();
  for (const [name, key, jkey] of [["PRICE", "price", "priceJstat"], ["DELTA", "delta", "deltaJstat"], ["IMPLIEDVOL", "iv", "ivJstat"]]) {
    if (key === "iv" && !ivAvailable) {
      mark(`${name}: at least as fast per call as a jStat closed form`, false, "IMPLIEDVOL not available in the core when this ran");
      continue;
    }
    const r = g(tOpt, jkey).median / g(tOpt, key).median;
    mark(`${name}: at least as fast per call as a jStat closed form`, r >= 1, ratio(r));
  }

  // Memory
  const column = (8 * FULL_COLUMN) / 2 ** 20;
  emit(`## Memory: one call on a full column (${rows} rows)`);
  emit();
  emit(table(["Case", "heapUsed MB", "arrayBuffers MB", "rss MB", "Float64Array budget"], memory.map(([name, d, ours]) => [
    name, mb(d.heapUsed), mb(d.arrayBuffers), mb(d.rss), ours ? (d.arrayBuffers <= 2 * column + 0.5 ? `met (≤ 2 × ${mb(column)})` : "**MISSED**") : "–",
  ])));
  emit();
  emit(`Each figure is the growth over a settled heap (full GC, pause) read straight after one call, before any forced collection: the result plus whatever the call allocated and no GC has reclaimed yet, which is close to the call's peak. A column of doubles is ${mb(column)} MB; two of them (the paired series readPair makes, reused for row-wise results) are the budget. `
    + "heapUsed for the row-wise functions is the spilled result Excel needs (one small array per row). The input ranges themselves (two columns) hold about "
    + `${mb(inputMB)} MB of heap. The exact count of column-length allocations per function is asserted by test/core/allocation.test.ts (part of npm test).`);
  emit();
  const ourMemory = memory.filter(([, , ours]) => ours);
  mark("No full-column function allocates more than two Float64Arrays of the column's length (arrayBuffers growth; counted exactly in test/core/allocation.test.ts)",
    ourMemory.every(([, d]) => d.arrayBuffers <= 2 * column + 0.5), `max ${mb(Math.max(...ourMemory.map(([, d]) => d.arrayBuffers)))} MB of ${mb(2 * column)}`);

  emit("## JS heap garbage (steady state, after warm-up)");
  emit();
  emit(table(["Core path", "bytes per row"], garbage.map(([name, b]) => [name, Number.isFinite(b) ? b.toFixed(1) : "–"])));
  emit();
  emit(table(["Option function", "bytes per call"], callGarbage.map(([name, b]) => [name, Number.isFinite(b) ? b.toFixed(0) : "–"])));
  emit();
  emit(`Young-generation growth across one call on ${GARBAGE_ROWS.toLocaleString("en-US")} rows (median over calls with no collection in between). A double is 8 bytes inside a Float64Array but 16 as a boxed heap number, so 16·k bytes a row means k doubles boxed per row. `
    + "Per-row garbage matters beyond its own cost: it triggers scavenges while the call's two column-length Float64Arrays are live, which promotes them, and then only a full mark-compact over the whole heap (including the caller's million-row ranges) can free their 16 MB.");
  emit();

  // Accuracy
  emit("## Accuracy: correct digits");
  emit();
  emit(`Correct significant digits are −log10(|x − ref| / |ref|), ${DIGIT_CAP} meaning the double nearest the reference (and 0 for a wrong sign, NaN or no digit at all). `
    + "\"HEDGE core\" is src/core (statistics.stdev, hedgeRatio.hedgeStatistics); \"two-pass\" is the textbook centred two-pass float64 algorithm the issue sets as the bar; \"naive Σx²\" is the sum-of-squares shortcut. "
    + "Certified values are NIST's (15 significant digits). Exact values are computed in BigInt rational arithmetic on the very doubles each method receives (bench/exact.ts), so they measure the algorithm alone: "
    + "NumAcc2-4 and Mavro/Michelso cannot reach 15 certified digits in any float64 method because a value like 10000000.2 is itself stored with an error of up to 9e-10.");
  emit();
  const digitTable = (rowsIn: DigitRow[], exactToo: boolean) => {
    const header = ["Data set", "Statistic", ...METHODS.map((m) => (exactToo ? `${m} (exact)` : m))];
    return table(header, rowsIn.map((r) => [r.dataset, r.statistic, ...METHODS.map((m) =>
      exactToo ? `${dig(r.digits[m])} (${dig(r.exactDigits[m])})` : dig(r.digits[m]))]), ["l", "l", ...METHODS.map(() => "r" as const)]);
  };
  emit("### NIST StRD (against certified values; in brackets: against exact arithmetic on the same doubles)");
  emit();
  emit(digitTable(nist, true));
  emit();
  emit("Norris SE(intercept) and residual SD for HEDGE are derived from STATS' outputs (std_error, hedge_stdev, and the mean); jStat and simple-statistics get the standard errors from slope, R² and the SDs the same way.");
  emit();
  emit("### Huge offsets, tiny variation (against exact arithmetic)");
  emit();
  emit(digitTable(offsets, false));
  emit();
  const reach = (r: DigitRow) => r.exactDigits["HEDGE core"] + 0.5 >= r.exactDigits["two-pass"] || r.exactDigits["HEDGE core"] >= 14;
  const shortfalls = [...nist, ...offsets].filter((r) => !reach(r));
  mark("Regression and SDs reach the accuracy of centred two-pass float64 on NIST and huge-offset data (HEDGE digits ≥ two-pass − 0.5, or ≥ 14)",
    shortfalls.length === 0, shortfalls.length === 0 ? `min HEDGE digits vs exact: ${dig(Math.min(...[...nist, ...offsets].map((r) => r.exactDigits["HEDGE core"])))}` : shortfalls.map((r) => `${r.dataset} ${r.statistic}`).join("; "));

  emit("### Normal CDF against mpmath (max relative error)");
  emit();
  emit(table(["Region of x", "Points", "HEDGE normCdf", "jStat normal.cdf", "simple-statistics cumulativeStdNormalProbability"],
    cdf.map((r) => [r.region, r.points, sci(r.hedge), sci(r.jstat), sci(r.simple)])));
  emit();
  const whole = cdf[cdf.length - 1];
  mark("Normal CDF: relative error below 1e-14 over [-37, 8] against mpmath", whole.hedge < 1e-14, sci(whole.hedge));

  emit("### Options against QuantLib");
  emit();
  emit(`Reference: test/reference/options-quantlib.json, from ${opts.generator}.`);
  emit();
  emit(table(["Greek", "Cases", "HEDGE max rel. error (values ≥ 1e-4)", "HEDGE max abs. error (values < 1e-4)", "HEDGE outside tolerance", "HEDGE vs QuantLib max rel.",
    "HEDGE vs QuantLib outside tolerance + QuantLib's own error", "jStat max rel.", "jStat max abs.", "jStat outside tolerance"], opts.greeks.map((r) => [
    r.greek, r.cases, sci(r.hedgeRel), sci(r.hedgeAbs), r.hedgeFails, sci(r.hedgeVsQlRel), r.hedgeVsQlFails, sci(r.jstatRel), sci(r.jstatAbs), r.jstatFails,
  ])));
  emit();
  emit("Errors are against the file's exact column (mpmath, 300 digits); QuantLib's own normal CDF is good to only about 1e-7 relative in the far tail, so the QuantLib comparison allows |QuantLib − exact| on top of the tolerance, as the tests do. Tolerance: 1e-9 relative, or 1e-13 absolute for values below 1e-4.");
  emit();
  emit(`Implied volatility from the exact price, on the ${opts.volCases} grid rows where vega is not negligible (vega·σ ≥ 1e-6·price and price > 1e-290, the tests' rule):`);
  emit();
  emit(table(["Solver", "Cases", "Max relative error of σ", "Cases off by more than 1e-9"], opts.vols.map((v) => [v.method, v.cases, sci(v.worst), v.fails])));
  emit();
  const w = opts.wings;
  emit(`### The wings: accuracy in the tails`);
  emit();
  emit(`The reference's ${w.cases} wing rows (σ√T from 1e-8 to 10, log-moneyness from 1e-8 to 3; ${w.tiny} of them priced below 1e-4), against 60-digit mpmath prices, in relative terms: a tiny out-of-the-money price is worth its digits only if they are right.`);
  emit();
  emit(table(["Price", "Max relative error", "Rows off by more than 1e-9 relative"], [
    ["HEDGE optionValue", sci(w.hedgeRel), w.hedgeFails],
    ["jStat closed form", sci(w.jstatRel), w.jstatFails],
  ]));
  emit();
  emit(table(["Implied vol (wings, recoverable rows)", "Cases", "Max relative error of σ", "Cases off by more than 1e-9"], opts.wingVols.map((v) => [v.method, v.cases, sci(v.worst), v.fails])));
  emit();
  const greekFails = opts.greeks.reduce((a, r) => a + r.hedgeFails, 0);
  mark("Option price and greeks within 1e-9 rel. (1e-13 abs. below 1e-4) of the exact reference on the QuantLib grid", greekFails === 0, `${greekFails} of ${opts.greeks.reduce((a, r) => a + r.cases, 0)} values outside`);
  const ours = opts.vols.find((v) => v.method.startsWith("HEDGE"));
  const oursWings = opts.wingVols.find((v) => v.method.startsWith("HEDGE"));
  mark("Option prices accurate in the tails (wing rows within 1e-9 relative of mpmath)", w.hedgeFails === 0, `${w.hedgeFails} of ${w.cases} off; worst ${sci(w.hedgeRel)}`);
  mark("Implied vol recovers sigma to 1e-9 relative wherever vega is not negligible (grid and wings)", !!ours && ours.fails === 0 && !!oursWings && oursWings.fails === 0,
    ours && oursWings ? `${ours.fails + oursWings.fails} of ${ours.cases + oursWings.cases} off; worst ${sci(Math.max(ours.worst, oursWings.worst))}` : "impliedVol not available");

  // Targets first in the file, so the verdict is the first thing a reader sees.
  targetLines.push("## Targets", "", table(["Target", "Result", "Measured"], targets.map((t) => [t.what, verdict(t.ok), t.detail]), ["l", "l", "r"]), "",
    "Speed ratios are medians of interleaved rounds on the same data. For a missed target, bench/FINDINGS.md gives the measured cause.", "");
  const headerEnd = out.findIndex((l) => l.startsWith("Method:"));
  out.splice(headerEnd + 2, 0, ...targetLines);
  console.log(targetLines.join("\n"));
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  emit(`Run time: ${seconds} s.`);

  cleanup();
  if (!quick && !srcOverride) {
    const file = path.resolve(__dirname, "../BENCHMARKS.md");
    fs.writeFileSync(file, out.join("\n") + "\n");
    console.error(`wrote ${file}`);
  }
  sink(null);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
