/* The catalog as the product specifies it (ids, parameters in order, which are optional). The built
 * functions.json is checked against this, not the other way round. */
export interface CatalogEntry {
  id: string;
  params: string[];
  optional: string[];
}

const OPTION = ["S", "K", "T", "r", "sigma", "type", "q", "model"];
const OPTION_OPTIONAL = ["type", "q", "model"];

export const CATALOG: CatalogEntry[] = [
  { id: "MINVAR", params: ["spot", "hedge", "input"], optional: ["input"] },
  { id: "STATS", params: ["spot", "hedge", "input"], optional: ["input"] },
  { id: "BETA", params: ["asset", "market", "input"], optional: ["input"] },
  { id: "ROLLING", params: ["spot", "hedge", "window", "input"], optional: ["input"] },
  { id: "EWMA", params: ["spot", "hedge", "lambda", "input"], optional: ["lambda", "input"] },
  { id: "CONTRACTS", params: ["ratio", "exposure", "contract_size", "spot_price", "futures_price"], optional: ["spot_price", "futures_price"] },
  { id: "BETAHEDGE", params: ["portfolio_value", "beta", "futures_price", "multiplier", "target_beta"], optional: ["target_beta"] },
  { id: "DELTAHEDGE", params: ["delta", "quantity", "multiplier"], optional: ["multiplier"] },
  ...["PRICE", "DELTA", "GAMMA", "VEGA", "THETA", "RHO"].map((id) => ({ id, params: OPTION, optional: OPTION_OPTIONAL })),
  { id: "IMPLIEDVOL", params: ["price", "S", "K", "T", "r", "type", "q", "model"], optional: ["type", "q", "model"] },
  { id: "INDEX", params: ["hedged", "exposure"], optional: [] },
  { id: "EFFECTIVENESS", params: ["spot", "hedge", "ratio", "input", "measure"], optional: ["input", "measure"] },
  { id: "PNL", params: ["spot", "hedge", "ratio", "input"], optional: ["input"] },
];
