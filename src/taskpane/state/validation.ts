import { HedgeError, readPair, requireNumber } from "../../core";
import { columnLetters, parseAddress } from "../workbook/address";
import type { CellValue } from "../workbook/workbook";
import { FIELDS, FieldPath, FieldSpec, StepId, fieldApplies, getField } from "./fields";
import { InstrumentKind, Settings } from "./settings";
import { typedValue } from "./typed";
import type { LoadedRange, SeriesSlot, WizardState } from "./wizard";

/**
 * Validation in plain words, per step. A message belongs to a field (shown under it) or to the step.
 * Numbers go through the core's own argument checks, so a quantity of "-5" gets the same sentence the
 * HEDGE functions would give.
 */
export interface Issue {
  field?: FieldPath;
  message: string;
}

/** Fewest observations a regression with a standard error can use (n - 2 degrees of freedom). */
export const MIN_OBSERVATIONS = 3;

const capitalize = (s: string) => (s.length === 0 ? s : s[0].toUpperCase() + s.slice(1));

export function seriesLabel(slot: SeriesSlot, kind: InstrumentKind): string {
  if (slot === "spot") return "spot";
  return kind === "futures" ? "futures" : kind === "forward" ? "forward" : "hedge asset";
}

/** The number a field holds, or the core's message for why it is not one. */
export function numberOf(spec: FieldSpec, raw: string): { value?: number; message?: string } {
  try {
    return { value: requireNumber(typedValue(raw, spec.control === "percent"), spec.label, spec.rule ?? {}) };
  } catch (e) {
    if (e instanceof HedgeError) return { message: e.message };
    throw e;
  }
}

function fieldIssue(spec: FieldSpec, s: Settings): Issue | undefined {
  const raw = getField(s, spec.path);
  if (spec.control === "text" || spec.control === "textarea") {
    return spec.required && raw.trim() === "" ? { field: spec.path, message: `${spec.label} is required.` } : undefined;
  }
  if (spec.control === "number" || spec.control === "percent") {
    if (!spec.required && raw.trim() === "") return undefined;
    const { message } = numberOf(spec, raw);
    return message ? { field: spec.path, message } : undefined;
  }
  return undefined;
}

function describeCell(v: CellValue): string {
  if (typeof v === "boolean") return `the logical value ${v ? "TRUE" : "FALSE"}`;
  const t = String(v);
  if (/^#[A-Z0-9/!?_]+[!?A]?$/.test(t.trim())) return `the error ${t.trim()}`;
  return `text ("${t.length > 30 ? t.slice(0, 30) + "…" : t}")`;
}

/** Where a series stops being one column of numbers, in the words of the brief: shape, then the first bad cell. */
function rangeIssue(slot: SeriesSlot, kind: InstrumentKind, range: LoadedRange): Issue | undefined {
  const field: FieldPath = slot === "spot" ? "data.spot" : "data.hedge";
  const name = `the ${seriesLabel(slot, kind)} range`;
  switch (range.status) {
    case "empty":
      return { field, message: `Pick ${name}: select it in the sheet and press Use selection, or type its address.` };
    case "loading":
      return { field, message: `Reading ${range.address}…` };
    case "failed":
      return { field, message: range.message };
    case "loaded":
      break;
  }
  const { values, address } = range;
  const rows = values.length;
  const columns = rows === 0 ? 0 : values[0].length;
  if (rows > 1 && columns > 1) {
    return { field, message: `${capitalize(name)} is ${rows} rows by ${columns} columns; pick a single column (or a single row).` };
  }
  const start = parseAddress(address);
  const horizontal = rows === 1 && columns > 1;
  const cells = horizontal ? values[0] : values.map((r) => r[0]);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (typeof v === "number" || v === null || v === "") continue;
    const position = horizontal ? `Column ${i + 1}` : `Row ${i + 1}`;
    const cellName = horizontal ? `${columnLetters(start.column + i)}${start.row + 1}` : `${columnLetters(start.column)}${start.row + i + 1}`;
    const header = i === 0 && typeof v === "string" ? " Leave the header out of the range." : " Every value must be a number or blank.";
    return { field, message: `${position} of ${name} (${cellName}) holds ${describeCell(v)}.${header}` };
  }
  return undefined;
}

