/**
 * A1 addresses as Excel hands them out (`Sheet1!B2:B61`, `'My ''Q1'' data'!$B:$B`) and as formulas need
 * them (absolute, sheet-qualified, always quoted). Both workbook implementations and the formula builder
 * share this parser so that an address the user typed means the same cells everywhere.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangular block, 0-based and inclusive, optionally on a named sheet. */
export interface CellArea {
  sheet?: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  /** `B:B` and `2:5` keep their shape when written back absolute. */
  wholeColumns: boolean;
  wholeRows: boolean;
}

export class AddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AddressError";
  }
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits `'It''s'!A1` into the sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i += 1;
    }
    if (text[i] !== "'" || text[i + 1] !== "!") throw new AddressError(`"${address}" has an unclosed sheet name quote.`);
    return { sheet: name, local: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { local: text };
  return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

interface Corner {
  row?: number;
  column?: number;
}

function corner(part: string, address: string): Corner {
  let m = CELL.exec(part);
  if (m) return { column: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(part);
  if (m) return { column: columnIndex(m[1]) };
  m = ROW.exec(part);
  if (m) return { row: Number(m[1]) - 1 };
  throw new AddressError(`"${address}" is not a cell or range address like B2:B61.`);
}

export function parseAddress(address: string): CellArea {
  const { sheet, local } = splitSheet(address);
  if (sheet !== undefined && sheet.length === 0) throw new AddressError(`"${address}" has an empty sheet name.`);
  const parts = local.split(":");
  if (parts.length > 2 || local.length === 0) throw new AddressError(`"${address}" is not a cell or range address like B2:B61.`);
  const a = corner(parts[0], address);
  const b = parts.length === 2 ? corner(parts[1], address) : a;
  const aWholeCol = a.row === undefined;
  const aWholeRow = a.column === undefined;
  if (aWholeCol !== (b.row === undefined) || aWholeRow !== (b.column === undefined)) {
    throw new AddressError(`"${address}" mixes a cell with a whole row or column.`);
  }
  if (parts.length === 1 && (aWholeCol || aWholeRow)) throw new AddressError(`"${address}" is not a cell or range address like B2:B61.`);
  const r1 = a.row ?? 0;
  const r2 = b.row ?? MAX_ROWS - 1;
  const c1 = a.column ?? 0;
  const c2 = b.column ?? MAX_COLUMNS - 1;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  const rowCount = Math.abs(r2 - r1) + 1;
  const columnCount = Math.abs(c2 - c1) + 1;
  if (row + rowCount > MAX_ROWS || column + columnCount > MAX_COLUMNS) throw new AddressError(`"${address}" lies outside the sheet.`);
  return { sheet, row, column, rowCount, columnCount, wholeColumns: aWholeCol, wholeRows: aWholeRow };
}

/** Always quoted: Excel accepts quotes around any sheet name, and never needs to guess which names need them. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function localAddress(area: CellArea, absolute: boolean): string {
  const d = absolute ? "$" : "";
  const lastRow = area.row + area.rowCount - 1;
  const lastCol = area.column + area.columnCount - 1;
  if (area.wholeColumns) return `${d}${columnLetters(area.column)}:${d}${columnLetters(lastCol)}`;
  if (area.wholeRows) return `${d}${area.row + 1}:${d}${lastRow + 1}`;
  const first = `${d}${columnLetters(area.column)}${d}${area.row + 1}`;
  if (area.rowCount === 1 && area.columnCount === 1) return first;
  return `${first}:${d}${columnLetters(lastCol)}${d}${lastRow + 1}`;
}

/** `'My Sheet'!$B$2:$B$61`: what a formula written onto another sheet must use. */
export function absoluteAddress(area: CellArea, fallbackSheet?: string): string {
  const sheet = area.sheet ?? fallbackSheet;
  const local = localAddress(area, true);
  return sheet === undefined ? local : `${quoteSheet(sheet)}!${local}`;
}

/** `B2:B61` within a sheet, for display and for Office calls that take a sheet-local address. */
export function relativeAddress(area: CellArea): string {
  return localAddress(area, false);
}

export function areaOf(row: number, column: number, rowCount: number, columnCount: number, sheet?: string): CellArea {
  return { sheet, row, column, rowCount, columnCount, wholeColumns: false, wholeRows: false };
}

/** The block a 2-D array occupies when its top-left cell is `topLeft` (e.g. "A3"). */
export function blockArea(topLeft: string, rows: number, columns: number): CellArea {
  const start = parseAddress(topLeft);
  return areaOf(start.row, start.column, rows, columns, start.sheet);
}

/** How the user should read an address: sheet name unquoted when it is a plain word. */
export function displayAddress(area: CellArea): string {
  const local = relativeAddress(area);
  if (area.sheet === undefined) return local;
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(area.sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(area.sheet);
  return `${plain ? area.sheet : quoteSheet(area.sheet)}!${local}`;
}

/**
 * The address a read reports: the range as given, except that a whole column or row becomes the part
 * that holds data. Formulas spilling one row per input row cannot spill a million rows.
 */
export function readAddress(area: CellArea, sheet: string, rowCount: number, columnCount: number): string {
  if (!area.wholeColumns && !area.wholeRows) return displayAddress({ ...area, sheet });
  return displayAddress(areaOf(area.row, area.column, rowCount, columnCount, sheet));
}
