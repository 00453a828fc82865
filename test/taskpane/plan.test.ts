import { strict as assert } from "assert";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { hedgeFormulas, sourceRef, stringLiteral } from "../../src/taskpane/insert/formulas";
import { buildPlan, InsertPlan, nextRegisterId, planLines } from "../../src/taskpane/insert/plan";
import { sampleSettings } from "../../src/taskpane/sample/sampleWorkbook";
import { blankSettings, settingsFromJson, Settings } from "../../src/taskpane/state/settings";
import { REGISTER_COLUMNS } from "../../src/taskpane/workbook/register";
import type { CellInput } from "../../src/taskpane/workbook/workbook";

const SPOT = "'Fuel prices'!$B$2:$B$61";
const FUT = "'Fuel prices'!$C$2:$C$61";

function plan(settings: Settings, sheet = "Hedge Jet fuel", sourceRows = 60): InsertPlan {
  return buildPlan({ settings, sheet, id: "H-007", date: "2025-03-31", sourceRows });
}

function cellAt(p: InsertPlan, address: string): string | undefined {
  return planLines(p).find((l) => l.address === address)?.content;
}

function registerCell(p: InsertPlan, column: (typeof REGISTER_COLUMNS)[number]): CellInput {
  return p.registerRow[REGISTER_COLUMNS.indexOf(column)];
}

/** The HEDGE catalog: id -> [required, total] parameter counts, in the order the functions take them. */
const CATALOG: Record<string, [number, number]> = {
  MINVAR: [2, 3],
  STATS: [2, 3],
  BETA: [2, 3],
  ROLLING: [3, 4],
  EWMA: [2, 4],
  CONTRACTS: [3, 5],
  BETAHEDGE: [4, 5],
  DELTAHEDGE: [2, 3],
  PRICE: [5, 8],
  DELTA: [5, 8],
  GAMMA: [5, 8],
  VEGA: [5, 8],
  THETA: [5, 8],
  RHO: [5, 8],
  IMPLIEDVOL: [5, 8],
  INDEX: [2, 2],
  EFFECTIVENESS: [3, 5],
  PNL: [3, 4],
};

/** Every HEDGE.X(...) call in a formula with its top-level arguments (strings and nesting respected). */
function hedgeCalls(formula: string): { name: string; args: string[] }[] {
  const calls: { name: string; args: string[] }[] = [];
  const re = /HEDGE\.([A-Z]+)\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(formula))) {
    const args: string[] = [];
    let depth = 0;
    let current = "";
    let inString = false;
    for (let i = m.index + m[0].length; i < formula.length; i++) {
      const ch = formula[i];
      if (inString) {
        current += ch;
        if (ch === '"') inString = formula[i + 1] === '"' ? (current += formula[++i], true) : false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === "'") {
        // A quoted sheet name: copy up to the closing quote ('' is an escaped quote).
        current += ch;
        for (i++; i < formula.length; i++) {
          current += formula[i];
          if (formula[i] === "'" && formula[i + 1] === "'") current += formula[++i];
          else if (formula[i] === "'") break;
        }
        continue;
      }
      if (ch === "(") depth++;
      if (ch === ")") {
        if (depth === 0) break;
        depth--;
      }
      if (ch === "," && depth === 0) {
        args.push(current);
        current = "";
        continue;
      }
      current += ch;
    }
    args.push(current);
    calls.push({ name: m[1], args });
  }
  return calls;
}

function allFormulas(p: InsertPlan): string[] {
  const cells = p.blocks.flatMap((b) => b.cells.flat()).concat(p.registerRow);
  return cells.flatMap((c) => (c.kind === "formula" ? [c.formula] : []));
}

function everyPlan(): InsertPlan[] {
  const plans: InsertPlan[] = [];
  for (const kind of ["futures", "forward", "asset"] as const) {
    for (const method of ["minvar", "rolling", "ewma", "naive"] as const) {
      for (const input of ["prices", "returns", "logreturns", "changes"] as const) {
        const s = sampleSettings();
        plans.push(plan({ ...s, instrument: { ...s.instrument, kind }, method: { ...s.method, kind: method }, data: { ...s.data, input } }));
      }
    }
  }
  for (const premium of ["", "0.12"]) {
    for (const direction of ["long", "short"] as const) {
      const s = sampleSettings();
      plans.push(
        plan({
          ...s,
          exposure: { ...s.exposure, direction },
          instrument: { ...s.instrument, kind: "put", strike: "2.4", expiry: "0.25", rate: "4%", vol: "35%", premium },
        }),
      );
    }
  }
  return plans;
}

