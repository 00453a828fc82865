import { fail } from "./errors";
import { finiteResult, parseChoice, requireNumber } from "./validate";
import { PairedSeries, positionOf } from "./series";
import { coMoments, ldexp, productOf, residualSquares, Sample, scaledSum } from "./statistics";
import { minVarianceRatio, requireObservations, rSquared, SeriesNames, SPOT_HEDGE } from "./hedgeRatio";

/**
 * How well a hedge with `ratio` units of hedge per unit of spot (held short) worked:
 * - "variance": 1 − Var(s − ratio·f)/Var(s), Ederington's variance reduction;
 * - "dollaroffset": ratio·Σf/Σs, the cumulative dollar-offset ratio (hedge accounting's 80%–125% band);
 * - "r2": R² of s on f, which equals "variance" at the minimum-variance ratio;
 * - "slope": the OLS slope of s on f (the ratio that would have been best).
 */
export type EffectivenessMeasure = "variance" | "dollaroffset" | "r2" | "slope";
export const MEASURES: readonly EffectivenessMeasure[] = ["variance", "dollaroffset", "r2", "slope"];

/**
 * Effectiveness of a hedge over s[0..n), f[0..n). `ratio` and `measure` may come straight from Excel:
 * they are validated here (messages name "ratio" and "measure"; the measure defaults to "variance").
 * `ratio` is ignored by "r2" and "slope" but must still be a number.
 *
 * Dollar offset sign convention: long the hedged item, short `ratio` units of the hedge per unit. The
 * item gains Σs and the hedge gains −ratio·Σf, so the offset −(hedge P&L)/(item P&L) = ratio·Σf/Σs is
 * positive (about 1 for a good hedge) when spot and hedge move together.
 */
export function effectiveness(
  s: Sample,
  f: Sample,
  n: number,
  ratio: unknown,
  measure: unknown,
  names: SeriesNames = SPOT_HEDGE,
): number {
  const h = requireNumber(ratio, "ratio");
  const which = parseChoice(measure, "measure", MEASURES, "variance");
  switch (which) {
    case "variance":
      return varianceReduction(s, f, n, h, names);
    case "dollaroffset":
      return dollarOffset(s, f, n, h, names);
    case "r2":
      return rSquared(s, f, n, names);
    case "slope":
      return minVarianceRatio(s, f, n, names);
  }
}

/**
 * 1 − Var(s − h·f)/Var(s), with the hedged series' variance summed from its own residuals: the expanded
 * Var(s) − 2h·Cov + h²·Var(f) loses the relative accuracy of the unhedged share exactly when the hedge is
 * good, and can even go negative, reporting an effectiveness above 1.
 */
function varianceReduction(s: Sample, f: Sample, n: number, h: number, names: SeriesNames): number {
  requireObservations(s, f, n, 2, names);
  const m = coMoments(s, f, 0, n, names);
  if (m.css === 0) fail(`${names.spot} has no variance (every observation is the same), so variance reduction is undefined.`);
  if (m.cff === 0 || h === 0) return 0;
  // In units of 2^expS the hedged series is s' − k·f' with k = h·2^(expF−expS).
  const residual = residualSquares(s, f, m, ldexp(h, m.expF - m.expS));
  const share = ldexp(residual.sum / m.css, 2 * residual.exp);
  return finiteResult(1 - share, `The variance reduction of ${names.spot} hedged with ${names.hedge}`);
}

function dollarOffset(s: Sample, f: Sample, n: number, h: number, names: SeriesNames): number {
  requireObservations(s, f, n, 1, names);
  const sumS = scaledSum(s, n, names.spot);
  const sumF = scaledSum(f, n, names.hedge);
  if (sumS.sum === 0) {
    fail(`${names.spot} changes add up to zero over the period, so the dollar offset is undefined.`);
  }
  const offset = productOf([h, sumF.sum], [sumS.sum], sumF.exp - sumS.exp);
  return finiteResult(offset, `The dollar offset of ${names.spot} hedged with ${names.hedge}`) + 0;
}

/**
 * Hedged P&L per observation, s[t] − ratio·f[t] (long spot, short `ratio` units of hedge), in the units of
 * the observations. `ratio` may come straight from Excel. Reuses p.s for the result.
 */
export function hedgedPnl(p: PairedSeries, ratio: unknown, names: SeriesNames = SPOT_HEDGE): Float64Array {
  const h = requireNumber(ratio, "ratio");
  const { s, f, n } = p;
  for (let i = 0; i < n; i++) {
    let v = s[i] - h * f[i];
    // h·f can overflow while the difference is still representable: redo it 2^600 smaller.
    if (!(v - v === 0)) v = ldexp(ldexp(s[i], -600) - h * ldexp(f[i], -600), 600);
    if (!(v - v === 0)) fail(`The hedged P&L ${names.spot} − ratio × ${names.hedge} at ${positionOf(p, i)} is too large for double precision.`);
    s[i] = v;
  }
  return s;
}
