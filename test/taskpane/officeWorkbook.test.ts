import { strict as assert } from "assert";
import { OfficeWorkbook } from "../../src/taskpane/workbook/officeWorkbook";
import { INDEX_FORMULA, REGISTER_COLUMNS, REGISTER_TABLE } from "../../src/taskpane/workbook/register";
import { WriteDeclined, formula, num, text } from "../../src/taskpane/workbook/workbook";
import { ExcelFixture, excelFixture, isMockError } from "./support/excelMock";

const prices = (n: number, start: number, step: number) => Array.from({ length: n }, (_, i) => start + i * step);

function priceSheet(rows = 5): unknown[][] {
  const spot = prices(rows, 2, 0.01);
  const fut = prices(rows, 2.1, 0.012);
  return [["Month", "Spot", "Futures"], ...spot.map((s, i) => [`m${i + 1}`, s, fut[i]])];
}

describe("OfficeWorkbook over office-addin-mock", () => {
  let fx: ExcelFixture;
  const wb = new OfficeWorkbook();
  const never = async () => {
    throw new Error("confirm must not be asked");
  };

  afterEach(() => fx?.uninstall());

  function setup(sheets: Record<string, unknown[][]>, selection = "A1", active?: string) {
    fx = excelFixture(sheets, selection, active);
    fx.install();
  }

  describe("reading", () => {
    it("reads a range's values only after a sync, with a sheet-qualified address", async () => {
      setup({ "My Sheet": priceSheet() });
      const read = await wb.readRange("'My Sheet'!B2:B6");
      assert.deepEqual(read.values, [[2], [2.01], [2.02], [2.03], [2.04]]);
      assert.ok(read.values.flat().every((v) => !isMockError(v)), "a value was read before its sync");
      assert.equal(read.address, "'My Sheet'!B2:B6");
      const firstSync = fx.events.indexOf("sync");
      const getRange = fx.events.findIndex((e) => e.startsWith("getRangeByIndexes"));
      assert.ok(firstSync >= 0 && getRange > firstSync, "the trimmed range depends on the used range, so it comes after the first sync");
      assert.equal(fx.events.filter((e) => e === "sync").length, 2);
    });

    it("trims a whole-column reference to the sheet's used rows instead of loading a million cells", async () => {
      setup({ Prices: priceSheet(60) });
      const read = await wb.readRange("Prices!C:C");
      assert.equal(read.values.length, 61);
      assert.equal(read.values[0][0], "Futures");
      assert.ok(fx.events.includes("getRangeByIndexes:Prices:0,2,61,1"));
      assert.equal(read.address, "Prices!C1:C61", "formulas on a whole column would spill a million rows");
    });

    it("keeps the range's first row where the user put it (row numbers in messages stay right)", async () => {
      setup({ Prices: [[], [], ["", 1], ["", 2]] });
      const read = await wb.readRange("Prices!B1:B10");
      assert.deepEqual(read.values, [[""], [""], [1], [2]]);
    });

    it("reads the active sheet when the address has no sheet", async () => {
      setup({ First: [[1]], Second: [[2]] }, "A1", "Second");
      const read = await wb.readRange("A1");
      assert.deepEqual(read.values, [[2]]);
      assert.equal(read.address, "Second!A1");
    });

    it("names a missing sheet in plain words", async () => {
      setup({ Prices: priceSheet() });
      await assert.rejects(wb.readRange("'Old data'!B2:B6"), /There is no sheet named "Old data"/);
    });

    it("gives the selection's address and its top-left value after a sync", async () => {
      setup({ Prices: priceSheet() }, "Prices!B3:C4");
      assert.equal(await wb.selectedAddress(), "Prices!B3:C4");
      assert.equal(await wb.selectedValue(), 2.01);
    });
  });

  describe("sheets", () => {
    it("never reuses a taken name, whatever its case", async () => {
      setup({ Prices: priceSheet(), "hedge jet fuel": [[1]], "Hedge Jet fuel (2)": [[1]] });
      assert.equal(await wb.proposeSheetName("Hedge Jet fuel"), "Hedge Jet fuel (3)");
      assert.equal(await wb.addSheet("Hedge Jet fuel"), "Hedge Jet fuel (3)");
      assert.ok(fx.events.includes("worksheets.add:Hedge Jet fuel (3)"));
    });

    it("keeps probing past the first batch of names", async () => {
      const taken: Record<string, unknown[][]> = { H: [[1]] };
      for (let i = 2; i <= 15; i++) taken[`H (${i})`] = [[1]];
      setup(taken);
      assert.equal(await wb.addSheet("H"), "H (16)");
    });
  });

  describe("writing", () => {
    it("writes every block in one batch after one check for existing content", async () => {
      setup({ Prices: priceSheet(), Hedge: [] });
      const order: string[] = [];
      const before = fx.syncs.length;
      await wb.writeCells(
        "Hedge",
        [
          { topLeft: "A1", cells: [[text("Title")]] },
          { topLeft: "A4", cells: [[text("Quantity"), num(2000000)], [text("Ratio"), formula("=HEDGE.MINVAR('Prices'!$B$2:$B$6,'Prices'!$C$2:$C$6,\"prices\")")]] },
          { topLeft: "D4", cells: [[formula("=HEDGE.STATS('Prices'!$B$2:$B$6,'Prices'!$C$2:$C$6,\"prices\")")]] },
        ],
        async (a) => {
          order.push(`confirm:${a.join(",")}`);
          return true;
        },
      );
      const syncs = fx.syncs.slice(before);
      assert.equal(syncs.length, 2, "one sync to look, one to write");
      assert.deepEqual(syncs[0].written, [], "nothing may be written before the check");
      assert.deepEqual(syncs[1].written.sort(), ["Hedge!A1", "Hedge!A4:B5", "Hedge!D4"]);
      assert.deepEqual(order, [], "empty cells need no confirmation");
      const grid = fx.sheets.get("hedge")!.grid;
      assert.equal(grid[0][0], "Title");
      assert.equal(grid[3][1], 2000000);
      assert.equal(grid[4][1], "=HEDGE.MINVAR('Prices'!$B$2:$B$6,'Prices'!$C$2:$C$6,\"prices\")");
    });

    it("writes text as text, even when it looks like a formula", async () => {
      setup({ Hedge: [] });
      await wb.writeCells("Hedge", [{ topLeft: "A1", cells: [[text("=1+1"), text("<img src=x onerror=alert(1)>")]] }], never);
      assert.deepEqual(fx.sheets.get("hedge")!.grid[0], ["=1+1", "<img src=x onerror=alert(1)>"]);
    });

    it("asks before writing into cells that hold something, and writes nothing when declined", async () => {
      setup({ Hedge: [["keep me"], [], ["", "and me"]] });
      let asked: string[] = [];
      await assert.rejects(
        wb.writeCells("Hedge", [{ topLeft: "A1", cells: [[text("new")], [text("x")], [text("y"), text("z")]] }], async (a) => {
          asked = a;
          return false;
        }),
        WriteDeclined,
      );
      assert.deepEqual(asked, ["Hedge!A1", "Hedge!B3"]);
      assert.deepEqual(fx.sheets.get("hedge")!.grid[0], ["keep me"]);
      assert.ok(fx.syncs.every((s) => s.written.length === 0));
    });

    it("overwrites when the user agrees", async () => {
      setup({ Hedge: [["old"]] });
      await wb.writeCells("Hedge", [{ topLeft: "A1", cells: [[text("new")]] }], async () => true);
      assert.equal(fx.sheets.get("hedge")!.grid[0][0], "new");
    });

    it("adds a line chart over the given data, titled and placed", async () => {
      setup({ Hedge: [] });
      await wb.addChart("Hedge", { title: "P&L", data: "G4:H64", from: "K4", to: "R22" });
      assert.equal(fx.charts.length, 1);
      assert.deepEqual(fx.charts[0], { sheet: "Hedge", type: "Line", source: "Hedge!G4:H64", seriesBy: "Columns", title: "P&L", position: ["K4", "R22"] });
    });
  });

  describe("register", () => {
    const row = (id: string) => REGISTER_COLUMNS.map((c) => (c === "ID" ? text(id) : c === "Hedge ratio" ? formula("='Hedge X'!$B$21") : text(`${c} of ${id}`)));

    it("creates the sheet and a table from header plus first row, then names it and writes the index formula", async () => {
      setup({ Prices: priceSheet() });
      await wb.appendRegister(row("H-001"), never);
      assert.ok(fx.events.includes("worksheets.add:Hedge register"));
      assert.ok(fx.events.includes("tables.add:Hedge register:A1:R2:true"), fx.events.join("\n"));
      assert.ok(fx.events.includes(`table.name=${REGISTER_TABLE}`));
      const t = fx.tableValues(REGISTER_TABLE);
      assert.deepEqual(t.header, [...REGISTER_COLUMNS]);
      assert.equal(t.rows.length, 1);
      assert.equal(t.rows[0][0], "H-001");
      assert.equal(t.rows[0][5], "='Hedge X'!$B$21");
      const grid = fx.sheets.get("hedge register")!.grid;
      assert.equal(grid[0][19], "Hedging index");
      assert.equal(grid[1][19], INDEX_FORMULA);
    });

    it("appends later entries as table rows and reads them back by header", async () => {
      setup({ Prices: priceSheet() });
      await wb.appendRegister(row("H-001"), never);
      await wb.appendRegister(row("H-002"), never);
      assert.ok(fx.events.includes(`rows.add:${REGISTER_TABLE}:end`), "rows are appended, never inserted above others");
      const records = await wb.readRegister();
      assert.deepEqual(records.map((r) => r["ID"]), ["H-001", "H-002"]);
      assert.equal(records[1]["Hedged item"], "Hedged item of H-002");
    });

    it("asks before adding a row when something sits right under the table", async () => {
      setup({ Prices: priceSheet() });
      await wb.appendRegister(row("H-001"), never);
      const grid = fx.sheets.get("hedge register")!.grid;
      grid[2] = ["a note"];
      let asked: string[] = [];
      await assert.rejects(wb.appendRegister(row("H-002"), async (a) => ((asked = a), false)), WriteDeclined);
      assert.deepEqual(asked, ["'Hedge register'!A3"]);
      assert.equal(fx.tableValues(REGISTER_TABLE).rows.length, 1);
    });

    it("asks before creating the table on an existing 'Hedge register' sheet that holds data", async () => {
      setup({ "Hedge register": [["my own notes"]] });
      let asked: string[] = [];
      await assert.rejects(wb.appendRegister(row("H-001"), async (a) => ((asked = a), false)), WriteDeclined);
      assert.deepEqual(asked, ["'Hedge register'!A1"]);
      assert.equal(fx.tables.length, 0);
    });

    it("reads an empty list from a workbook without a register", async () => {
      setup({ Prices: priceSheet() });
      assert.deepEqual(await wb.readRegister(), []);
    });
  });
});
