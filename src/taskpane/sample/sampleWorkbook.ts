import { blankSettings, Settings } from "../state/settings";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { SAMPLE_CONTRACT_GALLONS, SAMPLE_EXPOSURE_GALLONS, SAMPLE_HEATING_OIL, SAMPLE_JET_FUEL, SAMPLE_MONTHS } from "./jetFuel";

/** The preview's workbook: one sheet with two price columns, the way an analyst would start. */
export const SAMPLE_SHEET = "Fuel prices";
export const SAMPLE_SPOT = `'${SAMPLE_SHEET}'!B2:B${SAMPLE_JET_FUEL.length + 1}`;
export const SAMPLE_HEDGE = `'${SAMPLE_SHEET}'!C2:C${SAMPLE_HEATING_OIL.length + 1}`;

export function sampleWorkbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.setValues(SAMPLE_SHEET, "A1", [
    ["Month", "Jet fuel spot ($/gal)", "Heating-oil futures ($/gal)"],
    ...SAMPLE_MONTHS.map((m, i) => [m, SAMPLE_JET_FUEL[i], SAMPLE_HEATING_OIL[i]]),
  ]);
  // The latest spot price: what an analyst would select to fill "Current price".
  wb.select(`'${SAMPLE_SHEET}'!B${SAMPLE_JET_FUEL.length + 1}`);
  return wb;
}

/** The textbook case, filled in so a newcomer can click straight through the preview. */
export function sampleSettings(): Settings {
  const s = blankSettings();
  const last = SAMPLE_JET_FUEL.length - 1;
  return {
    ...s,
    exposure: {
      name: "Jet fuel purchase in three months",
      direction: "short",
      quantity: SAMPLE_EXPOSURE_GALLONS.toLocaleString("en-US"),
      unit: "gallons",
      price: String(SAMPLE_JET_FUEL[last]),
    },
    instrument: {
      ...s.instrument,
      kind: "futures",
      name: "NYMEX heating-oil futures",
      contractSize: SAMPLE_CONTRACT_GALLONS.toLocaleString("en-US"),
      price: String(SAMPLE_HEATING_OIL[last]),
    },
    data: { spot: SAMPLE_SPOT, hedge: SAMPLE_HEDGE, input: "prices" },
    docs: {
      risk: "Jet fuel price risk of a forecast purchase",
      objective: "Fix the cost of the jet fuel purchase against price rises, within the board's fuel hedging policy.",
      ineffectiveness: "Basis between jet fuel and heating oil; timing of the purchase vs futures expiry; rounding to whole contracts.",
      author: "",
    },
  };
}
