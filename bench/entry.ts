/* Everything the timed cases call, HEDGE and competitors alike, in one module, so bench/bundle.ts can build
 * it with the add-in's own production pipeline and every contender runs the way it would ship. */
export { minvar, stats, beta, rolling, ewma } from "../src/functions/hedgeRatio";
export { effectiveness, pnl } from "../src/functions/effectiveness";
export { price, delta, impliedvol } from "../src/functions/options";
export { readPair } from "../src/core/series";
export { minVarianceRatio, hedgeStatistics, rollingRatio, ewmaRatio } from "../src/core/hedgeRatio";
export { optionValue } from "../src/core/options";
export {
  bareEwma, bareMinvar, bareStats, jstatEwma, jstatMinvar, jstatRolling, jstatStats, ssMinvar, ssStats,
} from "./columns";
export { jstatDelta, jstatImpliedVol, jstatPrice } from "./jstatOptions";
