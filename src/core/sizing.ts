import { fail } from "./errors";
import { finiteResult, maybeNumber, optionalNumber, requireNumber } from "./validate";
import { cellValue } from "./series";
import { CompensatedSum, ldexp, productOf, scaleExponent } from "./statistics";

/**
 * Position sizing. Every argument may come straight from an Excel cell (a number, a 1x1 range, text,
 * blank): it is validated here and messages use the Excel parameter names. Results are not rounded.
 * Products are formed with productOf, so 1e200-sized inputs give a result whenever it is representable.
 */

const POSITIVE = { min: 0, exclusiveMin: true };

/** −0 shows as "-0" in some hosts; a hedge of zero contracts is just 0. */
function noNegativeZero(x: number): number {
  return x + 0;
}

/**
 * Futures contracts for a hedge: ratio·exposure/contract_size, e.g. 0.78·2,000,000/42,000 ≈ 37.1.
 * With spot_price and futures_price (both, or neither) the tailed count ratio·exposure·spot_price /
 * (contract_size·futures_price), i.e. h*·V_A/V_F with exposure in units and contract_size in units per
 * contract. Positive = the number of contracts to sell against a long exposure.
 */
export function contracts(
  ratio: unknown,
  exposure: unknown,
  contractSize: unknown,
  spotPrice?: unknown,
  futuresPrice?: unknown,
): number {
  const h = requireNumber(ratio, "ratio");
  const q = requireNumber(exposure, "exposure");
  const size = requireNumber(contractSize, "contract_size", POSITIVE);
  const spot = maybeNumber(spotPrice, "spot_price", POSITIVE);
  const futures = maybeNumber(futuresPrice, "futures_price", POSITIVE);
  if ((spot === undefined) !== (futures === undefined)) {
    const missing = spot === undefined ? "spot_price" : "futures_price";
    fail(`give both spot_price and futures_price to tail the hedge, or neither; ${missing} is missing.`);
  }
  const count = spot === undefined || futures === undefined
    ? productOf([h, q], [size])
    : productOf([h, q, spot], [size, futures]);
  return noNegativeZero(finiteResult(count, "The number of contracts from ratio, exposure and contract_size"));
}

/**
 * Index futures that move a portfolio's beta to target_beta: (target_beta − beta)·portfolio_value /
 * (futures_price·multiplier). Negative = contracts to sell, positive = to buy. Hull's example:
 * 5,050,000 at beta 1.5, futures 1,010 × 250 → −30; to beta 0.75 → −15.
 */
export function betaHedge(
  portfolioValue: unknown,
  beta: unknown,
  futuresPrice: unknown,
  multiplier: unknown,
  targetBeta?: unknown,
): number {
  const value = requireNumber(portfolioValue, "portfolio_value");
  const b = requireNumber(beta, "beta");
  const price = requireNumber(futuresPrice, "futures_price", POSITIVE);
  const mult = requireNumber(multiplier, "multiplier", POSITIVE);
  const target = optionalNumber(targetBeta, "target_beta", 0);
  let change = target - b;
  let exp = 0;
  if (!Number.isFinite(change)) {
    change = target / 2 - b / 2;
    exp = 1;
  }
  return noNegativeZero(finiteResult(productOf([change, value], [price, mult], exp), "The number of contracts from portfolio_value, beta and futures_price"));
}

/**
 * Units of the underlying to trade so a position becomes delta-neutral: −delta·quantity·multiplier.
 * `quantity` is signed (short options negative), so a bank short 100,000 calls of delta 0.522 buys 52,200.
 */
export function deltaHedge(delta: unknown, quantity: unknown, multiplier?: unknown): number {
  const d = requireNumber(delta, "delta");
  const q = requireNumber(quantity, "quantity");
  const mult = optionalNumber(multiplier, "multiplier", 1, POSITIVE);
  return noNegativeZero(finiteResult(-productOf([d, q, mult]), "The delta hedge −delta × quantity × multiplier"));
}

/** A rectangular block of cells: a single value is 1x1, a flat list is one column. */
interface Block {
  rows: number;
  cols: number;
  at(r: number, c: number): unknown;
}

function block(value: unknown, name: string): Block {
  if (!Array.isArray(value)) return { rows: 1, cols: 1, at: () => value };
  if (value.length === 0 || !Array.isArray(value[0])) {
    const list = value as unknown[];
    return { rows: list.length, cols: 1, at: (r) => list[r] };
  }
  const grid = value as unknown[][];
  const cols = grid[0].length;
  for (let r = 1; r < grid.length; r++) {
    if (!Array.isArray(grid[r]) || grid[r].length !== cols) fail(`${name} must be a rectangular range.`);
  }
  return { rows: grid.length, cols, at: (r, c) => grid[r][c] };
}

function dims(b: Block): string {
  return `${b.rows} row${b.rows === 1 ? "" : "s"} by ${b.cols} column${b.cols === 1 ? "" : "s"}`;
}

/** Σ of a block as (scaled sum, exponent): blanks count as 0, like SUM; anything else non-numeric throws. */
function blockSum(b: Block, name: string): { sum: number; exp: number } {
  const wide = b.cols > 1;
  let max = 0;
  for (let r = 0; r < b.rows; r++) {
    for (let c = 0; c < b.cols; c++) {
      const v = cellValue(b.at(r, c), name, "row", r, wide ? c : -1);
      if (Math.abs(v) > max) max = Math.abs(v);
    }
  }
  const exp = scaleExponent(max);
  const k = ldexp(1, -exp);
  const sum = new CompensatedSum();
  for (let r = 0; r < b.rows; r++) {
    for (let c = 0; c < b.cols; c++) {
      const v = b.at(r, c);
      if (typeof v === "number") sum.add(v * k);
    }
  }
  return { sum: sum.value, exp };
}

/**
 * The hedging index: total hedged / total exposure, e.g. 500,000 of 1,000,000 → 0.5. Single cells or two
 * ranges of the same size; blanks count as 0 (like SUM). Errors: text or error values, different sizes,
 * a total exposure of zero.
 */
export function hedgingIndex(hedged: unknown, exposure: unknown): number {
  const h = block(hedged, "hedged");
  const e = block(exposure, "exposure");
  if (h.rows !== e.rows || h.cols !== e.cols) fail(`hedged is ${dims(h)} but exposure is ${dims(e)}; they must be the same size.`);
  const top = blockSum(h, "hedged");
  const bottom = blockSum(e, "exposure");
  if (bottom.sum === 0) fail("exposure adds up to zero, so the hedging index is undefined.");
  return noNegativeZero(finiteResult(productOf([top.sum], [bottom.sum], top.exp - bottom.exp), "The hedging index hedged / exposure"));
}
