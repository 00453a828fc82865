import { strict as assert } from "assert";
import { blankSettings, settingsFromJson, settingsToJson, Settings } from "../../src/taskpane/state/settings";
import { typedValue } from "../../src/taskpane/state/typed";
import { stepIssues, visibleIssues } from "../../src/taskpane/state/validation";
import { documentationLocked, initialState, reduce, stepsFor, WizardState, Action } from "../../src/taskpane/state/wizard";
import type { CellValue } from "../../src/taskpane/workbook/workbook";

const column = (xs: CellValue[]): CellValue[][] => xs.map((x) => [x]);
const prices = (n: number, start = 2, step = 0.013): number[] => Array.from({ length: n }, (_, i) => start + ((i * 7) % 5) * step + i * 0.001);

function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

function withRanges(spot: CellValue[][], hedge: CellValue[][], settings: Partial<Settings> = {}): WizardState {
  const s = { ...blankSettings(), ...settings };
  return run(
    initialState(true, s),
    { type: "rangeLoading", slot: "spot", address: "Prices!B2" },
    { type: "rangeLoaded", slot: "spot", requested: "Prices!B2", address: "Prices!B2:B61", values: spot },
    { type: "rangeLoading", slot: "hedge", address: "Prices!C2" },
    { type: "rangeLoaded", slot: "hedge", requested: "Prices!C2", address: "Prices!C2:C61", values: hedge },
  );
}

const messages = (state: WizardState, step: Parameters<typeof stepIssues>[1]) => stepIssues(state, step).map((i) => i.message);

