/**
 * Everything the wizard does to a workbook goes through this interface, so the same wizard runs against
 * Excel (OfficeWorkbook) and against the bundled sample in a plain browser or a test (MemoryWorkbook).
 */

/** What a cell read hands back: Excel's values (numbers, text, booleans, "" for blank). */
export type CellValue = string | number | boolean | null;

/**
 * What the wizard writes. Text is kept apart from formulas on purpose: a hedged item named "=SUM(A:A)"
 * must land as text, never as a formula.
 */
export type CellInput =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "formula"; formula: string }
  | { kind: "empty" };

export const text = (t: string): CellInput => ({ kind: "text", text: t });
export const num = (value: number): CellInput => ({ kind: "number", value });
export const formula = (f: string): CellInput => ({ kind: "formula", formula: f });
export const empty: CellInput = { kind: "empty" };

/** A rectangle of cells written in one go; `topLeft` is sheet-local ("A3"). */
export interface CellBlock {
  topLeft: string;
  cells: CellInput[][];
  bold?: boolean;
  /** Excel number format for every cell of the block, e.g. "0.0000" or "0.0%". */
  numberFormat?: string;
  /** Fit the block's columns to their content (label columns of a new sheet). */
  autofit?: boolean;
}

export interface ChartSpec {
  title: string;
  /** Sheet-local address of the data with a header row, one series per column. */
  data: string;
  /** Sheet-local cells the chart spans. */
  from: string;
  to: string;
}

export interface RangeRead {
  /** Sheet-qualified address of what was read (a whole column becomes its used part). */
  address: string;
  values: CellValue[][];
}

/**
 * Called with the addresses that already hold something, before anything is written there; the write
 * goes ahead only when it resolves true.
 */
export type ConfirmOverwrite = (addresses: string[]) => Promise<boolean>;

export class WriteDeclined extends Error {
  constructor(readonly addresses: string[]) {
    super(`Nothing was written: ${addresses.join(", ")} already hold data and you chose to keep it.`);
    this.name = "WriteDeclined";
  }
}

/** One register row as read back: column header -> value. */
export type RegisterRecord = Record<string, CellValue>;

export interface Workbook {
  /** False for the in-memory preview. */
  readonly isExcel: boolean;
  /** Sheet-qualified address of the selection. */
  selectedAddress(): Promise<string>;
  /** The value of the selection's top-left cell. */
  selectedValue(): Promise<CellValue>;
  /** Values of a sheet-qualified (or active-sheet) range, trimmed of blank rows/columns past the sheet's used area. */
  readRange(address: string): Promise<RangeRead>;
  /** The name `addSheet(base)` would give right now, for the preview of an insert. */
  proposeSheetName(base: string): Promise<string>;
  /** Adds a sheet named `base`, or `base (2)`, ... when taken; returns the name. */
  addSheet(base: string): Promise<string>;
  /** Writes all blocks in one batch, asking first when any target cell holds something. */
  writeCells(sheet: string, blocks: CellBlock[], confirm: ConfirmOverwrite): Promise<void>;
  addChart(sheet: string, chart: ChartSpec): Promise<void>;
  /** Appends one row to the register table, creating its sheet and table when missing. */
  appendRegister(row: CellInput[], confirm: ConfirmOverwrite): Promise<void>;
  readRegister(): Promise<RegisterRecord[]>;
  /** Brings a sheet to the front after an insert. */
  activate(sheet: string): Promise<void>;
}

/**
 * The form Office's `formulas` setter takes. A leading apostrophe is Excel's "this is text" marker and is
 * not part of the stored value, so text that looks like a formula or number stays text.
 */
export function toOfficeInput(cell: CellInput): string | number {
  switch (cell.kind) {
    case "text":
      return `'${cell.text}`;
    case "number":
      return cell.value;
    case "formula":
      return cell.formula;
    case "empty":
      return "";
  }
}

export function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}
