import { fail } from "./errors";
import { finiteResult, parseChoice, requireNumber } from "./validate";
import { PairedSeries, positionOf } from "./series";
import { CoMoments, coMoments, ldexp, productOf, residualSquares, Sample, scaledSum } from "./statistics";
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

/** Σs and Σf as (scaled sum, exponent) pairs, and the dollar offset h·Σf/Σs they give. */
interface CumulativeOffset {
  sumS: { sum: number; exp: number };
  sumF: { sum: number; exp: number };
  offset: number;
}

function cumulativeOffset(s: Sample, f: Sample, n: number, h: number, names: SeriesNames, least: number): CumulativeOffset {
  requireObservations(s, f, n, least, names);
  const sumS = scaledSum(s, n, names.spot);
  const sumF = scaledSum(f, n, names.hedge);
  if (sumS.sum === 0) {
    fail(`${names.spot} changes add up to zero over the period, so the dollar offset is undefined.`);
  }
  const offset = productOf([h, sumF.sum], [sumS.sum], sumF.exp - sumS.exp);
  return { sumS, sumF, offset: finiteResult(offset, `The dollar offset of ${names.spot} hedged with ${names.hedge}`) + 0 };
}

function dollarOffset(s: Sample, f: Sample, n: number, h: number, names: SeriesNames): number {
  return cumulativeOffset(s, f, n, h, names, 1).offset;
}

/** The dollar-offset ratio, what it was computed from, and whether it means anything. */
export interface DollarOffsetTest {
  /** ratio·Σf/Σs, exactly effectiveness(…, "dollaroffset"). */
  offset: number;
  /** Σs: the exposure's cumulative change (gain when positive, for a long position). */
  spotChange: number;
  /** Σf: the hedge's cumulative change, before the ratio. */
  hedgeChange: number;
  /** σ_e·√n, the cumulative noise of the hedged residuals e = s − ratio·f (σ_e their sample sd). */
  residualNoise: number;
  /** 0.8 <= offset <= 1.25, hedge accounting's band. */
  inBand: boolean;
  /** |Σs| < 5·residualNoise: noise alone could move the offset out of (or into) the band. */
  smallChanges: boolean;
}

/** The band is ±20% around 1, so the offset is only informative once noise is under 20% of Σs. */
const NOISE_MULTIPLE = 5;

/**
 * The dollar-offset test of a hedge with `ratio` units of hedge per unit of spot (held short), with a
 * check that the period moved enough for the ratio to mean anything.
 *
 * Why the check: with the hedged residuals e = s − ratio·f, offset − 1 = −Σe/Σs. If the residuals are
 * noise of standard deviation σ_e, Σe is about ±σ_e·√n, so a spot that barely moved (small |Σs|) turns
 * ordinary noise into an offset anywhere, and a 20% band (0.8 to 1.25 is about ±20% around 1) is breached
 * — or met — by noise alone unless |Σs| >= 5·σ_e·√n. Below that, `smallChanges` is true and the band
 * verdict says nothing about the hedge. σ_e is centred (a constant residual is a bias the offset shows
 * deterministically, not noise), which is why the noise measure is the sample sd, not the RMS of e.
 *
 * When Σs = 0 exactly the offset does not exist: this throws the same HedgeError as
 * effectiveness(…, "dollaroffset"), so the function and the Excel measure never disagree. Needs n >= 2
 * (σ_e needs two residuals). Every field is finite, or a HedgeError says which one is out of range
 * (e.g. Σs of two 1e308 changes).
 */
export function dollarOffsetTest(
  s: Sample,
  f: Sample,
  n: number,
  ratio: unknown,
  names: SeriesNames = SPOT_HEDGE,
): DollarOffsetTest {
  const h = requireNumber(ratio, "ratio");
  const { sumS, sumF, offset } = cumulativeOffset(s, f, n, h, names, 2);
  const spotChange = finiteResult(ldexp(sumS.sum, sumS.exp), `The sum of the ${names.spot} changes`) + 0;
  const hedgeChange = finiteResult(ldexp(sumF.sum, sumF.exp), `The sum of the ${names.hedge} changes`) + 0;
  const residualNoise = hedgedNoise(s, f, n, h, names);
  return {
    offset,
    spotChange,
    hedgeChange,
    residualNoise,
    inBand: offset >= 0.8 && offset <= 1.25,
    // Written so that a 5·noise beyond double range still counts as "too small".
    smallChanges: !(Math.abs(spotChange) >= NOISE_MULTIPLE * residualNoise),
  };
}

/**
 * σ_e·√n for e = s − h·f, σ_e centred two-pass (residualSquares). The residuals are formed in the scale of
 * whichever side is larger, so neither h·f nor s overflows or underflows the other: in spot's scale the
 * slope is k = h·2^(expF−expS); when |k| > 1 the roles swap, e = −h·(f − s/h), with slope 1/k in the
 * hedge's scale. Either way every scaled term is at most about 1.
 */
function hedgedNoise(s: Sample, f: Sample, n: number, h: number, names: SeriesNames): number {
  const m = coMoments(s, f, 0, n, names);
  const k = productOf([h], [], m.expF - m.expS);
  let noise: number;
  if (Math.abs(k) <= 1) {
    const r = residualSquares(s, f, m, k);
    noise = productOf([Math.sqrt((r.sum / (n - 1)) * n)], [], r.exp + m.expS);
  } else {
    const swapped: CoMoments = { ...m, expS: m.expF, expF: m.expS, meanS: m.meanF, meanF: m.meanS, css: m.cff, cff: m.css };
    const r = residualSquares(f, s, swapped, productOf([1], [h], m.expS - m.expF));
    noise = productOf([Math.abs(h), Math.sqrt((r.sum / (n - 1)) * n)], [], r.exp + m.expF);
  }
  return finiteResult(noise, `The hedged noise of ${names.spot} − ratio × ${names.hedge}`);
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
