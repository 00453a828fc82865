import { strict as assert } from "assert";
import { registerEntry } from "../../src/taskpane/app";
import { blankSettings, settingsToJson } from "../../src/taskpane/state/settings";

describe("register rows read back into the wizard", () => {
  it("turns a record into an entry that can be re-opened", () => {
    const s = blankSettings();
    s.exposure.name = "EUR 10m receivable";
    const e = registerEntry({ ID: "H-003", "Hedged item": "EUR 10m receivable", "Hedging instrument": "Forward: EUR/USD 3m", Date: "2025-01-02", Sheet: "Hedge EUR", "Hedge ratio": 0.98, Settings: settingsToJson(s) });
    assert.equal(e.id, "H-003");
    assert.equal(e.ratio, 0.98);
    assert.deepEqual(e.settings, s);
  });

  it("keeps a row whose settings were damaged, with the reason instead of settings", () => {
    const e = registerEntry({ ID: "H-004", "Hedged item": "x", Settings: "{broken" });
    assert.equal(typeof e.settings, "string");
    assert.match(e.settings as string, /not valid JSON/);
  });

  it("copes with a register missing columns (a colleague deleted them)", () => {
    const e = registerEntry({ ID: 7 });
    assert.equal(e.id, "7");
    assert.equal(e.item, "");
    assert.equal(typeof e.settings, "string");
  });
});
