import { WizardApp } from "./app";
import { sampleSettings, sampleWorkbook, SAMPLE_SHEET } from "./sample/sampleWorkbook";
import { blankSettings } from "./state/settings";
import { initialState } from "./state/wizard";
import { el, replaceChildren } from "./view/dom";
import { OfficeWorkbook } from "./workbook/officeWorkbook";

/** The Excel API the Office workbook uses (getRangeByIndexes is the newest call). */
const EXCEL_API = "1.7";
/** How long to wait for Office before treating the page as a plain browser. */
const OFFICE_TIMEOUT_MS = 5000;

type Host = "excel" | "old-excel" | "none";

async function detectHost(): Promise<Host> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "none";
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_TIMEOUT_MS));
  const info = await Promise.race([Office.onReady(), timeout]);
  if (!info || info.host !== Office.HostType.Excel) return "none";
  return Office.context.requirements.isSetSupported("ExcelApi", EXCEL_API) ? "excel" : "old-excel";
}

function banner(host: Host): HTMLElement {
  if (host === "excel") return el("p", { class: "visually-hidden" }, "Connected to Excel.");
  if (host === "old-excel") {
    return el("p", { class: "banner" }, el("strong", {}, "This version of Excel is too old for the wizard."), `It needs Excel API ${EXCEL_API} or later; the HEDGE formulas still work.`);
  }
  return el(
    "p",
    { class: "banner", "data-testid": "preview-banner" },
    el("strong", {}, "Not connected to Excel: preview on sample data."),
    `The sample workbook has a sheet "${SAMPLE_SHEET}" with 60 months of jet fuel spot (B2:B61) and heating-oil futures (C2:C61). ` +
      "Inserting writes only to this sample; the last step shows the sheet and formulas Excel would get.",
  );
}

async function start(): Promise<void> {
  const root = document.getElementById("app") as HTMLElement;
  const status = document.getElementById("connection") as HTMLElement;
  const host = await detectHost();
  replaceChildren(status, banner(host));
  if (host === "old-excel") {
    replaceChildren(root);
    return;
  }
  if (host === "excel") {
    new WizardApp(root, new OfficeWorkbook(), initialState(true), { newSettings: blankSettings });
    return;
  }
  new WizardApp(root, sampleWorkbook(), initialState(false, sampleSettings()), { newSettings: sampleSettings });
}

void start();
