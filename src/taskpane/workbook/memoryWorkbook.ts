import {
  AddressError,
  CellArea,
  absoluteAddress,
  areaOf,
  blockArea,
  displayAddress,
  parseAddress,
  readAddress,
  relativeAddress,
} from "./address";
import {
  INDEX_FORMULA,
  INDEX_LABEL,
  INDEX_LABEL_CELL,
  REGISTER_COLUMNS,
  REGISTER_SHEET,
  REGISTER_TABLE,
  registerArea,
} from "./register";
import { uniqueSheetName } from "./sheetNames";
import {
  CellBlock,
  CellInput,
  CellValue,
  ChartSpec,
  ConfirmOverwrite,
  RangeRead,
  RegisterRecord,
  Workbook,
  WriteDeclined,
  isBlankValue,
  text,
} from "./workbook";

interface MemoryCell {
  value: CellValue;
  formula?: string;
}

export interface MemorySheet {
  name: string;
  cells: Map<string, MemoryCell>;
}

export interface MemoryTable {
  name: string;
  sheet: string;
  /** Top-left of the header row. */
  row: number;
  column: number;
  dataRows: number;
}

export interface MemoryChart extends ChartSpec {
  sheet: string;
}

const key = (row: number, column: number) => `${row},${column}`;

/**
 * A workbook held in memory: the preview's sample workbook and the tests' fixture. It keeps Excel's
 * behaviour where the wizard depends on it (unique sheet names, ask-before-overwrite, table rows
 * inserted below the table, text never turned into a formula); it does not calculate formulas.
 */
export class MemoryWorkbook implements Workbook {
  readonly isExcel = false;
  readonly sheets: MemorySheet[] = [];
  readonly tables: MemoryTable[] = [];
  readonly charts: MemoryChart[] = [];
  private selection = "A1";
  private active = "";

