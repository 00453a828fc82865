import { FIELDS, FieldPath, FieldSpec, StepId, fieldApplies } from "../state/fields";
import { Settings } from "../state/settings";
import { Issue, visibleIssues } from "../state/validation";
import { STEP_TITLES, SeriesSlot, WizardState, documentationLocked, stepsFor } from "../state/wizard";
import { el, replaceChildren, setText } from "./dom";
import { FieldHandlers, FieldView, fieldView } from "./fieldView";
import { InsertHandlers, insertBody } from "./insertView";
import { reviewBody } from "./reviewView";

const INTROS: Record<StepId, string> = {
  exposure: "The one position you want to protect.",
  instrument: "What you will trade to offset it.",
  data: "Price histories of the exposure and of the instrument: same dates, oldest first, one column each.",
  method: "How the hedge ratio is estimated from those histories.",
  review: "What the calculation gives for this hedge. Nothing has been written yet.",
  insert: "Document the hedge, then write it into the workbook.",
};

/** Labels that depend on other choices, so the form speaks about the instrument actually chosen. */
export function labelFor(spec: FieldSpec, s: Settings): string {
  const kind = s.instrument.kind;
  if (spec.path === "instrument.price") {
    return kind === "futures" ? "Futures price" : kind === "forward" ? "Forward price" : "Asset price";
  }
  if (spec.path === "instrument.contractSize" && kind === "asset") return "Units per lot (1 for single units)";
  if (spec.path === "instrument.name" && kind === "put") return s.exposure.direction === "long" ? "Put option (underlying, exchange)" : "Call option (underlying, exchange)";
  if (spec.path === "data.hedge") return kind === "asset" ? "Hedge asset price history" : `${kind === "futures" ? "Futures" : "Forward"} price history`;
  return spec.label;
}

export interface StepHandlers extends FieldHandlers, InsertHandlers {
  back(): void;
  next(): void;
}

/** The part of the pane that belongs to one step; rebuilt only when its set of fields changes. */
export interface StepView {
  key: string;
  root: HTMLFormElement;
  heading: HTMLElement;
  update(state: WizardState): void;
  focusFirstIssue(state: WizardState): boolean;
}

export function stepKey(state: WizardState): string {
  const s = state.settings;
  const paths = FIELDS.filter((f) => f.step === state.step && fieldApplies(f, s)).map((f) => `${f.path}:${labelFor(f, s)}`);
  return `${state.step}|${stepsFor(s).join(",")}|${paths.join(",")}`;
}

function slotOf(path: FieldPath): SeriesSlot | undefined {
  return path === "data.spot" ? "spot" : path === "data.hedge" ? "hedge" : undefined;
}

export function stepView(state: WizardState, h: StepHandlers): StepView {
  const s = state.settings;
  const steps = stepsFor(s);
  const index = steps.indexOf(state.step);
  const heading = el("h2", { id: "step-title", tabindex: -1 }, `Step ${index + 1} of ${steps.length}: ${STEP_TITLES[state.step]}`);
  const fields: FieldView[] = FIELDS.filter((f) => f.step === state.step && fieldApplies(f, s)).map((f) => fieldView(f, labelFor(f, s), h));
  const summary = el("div", { class: "step-issues", id: "step-issues", role: "status", "aria-live": "polite", tabindex: -1 });
  const body = el("div", { class: "step-body", id: "step-body" });
  const back = el("button", { type: "button", class: "secondary", id: "back" }, "Back");
  back.addEventListener("click", () => h.back());
  const next = el("button", { type: "submit", class: "primary", id: "next" });
  const form = el(
    "form",
    { class: "step", "aria-labelledby": "step-title", novalidate: true, "data-step": state.step },
    heading,
    el("p", { class: "step-intro" }, INTROS[state.step]),
    ...fields.map((f) => f.root),
    body,
    summary,
    el("div", { class: "actions" }, index > 0 ? back : null, next),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    h.next();
  });

  let lastBody: unknown;
  let lastIssues = "";
  const view: StepView = {
    key: stepKey(state),
    root: form,
    heading,
    update(st) {
      const issues = visibleIssues(st, st.step);
      const byField = new Map<FieldPath, string>();
      for (const i of issues) if (i.field && !byField.has(i.field)) byField.set(i.field, i.message);
      const locked = documentationLocked(st);
      for (const f of fields) {
        const slot = slotOf(f.spec.path);
        f.update(st.settings, byField.get(f.spec.path), slot ? st.ranges[slot] : undefined, locked && f.spec.path.startsWith("docs."));
      }
      renderSummary(summary, issues, lastIssues);
      lastIssues = issues.map((i) => i.message).join("\n");

      const dynamic = st.step === "review" ? st.review : st.step === "insert" ? st.insert : undefined;
      if (dynamic !== lastBody) {
        lastBody = dynamic;
        if (st.step === "review") replaceChildren(body, reviewBody(st.review, st.settings));
        else if (st.step === "insert") {
          const open = body.querySelector<HTMLDetailsElement>("#plan-details")?.open;
          replaceChildren(body, insertBody(st.insert, st.connected, h, open));
        }
      }
      const last = steps.indexOf(st.step) === steps.length - 1;
      setText(next, last ? (st.connected ? "Insert into workbook" : "Insert into sample workbook") : `Next: ${STEP_TITLES[steps[steps.indexOf(st.step) + 1]]}`);
      const busy = st.step === "insert" && (st.insert.status === "writing" || st.insert.status === "confirming" || st.insert.status === "idle");
      next.hidden = st.step === "insert" && st.insert.status === "done";
      if (busy) next.setAttribute("disabled", "");
      else next.removeAttribute("disabled");
    },
    focusFirstIssue(st) {
      const first = visibleIssues(st, st.step)[0];
      if (!first) return false;
      const target = first.field ? form.querySelector<HTMLElement>(`[data-field="${first.field}"] input, [data-field="${first.field}"] select, [data-field="${first.field}"] textarea`) : summary;
      (target ?? summary).focus();
      return true;
    },
  };
  return view;
}

function renderSummary(summary: HTMLElement, issues: Issue[], previous: string): void {
  const text = issues.map((i) => i.message).join("\n");
  if (text === previous) return;
  const stepLevel = issues.filter((i) => !i.field);
  const fieldCount = issues.length - stepLevel.length;
  replaceChildren(
    summary,
    fieldCount > 0 ? el("p", {}, fieldCount === 1 ? "One field needs attention." : `${fieldCount} fields need attention.`) : null,
    ...stepLevel.map((i) => el("p", { class: "message error" }, i.message)),
  );
  summary.hidden = issues.length === 0;
}
