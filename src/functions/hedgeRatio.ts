import { INPUT_KINDS, InputKind, PairedSeries, readPair } from "../core/series";
import { ewmaRatio, hedgeStatistics, minVarianceRatio, regressionBeta, rollingRatio } from "../core/hedgeRatio";
import { isMissing, parseChoice } from "../core/validate";
import { run, spillRows } from "./excel";

/** An exact fit has a ratio and a zero standard error, but no finite t statistic. */
function tStatCell(t: number): number | CustomFunctions.Error {
  return t === t ? t : new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "t_stat is unbounded: every residual is zero (an exact fit).");
}

/* Hedge ratios from two price histories. Series are one column or one row, oldest first; blanks drop
 * the row pair (as SLOPE does). `input` says what the numbers are: "prices" (changes P[t]-P[t-1]),
 * "returns", "logreturns" or "changes". */

/** Fewest observations a regression with its standard error (n - 2 degrees of freedom) can use. */
const MIN_OBSERVATIONS = 3;

function pair(spot: unknown, hedge: unknown, input: unknown, fallback: InputKind, names: [string, string] = ["spot", "hedge"]): PairedSeries {
  const kind = parseChoice(input, "input", INPUT_KINDS, fallback);
  return readPair(spot, hedge, names[0], names[1], kind, MIN_OBSERVATIONS);
}

/**
 * Minimum-variance hedge ratio h* = Cov(spot, hedge) / Var(hedge) = correlation * sd(spot) / sd(hedge).
 * @customfunction MINVAR
 * @helpurl https://localhost:3000/help/minvar.html
 * @param {any[][]} spot History of the exposure (one column or row, oldest first).
 * @param {any[][]} hedge History of the hedging instrument, same length.
 * @param {any} [input] "prices" (default), "returns", "logreturns" or "changes".
 * @returns {number} Units of the hedging instrument per unit of exposure.
 */
export function minvar(spot: any[][], hedge: any[][], input?: any): number {
  return run(() => {
    const p = pair(spot, hedge, input, "prices");
    return minVarianceRatio(p.s, p.f, p.n);
  });
}

/**
 * Regression of the exposure's changes on the hedge's: ratio, fit and 95% interval, as an 11-row table.
 * @customfunction STATS
 * @helpurl https://localhost:3000/help/stats.html
 * @param {any[][]} spot History of the exposure (one column or row, oldest first).
 * @param {any[][]} hedge History of the hedging instrument, same length.
 * @param {any} [input] "prices" (default), "returns", "logreturns" or "changes".
 * @returns {any[][]} Labels in column 1 and values in column 2.
 */
export function stats(spot: any[][], hedge: any[][], input?: any): any[][] {
  return run(() => {
    const p = pair(spot, hedge, input, "prices");
    const h = hedgeStatistics(p.s, p.f, p.n);
    return [
      ["ratio", h.ratio],
      ["correlation", h.correlation],
      ["r_squared", h.rSquared],
      ["spot_stdev", h.spotStdev],
      ["hedge_stdev", h.hedgeStdev],
      ["intercept", h.intercept],
      ["std_error", h.stdError],
      ["t_stat", tStatCell(h.tStat)],
      ["ci95_low", h.ci95Low],
      ["ci95_high", h.ci95High],
      ["observations", h.observations],
    ];
  });
}

/**
 * Regression beta of an asset on a market (slope of asset returns on market returns).
 * @customfunction BETA
 * @helpurl https://localhost:3000/help/beta.html
 * @param {any[][]} asset History of the asset (one column or row, oldest first).
 * @param {any[][]} market History of the market index, same length.
 * @param {any} [input] "returns" (default), "prices", "logreturns" or "changes".
 * @returns {number} Beta.
 */
export function beta(asset: any[][], market: any[][], input?: any): number {
  return run(() => {
    const p = pair(asset, market, input, "returns", ["asset", "market"]);
    return regressionBeta(p.s, p.f, p.n);
  });
}

/**
 * Rolling minimum-variance hedge ratio over the last `window` observations, one result per input row.
 * @customfunction ROLLING
 * @helpurl https://localhost:3000/help/rolling.html
 * @param {any[][]} spot History of the exposure (one column or row, oldest first).
 * @param {any[][]} hedge History of the hedging instrument, same length.
 * @param {any} window Observations per window, a whole number of at least 2.
 * @param {any} [input] "prices" (default), "returns", "logreturns" or "changes".
 * @returns {any[][]} Hedge ratio per row; #N/A where fewer than `window` observations exist.
 */
export function rolling(spot: any[][], hedge: any[][], window: any, input?: any): any[][] {
  return run(() => {
    const p = pair(spot, hedge, input, "prices");
    const h = rollingRatio(p, window);
    return spillRows(h, p.n, p.rows, p.rowOf, p.horizontal, `no ratio: fewer than ${window} observations up to this row`);
  });
}

/**
 * Exponentially weighted (RiskMetrics, zero-mean) hedge ratio, one result per input row.
 * @customfunction EWMA
 * @helpurl https://localhost:3000/help/ewma.html
 * @param {any[][]} spot History of the exposure (one column or row, oldest first).
 * @param {any[][]} hedge History of the hedging instrument, same length.
 * @param {any} [lambda] Decay factor strictly between 0 and 1 (default 0.94).
 * @param {any} [input] "prices" (default), "returns", "logreturns" or "changes".
 * @returns {any[][]} Hedge ratio per row; #N/A where no observation exists yet.
 */
export function ewma(spot: any[][], hedge: any[][], lambda?: any, input?: any): any[][] {
  return run(() => {
    const p = pair(spot, hedge, input, "prices");
    const h = ewmaRatio(p, isMissing(lambda) ? 0.94 : lambda);
    return spillRows(h, p.n, p.rows, p.rowOf, p.horizontal, "no ratio: no observation with a hedge move up to this row");
  });
}
