import { AddressError, CellArea, areaOf, blockArea, displayAddress, parseAddress, readAddress, relativeAddress } from "./address";
import {
  INDEX_FORMULA,
  INDEX_FORMULA_CELL,
  INDEX_LABEL,
  INDEX_LABEL_CELL,
  REGISTER_COLUMNS,
  REGISTER_SHEET,
  REGISTER_TABLE,
  registerArea,
} from "./register";
import { candidateSheetName } from "./sheetNames";
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
  toOfficeInput,
} from "./workbook";

/** How many name candidates one round trip checks; a workbook with more same-named hedges takes another. */
const NAME_PROBES = 12;

function occupiedCells(formulas: unknown[][], area: CellArea, sheet: string): string[] {
  const hits: string[] = [];
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      if (!isBlankValue(f)) hits.push(displayAddress(areaOf(area.row + r, area.column + c, 1, 1, sheet)));
    }),
  );
  return hits;
}

function blockSize(block: CellBlock): { rows: number; columns: number } {
  return { rows: block.cells.length, columns: Math.max(...block.cells.map((r) => r.length)) };
}

/** Office wants a full rectangle; short rows are padded with "" (which clears, and the cells were empty). */
function officeMatrix(block: CellBlock): (string | number)[][] {
  const { columns } = blockSize(block);
  return block.cells.map((row) => Array.from({ length: columns }, (_, c) => (c < row.length ? toOfficeInput(row[c]) : "")));
}

/**
 * The Workbook over Office.js. Each method is one Excel.run with as few syncs as the work allows:
 * everything is queued, then synced once; a second sync only where a decision depends on what the
 * first one loaded (trimming a whole-column read, asking before an overwrite, creating the register).
 */
export class OfficeWorkbook implements Workbook {
  readonly isExcel = true;