function lengthOf(range: LoadedRange): { n: number; unit: string } {
  if (range.status !== "loaded") return { n: 0, unit: "rows" };
  const rows = range.values.length;
  const columns = rows === 0 ? 0 : range.values[0].length;
  return rows === 1 && columns > 1 ? { n: columns, unit: "columns" } : { n: rows, unit: "rows" };
}

/** Observations the chosen method needs: a rolling window needs at least one full window. */
export function minimumObservations(s: Settings): number {
  if (s.method.kind === "rolling") {
    const { value } = numberOf(FIELDS.find((f) => f.path === "method.window") as FieldSpec, s.method.window);
    if (value !== undefined) return Math.max(MIN_OBSERVATIONS, value);
  }
  return MIN_OBSERVATIONS;
}

/**
 * The last few answers, keyed by the loaded arrays themselves: the step list asks on every keystroke,
 * and a whole-column history should be scanned once per change of data, not once per key.
 */
const recent: { key: unknown[]; issues: Issue[] }[] = [];

function seriesIssues(state: WizardState, minObservations: number): Issue[] {
  const key = [state.ranges.spot, state.ranges.hedge, state.settings.data.input, state.settings.instrument.kind, minObservations];
  const hit = recent.find((r) => r.key.every((k, i) => k === key[i]));
  if (hit) return hit.issues;
  const issues = computeSeriesIssues(state, minObservations);
  recent.unshift({ key, issues });
  recent.length = Math.min(recent.length, 4);
  return issues;
}

function computeSeriesIssues(state: WizardState, minObservations: number): Issue[] {
  const { settings, ranges } = state;
  const kind = settings.instrument.kind;
  const issues = (["spot", "hedge"] as SeriesSlot[]).flatMap((slot) => {
    const i = rangeIssue(slot, kind, ranges[slot]);
    return i ? [i] : [];
  });
  if (issues.length > 0) return issues;
  const a = lengthOf(ranges.spot);
  const b = lengthOf(ranges.hedge);
  const spotName = seriesLabel("spot", kind);
  const hedgeName = seriesLabel("hedge", kind);
  if (a.n !== b.n) {
    return [{ message: `${capitalize(spotName)} and ${hedgeName} have different lengths (${a.n} vs ${b.n} ${b.unit}).` }];
  }
  try {
    const spot = ranges.spot.status === "loaded" ? ranges.spot.values : [];
    const hedge = ranges.hedge.status === "loaded" ? ranges.hedge.values : [];
    readPair(spot, hedge, spotName, hedgeName, settings.data.input, minObservations);
  } catch (e) {
    if (e instanceof HedgeError) return [{ message: capitalize(e.message) }];
    throw e;
  }
  return [];
}

export function stepIssues(state: WizardState, step: StepId): Issue[] {
  const s = state.settings;
  const fields = FIELDS.filter((f) => f.step === step && fieldApplies(f, s)).flatMap((f) => {
    const i = fieldIssue(f, s);
    return i ? [i] : [];
  });
  if (step === "data") return [...fields, ...seriesIssues(state, MIN_OBSERVATIONS)];
  if (step === "method" && fields.length === 0) {
    const min = minimumObservations(s);
    return min > MIN_OBSERVATIONS ? seriesIssues(state, min) : [];
  }
  if (step === "review") {
    const r = state.review;
    if (r.status === "failed") return [{ message: r.message }];
    if (r.status !== "done") return [{ message: "The review is still being computed." }];
  }
  return fields;
}

/** What to show now: field messages once the field was left or Next was pressed; step messages after Next. */
export function visibleIssues(state: WizardState, step: StepId): Issue[] {
  const attempted = state.attempted.includes(step);
  return stepIssues(state, step).filter((i) => attempted || (i.field !== undefined && state.touched.includes(i.field)));
}
