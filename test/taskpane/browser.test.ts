import { strict as assert } from "assert";
import { existsSync } from "fs";
import { Server } from "http";
import { join } from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import {
  contracts,
  dollarOffsetTest,
  effectiveness,
  hedgeStatistics,
  impliedVol,
  minVarianceRatio,
  optionGreeks,
  optionHedgeCost,
  protectiveScenarios,
  readPair,
} from "../../src/core";
import { SCENARIO_MOVES } from "../../src/taskpane/analysis/optionAnalysis";
import { SAMPLE_CONTRACT_GALLONS, SAMPLE_EXPOSURE_GALLONS, SAMPLE_HEATING_OIL, SAMPLE_JET_FUEL } from "../../src/taskpane/sample/jetFuel";
import { formatAmount, formatExact, formatPercent, formatPrice, formatRatio, formatWhole } from "../../src/taskpane/view/format";
import { smallChangesWarning } from "../../src/taskpane/view/reviewView";
import { DIST, OFFICE_CDN, Recorder, artifact, isOfficeTelemetryBlock, launch, openPane, serve } from "./support/browser";

/*
 * The preview pane in Debian's Chromium: the whole wizard on the bundled sample, a hostile asset name,
 * keyboard-only use, narrow and wide panes, and what the page may and may not do (network, console,
 * dialogs). Numbers are checked against the core called here on the same sample, never against
 * constants.
 */

const HOSTILE = "<img src=x onerror=alert(1)>";
const SPOT = "'Fuel prices'!$B$2:$B$61";
const FUT = "'Fuel prices'!$C$2:$C$61";

const column = (xs: readonly number[]) => xs.map((x) => [x]);

function corePair(rows = SAMPLE_JET_FUEL.length) {
  return readPair(column(SAMPLE_JET_FUEL.slice(0, rows)), column(SAMPLE_HEATING_OIL.slice(0, rows)), "spot", "futures", "prices", 3);
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.locator(`[data-testid="${testId}"]`).first().innerText()).trim();
}

async function goNext(page: Page, step: string): Promise<void> {
  await page.click("#next");
  await page.waitForSelector(`form[data-step="${step}"]`);
}

/** Every control on screen has a label a screen reader announces (a <label>, or a legend for radios). */
async function everyControlLabelled(page: Page): Promise<void> {
  const unlabelled = await page.$$eval("input, select, textarea", (els) =>
    (els as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[])
      .filter((e) => e.offsetParent !== null && (e.labels === null || e.labels.length === 0))
      .map((e) => e.id || e.outerHTML),
  );
  assert.deepEqual(unlabelled, [], "controls without a <label>");
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `the pane scrolls sideways: ${scroll}px of content in ${client}px`);
}

/** Everything the page did that it should not have. */
async function assertClean(page: Page, rec: Recorder, origin: string): Promise<void> {
  const foreign = rec.requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith(OFFICE_CDN) && !u.startsWith("file://"));
  assert.deepEqual(foreign, [], "requests to anything but the page's server or Office's (routed) script");
  const officeFiles = rec.requests.filter((u) => u.startsWith(OFFICE_CDN)).map((u) => u.slice(OFFICE_CDN.length));
  assert.ok(officeFiles.every((f) => f === "office.js" || f === "o15apptofilemappingtable.js"), `Office files: ${officeFiles.join(", ")}`);
  assert.deepEqual(rec.dialogs, [], "a dialog opened");
  assert.deepEqual(rec.pageErrors, [], "uncaught errors in the page");
  const errors = rec.console.filter((m) => m.type() === "error" && !isOfficeTelemetryBlock(m)).map((m) => m.text());
  assert.deepEqual(errors, [], "console errors");
  const violations = (await rec.violations()).filter(
    (v) => !(v.directive === "frame-src" && v.blockedURI.startsWith("https://telemetryservice.firstpartyapps.oaspapps.com")) && !v.sourceFile.startsWith(OFFICE_CDN),
  );
  assert.deepEqual(violations, [], "Content-Security-Policy violations by our own code");
  assert.equal(await page.locator("img").count(), 0, "an <img> element exists");
}

