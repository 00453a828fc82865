import { OfficeMockObject } from "office-addin-mock";
import { areaOf, displayAddress, parseAddress, relativeAddress } from "../../../src/taskpane/workbook/address";

/**
 * An Excel object model on office-addin-mock. The mock's own rule does the important checking: a
 * property read before `load` + `context.sync()` is an error string, not the value. `isNullObject` is
 * the exception, as in Office.js: it needs no load and is set as a plain field. On top of it this
 * fixture keeps sheets as grids, records every sync (with a snapshot of what had been written by then)
 * and every call that matters, so tests can assert load/sync order and batching.
 */
type Grid = unknown[][];

interface SheetState {
  name: string;
  grid: Grid;
}

export interface TableRecord {
  name: string;
  sheet: string;
  row: number;
  column: number;
  columnCount: number;
  dataRows: number;
}

export interface SyncRecord {
  /** Range writes (sheet!address -> formulas) visible at this sync. */
  written: string[];
}

export interface ExcelFixture {
  mock: any;
  events: string[];
  syncs: SyncRecord[];
  sheets: Map<string, SheetState>;
  tables: TableRecord[];
  /** Header and data rows of a table as the grid now holds them. */
  tableValues(name: string): { header: unknown[]; rows: unknown[][] };
  charts: { sheet: string; type: unknown; source: string; seriesBy: unknown; title?: string; position?: [unknown, unknown] }[];
  install(): void;
  uninstall(): void;
}

const NOT_SYNCED = "Error, context.sync() was not called";
const NOT_LOADED = "Error, property was not loaded";

export function isMockError(v: unknown): boolean {
  return v === NOT_SYNCED || v === NOT_LOADED;
}

/** Excel stores 'text as text: the apostrophe is a marker, not part of the value. */
function stored(v: unknown): unknown {
  return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
}

function cellOf(grid: Grid, r: number, c: number): unknown {
  return grid[r]?.[c] ?? "";
}

function usedBounds(grid: Grid): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  grid.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v !== "" && v !== null && v !== undefined) {
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }
    }),
  );
  return { rows, cols };
}

