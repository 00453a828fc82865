import type { CellValue } from "../workbook/workbook";
import type { Analysis } from "../analysis/analysis";
import type { InsertPlan } from "../insert/plan";
import { FieldPath, StepId, setField } from "./fields";
import { Settings, blankSettings, usesHistories } from "./settings";

/**
 * The wizard as plain data: what the user chose (settings), what was read from the workbook, how far the
 * review and the insert are. `reduce` is the only way it changes; the DOM renders it and sends actions.
 */

export const ALL_STEPS: StepId[] = ["exposure", "instrument", "data", "method", "review", "insert"];

export const STEP_TITLES: Record<StepId, string> = {
  exposure: "Exposure",
  instrument: "Instrument",
  data: "Data",
  method: "Method",
  review: "Review",
  insert: "Insert",
};

export function stepsFor(settings: Settings): StepId[] {
  return usesHistories(settings.instrument.kind) ? ALL_STEPS : ALL_STEPS.filter((s) => s !== "data" && s !== "method");
}

export type SeriesSlot = "spot" | "hedge";

export type LoadedRange =
  | { status: "empty" }
  | { status: "loading"; address: string }
  | { status: "loaded"; address: string; values: CellValue[][] }
  | { status: "failed"; address: string; message: string };

export type ReviewState =
  | { status: "idle" }
  | { status: "running"; run: number; progress: number; label: string }
  | { status: "done"; run: number; analysis: Analysis }
  | { status: "failed"; run: number; message: string };

export type InsertState =
  | { status: "idle" }
  | { status: "planned"; plan: InsertPlan; settings: Settings }
  | { status: "confirming"; plan: InsertPlan; addresses: string[] }
  | { status: "writing"; plan: InsertPlan; label: string }
  | { status: "done"; plan: InsertPlan; sheet: string }
  | { status: "failed"; plan?: InsertPlan; message: string };

export interface RegisterEntry {
  id: string;
  item: string;
  instrument: string;
  date: string;
  sheet: string;
  ratio: CellValue;
  /** Parsed settings, or why they could not be read. */
  settings: Settings | string;
}

export type RegisterState =
  | { status: "loading" }
  | { status: "loaded"; entries: RegisterEntry[] }
  | { status: "failed"; message: string };

export interface WizardState {
  connected: boolean;
  step: StepId;
  settings: Settings;
  ranges: Record<SeriesSlot, LoadedRange>;
  /** Steps where the user pressed Next at least once: their errors show even for untouched fields. */
  attempted: StepId[];
  touched: FieldPath[];
  review: ReviewState;
  insert: InsertState;
  register: RegisterState;
  /** Register ID of the hedge this one was re-opened from. */
  reopenedFrom?: string;
  /** One-line status for the pane's live region ("Read 60 rows from Prices!B2:B61"). */
  notice: string;
}

export type Action =
  | { type: "field"; path: FieldPath; value: string }
  | { type: "touch"; path: FieldPath }
  | { type: "attempt"; step: StepId }
  | { type: "go"; step: StepId }
  | { type: "rangeLoading"; slot: SeriesSlot; address: string }
  /** `requested` is what was asked for; `address` is the sheet-qualified address the workbook read. */
  | { type: "rangeLoaded"; slot: SeriesSlot; requested: string; address: string; values: CellValue[][] }
  | { type: "rangeFailed"; slot: SeriesSlot; requested: string; message: string }
  | { type: "rangeCleared"; slot: SeriesSlot }
  | { type: "reviewStart"; run: number; label: string }
  | { type: "reviewProgress"; run: number; progress: number; label: string }
  | { type: "reviewDone"; run: number; analysis: Analysis }
  | { type: "reviewFailed"; run: number; message: string }
  /** `settings` is what the plan was built from; a plan for older settings is rebuilt. */
  | { type: "insertPlanned"; plan: InsertPlan; settings: Settings }
  | { type: "insertConfirm"; addresses: string[] }
  | { type: "insertWriting"; label: string }
  | { type: "insertDone"; sheet: string }
  | { type: "insertFailed"; message: string }
  | { type: "registerLoading" }
  | { type: "registerLoaded"; entries: RegisterEntry[] }
  | { type: "registerFailed"; message: string }
  | { type: "reopen"; id: string; settings: Settings }
  | { type: "newHedge"; settings: Settings }
  | { type: "notice"; text: string };

function rangesFor(settings: Settings): Record<SeriesSlot, LoadedRange> {
  const slot = (address: string): LoadedRange => (address.trim() ? { status: "loading", address } : { status: "empty" });
  return { spot: slot(settings.data.spot), hedge: slot(settings.data.hedge) };
}

/** Settings that name source ranges start with those ranges being read. */
export function initialState(connected: boolean, settings: Settings = blankSettings()): WizardState {
  return {
    connected,
    step: "exposure",
    settings,
    ranges: rangesFor(settings),
    attempted: [],
    touched: [],
    review: { status: "idle" },
    insert: { status: "idle" },
    register: { status: "loading" },
    notice: "",
  };
}

/** Anything the review was computed from changed: its numbers no longer describe the inputs. */
function invalidate(state: WizardState): WizardState {
  return { ...state, review: { status: "idle" }, insert: { status: "idle" } };
}

