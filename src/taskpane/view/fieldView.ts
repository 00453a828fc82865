import { FieldPath, FieldSpec, fieldId, getField } from "../state/fields";
import type { Settings } from "../state/settings";
import type { LoadedRange } from "../state/wizard";
import { el, setText } from "./dom";

export interface FieldHandlers {
  input(path: FieldPath, value: string): void;
  blur(path: FieldPath): void;
  useSelection(path: FieldPath): void;
  /** Range fields: the typed address is final (Enter or leaving the field). */
  commitRange(path: FieldPath, address: string): void;
}

/** One labelled control with its hint, its error line and, where offered, a "Use selection" button. */
export interface FieldView {
  spec: FieldSpec;
  root: HTMLElement;
  /** `readOnly`: shown and selectable, not editable (documentation already inserted). */
  update(settings: Settings, error: string | undefined, range?: LoadedRange, readOnly?: boolean): void;
}

function describedBy(...ids: (string | undefined)[]): string {
  return ids.filter(Boolean).join(" ");
}

export function fieldView(spec: FieldSpec, label: string, h: FieldHandlers): FieldView {
  const id = fieldId(spec.path);
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const statusId = `${id}-status`;
  const error = el("p", { class: "field-error", id: errorId });
  const hint = spec.hint ? el("p", { class: "field-hint", id: hintId }, spec.hint) : null;

  if (spec.control === "radio") return radioView(spec, label, h, error, errorId);

  let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (spec.control === "select") {
    control = el("select", { id, name: spec.path, "aria-describedby": describedBy(hintId, errorId) });
    for (const c of spec.choices ?? []) control.appendChild(el("option", { value: c.value }, c.label));
  } else if (spec.control === "textarea") {
    control = el("textarea", { id, name: spec.path, rows: 3, "aria-describedby": describedBy(hintId, errorId) });
  } else {
    control = el("input", {
      id,
      name: spec.path,
      type: "text",
      autocomplete: "off",
      spellcheck: spec.control === "text" ? undefined : "false",
      inputmode: spec.control === "number" || spec.control === "percent" ? "decimal" : undefined,
      "aria-describedby": describedBy(hintId, errorId, spec.control === "range" ? statusId : undefined),
      "aria-required": spec.required ? "true" : undefined,
    });
  }
  const isRange = spec.control === "range";
  control.addEventListener(spec.control === "select" ? "change" : "input", () => {
    if (!isRange) h.input(spec.path, control.value);
  });
  control.addEventListener("blur", () => {
    if (isRange) h.commitRange(spec.path, control.value);
    h.blur(spec.path);
  });
  if (isRange) {
    control.addEventListener("keydown", (e) => {
      if ((e as KeyboardEvent).key === "Enter") {
        // Enter reads the typed address here instead of submitting the step.
        e.preventDefault();
        h.commitRange(spec.path, control.value);
      }
    });
  }

  const button = spec.fromSelection || isRange
    ? el("button", { type: "button", class: "secondary", id: `${id}-use`, "aria-describedby": id }, "Use selection")
    : null;
  if (button) {
    button.setAttribute("aria-label", `Use selection for ${label}`);
    button.addEventListener("click", () => h.useSelection(spec.path));
  }
  const status = isRange ? el("p", { class: "field-status", id: statusId, "aria-live": "polite" }) : null;
  const root = el(
    "div",
    { class: "field", "data-field": spec.path },
    el("label", { for: id }, label),
    hint,
    button ? el("div", { class: "with-button" }, control, button) : control,
    status,
    error,
  );

  return {
    spec,
    root,
    update(settings, message, range, readOnly = false) {
      const value = getField(settings, spec.path);
      // Never rewrite the field being typed in: the caret would jump.
      if (control.value !== value && document.activeElement !== control) control.value = value;
      if (!(control instanceof HTMLSelectElement)) control.readOnly = readOnly;
      if (button) button.disabled = readOnly;
      setText(error, message ?? "");
      error.hidden = !message;
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
      if (status && range) setText(status, rangeStatus(range));
    },
  };
}

function rangeStatus(range: LoadedRange): string {
  switch (range.status) {
    case "empty":
      return "";
    case "loading":
      return `Reading ${range.address}…`;
    case "failed":
      return "";
    case "loaded": {
      const rows = range.values.length;
      const cols = rows === 0 ? 0 : range.values[0].length;
      const size = rows === 1 && cols > 1 ? `${cols} columns` : `${rows} ${rows === 1 ? "row" : "rows"}`;
      return `${size} read from ${range.address}`;
    }
  }
}

function radioView(spec: FieldSpec, label: string, h: FieldHandlers, error: HTMLElement, errorId: string): FieldView {
  const id = fieldId(spec.path);
  const inputs: HTMLInputElement[] = [];
  const options = (spec.choices ?? []).map((c) => {
    const optionId = `${id}-${c.value}`;
    const noteId = c.note ? `${optionId}-note` : undefined;
    const input = el("input", { type: "radio", id: optionId, name: spec.path, value: c.value, "aria-describedby": noteId });
    input.addEventListener("change", () => {
      if (input.checked) h.input(spec.path, c.value);
    });
    inputs.push(input);
    return el(
      "div",
      { class: "choice" },
      input,
      el("label", { for: optionId }, c.label),
      c.note ? el("p", { class: "choice-note", id: noteId }, c.note) : null,
    );
  });
  const root = el(
    "fieldset",
    { class: "field", "data-field": spec.path, id, "aria-describedby": errorId },
    el("legend", {}, label),
    ...options,
    error,
  );
  return {
    spec,
    root,
    update(settings, message) {
      const value = getField(settings, spec.path);
      for (const input of inputs) input.checked = input.value === value;
      setText(error, message ?? "");
      error.hidden = !message;
    },
  };
}
