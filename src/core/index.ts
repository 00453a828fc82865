/**
 * The public calc core: everything the Excel adapters and the taskpane may call. Numerical building
 * blocks (scaling, compensated sums, co-moments, the t quantile) stay internal to the core modules.
 */
export * from "./errors";
export * from "./validate";
export * from "./series";
export { mean, variance, stdev, covariance } from "./statistics";
export type { Sample } from "./statistics";
export {
  minVarianceRatio,
  regressionBeta,
  hedgeStatistics,
  rSquared,
  rollingRatio,
  ewmaRatio,
  SPOT_HEDGE,
  ASSET_MARKET,
} from "./hedgeRatio";
export type { HedgeStatistics, SeriesNames } from "./hedgeRatio";
export * from "./effectiveness";
export * from "./sizing";
export * from "./normal";
export * from "./options";
export * from "./impliedVol";
export * from "./optionHedge";