export function excelFixture(initial: Record<string, Grid>, selection = "A1", activeSheet?: string): ExcelFixture {
  const events: string[] = [];
  const syncs: SyncRecord[] = [];
  const sheets = new Map<string, SheetState>();
  for (const [name, grid] of Object.entries(initial)) sheets.set(name.toLowerCase(), { name, grid: grid.map((r) => [...r]) });
  const tables: TableRecord[] = [];
  const addresses = new WeakMap<object, string>();
  const charts: ExcelFixture["charts"] = [];
  const writtenRanges: { sheet: string; address: string; node: any }[] = [];
  let nodeCount = 0;
  const nextKey = (prefix: string) => `${prefix}${nodeCount++}`;
  let root: any;

  const rangeNode = (parent: any, sheet: SheetState, row: number, col: number, rows: number, cols: number): any => {
    const key = nextKey("range");
    parent.addMock(key);
    const node = parent[key];
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cellOf(sheet.grid, row + r, col + c)));
    const address = `${displayAddress(areaOf(row, col, rows, cols, sheet.name))}`;
    node.populate({
      address,
      values,
      formulas: values,
      rowIndex: row,
      columnIndex: col,
      rowCount: rows,
      columnCount: cols,
      numberFormat: values.map((r) => r.map(() => "General")),
      format: { font: { bold: false }, autofitColumns() { events.push(`autofit:${address}`); } },
      getCell(r: number, c: number) {
        return rangeNode(node, sheet, row + r, col + c, 1, 1);
      },
      getRowsBelow(count = 1) {
        return rangeNode(node, sheet, row + rows, col, count, cols);
      },
    });
    node.isNullObject = false;
    addresses.set(node, address);
    node.__initial = values;
    writtenRanges.push({ sheet: sheet.name, address: relativeAddress(areaOf(row, col, rows, cols)), node });
    return node;
  };

  const nullNode = (parent: any, label: string): any => {
    const key = nextKey("null");
    parent.addMock(key);
    parent[key].isNullObject = true;
    events.push(`null:${label}`);
    return parent[key];
  };

  const tableNode = (parent: any, sheet: SheetState, index: number): any => {
    const key = nextKey("table");
    parent.addMock(key);
    const node = parent[key];
    const t = () => tables[index];
    const area = { row: t().row, column: t().column, columnCount: t().columnCount };
    node.isNullObject = false;
    node.populate({
      name: t().name,
      worksheet: { name: sheet.name },
      getRange() {
        return rangeNode(node, sheet, area.row, area.column, 1 + t().dataRows, area.columnCount);
      },
      getHeaderRowRange() {
        return rangeNode(node, sheet, area.row, area.column, 1, area.columnCount);
      },
      getDataBodyRange() {
        return rangeNode(node, sheet, area.row + 1, area.column, t().dataRows, area.columnCount);
      },
      rows: {
        add(index?: number, values?: unknown[][]) {
          events.push(`rows.add:${t().name}:${index ?? "end"}`);
          for (const v of values ?? []) {
            const r = area.row + 1 + t().dataRows;
            sheet.grid.splice(r, 0, []);
            v.forEach((x, c) => (sheet.grid[r][area.column + c] = stored(x)));
            t().dataRows += 1;
          }
        },
      },
    });
    // The table's name is assigned by the code under test; keep the fixture's record in step.
    Object.defineProperty(node, "name", {
      get: () => t().name,
      set: (v: string) => {
        events.push(`table.name=${v}`);
        t().name = v;
      },
    });
    return node;
  };

  const sheetNode = (sheet: SheetState): any => {
    const worksheets = root.context.workbook.worksheets;
    const key = nextKey("sheet");
    worksheets.addMock(key);
    const node = worksheets[key];
    node.isNullObject = false;
    node.populate({
      name: sheet.name,
      getRange(address: string) {
        const a = parseAddress(address);
        events.push(`getRange:${sheet.name}!${address}`);
        // A whole-column range is modelled down to the grid's last row: a million-row array helps no test.
        const rows = a.wholeColumns ? Math.max(1, sheet.grid.length - a.row) : a.rowCount;
        return rangeNode(node, sheet, a.row, a.column, rows, Math.min(a.columnCount, 64));
      },
      getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
        events.push(`getRangeByIndexes:${sheet.name}:${row},${col},${rows},${cols}`);
        return rangeNode(node, sheet, row, col, rows, cols);
      },
      getUsedRangeOrNullObject() {
        const { rows, cols } = usedBounds(sheet.grid);
        if (rows === 0) return nullNode(node, `used:${sheet.name}`);
        return rangeNode(node, sheet, 0, 0, rows, cols);
      },
      activate() {
        events.push(`activate:${sheet.name}`);
      },
      charts: {
        add(type: unknown, source: any, seriesBy: unknown) {
          const chart = { sheet: sheet.name, type, source: addresses.get(source) as string, seriesBy } as ExcelFixture["charts"][number];
          charts.push(chart);
          events.push(`charts.add:${sheet.name}`);
          const k = nextKey("chart");
          node.addMock(k);
          const c = node[k];
          c.populate({
            title: { text: "" },
            setPosition(from: unknown, to: unknown) {
              chart.position = [from, to];
            },
          });
          Object.defineProperty(c.title, "text", { set: (v: string) => (chart.title = v), get: () => chart.title });
          return c;
        },
      },
      tables: {
        add(address: any, hasHeaders: boolean) {
          const a = parseAddress(typeof address === "string" ? address : (addresses.get(address) as string));
          events.push(`tables.add:${sheet.name}:${relativeAddress({ ...a, sheet: undefined })}:${hasHeaders}`);
          tables.push({ name: `Table${tables.length + 1}`, sheet: sheet.name, row: a.row, column: a.column, columnCount: a.columnCount, dataRows: a.rowCount - 1 });
          return tableNode(node, sheet, tables.length - 1);
        },
      },
    });
    return node;
  };

  const findSheet = (name: string) => sheets.get(name.toLowerCase());

  const data = {
    context: {
      workbook: {
        worksheets: {
          getItem(name: string) {
            const s = findSheet(name);
            if (!s) throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
            return sheetNode(s);
          },
          getItemOrNullObject(name: string) {
            const s = findSheet(name);
            return s ? sheetNode(s) : nullNode(root.context.workbook.worksheets, `sheet:${name}`);
          },
          getActiveWorksheet() {
            const s = findSheet(activeSheet ?? Object.keys(initial)[0]);
            return sheetNode(s as SheetState);
          },
          add(name: string) {
            if (findSheet(name)) throw new Error(`A sheet named ${name} exists`);
            events.push(`worksheets.add:${name}`);
            const s = { name, grid: [] };
            sheets.set(name.toLowerCase(), s);
            return sheetNode(s);
          },
        },
        tables: {
          getItemOrNullObject(name: string) {
            const index = tables.findIndex((t) => t.name.toLowerCase() === name.toLowerCase());
            const tablesNode = root.context.workbook.tables;
            if (index < 0) return nullNode(tablesNode, `table:${name}`);
            return tableNode(tablesNode, findSheet(tables[index].sheet) as SheetState, index);
          },
        },
        getSelectedRange() {
          const a = parseAddress(selection);
          const s = findSheet(a.sheet ?? activeSheet ?? Object.keys(initial)[0]) as SheetState;
          return rangeNode(root.context.workbook, s, a.row, a.column, a.rowCount, a.columnCount);
        },
      },
      sync: async function (this: any) {
        events.push("sync");
        await OfficeMockObject.prototype.sync.call(this);
        // Apply what the code assigned since the last sync to the grids, and remember it.
        const written: string[] = [];
        for (const w of writtenRanges) {
          const f = w.node.formulas;
          if (Array.isArray(f) && w.node.__lastWritten !== f && w.node.__initial !== f) {
            w.node.__lastWritten = f;
            written.push(`${w.sheet}!${w.address}`);
            const s = findSheet(w.sheet) as SheetState;
            const a = parseAddress(w.address);
            f.forEach((row: unknown[], r: number) =>
              row.forEach((v, c) => {
                s.grid[a.row + r] = s.grid[a.row + r] ?? [];
                s.grid[a.row + r][a.column + c] = stored(v);
              }),
            );
          }
        }
        syncs.push({ written });
      },
    },
    run: async function (this: any, callback: (context: any) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  root = new OfficeMockObject(data);
  const previous = (globalThis as any).Excel;
  return {
    mock: root,
    events,
    syncs,
    sheets,
    tables,
    charts,
    tableValues(name: string) {
      const t = tables.find((x) => x.name === name);
      if (!t) throw new Error(`No table ${name}`);
      const g = (findSheet(t.sheet) as SheetState).grid;
      const row = (r: number) => Array.from({ length: t.columnCount }, (_, c) => cellOf(g, r, t.column + c));
      return { header: row(t.row), rows: Array.from({ length: t.dataRows }, (_, i) => row(t.row + 1 + i)) };
    },
    install() {
      (globalThis as any).Excel = {
        run: (cb: (context: any) => Promise<unknown>) => root.run(cb),
        ChartType: { line: "Line" },
        ChartSeriesBy: { columns: "Columns" },
      };
    },
    uninstall() {
      (globalThis as any).Excel = previous;
    },
  };
}
