import { betaHedge, contracts as contractCount, deltaHedge, hedgingIndex } from "../core/sizing";
import { run } from "./excel";

/* Position sizing: how many contracts or units to trade. Sign: negative means sell. */

/**
 * Futures contracts for a hedge ratio: ratio * exposure / contract_size, or tailed with both prices.
 * @customfunction CONTRACTS
 * @helpurl https://localhost:3000/help/contracts.html
 * @param {any} ratio Hedge ratio (from HEDGE.MINVAR).
 * @param {any} exposure Size of the exposure in units of the asset (e.g. 2,000,000 gallons).
 * @param {any} contract_size Units of the asset per futures contract (e.g. 42,000 gallons).
 * @param {any} [spot_price] Spot price, for the tailed count (give both prices or neither).
 * @param {any} [futures_price] Futures price, for the tailed count.
 * @returns {number} Contracts, not rounded.
 */
export function contracts(ratio: any, exposure: any, contract_size: any, spot_price?: any, futures_price?: any): number {
  return run(() => contractCount(ratio, exposure, contract_size, spot_price, futures_price));
}

/**
 * Index futures to trade to move a portfolio's beta to a target; negative = sell.
 * @customfunction BETAHEDGE
 * @helpurl https://localhost:3000/help/betahedge.html
 * @param {any} portfolio_value Value of the portfolio in currency.
 * @param {any} beta Current beta of the portfolio.
 * @param {any} futures_price Index futures price (index points).
 * @param {any} multiplier Currency per index point per contract (e.g. 250).
 * @param {any} [target_beta] Beta wanted after the hedge (default 0).
 * @returns {number} Contracts, not rounded; negative = sell.
 */
export function betahedge(portfolio_value: any, beta: any, futures_price: any, multiplier: any, target_beta?: any): number {
  return run(() => betaHedge(portfolio_value, beta, futures_price, multiplier, target_beta));
}

/**
 * Units of the underlying to trade to make an option position delta-neutral: -delta * quantity * multiplier.
 * @customfunction DELTAHEDGE
 * @helpurl https://localhost:3000/help/deltahedge.html
 * @param {any} delta Delta of one option (from HEDGE.DELTA).
 * @param {any} quantity Options held; negative for options written (sold).
 * @param {any} [multiplier] Units of the underlying per option (default 1).
 * @returns {number} Units to trade; positive = buy.
 */
export function deltahedge(delta: any, quantity: any, multiplier?: any): number {
  return run(() => deltaHedge(delta, quantity, multiplier));
}

/**
 * Hedging index: total hedged amount over total exposure.
 * @customfunction INDEX
 * @helpurl https://localhost:3000/help/index.html
 * @param {any} hedged Hedged amounts: a cell or a range.
 * @param {any} exposure Exposure amounts: a cell or a range of the same size.
 * @returns {number} Share of the exposure that is hedged (0.5 = half).
 */
export function index(hedged: any, exposure: any): number {
  return run(() => hedgingIndex(hedged, exposure));
}
