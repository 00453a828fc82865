import type { InputKind } from "../../core";
import { absoluteAddress, parseAddress } from "../workbook/address";

/**
 * The HEDGE.* formulas the wizard writes, argument for argument in the catalog's order. Source ranges
 * are absolute and sheet-qualified (the formulas live on another sheet); text arguments are Excel
 * string literals with quotes doubled.
 */

export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The formula form of a source range the user picked: `'Prices'!$B$2:$B$61`. */
export function sourceRef(address: string): string {
  return absoluteAddress(parseAddress(address));
}

/** An absolute reference to a cell on the hedge's own sheet: `$B$7`. */
export function cellRef(address: string): string {
  return absoluteAddress({ ...parseAddress(address), sheet: undefined });
}

/** A reference from another sheet (the register) to a cell on the hedge's sheet. */
export function crossSheetRef(sheet: string, address: string): string {
  return absoluteAddress({ ...parseAddress(address), sheet });
}

function call(name: string, args: string[]): string {
  return `=HEDGE.${name}(${args.join(",")})`;
}

export interface Sources {
  spot: string;
  hedge: string;
  input: InputKind;
}

export interface OptionArgs {
  S: string;
  K: string;
  T: string;
  r: string;
  type: string;
  q: string;
  model: string;
}

const pair = (s: Sources) => [sourceRef(s.spot), sourceRef(s.hedge)];

export const hedgeFormulas = {
  minvar: (s: Sources) => call("MINVAR", [...pair(s), stringLiteral(s.input)]),
  stats: (s: Sources) => call("STATS", [...pair(s), stringLiteral(s.input)]),
  rolling: (s: Sources, windowCell: string) => call("ROLLING", [...pair(s), windowCell, stringLiteral(s.input)]),
  ewma: (s: Sources, lambdaCell: string) => call("EWMA", [...pair(s), lambdaCell, stringLiteral(s.input)]),
  /** The current ratio of a row-wise method: its last row, which is the latest observation. */
  latest: (rowWise: string, s: Sources) => `=INDEX(${rowWise.slice(1)},ROWS(${sourceRef(s.spot)}))`,
  contracts: (ratio: string, exposure: string, contractSize: string, prices?: { spot: string; futures: string }) =>
    call("CONTRACTS", prices ? [ratio, exposure, contractSize, prices.spot, prices.futures] : [ratio, exposure, contractSize]),
  effectiveness: (s: Sources, ratio: string, measure: "variance" | "dollaroffset" | "r2" | "slope") =>
    call("EFFECTIVENESS", [...pair(s), ratio, stringLiteral(s.input), stringLiteral(measure)]),
  pnl: (s: Sources, ratio: string) => call("PNL", [...pair(s), ratio, stringLiteral(s.input)]),
  /** Arguments are formula text (cell references or literals), in the catalog's order. */
  option: (greek: "PRICE" | "DELTA" | "GAMMA" | "VEGA" | "THETA" | "RHO", o: OptionArgs & { sigma: string }) =>
    call(greek, [o.S, o.K, o.T, o.r, o.sigma, o.type, o.q, o.model]),
  impliedVol: (price: string, o: OptionArgs) => call("IMPLIEDVOL", [price, o.S, o.K, o.T, o.r, o.type, o.q, o.model]),
  deltaHedge: (delta: string, quantity: string) => call("DELTAHEDGE", [delta, quantity]),
};
