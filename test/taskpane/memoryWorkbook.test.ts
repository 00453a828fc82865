import { strict as assert } from "assert";
import { MemoryWorkbook } from "../../src/taskpane/workbook/memoryWorkbook";
import { INDEX_FORMULA, REGISTER_COLUMNS, REGISTER_SHEET } from "../../src/taskpane/workbook/register";
import { WriteDeclined, formula, num, text } from "../../src/taskpane/workbook/workbook";

function workbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.setValues("My Sheet", "A1", [
    ["Month", "Spot", "Futures"],
    ["m1", 1, 2],
    ["m2", 1.1, 2.2],
    ["m3", 1.2, 2.1],
  ]);
  return wb;
}

const row = (id: string) => REGISTER_COLUMNS.map((c) => (c === "ID" ? text(id) : text(`${c} ${id}`)));

describe("MemoryWorkbook", () => {
  it("reads ranges, trimming whole columns to the used rows", async () => {
    const wb = workbook();
    assert.deepEqual((await wb.readRange("'My Sheet'!B2:B4")).values, [[1], [1.1], [1.2]]);
    const col = await wb.readRange("'My Sheet'!C:C");
    assert.equal(col.values.length, 4);
    assert.equal(col.address, "'My Sheet'!C1:C4");
    await assert.rejects(wb.readRange("Nope!A1"), /There is no sheet named "Nope"/);
  });

  it("reports the selection sheet-qualified and its first value", async () => {
    const wb = workbook();
    wb.select("'My Sheet'!B3:B4");
    assert.equal(await wb.selectedAddress(), "'My Sheet'!B3:B4");
    assert.equal(await wb.selectedValue(), 1.1);
  });

  it("adds sheets under unique names", async () => {
    const wb = workbook();
    assert.equal(await wb.addSheet("my sheet"), "my sheet (2)");
    assert.equal(await wb.proposeSheetName("My Sheet"), "My Sheet (3)");
  });

  it("stores text as text and formulas as formulas", async () => {
    const wb = workbook();
    const s = await wb.addSheet("Hedge");
    await wb.writeCells(s, [{ topLeft: "A1", cells: [[text("=1+1"), formula("=HEDGE.MINVAR(A1:A3,B1:B3)"), num(3)]] }], async () => true);
    assert.deepEqual(wb.cell(s, "A1"), { value: "=1+1" });
    assert.deepEqual(wb.cell(s, "B1"), { value: null, formula: "=HEDGE.MINVAR(A1:A3,B1:B3)" });
    assert.deepEqual(wb.cell(s, "C1"), { value: 3 });
  });

  it("asks before overwriting and leaves everything as it was when declined", async () => {
    const wb = workbook();
    let asked: string[] = [];
    await assert.rejects(
      wb.writeCells("My Sheet", [{ topLeft: "A1", cells: [[text("x"), text("y")]] }], async (a) => ((asked = a), false)),
      WriteDeclined,
    );
    assert.deepEqual(asked, ["'My Sheet'!A1", "'My Sheet'!B1"]);
    assert.deepEqual((await wb.readRange("'My Sheet'!A1:B1")).values, [["Month", "Spot"]]);
  });

  it("creates the register with its index formula, appends, and reads back", async () => {
    const wb = workbook();
    await wb.appendRegister(row("H-001"), async () => false);
    await wb.appendRegister(row("H-002"), async () => false);
    const records = await wb.readRegister();
    assert.deepEqual(records.map((r) => r.ID), ["H-001", "H-002"]);
    assert.equal(records[0]["Author"], "Author H-001");
    assert.equal(wb.cell(REGISTER_SHEET, "T2")?.formula, INDEX_FORMULA);
  });

  it("inserts register rows, moving what is under the table down after asking", async () => {
    const wb = workbook();
    await wb.appendRegister(row("H-001"), async () => false);
    wb.setValues(REGISTER_SHEET, "A3", [["note"]]);
    await assert.rejects(wb.appendRegister(row("H-002"), async () => false), WriteDeclined);
    await wb.appendRegister(row("H-002"), async () => true);
    assert.equal(wb.cell(REGISTER_SHEET, "A4")?.value, "note");
    assert.equal((await wb.readRegister()).length, 2);
  });
});
