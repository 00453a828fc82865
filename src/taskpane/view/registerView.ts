import type { RegisterEntry, RegisterState } from "../state/wizard";
import { el } from "./dom";
import { formatRatio } from "./format";

export interface RegisterHandlers {
  reopen(entry: RegisterEntry): void;
  refresh(): void;
}

/** The hedges recorded in this workbook's register: what a colleague opening the file sees first. */
export function registerBody(state: RegisterState, h: RegisterHandlers): HTMLElement {
  const refresh = el("button", { type: "button", class: "link", id: "register-refresh", "data-testid": "register-refresh" }, "Refresh");
  refresh.addEventListener("click", () => h.refresh());
  let body: HTMLElement;
  switch (state.status) {
    case "loading":
      body = el("p", { class: "muted" }, "Reading the hedge register…");
      break;
    case "failed":
      body = el("p", { class: "message error" }, state.message);
      break;
    case "loaded":
      body =
        state.entries.length === 0
          ? el("p", { class: "muted" }, "No hedges recorded in this workbook yet.")
          : el("ul", { class: "register", "data-testid": "register-list" }, ...state.entries.map((e) => entryItem(e, h)));
      break;
  }
  const count = state.status === "loaded" ? ` (${state.entries.length})` : "";
  return el(
    "section",
    { class: "register-section", "aria-labelledby": "register-title" },
    el("div", { class: "section-head" }, el("h2", { id: "register-title" }, `Hedges in this workbook${count}`), refresh),
    body,
  );
}

function entryItem(e: RegisterEntry, h: RegisterHandlers): HTMLElement {
  const title = `${e.id} ${e.item}`;
  const reopen = el("button", { type: "button", class: "secondary", id: `reopen-${e.id}`, "data-testid": `reopen-${e.id}` }, "Re-open");
  reopen.setAttribute("aria-label", `Re-open ${title} in the wizard`);
  const reason = typeof e.settings === "string" ? e.settings : undefined;
  if (reason) reopen.setAttribute("disabled", "");
  else reopen.addEventListener("click", () => h.reopen(e));
  return el(
    "li",
    {},
    el(
      "div",
      { class: "entry-text" },
      el("strong", {}, title),
      el("span", { class: "muted" }, [e.instrument, typeof e.ratio === "number" ? `ratio ${formatRatio(e.ratio)}` : "", e.date, e.sheet].filter(Boolean).join(" · ")),
    ),
    reason ? el("p", { class: "warning" }, reason) : null,
    reopen,
  );
}
