/*
 * Synthetic price histories for the sample workbook (scripts/make-sample-workbook.ts).
 *
 * Everything here is seeded and self-contained (our own PRNG, no Math.random, no clock) so that
 * `npm run samples` rebuilds the committed workbook cell for cell on any machine; the sample test
 * regenerates it and compares. The numbers are made up but shaped like the markets they stand for.
 */

import type { OptionInput } from "../src/core/options";

/** mulberry32: a 32-bit generator small enough to carry here and good enough for sample data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box-Muller; both values of each pair are used, so the stream is fixed by the seed. */
export function normals(seed: number, count: number): number[] {
  const uniform = mulberry32(seed);
  const out: number[] = [];
  while (out.length < count) {
    // 1 - u keeps the logarithm's argument in (0, 1]: mulberry32 can return exactly 0.
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    out.push(radius * Math.cos(angle));
    if (out.length < count) out.push(radius * Math.sin(angle));
  }
  return out;
}

function mean(x: readonly number[]): number {
  return x.reduce((a, v) => a + v, 0) / x.length;
}

function covariance(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i] - mx) * (y[i] - my);
  return sum / (x.length - 1);
}

/**
 * Two draws of standard normals turned into series whose *sample* means are 0, sample standard
 * deviations 1 and sample correlation exactly 0. A 59-month sample drawn honestly can miss Hull's
 * correlation by ±0.03; fixing the sample moments lets the sheet reproduce his worked example.
 */
function orthonormalPair(a: number[], b: number[]): [number[], number[]] {
  const ma = mean(a);
  const mb = mean(b);
  const x = a.map((v) => v - ma);
  let y = b.map((v) => v - mb);
  const slope = covariance(x, y) / covariance(x, x);
  y = y.map((v, i) => v - slope * x[i]);
  const sx = Math.sqrt(covariance(x, x));
  const sy = Math.sqrt(covariance(y, y));
  return [x.map((v) => v / sx), y.map((v) => v / sy)];
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** Month ends as UTC midnights, so the Excel serial dates do not depend on the machine's time zone. */
function monthEnds(firstYear: number, firstMonth: number, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(firstYear, firstMonth + i + 1, 0)));
}

/** Weekdays from `start` on (holidays are not modelled: a sample, not a calendar). */
function businessDays(start: Date, count: number): Date[] {
  const out: Date[] = [];
  for (let t = start.getTime(); out.length < count; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) out.push(new Date(t));
  }
  return out;
}

export interface JetFuelSample {
  dates: Date[];
  spot: number[]; // jet fuel, $/gallon
  futures: number[]; // heating-oil futures, $/gallon
}

/**
 * Hull, Options, Futures and Other Derivatives, Table 3.3: monthly changes in jet fuel spot and heating-oil
 * futures with sd 0.0263 and 0.0313 and correlation 0.928 (so h* = 0.78 and 37 contracts for 2 million
 * gallons). The sample's changes have exactly those moments before prices are rounded to quotes.
 */
export const JET_FUEL = {
  months: 60,
  spotStdev: 0.0263,
  futuresStdev: 0.0313,
  correlation: 0.928,
  exposureGallons: 2_000_000,
  contractGallons: 42_000,
} as const;

export function jetFuel(): JetFuelSample {
  const n = JET_FUEL.months - 1;
  const [zf, zs] = orthonormalPair(normals(20240331, n), normals(20240701, n));
  const rho = JET_FUEL.correlation;
  // A slow upward drift: real fuel prices trend, and a flat start-to-end line would look staged.
  const spotDrift = 0.004;
  const futuresDrift = 0.0045;
  const spot = [2.48];
  const futures = [2.57];
  for (let i = 0; i < n; i++) {
    futures.push(futures[i] + futuresDrift + JET_FUEL.futuresStdev * zf[i]);
    spot.push(spot[i] + spotDrift + JET_FUEL.spotStdev * (rho * zf[i] + Math.sqrt(1 - rho * rho) * zs[i]));
  }
  return { dates: monthEnds(2020, 0, JET_FUEL.months), spot: spot.map((v) => round(v, 4)), futures: futures.map((v) => round(v, 4)) };
}

