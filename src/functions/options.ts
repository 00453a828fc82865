import { Greek, OptionInput, OPTION_MODELS, OPTION_TYPES, optionValue } from "../core/options";
import { impliedVol } from "../core/impliedVol";
import { isMissing, parseChoice, requireNumber, optionalNumber } from "../core/validate";
import { excelError, run } from "./excel";

/* European options: Black-Scholes-Merton (dividend yield q) or Black-76 (S is the futures price).
 * T in years; sigma and r as decimals (0.2 = 20%). Vega per 1.00 of sigma, rho per 1.00 of r,
 * theta per year (-dV/dT). Units and edge cases are on each function's help page. */

/** The option's terms apart from sigma, which IMPLIEDVOL solves for instead of reading. */
function readTerms(S: unknown, K: unknown, T: unknown, r: unknown, type: unknown, q: unknown, model: unknown): OptionInput {
  return {
    S: requireNumber(S, "S"),
    K: requireNumber(K, "K"),
    T: requireNumber(T, "T"),
    r: requireNumber(r, "r"),
    sigma: NaN,
    type: parseChoice(type, "type", OPTION_TYPES, "call"),
    q: optionalNumber(q, "q", 0),
    model: parseChoice(model, "model", OPTION_MODELS, "bsm"),
  };
}

function greek(g: Greek, S: unknown, K: unknown, T: unknown, r: unknown, sigma: unknown, type: unknown, q: unknown, model: unknown): number {
  // optionValue validates every argument itself, with the same messages, so the cells go straight to it;
  // the adapter adds only Excel's default type. No closure and no second validation: at 100,000 cells of
  // DELTA those were more than half the time.
  try {
    // Black-76 ignores q, but text typed into q is still a mistake worth naming.
    if (typeof q !== "number" && !isMissing(q)) requireNumber(q, "q");
    return optionValue(g, { S, K, T, r, sigma, type: isMissing(type) ? "call" : type, q, model } as OptionInput);
  } catch (err) {
    throw excelError(err);
  }
}

/**
 * Value of a European option (Black-Scholes-Merton, or Black-76 on a futures price).
 * @customfunction PRICE
 * @helpurl https://localhost:3000/help/price.html
 * @param {any} S Price of the underlying (the futures price with model "black76").
 * @param {any} K Strike price.
 * @param {any} T Time to expiry in years (0.25 = three months).
 * @param {any} r Continuously compounded risk-free rate as a decimal (0.05 = 5%).
 * @param {any} sigma Volatility as a decimal per year (0.2 = 20%).
 * @param {any} [type] "call" (default) or "put".
 * @param {any} [q] Continuous dividend yield as a decimal (default 0; ignored by "black76").
 * @param {any} [model] "bsm" (default) or "black76".
 * @returns {number} Option value, in the currency of S.
 */
export function price(S: any, K: any, T: any, r: any, sigma: any, type?: any, q?: any, model?: any): number {
  return greek("price", S, K, T, r, sigma, type, q, model);
}

/**
 * Delta of a European option: change in value per 1 unit change in S (negative for puts).
 * @customfunction DELTA
 * @helpurl https://localhost:3000/help/delta.html
 * @param {any} S Price of the underlying (the futures price with model "black76").
 * @param {any} K Strike price.
 * @param {any} T Time to expiry in years.
 * @param {any} r Risk-free rate as a decimal.
 * @param {any} sigma Volatility as a decimal per year.
 * @param {any} [type] "call" (default) or "put".
 * @param {any} [q] Dividend yield as a decimal (default 0).
 * @param {any} [model] "bsm" (default) or "black76".
 * @returns {number} dV/dS.
 */
export function delta(S: any, K: any, T: any, r: any, sigma: any, type?: any, q?: any, model?: any): number {
  return greek("delta", S, K, T, r, sigma, type, q, model);
}

/**
 * Gamma of a European option: change in delta per 1 unit change in S.
 * @customfunction GAMMA
 * @helpurl https://localhost:3000/help/gamma.html
 * @param {any} S Price of the underlying (the futures price with model "black76").
 * @param {any} K Strike price.
 * @param {any} T Time to expiry in years.
 * @param {any} r Risk-free rate as a decimal.
 * @param {any} sigma Volatility as a decimal per year.
 * @param {any} [type] "call" (default) or "put".
 * @param {any} [q] Dividend yield as a decimal (default 0).
 * @param {any} [model] "bsm" (default) or "black76".
 * @returns {number} d2V/dS2.
 */