describe("wizard state: data validation in plain words", () => {
  it("names different lengths with both counts", () => {
    const st = withRanges(column(prices(60)), column(prices(59)));
    assert.deepEqual(messages(st, "data"), ["Spot and futures have different lengths (60 vs 59 rows)."]);
  });

  it("points at the row (and cell) holding text", () => {
    const hedge: CellValue[] = prices(60);
    hedge[16] = "n/a";
    const st = withRanges(column(prices(60)), column(hedge));
    assert.deepEqual(messages(st, "data"), ['Row 17 of the futures range (C18) holds text ("n/a"). Every value must be a number or blank.']);
  });

  it("tells the user to leave a header out", () => {
    const st = withRanges(column(["Spot", ...prices(59)]), column(prices(60)));
    assert.deepEqual(messages(st, "data"), ['Row 1 of the spot range (B2) holds text ("Spot"). Leave the header out of the range.']);
  });

  it("names error values as errors", () => {
    const spot: CellValue[] = prices(10);
    spot[3] = "#N/A";
    const st = withRanges(column(spot), column(prices(10)));
    assert.match(messages(st, "data")[0], /^Row 4 of the spot range \(B5\) holds the error #N\/A\./);
  });

  it("needs at least three observations (from the core's count)", () => {
    const st = withRanges(column([2, 2.1, 2.2]), column([3, 3.05, 3.2]));
    const [m] = messages(st, "data");
    assert.match(m, /^Need at least 3 observations/);
    assert.match(m, /3 usable pairs of prices, which give 2 price changes/);
  });

  it("asks for a single column", () => {
    const wide = prices(5).map((p) => [p, p]);
    const st = withRanges(wide, column(prices(5)));
    assert.deepEqual(messages(st, "data"), ["The spot range is 5 rows by 2 columns; pick a single column (or a single row)."]);
  });

  it("accepts two clean columns", () => {
    const st = withRanges(column(prices(60)), column(prices(60, 2.1)));
    assert.deepEqual(messages(st, "data"), []);
  });

  it("needs a full window for a rolling ratio", () => {
    const st = withRanges(column(prices(20)), column(prices(20, 2.1)), {
      method: { kind: "rolling", window: "24", lambda: "0.94" },
    });
    assert.deepEqual(messages(st, "data"), []);
    assert.match(messages(st, "method")[0], /^Need at least 24 observations/);
  });

  it("says which range is still missing", () => {
    const st = initialState(true);
    assert.deepEqual(
      stepIssues(st, "data").map((i) => i.field),
      ["data.spot", "data.hedge"],
    );
    assert.match(messages(st, "data")[0], /^Pick the spot range: select it in the sheet and press Use selection/);
  });
});

describe("wizard state: fields", () => {
  const exposure = (values: Partial<Settings["exposure"]>) => run(initialState(true), ...Object.entries(values).map(([k, v]) => ({ type: "field", path: `exposure.${k}`, value: v }) as Action));

  it("uses the core's wording for numbers", () => {
    const st = exposure({ name: "Jet fuel", quantity: "-5", unit: "gal", price: "two" });
    assert.deepEqual(messages(st, "exposure"), ["Quantity must be greater than 0; it is -5.", 'Current price per unit must be a number, not the text "two".']);
  });

  it("reads thousands separators and percent signs", () => {
    assert.equal(typedValue("2,000,000"), 2000000);
    assert.equal(typedValue(" 2 000 000 "), 2000000);
    assert.equal(typedValue("4.5%", true), 0.045);
    assert.equal(typedValue("0.045", true), 0.045);
    assert.equal(typedValue("4.5%"), "4.5%");
    assert.equal(typedValue("1e3"), 1000);
    assert.equal(typedValue("abc"), "abc");
  });

  it("shows a field's message once it was left, and every message after Next", () => {
    let st = exposure({ quantity: "x" });
    assert.deepEqual(visibleIssues(st, "exposure"), []);
    st = reduce(st, { type: "touch", path: "exposure.quantity" });
    assert.deepEqual(visibleIssues(st, "exposure").map((i) => i.field), ["exposure.quantity"]);
    st = reduce(st, { type: "attempt", step: "exposure" });
    assert.deepEqual(visibleIssues(st, "exposure").map((i) => i.field), ["exposure.name", "exposure.quantity", "exposure.unit", "exposure.price"]);
  });

  it("asks for a volatility only when no premium is quoted", () => {
    let st = run(initialState(true), { type: "field", path: "instrument.kind", value: "put" });
    assert.ok(stepIssues(st, "instrument").some((i) => i.field === "instrument.vol"));
    st = reduce(st, { type: "field", path: "instrument.premium", value: "0.12" });
    assert.ok(!stepIssues(st, "instrument").some((i) => i.field === "instrument.vol"));
  });

  it("skips Data and Method for an option hedge", () => {
    const s = blankSettings();
    assert.deepEqual(stepsFor(s), ["exposure", "instrument", "data", "method", "review", "insert"]);
    assert.deepEqual(stepsFor({ ...s, instrument: { ...s.instrument, kind: "put" } }), ["exposure", "instrument", "review", "insert"]);
  });
});

describe("wizard state: transitions", () => {
  it("drops a slow read of an address that was replaced meanwhile", () => {
    let st = run(initialState(true), { type: "rangeLoading", slot: "spot", address: "A1:A3" }, { type: "rangeLoading", slot: "spot", address: "B1:B3" });
    st = reduce(st, { type: "rangeLoaded", slot: "spot", requested: "A1:A3", address: "Sheet1!A1:A3", values: [[1], [2], [3]] });
    assert.deepEqual(st.ranges.spot, { status: "loading", address: "B1:B3" });
    st = reduce(st, { type: "rangeLoaded", slot: "spot", requested: "B1:B3", address: "Sheet1!B1:B3", values: [[4], [5], [6]] });
    assert.equal(st.ranges.spot.status, "loaded");
    assert.equal(st.settings.data.spot, "Sheet1!B1:B3");
  });

  it("forgets the review when an input changes, and ignores progress from that stale run", () => {
    let st = run(initialState(true), { type: "reviewStart", run: 1, label: "x" });
    st = reduce(st, { type: "field", path: "exposure.quantity", value: "10" });
    assert.equal(st.review.status, "idle");
    st = reduce(st, { type: "reviewProgress", run: 1, progress: 0.5, label: "late" });
    assert.equal(st.review.status, "idle");
  });

  it("keeps the review when only documentation changes", () => {
    let st = run(initialState(true), { type: "reviewStart", run: 1, label: "x" });
    st = reduce(st, { type: "field", path: "docs.author", value: "A. Analyst" });
    assert.equal(st.review.status, "running");
  });

  it("keeps inserted documentation as recorded: edits after the insert are refused until a new hedge", () => {
    const plan = { sheet: "Hedge", id: "H-001", date: "2025-01-01", blocks: [], chart: { title: "", data: "", from: "", to: "" }, registerRow: [] };
    let st = run(
      initialState(true),
      { type: "field", path: "docs.author", value: "A. Analyst" },
      { type: "insertPlanned", plan, settings: blankSettings() },
      { type: "insertDone", sheet: "Hedge" },
    );
    assert.equal(documentationLocked(st), true);
    const after = reduce(st, { type: "field", path: "docs.author", value: "Someone else" });
    assert.equal(after, st, "the state is unchanged");
    assert.equal(after.settings.docs.author, "A. Analyst");
    // Inputs that change the numbers re-arm the insert (a new sheet and register row), and with it the notes.
    st = reduce(st, { type: "field", path: "exposure.quantity", value: "10" });
    assert.equal(documentationLocked(st), false);
    assert.equal(reduce(st, { type: "field", path: "docs.author", value: "B" }).settings.docs.author, "B");
  });

  it("re-opens saved settings at the first step, reading their ranges again", () => {
    const s = { ...blankSettings(), data: { spot: "Prices!B2:B61", hedge: "Prices!C2:C61", input: "returns" as const } };
    const st = reduce(initialState(true), { type: "reopen", id: "H-004", settings: s });
    assert.equal(st.step, "exposure");
    assert.equal(st.reopenedFrom, "H-004");
    assert.deepEqual(st.ranges.spot, { status: "loading", address: "Prices!B2:B61" });
    assert.equal(st.settings.data.input, "returns");
  });
});

describe("settings JSON (as stored in the register)", () => {
  it("round-trips", () => {
    const s = blankSettings();
    s.exposure.name = "<img src=x onerror=alert(1)>";
    s.method.kind = "ewma";
    assert.deepEqual(settingsFromJson(settingsToJson(s)), s);
  });

  it("drops unknown or malformed fields from an edited cell instead of trusting them", () => {
    const s = settingsFromJson(JSON.stringify({ exposure: { name: 42, direction: "sideways", quantity: "5" }, method: { kind: "magic" }, extra: { a: 1 } }));
    assert.equal(s.exposure.name, "");
    assert.equal(s.exposure.direction, "long");
    assert.equal(s.exposure.quantity, "5");
    assert.equal(s.method.kind, "minvar");
    assert.throws(() => settingsFromJson("not json"), /not valid JSON/);
  });
});