export interface EurSample {
  dates: Date[];
  spot: number[]; // USD per EUR
  forward: number[]; // 3-month outright, USD per EUR
}

/** Interest rates behind the 3-month forward: covered interest parity, F = S·exp((r_USD − r_EUR)·0.25). */
export const EUR_RECEIVABLE = {
  days: 250,
  usdRate: 0.045,
  eurRate: 0.03,
  tenorYears: 0.25,
  exposureEur: 10_000_000,
  contractEur: 125_000,
} as const;

export function eurReceivable(): EurSample {
  const { days, usdRate, eurRate, tenorYears } = EUR_RECEIVABLE;
  const shocks = normals(20240102, days);
  const basis = normals(20240103, days);
  const carry = Math.exp((usdRate - eurRate) * tenorYears);
  const spot: number[] = [];
  const forward: number[] = [];
  let s = 1.095;
  for (let i = 0; i < days; i++) {
    if (i > 0) s *= Math.exp(0.0042 * shocks[i]); // about 6.7% a year, EUR/USD's usual range
    spot.push(round(s, 5));
    // Basis noise of about a pip: quotes for the two legs are not taken at the same instant.
    forward.push(round(s * carry * (1 + 0.00008 * basis[i]), 5));
  }
  return { dates: businessDays(new Date(Date.UTC(2024, 0, 2)), days), spot, forward };
}

export interface EquitySample {
  dates: Date[];
  stock: number[]; // $ per share
  index: number[]; // index points
}

/** Beta of the stock on the index: the idiosyncratic part is made uncorrelated with the index in-sample. */
export const EQUITY = {
  days: 250,
  beta: 1.3,
  holdingValue: 5_000_000,
  futuresMultiplier: 50,
  // Index futures priced at cost of carry over three months: F = I·exp((r − q)·0.25).
  rate: 0.045,
  dividendYield: 0.015,
} as const;

export function equity(): EquitySample {
  const n = EQUITY.days - 1;
  const [market, idio] = orthonormalPair(normals(20240104, n), normals(20240105, n));
  const stock = [180];
  const index = [5000];
  for (let i = 0; i < n; i++) {
    const indexReturn = 0.0004 + 0.009 * market[i];
    const stockReturn = 0.0001 + EQUITY.beta * indexReturn + 0.011 * idio[i];
    index.push(index[i] * (1 + indexReturn));
    stock.push(stock[i] * (1 + stockReturn));
  }
  return {
    dates: businessDays(new Date(Date.UTC(2024, 0, 2)), EQUITY.days),
    stock: stock.map((v) => round(v, 2)),
    index: index.map((v) => round(v, 2)),
  };
}

/** The index futures price the Equity sheet hedges with, from the last index close. */
export function indexFuturesPrice(lastIndex: number): number {
  return round(lastIndex * Math.exp((EQUITY.rate - EQUITY.dividendYield) * 0.25), 2);
}

export interface OptionCase extends OptionInput {
  label: string;
}

export const OPTION_CASES: readonly OptionCase[] = [
  { label: "Hull's example: call on a non-dividend stock", S: 49, K: 50, T: 0.3846, r: 0.05, sigma: 0.2, type: "call", q: 0, model: "bsm" },
  { label: "The same stock, put", S: 49, K: 50, T: 0.3846, r: 0.05, sigma: 0.2, type: "put", q: 0, model: "bsm" },
  { label: "Index call with a 1.5% dividend yield", S: 5000, K: 5100, T: 0.5, r: 0.045, sigma: 0.18, type: "call", q: 0.015, model: "bsm" },
  { label: "EUR call (Garman-Kohlhagen: q = EUR rate)", S: 1.095, K: 1.1, T: 0.25, r: 0.045, sigma: 0.075, type: "call", q: 0.03, model: "bsm" },
  { label: "Heating-oil futures put (Black-76: S is the futures price)", S: 2.6, K: 2.5, T: 0.25, r: 0.05, sigma: 0.35, type: "put", q: 0, model: "black76" },
];
