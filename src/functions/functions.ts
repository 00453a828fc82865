/* Placeholder entry so the build runs; the catalog lands in the functions commit. */
/**
 * Returns the hedging index: total hedged over total exposure.
 * @customfunction INDEX
 * @helpurl https://localhost:3000/help/index.html
 * @param {any} hedged Hedged amounts.
 * @param {any} exposure Exposure amounts.
 * @returns {number} Hedged share of the exposure.
 */
export function hedgeIndex(hedged: any, exposure: any): number {
  return Number(hedged) / Number(exposure);
}