  addSheetNow(name: string): MemorySheet {
    if (this.findSheet(name)) throw new Error(`A sheet named "${name}" already exists.`);
    const sheet: MemorySheet = { name, cells: new Map() };
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  /** Fills a sheet from a 2-D array of values, top-left at A1 (fixtures and the bundled sample). */
  setValues(sheetName: string, topLeft: string, values: CellValue[][]): void {
    const sheet = this.findSheet(sheetName) ?? this.addSheetNow(sheetName);
    const start = parseAddress(topLeft);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isBlankValue(v)) sheet.cells.delete(key(start.row + r, start.column + c));
        else sheet.cells.set(key(start.row + r, start.column + c), { value: v });
      }),
    );
  }

  select(address: string): void {
    const area = parseAddress(address);
    if (area.sheet !== undefined) this.sheetOrThrow(area.sheet);
    this.selection = address;
  }

  findSheet(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private sheetOrThrow(name: string): MemorySheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new AddressError(`There is no sheet named "${name}".`);
    return sheet;
  }

  cell(sheetName: string, address: string): MemoryCell | undefined {
    const a = parseAddress(address);
    return this.sheetOrThrow(sheetName).cells.get(key(a.row, a.column));
  }

  /** Formulas (or values) as a 2-D array of strings, the way the preview prints a sheet. */
  formulasOf(sheetName: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, c] of this.sheetOrThrow(sheetName).cells) {
      const [r, col] = k.split(",").map(Number);
      out.set(relativeAddress(areaOf(r, col, 1, 1)), c.formula ?? String(c.value));
    }
    return out;
  }

  private usedBounds(sheet: MemorySheet): { lastRow: number; lastColumn: number } {
    let lastRow = -1;
    let lastColumn = -1;
    for (const k of sheet.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      if (r > lastRow) lastRow = r;
      if (c > lastColumn) lastColumn = c;
    }
    return { lastRow, lastColumn };
  }

  async selectedAddress(): Promise<string> {
    const area = parseAddress(this.selection);
    return absoluteAddress({ ...area, sheet: area.sheet ?? this.active }).replace(/\$/g, "");
  }

  async selectedValue(): Promise<CellValue> {
    const read = await this.readRange(this.selection);
    return read.values[0]?.[0] ?? "";
  }

  async readRange(address: string): Promise<RangeRead> {
    const area = parseAddress(address);
    const sheet = this.sheetOrThrow(area.sheet ?? this.active);
    const { lastRow, lastColumn } = this.usedBounds(sheet);
    const rowCount = Math.max(1, Math.min(area.rowCount, lastRow - area.row + 1));
    const columnCount = Math.max(1, Math.min(area.columnCount, lastColumn - area.column + 1));
    const values: CellValue[][] = [];
    for (let r = 0; r < rowCount; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < columnCount; c++) row.push(sheet.cells.get(key(area.row + r, area.column + c))?.value ?? "");
      values.push(row);
    }
    return { address: readAddress(area, sheet.name, rowCount, columnCount), values };
  }

  async proposeSheetName(base: string): Promise<string> {
    return uniqueSheetName(base, this.sheets.map((s) => s.name));
  }

  async addSheet(base: string): Promise<string> {
    const name = await this.proposeSheetName(base);
    this.addSheetNow(name);
    return name;
  }

  private occupied(sheet: MemorySheet, area: CellArea): string[] {
    const hits: string[] = [];
    for (let r = 0; r < area.rowCount; r++) {
      for (let c = 0; c < area.columnCount; c++) {
        if (sheet.cells.has(key(area.row + r, area.column + c))) {
          hits.push(displayAddress(areaOf(area.row + r, area.column + c, 1, 1, sheet.name)));
        }
      }
    }
    return hits;
  }

  private put(sheet: MemorySheet, row: number, column: number, input: CellInput): void {
    const k = key(row, column);
    switch (input.kind) {
      case "text":
        sheet.cells.set(k, { value: input.text });
        break;
      case "number":
        sheet.cells.set(k, { value: input.value });
        break;
      case "formula":
        sheet.cells.set(k, { value: null, formula: input.formula });
        break;
      case "empty":
        sheet.cells.delete(k);
        break;
    }
  }

  async writeCells(sheetName: string, blocks: CellBlock[], confirm: ConfirmOverwrite): Promise<void> {
    const sheet = this.sheetOrThrow(sheetName);
    const areas = blocks.map((b) => blockArea(b.topLeft, b.cells.length, Math.max(...b.cells.map((r) => r.length))));
    const taken = areas.flatMap((a) => this.occupied(sheet, a));
    if (taken.length > 0 && !(await confirm(taken))) throw new WriteDeclined(taken);
    blocks.forEach((b, i) => b.cells.forEach((row, r) => row.forEach((cell, c) => this.put(sheet, areas[i].row + r, areas[i].column + c, cell))));
  }

  async addChart(sheetName: string, chart: ChartSpec): Promise<void> {
    this.sheetOrThrow(sheetName);
    this.charts.push({ ...chart, sheet: sheetName });
  }

  private table(): MemoryTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === REGISTER_TABLE.toLowerCase());
  }

  async appendRegister(row: CellInput[], confirm: ConfirmOverwrite): Promise<void> {
    const existing = this.table();
    if (!existing) {
      const sheet = this.findSheet(REGISTER_SHEET) ?? this.addSheetNow(REGISTER_SHEET);
      await this.writeCells(
        sheet.name,
        [
          { topLeft: "A1", cells: [REGISTER_COLUMNS.map((h) => text(h)), row] },
          { topLeft: INDEX_LABEL_CELL, cells: [[text(INDEX_LABEL)], [{ kind: "formula", formula: INDEX_FORMULA }]] },
        ],
        confirm,
      );
      const area = parseAddress(registerArea(1));
      this.tables.push({ name: REGISTER_TABLE, sheet: sheet.name, row: area.row, column: area.column, dataRows: 1 });
      return;
    }
    const sheet = this.sheetOrThrow(existing.sheet);
    const below = existing.row + existing.dataRows + 1;
    const belowArea = areaOf(below, existing.column, 1, REGISTER_COLUMNS.length, sheet.name);
    const taken = this.occupied(sheet, belowArea);
    if (taken.length > 0 && !(await confirm(taken))) throw new WriteDeclined(taken);
    this.shiftDown(sheet, below, existing.column, REGISTER_COLUMNS.length);
    row.forEach((cell, c) => this.put(sheet, below, existing.column + c, cell));
    existing.dataRows += 1;
  }

  /** Excel inserts table rows: the cells under the table move down, they are not overwritten. */
  private shiftDown(sheet: MemorySheet, fromRow: number, column: number, columnCount: number): void {
    const moved: [number, number, MemoryCell][] = [];
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(",").map(Number);
      if (r >= fromRow && c >= column && c < column + columnCount) moved.push([r, c, cell]);
    }
    for (const [r, c] of moved) sheet.cells.delete(key(r, c));
    for (const [r, c, cell] of moved) sheet.cells.set(key(r + 1, c), cell);
  }

  async readRegister(): Promise<RegisterRecord[]> {
    const t = this.table();
    if (!t) return [];
    const sheet = this.sheetOrThrow(t.sheet);
    const headers = REGISTER_COLUMNS.map((_, c) => String(sheet.cells.get(key(t.row, t.column + c))?.value ?? ""));
    const records: RegisterRecord[] = [];
    for (let r = 1; r <= t.dataRows; r++) {
      const rec: RegisterRecord = {};
      headers.forEach((h, c) => {
        rec[h] = sheet.cells.get(key(t.row + r, t.column + c))?.value ?? "";
      });
      records.push(rec);
    }
    return records;
  }

  async activate(sheetName: string): Promise<void> {
    this.active = this.sheetOrThrow(sheetName).name;
  }
}
