import type { OptionInput } from "../src/core/options";
import { normal, uniform } from "./rng";

/** Rows in a whole-column reference (A:A) in Excel. */
export const FULL_COLUMN = 1_048_576;

/** A range as Excel hands it to a custom function: one array per row. */
export type Range = unknown[][];

export interface PricePair {
  spot: Range;
  hedge: Range;
}

/**
 * Daily closes of a spot commodity and its futures, rounded to cents: log prices mean-revert around 100
 * (so a million steps stay in a plausible 40-250 band instead of drifting to zero), with 1.5% daily moves
 * that are about 0.9 correlated between spot and futures.
 *
 * The rows are serialised to JSON and parsed back, because that is how values reach the add-in's runtime;
 * the parsed arrays have the element kinds and heap layout the adapters really see.
 */
export function pricePair(rows: number, seed = 20240611): PricePair {
  const z = normal(seed);
  let ls = Math.log(100);
  let lf = Math.log(101);
  const spot: number[][] = new Array(rows);
  const hedge: number[][] = new Array(rows);
  const mean = Math.log(100);
  for (let i = 0; i < rows; i++) {
    const common = z();
    const own = z();
    ls += 0.002 * (mean - ls) + 0.015 * (0.9 * common + 0.4359 * own);
    lf += 0.002 * (mean + 0.01 - lf) + 0.014 * common;
    spot[i] = [Math.round(Math.exp(ls) * 100) / 100];
    hedge[i] = [Math.round(Math.exp(lf) * 100) / 100];
  }
  return { spot: JSON.parse(JSON.stringify(spot)) as Range, hedge: JSON.parse(JSON.stringify(hedge)) as Range };
}

/** The first `rows` rows of a range (a shorter column of the same data). */
export function head(r: Range, rows: number): Range {
  return r.slice(0, rows);
}

export type OptionCase = OptionInput;

/**
 * A sheet of option rows: moneyness 0.6-1.7, a day to three years, vols 5%-90%, rates -1% to 5%, yields
 * 0-3%, calls and puts, Black-Scholes-Merton and Black-76 alternating.
 */
export function optionSheet(count: number, seed = 7): OptionCase[] {
  const u = uniform(seed);
  const out: OptionCase[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const K = 100;
    const S = K * (0.6 + 1.1 * u());
    const T = Math.exp(Math.log(1 / 365) + (Math.log(3) - Math.log(1 / 365)) * u());
    const sigma = 0.05 + 0.85 * u();
    const r = -0.01 + 0.06 * u();
    const black76 = i % 4 >= 2;
    out[i] = { S, K, T, r, sigma, type: i % 2 === 0 ? "call" : "put", q: black76 ? 0 : 0.03 * u(), model: black76 ? "black76" : "bsm" };
  }
  return out;
}