describe("taskpane in a browser (preview on sample data)", function () {
  this.timeout(120_000);
  let browser: Browser;
  let server: Server;
  let origin: string;

  before(async function () {
    if (!existsSync(join(DIST, "taskpane.html"))) {
      throw new Error(`${DIST}/taskpane.html is missing: build first (npx webpack --mode production).`);
    }
    ({ server, origin } = await serve(DIST));
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it("runs the whole wizard to an insert, showing what the core computes", async () => {
    const { page, rec } = await openPane(browser, `${origin}/taskpane.html`, 360);
    await page.waitForSelector('form[data-step="exposure"]');
    // Record whether a progress indicator was ever shown while the review computed.
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="review-progress"]')) w.__sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    assert.match(await text(page, "preview-banner"), /Not connected to Excel/);
    await page.screenshot({ path: artifact("1-exposure.png"), fullPage: true });

    await goNext(page, "instrument");
    await page.screenshot({ path: artifact("2-instrument.png"), fullPage: true });
    await goNext(page, "data");
    await page.waitForSelector("text=60 rows read from 'Fuel prices'!C2:C61");
    await page.screenshot({ path: artifact("3-data.png"), fullPage: true });
    await goNext(page, "method");
    assert.match(await page.innerText('form[data-step="method"]'), /regression slope of exposure changes on instrument changes/);
    await page.screenshot({ path: artifact("4-method.png"), fullPage: true });
    await goNext(page, "review");
    await page.waitForSelector('[data-testid="ratio-value"]');
    assert.ok(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress), "no progress was shown");

    const p = corePair();
    const ratio = minVarianceRatio(p.s, p.f, p.n);
    const stats = hedgeStatistics(p.s, p.f, p.n);
    const exact = contracts(ratio, SAMPLE_EXPOSURE_GALLONS, SAMPLE_CONTRACT_GALLONS);
    assert.equal(await text(page, "ratio-value"), formatRatio(ratio));
    assert.equal(await text(page, "ratio-ci"), `95% interval ${formatRatio(stats.ci95Low)} to ${formatRatio(stats.ci95High)}`);
    assert.equal(await text(page, "contracts-rounded"), `Buy ${formatWhole(exact)} contracts`);
    assert.equal(await text(page, "contracts-exact"), `(exact ${formatExact(exact)})`);
    assert.equal(await text(page, "variance"), formatPercent(effectiveness(p.s, p.f, p.n, ratio, "variance")));
    assert.equal(await text(page, "r2"), formatPercent(effectiveness(p.s, p.f, p.n, ratio, "r2")));
    assert.match(await text(page, "dollar-offset"), new RegExp(`^${formatPercent(effectiveness(p.s, p.f, p.n, ratio, "dollaroffset")).replace(".", "\\.")}`));
    // Sixty months in which jet fuel rose 0.236 $/gal in all: the core says that is inside the noise.
    const offset = dollarOffsetTest(p.s, p.f, p.n, ratio);
    assert.ok(offset.smallChanges, "the bundled sample is a case where the warning must show");
    assert.equal(await text(page, "offset-band"), offset.inBand ? "within 80%–125%" : "outside 80%–125%");
    assert.equal(await text(page, "offset-small"), smallChangesWarning(offset));
    assert.match(await text(page, "offset-small"), /\|Σ spot\| = 0\.236 is under 5 × the hedged noise 0\.0751\.$/);
    const lines = await page.$$eval("svg.chart polyline", (ps) => ps.map((pl) => (pl.getAttribute("points") ?? "").trim().split(/\s+/).length));
    assert.deepEqual(lines, [p.n, p.n], "each P&L line has one point per observation");
    await page.screenshot({ path: artifact("5-review.png"), fullPage: true });

    await goNext(page, "insert");
    await page.waitForSelector('[data-testid="plan-table"]');
    const plan = await page.innerText('[data-testid="plan-table"]');
    assert.ok(plan.includes(`=HEDGE.MINVAR(${SPOT},${FUT},"prices")`), plan);
    assert.ok(plan.includes(`=HEDGE.STATS(${SPOT},${FUT},"prices")`));
    assert.ok(plan.includes(`=HEDGE.EFFECTIVENESS(${SPOT},${FUT},$B$21,"prices","variance")`));
    assert.ok(plan.includes(`=HEDGE.PNL(${SPOT},${FUT},$B$21,"prices")`));
    assert.ok(plan.includes("=HEDGE.CONTRACTS($B$21,$B$6,$B$10)"));
    assert.equal(await text(page, "plan-sheet"), "Hedge Jet fuel purchase in");
    await page.fill("#f-docs-author", "A. Analyst");
    await page.screenshot({ path: artifact("6-insert.png"), fullPage: true });
    await page.click("#next");
    await page.waitForSelector('[data-testid="insert-done"]');
    assert.match(await text(page, "insert-done"), /Inserted on sheet Hedge Jet fuel purchase in and recorded as H-001/);
    // The notes went into the sheet and the register: the pane says so and no longer takes edits.
    assert.match(await text(page, "docs-locked"), /read-only here: it was recorded with H-001 as designated\. To amend it, edit row H-001 on the "Hedge register" sheet/);
    for (const id of ["#f-docs-risk", "#f-docs-objective", "#f-docs-ineffectiveness", "#f-docs-author"]) {
      assert.equal(await page.getAttribute(id, "readonly"), "", `${id} is read-only`);
    }
    await page.click("#f-docs-author");
    await page.keyboard.type("XYZ");
    assert.equal(await page.inputValue("#f-docs-author"), "A. Analyst", "typing into inserted documentation changes nothing");
    await page.waitForSelector('[data-testid="reopen-H-001"]');
    await page.screenshot({ path: artifact("7-inserted.png"), fullPage: true });

    // Re-open from the register, change the method, insert again: a new sheet and a new row.
    await page.click('[data-testid="reopen-H-001"]');
    await page.waitForSelector('form[data-step="exposure"]');
    assert.equal(await page.inputValue("#f-exposure-name"), "Jet fuel purchase in three months");
    assert.match(await text(page, "reopened"), /Editing a copy of H-001\. Inserting adds a new sheet and a new register row/);
    await goNext(page, "instrument");
    await goNext(page, "data");
    await page.waitForSelector("text=60 rows read from 'Fuel prices'!B2:B61");
    await goNext(page, "method");
    await page.check("#f-method-kind-ewma");
    await goNext(page, "review");
    await page.waitForSelector('[data-testid="ratio-value"]');
    await goNext(page, "insert");
    await page.waitForSelector('[data-testid="plan-table"]');
    assert.equal(await page.inputValue("#f-docs-author"), "A. Analyst", "documentation comes back from the register");
    await page.click("#next");
    await page.waitForSelector('[data-testid="insert-done"]');
    assert.match(await text(page, "insert-done"), /Hedge Jet fuel purchase in \(2\) and recorded as H-002/);
    await page.waitForSelector('[data-testid="reopen-H-002"]');
    assert.equal(await page.locator('[data-testid="register-list"] li').count(), 2);
    await page.screenshot({ path: artifact("8-reinserted.png"), fullPage: true });

    await noHorizontalScroll(page);
    // Office's telemetry frame would be attempted 3 s after load; wait for it so the CSP check sees it.
    await page.waitForTimeout(3500);
    await assertClean(page, rec, origin);
    await page.context().close();
  });

  it("shows a hostile asset name as text everywhere and runs nothing", async () => {
    const { page, rec } = await openPane(browser, `${origin}/taskpane.html`, 360);
    await page.waitForSelector('form[data-step="exposure"]');
    await page.fill("#f-exposure-name", HOSTILE);
    await goNext(page, "instrument");
    await page.fill("#f-instrument-name", HOSTILE);
    await goNext(page, "data");
    await goNext(page, "method");
    await goNext(page, "review");
    await page.waitForSelector('[data-testid="ratio-value"]');
    assert.ok((await page.innerText("figcaption")).length > 0);
    await goNext(page, "insert");
    await page.waitForSelector('[data-testid="plan-table"]');
    await page.fill("#f-docs-author", HOSTILE);
    const plan = await page.innerText('[data-testid="plan-table"]');
    assert.ok(plan.includes(`Micro-hedge: ${HOSTILE}`), "the name appears literally in the plan");
    await page.click("#next");
    await page.waitForSelector('[data-testid="insert-done"]');
    await page.waitForSelector('[data-testid="register-list"]');
    const register = await page.innerText('[data-testid="register-list"]');
    assert.ok(register.includes(`H-001 ${HOSTILE}`), register);
    await page.screenshot({ path: artifact("hostile-name.png"), fullPage: true });
    await page.waitForTimeout(3500);
    await assertClean(page, rec, origin);
    await page.context().close();
  });

  it("explains bad data in plain words before letting the user go on", async () => {
    const { page, rec } = await openPane(browser, `${origin}/taskpane.html`, 360);
    await page.waitForSelector('form[data-step="exposure"]');
    await goNext(page, "instrument");
    await goNext(page, "data");
    await page.fill("#f-data-hedge", "'Fuel prices'!C2:C60");
    await page.press("#f-data-hedge", "Enter");
    await page.waitForSelector("text=59 rows read from 'Fuel prices'!C2:C60");
    await page.click("#next");
    await page.waitForSelector("text=Spot and futures have different lengths (60 vs 59 rows).");
    assert.equal(await page.getAttribute("#step-issues", "aria-live"), "polite");
    assert.equal(await page.locator('form[data-step="data"]').count(), 1, "the wizard must stay on Data");
    await page.fill("#f-data-spot", "'Fuel prices'!B1:B60");
    await page.press("#f-data-spot", "Enter");
    await page.waitForSelector('text=Row 1 of the spot range (B1) holds text ("Jet fuel spot ($/gal)"). Leave the header out of the range.');
    await page.screenshot({ path: artifact("data-validation.png"), fullPage: true });
    await page.fill("#f-data-spot", "'Fuel prices'!B2:B61");
    await page.press("#f-data-spot", "Enter");
    await page.fill("#f-data-hedge", "'Fuel prices'!C2:C61");
    await page.press("#f-data-hedge", "Enter");
    await page.waitForSelector("text=60 rows read from 'Fuel prices'!C2:C61");
    await goNext(page, "method");
    await assertClean(page, rec, origin);
    await page.context().close();
  });

  it("prices a protective option with the core's numbers", async () => {
    const { page, rec } = await openPane(browser, `${origin}/taskpane.html`, 360);
    await page.waitForSelector('form[data-step="exposure"]');
    await page.check("#f-exposure-direction-long");
    await goNext(page, "instrument");
    await page.check("#f-instrument-kind-put");
    await page.fill("#f-instrument-name", "Jet fuel put, OTC");
    await page.fill("#f-instrument-strike", "2.6");
    await page.fill("#f-instrument-expiry", "0.25");
    await page.fill("#f-instrument-rate", "4.5%");
    await page.fill("#f-instrument-vol", "35%");
    assert.equal(await page.locator('#goto-data').isVisible(), false, "an option hedge needs no histories");
    await page.screenshot({ path: artifact("option-instrument.png"), fullPage: true });
    await goNext(page, "review");
    await page.waitForSelector('[data-testid="premium"]');
    const g = optionGreeks({ S: SAMPLE_JET_FUEL[SAMPLE_JET_FUEL.length - 1], K: 2.6, T: 0.25, r: 0.045, sigma: 0.35, type: "put", q: 0, model: "bsm" });
    assert.equal(await text(page, "premium"), formatPrice(g.price));
    assert.equal(await text(page, "delta"), formatRatio(g.delta));
    const S0 = SAMPLE_JET_FUEL[SAMPLE_JET_FUEL.length - 1];
    const e = protectiveScenarios({ direction: "long", quantity: SAMPLE_EXPOSURE_GALLONS, spot: S0, strike: 2.6, premium: g.price }, SCENARIO_MOVES, "move");
    assert.match(await text(page, "option"), /^Put struck at 2\.60/);
    assert.equal(await text(page, "option-cost-value"), formatAmount(optionHedgeCost(g.price, SAMPLE_EXPOSURE_GALLONS)));
    assert.equal(await text(page, "option-floor-value"), formatAmount(e.floor));
    assert.equal(await page.locator("svg.chart polyline").count(), 2);
    await page.screenshot({ path: artifact("option-review.png"), fullPage: true });

    // With a quoted premium the volatility is implied by the core, and the vol field goes away.
    await page.click("#goto-instrument");
    await page.fill("#f-instrument-premium", "0.15");
    assert.equal(await page.locator("#f-instrument-vol").count(), 0);
    await goNext(page, "review");
    await page.waitForSelector('[data-testid="vol"]');
    const S = SAMPLE_JET_FUEL[SAMPLE_JET_FUEL.length - 1];
    const implied = impliedVol(0.15, { S, K: 2.6, T: 0.25, r: 0.045, type: "put", q: 0, model: "bsm" });
    assert.equal(await text(page, "vol"), formatPercent(implied));
    assert.match(await page.innerText('form[data-step="review"]'), /Implied volatility/);
    await goNext(page, "insert");
    await page.waitForSelector('[data-testid="plan-table"]');
    assert.ok((await page.innerText('[data-testid="plan-table"]')).includes('=HEDGE.PRICE($B$8,$B$11,$B$12,$B$13,$B$21,"put",$B$14,$B$15)'));
    await assertClean(page, rec, origin);
    await page.context().close();
  });

  it("shows no small-changes warning on a stretch where the spot moved well beyond the noise", async () => {
    const { page, rec } = await openPane(browser, `${origin}/taskpane.html`, 360);
    await page.waitForSelector('form[data-step="exposure"]');
    await goNext(page, "instrument");
    await goNext(page, "data");
    // The first two years: jet fuel rose 0.289 $/gal against a hedged noise five times 0.0484.
    await page.fill("#f-data-spot", "'Fuel prices'!B2:B25");
    await page.press("#f-data-spot", "Enter");
    await page.fill("#f-data-hedge", "'Fuel prices'!C2:C25");
    await page.press("#f-data-hedge", "Enter");
    await page.waitForSelector("text=24 rows read from 'Fuel prices'!C2:C25");
    await goNext(page, "method");
    await goNext(page, "review");
    await page.waitForSelector('[data-testid="ratio-value"]');
    const p = corePair(24);
    const ratio = minVarianceRatio(p.s, p.f, p.n);
    const offset = dollarOffsetTest(p.s, p.f, p.n, ratio);
    assert.equal(offset.smallChanges, false, "the core must judge this stretch large enough");
    assert.equal(await text(page, "ratio-value"), formatRatio(ratio));
    assert.equal(await text(page, "dollar-offset"), `${formatPercent(offset.offset)} ${offset.inBand ? "within 80%–125%" : "outside 80%–125%"}`);
    assert.equal(await page.locator('[data-testid="offset-small"]').count(), 0);
    await assertClean(page, rec, origin);
    await page.context().close();
  });

  it("caps a purchase with calls: cost, worst case and the P&L at expiry from the core", async () => {
    const { page, rec } = await openPane(browser, `${origin}/taskpane.html`, 360);
    await page.waitForSelector('form[data-step="exposure"]');
    assert.equal(await page.isChecked("#f-exposure-direction-short"), true, "the sample is jet fuel to buy");
    await goNext(page, "instrument");
    await page.check("#f-instrument-kind-put");
    await page.waitForSelector("text=Call option (underlying, exchange)");
    await page.fill("#f-instrument-name", "Jet fuel call, OTC");
    await page.fill("#f-instrument-strike", "2.8");
    await page.fill("#f-instrument-expiry", "0.25");
    await page.fill("#f-instrument-rate", "4.5%");
    await page.fill("#f-instrument-vol", "35%");
    await goNext(page, "review");
    await page.waitForSelector('[data-testid="option-cost"]');
    const S = SAMPLE_JET_FUEL[SAMPLE_JET_FUEL.length - 1];
    const g = optionGreeks({ S, K: 2.8, T: 0.25, r: 0.045, sigma: 0.35, type: "call", q: 0, model: "bsm" });
    const e = protectiveScenarios({ direction: "short", quantity: SAMPLE_EXPOSURE_GALLONS, spot: S, strike: 2.8, premium: g.price }, SCENARIO_MOVES, "move");
    assert.equal(e.type, "call");
    assert.match(await text(page, "option"), /^Call struck at 2\.80, 0\.25 years/);
    assert.match(await text(page, "option-why"), /Calls cap the price you pay/);
    assert.equal(await text(page, "premium"), formatPrice(g.price));
    assert.equal(await text(page, "option-cost-value"), formatAmount(optionHedgeCost(g.price, SAMPLE_EXPOSURE_GALLONS)));
    assert.equal(await text(page, "option-floor-value"), formatAmount(e.floor));
    // One point per scenario plus the strike, where the hedged line turns flat; the axis ends at the grid's prices.
    const lines = await page.$$eval("svg.chart polyline", (ps) => ps.map((pl) => (pl.getAttribute("points") ?? "").trim().split(/\s+/)));
    assert.deepEqual(lines.map((l) => l.length), [SCENARIO_MOVES.length + 1, SCENARIO_MOVES.length + 1]);
    const ticks = await page.$$eval("svg.chart text.tick", (ts) => ts.map((t) => t.textContent));
    assert.ok(ticks.includes(formatPrice(e.scenarios[0].price)) && ticks.includes(formatPrice(e.scenarios[e.scenarios.length - 1].price)), ticks.join(" | "));
    assert.ok(ticks.includes("strike"));
    // Above the strike the hedged line is flat at the floor: every point right of the strike has one y.
    const hedged = lines[1].map((pt) => pt.split(",").map(Number));
    const strikeAt = e.scenarios.filter((x) => x.price < 2.8).length;
    const flat = new Set(hedged.slice(strikeAt).map(([, y]) => y));
    assert.equal(flat.size, 1, `hedged P&L above the strike should be flat: ${[...flat].join(", ")}`);
    const desc = await page.$eval("svg.chart desc", (d) => d.textContent ?? "");
    assert.ok(desc.includes(`with the calls, after their premium of ${formatAmount(e.cost)}`), desc);
    await page.screenshot({ path: artifact("option-call-review.png"), fullPage: true });
    await assertClean(page, rec, origin);
    await page.context().close();
  });

  it("works with the keyboard alone, with visible focus", async () => {
    const { page, rec } = await openPane(browser, `${origin}/taskpane.html`, 360);
    await page.waitForSelector('form[data-step="exposure"]');

    const focusInfo = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { id: "", visible: false, tag: "" };
        const style = getComputedStyle(el);
        const visible = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        return { id: el.id, visible, tag: el.tagName };
      });
    const tabTo = async (id: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press("Tab");
        const f = await focusInfo();
        // Past the last control focus leaves the page (body) before wrapping to the first one.
        if (f.tag === "") continue;
        assert.ok(f.visible, `no visible focus on ${f.tag}#${f.id}`);
        if (f.id === id) return;
      }
      assert.fail(`Tab never reached #${id}`);
    };

    // Clear the quantity, press Enter: the wizard stays and focus lands on the field with its message.
    await tabTo("f-exposure-quantity");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#f-exposure-quantity-error:has-text('Quantity is required: give a number.')");
    assert.equal((await focusInfo()).id, "f-exposure-quantity");
    await page.keyboard.type("2,000,000");
    await page.keyboard.press("Enter");
    await page.waitForSelector('form[data-step="instrument"]');
    assert.equal((await focusInfo()).id, "step-title", "a new step announces itself by its heading");
    await page.screenshot({ path: artifact("keyboard-instrument.png"), fullPage: true });

    // Radio choice with the arrow keys, then Next with Space on the button.
    await tabTo("f-instrument-kind-futures");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.isChecked("#f-instrument-kind-forward"), true);
    await page.keyboard.press("ArrowUp");
    await tabTo("next");
    await page.keyboard.press("Space");
    await page.waitForSelector('form[data-step="data"]');
    await tabTo("next");
    await page.keyboard.press("Enter");
    await page.waitForSelector('form[data-step="method"]');
    await tabTo("next");
    await page.keyboard.press("Enter");
    await page.waitForSelector('form[data-step="review"]');
    await page.waitForSelector('[data-testid="ratio-value"]');
    await tabTo("next");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="plan-table"]');
    await tabTo("f-docs-author");
    await page.keyboard.type("K. Board");
    await tabTo("next");
    await page.screenshot({ path: artifact("keyboard-insert.png"), fullPage: true });
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="insert-done"]');
    assert.equal((await focusInfo()).id, "insert-done", "the result takes focus when the Insert button goes away");

    // Back to an earlier step through the step list.
    await tabTo("goto-exposure");
    await page.keyboard.press("Enter");
    await page.waitForSelector('form[data-step="exposure"]');
    await assertClean(page, rec, origin);
    await page.context().close();
  });

  for (const width of [320, 450]) {
    it(`reads without sideways scrolling at ${width} px`, async () => {
      const { page, rec } = await openPane(browser, `${origin}/taskpane.html`, width);
      await page.waitForSelector('form[data-step="exposure"]');
      for (const step of ["instrument", "data", "method", "review", "insert"]) {
        await noHorizontalScroll(page);
        await everyControlLabelled(page);
        await goNext(page, step);
        if (step === "review") await page.waitForSelector('[data-testid="ratio-value"]');
        if (step === "insert") await page.waitForSelector('[data-testid="plan-table"]');
        await page.screenshot({ path: artifact(`${width}px-${step}.png`), fullPage: true });
      }
      await noHorizontalScroll(page);
      await everyControlLabelled(page);
      await assertClean(page, rec, origin);
      await page.context().close();
    });
  }

  it("styles the pane from taskpane.css, a plain stylesheet older Mac WebViews load too", async () => {
    const { page, rec } = await openPane(browser, `${origin}/taskpane.html`, 360);
    await page.waitForSelector('form[data-step="exposure"]');
    const css = await page.evaluate(() => ({
      adopted: document.adoptedStyleSheets.length,
      sheets: Array.from(document.styleSheets, (s) => s.href),
      primary: getComputedStyle(document.querySelector("#next") as HTMLElement).backgroundColor,
    }));
    assert.equal(css.adopted, 0, "no constructed stylesheet (Safari < 16.4 has none)");
    assert.deepEqual(css.sheets, [`${origin}/taskpane.css`]);
    assert.equal(css.primary, "rgb(0, 120, 212)", "the stylesheet's rules apply");
    assert.ok(rec.requests.includes(`${origin}/taskpane.css`));
    await assertClean(page, rec, origin);
    await page.context().close();
  });

  it("opened from disk with no Office script at all, still previews", async () => {
    const { page, rec } = await openPane(browser, pathToFileURL(join(DIST, "taskpane.html")).href, 360, false);
    await page.waitForSelector('[data-testid="preview-banner"]');
    await page.waitForSelector('form[data-step="exposure"]');
    await goNext(page, "instrument");
    await page.screenshot({ path: artifact("file-url.png"), fullPage: true });
    assert.deepEqual(rec.pageErrors, []);
    assert.deepEqual(rec.dialogs, []);
    const errors = rec.console.filter((m) => m.type() === "error" && !/office\.js/.test(m.text()) && !/ERR_FAILED|Failed to load resource/.test(m.text()));
    assert.deepEqual(errors.map((m) => m.text()), []);
    await page.context().close();
  });
});
