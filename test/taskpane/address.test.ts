import { strict as assert } from "assert";
import fc from "fast-check";
import { absoluteAddress, blockArea, columnLetters, displayAddress, parseAddress, quoteSheet, relativeAddress } from "../../src/taskpane/workbook/address";
import { candidateSheetName, sanitizeSheetName, uniqueSheetName } from "../../src/taskpane/workbook/sheetNames";

describe("addresses", () => {
  it("quotes every sheet name and doubles apostrophes", () => {
    assert.equal(quoteSheet("My Sheet"), "'My Sheet'");
    assert.equal(quoteSheet("Bob's data"), "'Bob''s data'");
    assert.equal(quoteSheet("Prices"), "'Prices'");
  });

  it("turns what Excel reports into absolute, sheet-qualified references", () => {
    assert.equal(absoluteAddress(parseAddress("'My Sheet'!B2:B61")), "'My Sheet'!$B$2:$B$61");
    assert.equal(absoluteAddress(parseAddress("Prices!C2:C61")), "'Prices'!$C$2:$C$61");
    assert.equal(absoluteAddress(parseAddress("'It''s Q1'!$A$1")), "'It''s Q1'!$A$1");
    assert.equal(absoluteAddress(parseAddress("Data!B:B")), "'Data'!$B:$B");
    assert.equal(absoluteAddress(parseAddress("Data!3:5")), "'Data'!$3:$5");
    assert.equal(absoluteAddress(parseAddress("b61:b2"), "Prices"), "'Prices'!$B$2:$B$61");
    assert.equal(absoluteAddress(parseAddress("'Sheet!1'!A1")), "'Sheet!1'!$A$1");
  });

  it("reads back every address it writes (round trip over sheet names with quotes and bangs)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[\\/?*[\]:]/.test(s)),
        fc.integer({ min: 0, max: 16383 }),
        fc.integer({ min: 0, max: 1048575 }),
        fc.integer({ min: 1, max: 100 }),
        (sheet, column, row, rows) => {
          const area = { sheet, row: Math.min(row, 1048576 - rows), column, rowCount: rows, columnCount: 1, wholeColumns: false, wholeRows: false };
          const back = parseAddress(absoluteAddress(area));
          assert.deepEqual(back, area);
        },
      ),
    );
  });

  it("names columns past Z", () => {
    assert.deepEqual([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters), ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });

  it("rejects what is not an address, in words", () => {
    assert.throws(() => parseAddress("prices"), /not a cell or range address/);
    assert.throws(() => parseAddress("'Open!A1"), /unclosed sheet name quote/);
    assert.throws(() => parseAddress("A1:B"), /mixes a cell with a whole row or column/);
    assert.throws(() => parseAddress("XFE1"), /outside the sheet/);
  });

  it("shows plain sheet names unquoted and others quoted", () => {
    assert.equal(displayAddress(parseAddress("'Prices'!$B$2:$B$61")), "Prices!B2:B61");
    assert.equal(displayAddress(parseAddress("'Fuel prices'!B2")), "'Fuel prices'!B2");
    assert.equal(displayAddress(parseAddress("'A1'!B2")), "'A1'!B2");
  });

  it("gives the block a 2-D array covers", () => {
    assert.equal(relativeAddress(blockArea("D4", 11, 2)), "D4:E14");
    assert.equal(relativeAddress(blockArea("A1", 1, 1)), "A1");
  });
});

describe("sheet names", () => {
  it("removes characters Excel forbids and keeps 31 characters", () => {
    assert.equal(sanitizeSheetName("Hedge Q3/Q4 [jet]: fuel*?"), "Hedge Q3 Q4 jet fuel");
    assert.equal(sanitizeSheetName("'quoted'"), "quoted");
    assert.equal(sanitizeSheetName("x".repeat(40)).length, 31);
    assert.equal(sanitizeSheetName("Hedge Jet fuel purchase in three months"), "Hedge Jet fuel purchase in");
    assert.equal(sanitizeSheetName("History"), "Hedge");
    assert.equal(sanitizeSheetName("   "), "Hedge");
  });

  it("keeps a hostile name as plain characters (Excel allows < > = in sheet names)", () => {
    assert.equal(sanitizeSheetName("Hedge <img src=x onerror=alert(1)>"), "Hedge <img src=x onerror=alert(");
  });

  it("numbers taken names and still fits 31 characters", () => {
    assert.equal(uniqueSheetName("Hedge Jet fuel", ["hedge jet fuel"]), "Hedge Jet fuel (2)");
    const long = "Hedge " + "y".repeat(40);
    const second = candidateSheetName(long, 2);
    assert.equal(second.length, 31);
    assert.ok(second.endsWith(" (2)"));
    assert.equal(uniqueSheetName(long, [candidateSheetName(long, 1), second]), candidateSheetName(long, 3));
  });
});
