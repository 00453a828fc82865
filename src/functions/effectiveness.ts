import { INPUT_KINDS, readPair } from "../core/series";
import { effectiveness as measureEffectiveness, hedgedPnl } from "../core/effectiveness";
import { parseChoice } from "../core/validate";
import { run, spillRows } from "./excel";

/* How well a hedge at a given ratio worked over a history, and its period-by-period result. */

const MIN_OBSERVATIONS = 3;

/**
 * Hedge effectiveness at a given ratio: variance reduction (Ederington), dollar offset, R^2 or slope.
 * @customfunction EFFECTIVENESS
 * @helpurl https://localhost:3000/help/effectiveness.html
 * @param {any[][]} spot History of the hedged item (one column or row, oldest first).
 * @param {any[][]} hedge History of the hedging instrument, same length.
 * @param {any} ratio Hedge ratio in use (units of instrument per unit of exposure).
 * @param {any} [input] "prices" (default), "returns", "logreturns" or "changes".
 * @param {any} [measure] "variance" (default), "dollaroffset", "r2" or "slope".
 * @returns {number} Effectiveness; dollar offset inside 0.8 to 1.25 is the accounting band.
 */
export function effectiveness(spot: any[][], hedge: any[][], ratio: any, input?: any, measure?: any): number {
  return run(() => {
    const kind = parseChoice(input, "input", INPUT_KINDS, "prices");
    const p = readPair(spot, hedge, "spot", "hedge", kind, MIN_OBSERVATIONS);
    return measureEffectiveness(p.s, p.f, p.n, ratio, measure);
  });
}

/**
 * Hedged result per period, per unit of exposure: spot change minus ratio times hedge change.
 * @customfunction PNL
 * @helpurl https://localhost:3000/help/pnl.html
 * @param {any[][]} spot History of the hedged item (one column or row, oldest first).
 * @param {any[][]} hedge History of the hedging instrument, same length.
 * @param {any} ratio Hedge ratio in use.
 * @param {any} [input] "prices" (default), "returns", "logreturns" or "changes".
 * @returns {any[][]} One value per input row; #N/A where no change exists (the first price).
 */
export function pnl(spot: any[][], hedge: any[][], ratio: any, input?: any): any[][] {
  return run(() => {
    const kind = parseChoice(input, "input", INPUT_KINDS, "prices");
    const p = readPair(spot, hedge, "spot", "hedge", kind, 1);
    const v = hedgedPnl(p, ratio);
    return spillRows(v, p.n, p.rows, p.rowOf, p.horizontal, "no change: this row starts the history or is blank");
  });
}
