/**
 * The "Hedge register": one Excel table on its own sheet, one row per designated hedge. Its columns are
 * what hedge documentation asks for, plus what the wizard needs to re-open a hedge (sheet, source
 * ranges, settings as JSON). Both workbook implementations create it from these definitions.
 */
export const REGISTER_SHEET = "Hedge register";
export const REGISTER_TABLE = "HedgeRegister";

export const REGISTER_COLUMNS = [
  "ID",
  "Hedged item",
  "Hedging instrument",
  "Hedged risk",
  "Risk-management objective",
  "Hedge ratio",
  "How the ratio was set",
  "Effectiveness method",
  "Effectiveness result",
  "Sources of ineffectiveness",
  "Date",
  "Author",
  "Hedged amount",
  "Exposure amount",
  "Sheet",
  "Exposure range",
  "Instrument range",
  "Settings",
] as const;

export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** Label and formula sit one empty column to the right of the table, so the table can grow downwards freely. */
export const INDEX_LABEL_CELL = "T1";
export const INDEX_FORMULA_CELL = "T2";
export const INDEX_LABEL = "Hedging index";
export const INDEX_FORMULA = `=HEDGE.INDEX(${REGISTER_TABLE}[Hedged amount],${REGISTER_TABLE}[Exposure amount])`;

/** Sheet-local address of the header row plus `rows` data rows. */
export function registerArea(rows: number): string {
  return `A1:R${1 + rows}`;
}