  async selectedAddress(): Promise<string> {
    return Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return range.address;
    });
  }

  async selectedValue(): Promise<CellValue> {
    return Excel.run(async (context) => {
      const cell = context.workbook.getSelectedRange().getCell(0, 0);
      cell.load("values");
      await context.sync();
      return cell.values[0][0] as CellValue;
    });
  }

  async readRange(address: string): Promise<RangeRead> {
    const area = parseAddress(address);
    try {
      return await this.readArea(area);
    } catch (e) {
      if (area.sheet !== undefined && (e as { code?: string }).code === "ItemNotFound") {
        throw new AddressError(`There is no sheet named "${area.sheet}".`);
      }
      throw e;
    }
  }

  private async readArea(area: CellArea): Promise<RangeRead> {
    return Excel.run(async (context) => {
      const sheet =
        area.sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(area.sheet);
      sheet.load("name");
      // A whole-column reference would load a million cells; only the part down to the last used row matters.
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex, rowCount, columnIndex, columnCount");
      await context.sync();
      let rowCount = area.rowCount;
      let columnCount = area.columnCount;
      if (!used.isNullObject) {
        rowCount = Math.max(1, Math.min(rowCount, used.rowIndex + used.rowCount - area.row));
        columnCount = Math.max(1, Math.min(columnCount, used.columnIndex + used.columnCount - area.column));
      }
      const range = sheet.getRangeByIndexes(area.row, area.column, rowCount, columnCount);
      range.load("values");
      await context.sync();
      return { address: readAddress(area, sheet.name, rowCount, columnCount), values: range.values as CellValue[][] };
    });
  }

  private async freeName(context: Excel.RequestContext, base: string): Promise<string> {
    for (let start = 1; ; start += NAME_PROBES) {
      const probes = Array.from({ length: NAME_PROBES }, (_, i) => {
        const name = candidateSheetName(base, start + i);
        // isNullObject needs no load: it is known after the sync.
        return { name, sheet: context.workbook.worksheets.getItemOrNullObject(name) };
      });
      await context.sync();
      const free = probes.find((p) => p.sheet.isNullObject);
      if (free) return free.name;
    }
  }

  async proposeSheetName(base: string): Promise<string> {
    return Excel.run((context) => this.freeName(context, base));
  }

  async addSheet(base: string): Promise<string> {
    return Excel.run(async (context) => {
      const name = await this.freeName(context, base);
      context.workbook.worksheets.add(name);
      await context.sync();
      return name;
    });
  }

  async writeCells(sheetName: string, blocks: CellBlock[], confirm: ConfirmOverwrite): Promise<void> {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const targets = blocks.map((block) => {
        const { rows, columns } = blockSize(block);
        const area = blockArea(block.topLeft, rows, columns);
        const range = sheet.getRange(relativeAddress(area));
        range.load("formulas");
        return { block, area, range };
      });
      await context.sync();
      const taken = targets.flatMap((t) => occupiedCells(t.range.formulas, t.area, sheetName));
      if (taken.length > 0 && !(await confirm(taken))) throw new WriteDeclined(taken);
      for (const { block, range } of targets) {
        if (block.numberFormat) range.numberFormat = officeMatrix(block).map((row) => row.map(() => block.numberFormat as string));
        range.formulas = officeMatrix(block);
        if (block.bold) range.format.font.bold = true;
        if (block.autofit) range.format.autofitColumns();
      }
      await context.sync();
    });
  }

  async addChart(sheetName: string, spec: ChartSpec): Promise<void> {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const chart = sheet.charts.add(Excel.ChartType.line, sheet.getRange(spec.data), Excel.ChartSeriesBy.columns);
      chart.title.text = spec.title;
      chart.setPosition(spec.from, spec.to);
      await context.sync();
    });
  }

  async appendRegister(row: CellInput[], confirm: ConfirmOverwrite): Promise<void> {
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(REGISTER_TABLE);
      const sheet = context.workbook.worksheets.getItemOrNullObject(REGISTER_SHEET);
      await context.sync();
      if (table.isNullObject) {
        await this.createRegister(context, sheet.isNullObject ? null : sheet, row, confirm);
        return;
      }
      const below = table.getRange().getRowsBelow(1);
      below.load("formulas, rowIndex, columnIndex");
      table.worksheet.load("name");
      await context.sync();
      const area = areaOf(below.rowIndex, below.columnIndex, 1, REGISTER_COLUMNS.length);
      const taken = occupiedCells(below.formulas, area, table.worksheet.name);
      if (taken.length > 0 && !(await confirm(taken))) throw new WriteDeclined(taken);
      table.rows.add(undefined, [row.map(toOfficeInput)] as (string | number)[][]);
      await context.sync();
    });
  }

  /**
   * A table made from a header row alone gets an empty first data row, so the table is made from the
   * header plus the first entry.
   */
  private async createRegister(
    context: Excel.RequestContext,
    existing: Excel.Worksheet | null,
    row: CellInput[],
    confirm: ConfirmOverwrite,
  ): Promise<void> {
    const sheet = existing ?? context.workbook.worksheets.add(REGISTER_SHEET);
    const body = sheet.getRange(registerArea(1));
    const index = sheet.getRange(`${INDEX_LABEL_CELL}:${INDEX_FORMULA_CELL}`);
    if (existing) {
      body.load("formulas");
      index.load("formulas");
      await context.sync();
      const taken = [
        ...occupiedCells(body.formulas, parseAddress(registerArea(1)), REGISTER_SHEET),
        ...occupiedCells(index.formulas, parseAddress(`${INDEX_LABEL_CELL}:${INDEX_FORMULA_CELL}`), REGISTER_SHEET),
      ];
      if (taken.length > 0 && !(await confirm(taken))) throw new WriteDeclined(taken);
    }
    body.formulas = [REGISTER_COLUMNS.map((h) => toOfficeInput(text(h))), row.map(toOfficeInput)];
    const table = sheet.tables.add(body, true);
    table.name = REGISTER_TABLE;
    index.formulas = [[toOfficeInput(text(INDEX_LABEL))], [INDEX_FORMULA]];
    index.format.font.bold = true;
    sheet.getRange("A:T").format.autofitColumns();
    await context.sync();
  }

  async readRegister(): Promise<RegisterRecord[]> {
    return Excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(REGISTER_TABLE);
      await context.sync();
      if (table.isNullObject) return [];
      const header = table.getHeaderRowRange();
      const body = table.getDataBodyRange();
      header.load("values");
      body.load("values");
      await context.sync();
      const names = (header.values[0] ?? []).map((h) => String(h));
      return body.values.map((values) => {
        const record: RegisterRecord = {};
        names.forEach((name, c) => {
          record[name] = values[c] as CellValue;
        });
        return record;
      });
    });
  }

  async activate(sheetName: string): Promise<void> {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheetName).activate();
      await context.sync();
    });
  }
}