export function gamma(S: any, K: any, T: any, r: any, sigma: any, type?: any, q?: any, model?: any): number {
  return greek("gamma", S, K, T, r, sigma, type, q, model);
}

/**
 * Vega of a European option: change in value per 1.00 (100 points) change in sigma.
 * @customfunction VEGA
 * @helpurl https://localhost:3000/help/vega.html
 * @param {any} S Price of the underlying (the futures price with model "black76").
 * @param {any} K Strike price.
 * @param {any} T Time to expiry in years.
 * @param {any} r Risk-free rate as a decimal.
 * @param {any} sigma Volatility as a decimal per year.
 * @param {any} [type] "call" (default) or "put".
 * @param {any} [q] Dividend yield as a decimal (default 0).
 * @param {any} [model] "bsm" (default) or "black76".
 * @returns {number} dV/dsigma; divide by 100 for one volatility point.
 */
export function vega(S: any, K: any, T: any, r: any, sigma: any, type?: any, q?: any, model?: any): number {
  return greek("vega", S, K, T, r, sigma, type, q, model);
}

/**
 * Theta of a European option: change in value per year of calendar time passing (-dV/dT).
 * @customfunction THETA
 * @helpurl https://localhost:3000/help/theta.html
 * @param {any} S Price of the underlying (the futures price with model "black76").
 * @param {any} K Strike price.
 * @param {any} T Time to expiry in years.
 * @param {any} r Risk-free rate as a decimal.
 * @param {any} sigma Volatility as a decimal per year.
 * @param {any} [type] "call" (default) or "put".
 * @param {any} [q] Dividend yield as a decimal (default 0).
 * @param {any} [model] "bsm" (default) or "black76".
 * @returns {number} -dV/dT per year; divide by 365 for one calendar day.
 */
export function theta(S: any, K: any, T: any, r: any, sigma: any, type?: any, q?: any, model?: any): number {
  return greek("theta", S, K, T, r, sigma, type, q, model);
}

/**
 * Rho of a European option: change in value per 1.00 (100 points) change in r.
 * @customfunction RHO
 * @helpurl https://localhost:3000/help/rho.html
 * @param {any} S Price of the underlying (the futures price with model "black76").
 * @param {any} K Strike price.
 * @param {any} T Time to expiry in years.
 * @param {any} r Risk-free rate as a decimal.
 * @param {any} sigma Volatility as a decimal per year.
 * @param {any} [type] "call" (default) or "put".
 * @param {any} [q] Dividend yield as a decimal (default 0).
 * @param {any} [model] "bsm" (default) or "black76" (futures price held fixed: rho = -T * price).
 * @returns {number} dV/dr; divide by 100 for one percentage point.
 */
export function rho(S: any, K: any, T: any, r: any, sigma: any, type?: any, q?: any, model?: any): number {
  return greek("rho", S, K, T, r, sigma, type, q, model);
}

/**
 * Implied volatility: the sigma at which the model reproduces a quoted option price.
 * @customfunction IMPLIEDVOL
 * @helpurl https://localhost:3000/help/impliedvol.html
 * @param {any} price Quoted option price; must lie strictly inside the no-arbitrage bounds.
 * @param {any} S Price of the underlying (the futures price with model "black76").
 * @param {any} K Strike price.
 * @param {any} T Time to expiry in years (greater than 0).
 * @param {any} r Risk-free rate as a decimal.
 * @param {any} [type] "call" (default) or "put".
 * @param {any} [q] Dividend yield as a decimal (default 0).
 * @param {any} [model] "bsm" (default) or "black76".
 * @returns {number} Volatility as a decimal per year.
 */
export function impliedvol(price: any, S: any, K: any, T: any, r: any, type?: any, q?: any, model?: any): number {
  return run(() => {
    const quoted = requireNumber(price, "price");
    return impliedVol(quoted, readTerms(S, K, T, r, type, q, model));
  });
}