describe("formulas", () => {
  it("quotes text arguments the Excel way", () => {
    assert.equal(stringLiteral('say "hi"'), '"say ""hi"""');
  });

  it("makes source ranges absolute and sheet-qualified, doubling apostrophes", () => {
    assert.equal(sourceRef("'Bob''s data'!B2:B61"), "'Bob''s data'!$B$2:$B$61");
    assert.equal(sourceRef("Prices!B:B"), "'Prices'!$B:$B");
    const src = { spot: "'My Sheet'!B2:B61", hedge: "'Bob''s data'!C2:C61", input: "logreturns" as const };
    assert.equal(hedgeFormulas.minvar(src), `=HEDGE.MINVAR('My Sheet'!$B$2:$B$61,'Bob''s data'!$C$2:$C$61,"logreturns")`);
  });
});

describe("insert plan", () => {
  it("writes live HEDGE formulas on the source ranges for a futures hedge", () => {
    const p = plan(sampleSettings());
    assert.equal(cellAt(p, "A21"), "Hedge ratio");
    assert.equal(cellAt(p, "B21"), `=HEDGE.MINVAR(${SPOT},${FUT},"prices")`);
    assert.equal(cellAt(p, "B22"), "=HEDGE.CONTRACTS($B$21,$B$6,$B$10)");
    assert.equal(cellAt(p, "B23"), "=ROUND(ABS($B$22),0)");
    assert.equal(cellAt(p, "B24"), '=IF($B$22>=0,"buy","sell")', "a short exposure buys futures");
    assert.equal(cellAt(p, "B25"), `=HEDGE.EFFECTIVENESS(${SPOT},${FUT},$B$21,"prices","variance")`);
    assert.equal(cellAt(p, "B26"), `=HEDGE.EFFECTIVENESS(${SPOT},${FUT},$B$21,"prices","r2")`);
    assert.equal(cellAt(p, "B27"), `=HEDGE.EFFECTIVENESS(${SPOT},${FUT},$B$21,"prices","dollaroffset")`);
    assert.equal(cellAt(p, "B28"), "=AND($B$27>=0.8,$B$27<=1.25)");
    assert.equal(cellAt(p, "D4"), `=HEDGE.STATS(${SPOT},${FUT},"prices")`);
    assert.equal(cellAt(p, "G5"), `=HEDGE.PNL(${SPOT},${FUT},0,"prices")`);
    assert.equal(cellAt(p, "H5"), `=HEDGE.PNL(${SPOT},${FUT},$B$21,"prices")`);
    assert.deepEqual(p.chart, { title: "Jet fuel purchase in three months: P&L per period, price changes", data: "G4:H64", from: "K4", to: "R22" });
  });

  it("tails the contract count with both prices when the ratio is on returns", () => {
    const s = sampleSettings();
    const p = plan({ ...s, data: { ...s.data, input: "returns" } });
    assert.equal(cellAt(p, "B22"), "=HEDGE.CONTRACTS($B$21,$B$6,$B$10,$B$8,$B$11)");
  });

  it("takes the latest rolling or EWMA ratio and spills the whole series beside the P&L", () => {
    const s = sampleSettings();
    const rolling = plan({ ...s, method: { kind: "rolling", window: "24", lambda: "0.94" } });
    assert.equal(cellAt(rolling, "A16"), "Window (observations)");
    assert.equal(cellAt(rolling, "B16"), "24");
    assert.equal(cellAt(rolling, "B21"), `=INDEX(HEDGE.ROLLING(${SPOT},${FUT},$B$16,"prices"),ROWS(${SPOT}))`);
    assert.equal(cellAt(rolling, "I5"), `=HEDGE.ROLLING(${SPOT},${FUT},$B$16,"prices")`);
    const ewma = plan({ ...s, method: { kind: "ewma", window: "24", lambda: "0.97" } });
    assert.equal(cellAt(ewma, "B16"), "0.97");
    assert.equal(cellAt(ewma, "B21"), `=INDEX(HEDGE.EWMA(${SPOT},${FUT},$B$16,"prices"),ROWS(${SPOT}))`);
    const naive = plan({ ...s, method: { ...s.method, kind: "naive" } });
    assert.equal(cellAt(naive, "B21"), "1");
  });

  it("prices the protective option with the option functions, implying vol from a quote", () => {
    const s = sampleSettings();
    const put = { ...s.instrument, kind: "put" as const, strike: "2.4", expiry: "0.25", rate: "4.5%", vol: "35%", premium: "" };
    const given = plan({ ...s, exposure: { ...s.exposure, direction: "long" }, instrument: put });
    assert.equal(cellAt(given, "B13"), "0.045");
    assert.equal(cellAt(given, "B21"), "0.35");
    assert.equal(cellAt(given, "B22"), '=HEDGE.PRICE($B$8,$B$11,$B$12,$B$13,$B$21,"put",$B$14,$B$15)');
    assert.equal(cellAt(given, "B23"), '=HEDGE.DELTA($B$8,$B$11,$B$12,$B$13,$B$21,"put",$B$14,$B$15)');
    assert.equal(cellAt(given, "B29"), "=HEDGE.DELTAHEDGE($B$23,$B$6)");
    const quoted = plan({ ...s, instrument: { ...put, premium: "0.12" } });
    assert.equal(cellAt(quoted, "B21"), '=HEDGE.IMPLIEDVOL($B$16,$B$8,$B$11,$B$12,$B$13,"call",$B$14,$B$15)', "a short exposure is protected by a call");
    assert.equal(cellAt(quoted, "F5"), "=-($E$5-$B$8)*$B$6");
  });

  it("fills the register row with documentation, live links to the sheet and the settings", () => {
    const s = sampleSettings();
    s.exposure.name = "<img src=x onerror=alert(1)>";
    s.docs.author = "A. Analyst";
    const p = plan(s, "Bob's hedge");
    assert.equal(p.registerRow.length, REGISTER_COLUMNS.length);
    assert.deepEqual(registerCell(p, "ID"), { kind: "text", text: "H-007" });
    assert.deepEqual(registerCell(p, "Hedged item"), { kind: "text", text: "<img src=x onerror=alert(1)>" });
    assert.deepEqual(registerCell(p, "Hedge ratio"), { kind: "formula", formula: "='Bob''s hedge'!$B$21" });
    assert.deepEqual(registerCell(p, "Effectiveness result"), { kind: "formula", formula: "='Bob''s hedge'!$B$25" });
    assert.deepEqual(registerCell(p, "Hedged amount"), { kind: "formula", formula: "='Bob''s hedge'!$B$30" });
    assert.deepEqual(registerCell(p, "Exposure amount"), { kind: "formula", formula: "='Bob''s hedge'!$B$29" });
    assert.deepEqual(registerCell(p, "Author"), { kind: "text", text: "A. Analyst" });
    assert.deepEqual(registerCell(p, "Date"), { kind: "text", text: "2025-03-31" });
    const settings = registerCell(p, "Settings");
    assert.equal(settings.kind, "text");
    assert.deepEqual(settingsFromJson((settings as { text: string }).text), s);
  });

  it("calls only catalog functions, with an argument count each accepts", () => {
    const names = new Set<string>();
    for (const p of everyPlan()) {
      for (const f of allFormulas(p)) {
        for (const call of hedgeCalls(f)) {
          names.add(call.name);
          const spec = CATALOG[call.name];
          assert.ok(spec, `HEDGE.${call.name} is not in the catalog (${f})`);
          assert.ok(call.args.length >= spec[0] && call.args.length <= spec[1], `${f}: HEDGE.${call.name} takes ${spec[0]}-${spec[1]} arguments, got ${call.args.length}`);
        }
      }
    }
    for (const used of ["MINVAR", "STATS", "ROLLING", "EWMA", "CONTRACTS", "EFFECTIVENESS", "PNL", "PRICE", "DELTA", "IMPLIEDVOL", "DELTAHEDGE"]) {
      assert.ok(names.has(used), `no plan uses HEDGE.${used}`);
    }
  });

  it("matches the built functions.json, when the build has produced the full catalog", function () {
    const path = join(__dirname, "..", "..", "dist", "functions.json");
    const meta = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as { functions: { id: string; parameters: { optional?: boolean }[] }[] }) : undefined;
    if (!meta || !meta.functions.some((f) => f.id === "MINVAR")) this.skip();
    const ids = new Map(meta!.functions.map((f) => [f.id, f.parameters]));
    for (const [id, [required, total]] of Object.entries(CATALOG)) {
      const params = ids.get(id);
      assert.ok(params, `functions.json has no ${id}`);
      assert.equal(params!.length, total, `${id} parameter count`);
      assert.equal(params!.filter((p) => !p.optional).length, required, `${id} required parameters`);
    }
  });

  it("never writes one cell twice", () => {
    for (const p of everyPlan()) {
      const addresses = planLines(p).map((l) => l.address);
      assert.equal(new Set(addresses).size, addresses.length);
    }
  });

  it("numbers register IDs after the highest one in use", () => {
    assert.equal(nextRegisterId([]), "H-001");
    assert.equal(nextRegisterId(["H-002", "H-010", "manual", "H-003"]), "H-011");
  });

  it("needs no data ranges for an option hedge", () => {
    const s = blankSettings();
    const p = plan({ ...s, exposure: { ...s.exposure, name: "Stock", quantity: "100", price: "50" }, instrument: { ...s.instrument, kind: "put", strike: "45", expiry: "0.5", rate: "0.03", vol: "0.3" } });
    assert.deepEqual(registerCell(p, "Exposure range"), { kind: "text", text: "" });
  });
});
