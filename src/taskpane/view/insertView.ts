import { planLines } from "../insert/plan";
import type { InsertState } from "../state/wizard";
import { REGISTER_SHEET, REGISTER_TABLE } from "../workbook/register";
import { el } from "./dom";

export interface InsertHandlers {
  confirm(overwrite: boolean): void;
  startNew(): void;
}

/**
 * The insert step's lower half: the sheet, formulas, chart and register row an insert writes (printed
 * as text, which is the preview's whole output), then progress, a confirmation, or the result.
 */
export function insertBody(state: InsertState, connected: boolean, h: InsertHandlers, detailsOpen?: boolean): HTMLElement {
  if (state.status === "idle") return el("p", { class: "muted" }, "Preparing what will be written…");
  const parts: HTMLElement[] = [];
  const plan = state.plan;
  if (plan) {
    const lines = planLines(plan);
    const table = el(
      "table",
      { class: "plan", "data-testid": "plan-table" },
      el("caption", {}, `Sheet ${plan.sheet}`),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Cell"), el("th", { scope: "col" }, "Content"))),
      el("tbody", {}, ...lines.map((l) => el("tr", {}, el("th", { scope: "row" }, l.address), el("td", {}, l.content)))),
    );
    const summary = el(
      "ul",
      { class: "plan-summary" },
      el("li", {}, "A new sheet ", el("strong", { "data-testid": "plan-sheet" }, plan.sheet), ` with ${lines.length} cells of inputs and live HEDGE formulas.`),
      el("li", {}, `A line chart "${plan.chart.title}" of ${plan.chart.data}.`),
      el("li", {}, `Row ${plan.id} appended to the ${REGISTER_TABLE} table on sheet "${REGISTER_SHEET}" (created if missing).`),
    );
    // Ids let keyboard focus survive a rebuild of this part (the plan is rebuilt as documentation is typed).
    const details = el(
      "details",
      { class: "plan-details", id: "plan-details", open: detailsOpen ?? !connected },
      el(
        "summary",
        { id: "plan-toggle" },
        state.status === "done" ? "The cells and formulas written" : connected ? "Show the cells and formulas" : "The cells and formulas this would write",
      ),
      el("div", { class: "plan-scroll", id: "plan-scroll", tabindex: 0, role: "region", "aria-label": "Cells and formulas" }, table),
    );
    const heading = state.status === "done" ? (connected ? "Added" : "Added to the sample workbook") : connected ? "This will add" : "In Excel this would add";
    parts.push(el("h3", {}, heading), summary, details);
  }
  switch (state.status) {
    case "confirming": {
      const keep = el("button", { type: "button", class: "secondary", id: "confirm-keep", "data-testid": "confirm-keep" }, "Keep my data");
      const overwrite = el("button", { type: "button", class: "danger", id: "confirm-overwrite", "data-testid": "confirm-overwrite" }, "Overwrite");
      keep.addEventListener("click", () => h.confirm(false));
      overwrite.addEventListener("click", () => h.confirm(true));
      const shown = state.addresses.slice(0, 8).join(", ") + (state.addresses.length > 8 ? `, and ${state.addresses.length - 8} more` : "");
      parts.push(
        el(
          "div",
          { class: "confirm", role: "alertdialog", "aria-labelledby": "confirm-title", "aria-describedby": "confirm-text" },
          el("h3", { id: "confirm-title" }, "Overwrite cells that hold data?"),
          el("p", { id: "confirm-text" }, `These cells are not empty: ${shown}.`),
          el("div", { class: "actions" }, keep, overwrite),
        ),
      );
      break;
    }
    case "writing":
      parts.push(el("p", { class: "message", role: "status" }, state.label));
      break;
    case "done": {
      const again = el("button", { type: "button", class: "secondary", id: "start-new", "data-testid": "start-new" }, "Start a new hedge");
      again.addEventListener("click", () => h.startNew());
      parts.push(
        el(
          "div",
          { class: "message ok", role: "status", id: "insert-done", tabindex: -1, "data-testid": "insert-done" },
          el("p", {}, `Inserted on sheet ${state.sheet} and recorded as ${state.plan.id} in the hedge register.`),
          el(
            "p",
            { "data-testid": "docs-locked" },
            `The documentation above is now read-only here: it was recorded with ${state.plan.id} as designated. ` +
              `To amend it, edit row ${state.plan.id} on the "${REGISTER_SHEET}" sheet; to document another hedge, start a new one.`,
          ),
          again,
        ),
      );
      break;
    }
    case "failed":
      parts.push(el("p", { class: "message error", role: "alert" }, state.message));
      break;
    default:
      break;
  }
  return el("div", { class: "insert" }, ...parts);
}