function fresh(state: WizardState, settings: Settings, reopenedFrom: string | undefined, notice: string): WizardState {
  return {
    ...initialState(state.connected, settings),
    register: state.register,
    reopenedFrom,
    notice,
  };
}

/** True once this hedge's documentation was written: changing it in the pane would change nothing. */
export function documentationLocked(state: WizardState): boolean {
  return state.insert.status === "done";
}

function insertPlanOf(state: WizardState): InsertPlan | undefined {
  const i = state.insert;
  return i.status === "idle" ? undefined : i.plan;
}

export function reduce(state: WizardState, action: Action): WizardState {
  switch (action.type) {
    case "field": {
      const docsOnly = action.path.startsWith("docs.");
      // Inserted documentation is on the sheet and in the register as it was designated; the pane
      // shows it read-only rather than accept edits that would go nowhere.
      if (docsOnly && documentationLocked(state)) return state;
      const settings = setField(state.settings, action.path, action.value);
      const next = { ...state, settings };
      if (!docsOnly) return invalidate(next);
      // Documentation changes no number: the review stands, and a shown plan stays until its rebuild
      // (for the new text) replaces it, so typing does not make the preview flicker.
      return state.insert.status === "failed" ? { ...next, insert: { status: "idle" } } : next;
    }
    case "touch":
      return state.touched.includes(action.path) ? state : { ...state, touched: [...state.touched, action.path] };
    case "attempt":
      return state.attempted.includes(action.step) ? state : { ...state, attempted: [...state.attempted, action.step] };
    case "go": {
      const steps = stepsFor(state.settings);
      return steps.includes(action.step) ? { ...state, step: action.step } : state;
    }
    case "rangeLoading": {
      const settings = setField(state.settings, action.slot === "spot" ? "data.spot" : "data.hedge", action.address);
      return invalidate({ ...state, settings, ranges: { ...state.ranges, [action.slot]: { status: "loading", address: action.address } } });
    }
    case "rangeLoaded": {
      const current = state.ranges[action.slot];
      // A slower read of an address the user has since replaced must not win.
      if (current.status !== "loading" || current.address !== action.requested) return state;
      const settings = setField(state.settings, action.slot === "spot" ? "data.spot" : "data.hedge", action.address);
      const rows = action.values.length;
      return invalidate({
        ...state,
        settings,
        ranges: { ...state.ranges, [action.slot]: { status: "loaded", address: action.address, values: action.values } },
        notice: `Read ${rows} ${rows === 1 ? "row" : "rows"} from ${action.address}.`,
      });
    }
    case "rangeFailed": {
      const current = state.ranges[action.slot];
      if (current.status !== "loading" || current.address !== action.requested) return state;
      const settings = setField(state.settings, action.slot === "spot" ? "data.spot" : "data.hedge", action.requested);
      return invalidate({
        ...state,
        settings,
        ranges: { ...state.ranges, [action.slot]: { status: "failed", address: action.requested, message: action.message } },
      });
    }
    case "rangeCleared": {
      const settings = setField(state.settings, action.slot === "spot" ? "data.spot" : "data.hedge", "");
      return invalidate({ ...state, settings, ranges: { ...state.ranges, [action.slot]: { status: "empty" } } });
    }
    case "reviewStart":
      return { ...state, review: { status: "running", run: action.run, progress: 0, label: action.label } };
    case "reviewProgress":
      // Progress of a run whose inputs have since changed (the review went back to idle) is dropped.
      if (state.review.status !== "running" || state.review.run !== action.run) return state;
      return { ...state, review: { status: "running", run: action.run, progress: action.progress, label: action.label } };
    case "reviewDone":
      if (state.review.status !== "running" || state.review.run !== action.run) return state;
      return { ...state, review: { status: "done", run: action.run, analysis: action.analysis } };
    case "reviewFailed":
      if (state.review.status !== "running" || state.review.run !== action.run) return state;
      return { ...state, review: { status: "failed", run: action.run, message: action.message } };
    case "insertPlanned":
      return { ...state, insert: { status: "planned", plan: action.plan, settings: action.settings } };
    case "insertConfirm": {
      const plan = insertPlanOf(state);
      return plan ? { ...state, insert: { status: "confirming", plan, addresses: action.addresses } } : state;
    }
    case "insertWriting": {
      const plan = insertPlanOf(state);
      return plan ? { ...state, insert: { status: "writing", plan, label: action.label } } : state;
    }
    case "insertDone": {
      const plan = insertPlanOf(state);
      return plan ? { ...state, insert: { status: "done", plan, sheet: action.sheet }, notice: `Inserted the hedge on sheet ${action.sheet}.` } : state;
    }
    case "insertFailed":
      return { ...state, insert: { status: "failed", plan: insertPlanOf(state), message: action.message } };
    case "registerLoading":
      return { ...state, register: { status: "loading" } };
    case "registerLoaded":
      return { ...state, register: { status: "loaded", entries: action.entries } };
    case "registerFailed":
      return { ...state, register: { status: "failed", message: action.message } };
    case "reopen":
      return fresh(state, action.settings, action.id, `Re-opened hedge ${action.id}. Inserting it again adds a new sheet and a new register row.`);
    case "newHedge":
      return fresh(state, action.settings, undefined, "Started a new hedge.");
    case "notice":
      return { ...state, notice: action.text };
  }
}
