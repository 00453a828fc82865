import { AnalysisError, analyseLinear } from "./analysis/analysis";
import { OptionAnalysisError, analyseOption } from "./analysis/optionAnalysis";
import { buildPlan, nextRegisterId } from "./insert/plan";
import { FieldPath, StepId } from "./state/fields";
import { Settings, settingsFromJson, usesHistories } from "./state/settings";
import { stepIssues } from "./state/validation";
import { Action, RegisterEntry, SeriesSlot, WizardState, reduce, stepsFor, STEP_TITLES } from "./state/wizard";
import { el, replaceChildren, setText } from "./view/dom";
import { registerBody } from "./view/registerView";
import { StepView, stepKey, stepView } from "./view/stepView";
import { AddressError } from "./workbook/address";
import { CellValue, ConfirmOverwrite, RegisterRecord, Workbook, WriteDeclined } from "./workbook/workbook";

/** Today as the register records it, in the user's time zone. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

function seriesRows(values: CellValue[][]): number {
  return values.length === 1 && values[0].length > 1 ? values[0].length : values.length;
}

export function registerEntry(record: RegisterRecord): RegisterEntry {
  const str = (k: string) => {
    const v = record[k];
    return v === null || v === undefined ? "" : String(v);
  };
  let settings: Settings | string;
  try {
    settings = settingsFromJson(str("Settings"));
  } catch (e) {
    settings = messageOf(e);
  }
  return {
    id: str("ID"),
    item: str("Hedged item"),
    instrument: str("Hedging instrument"),
    date: str("Date"),
    sheet: str("Sheet"),
    ratio: record["Hedge ratio"] ?? "",
    settings,
  };
}

export interface AppOptions {
  /** Settings a "Start a new hedge" begins from (the preview refills its sample). */
  newSettings: () => Settings;
  /** Delay before the insert preview is rebuilt while documentation is typed. */
  planDelayMs?: number;
}

/**
 * The wizard's controller: holds the state, sends actions through `reduce`, renders, and runs the
 * effects that talk to the workbook (reads, review, insert). The DOM is only ever built from state.
 */
export class WizardApp {
  private state: WizardState;
  private view?: StepView;
  private readonly stepHost: HTMLElement;
  private readonly registerHost: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly reopenNote: HTMLElement;
  private readonly stepButtons = new Map<StepId, HTMLButtonElement>();
  private renderedRegister: unknown;
  /** False during the first render, so opening the pane does not steal focus from Office. */
  private started = false;
  private reviewRun = 0;
  private reading = new Map<SeriesSlot, string>();
  private pendingConfirm?: (overwrite: boolean) => void;
  private planTimer?: ReturnType<typeof setTimeout>;
  private planning = false;

  constructor(
    root: HTMLElement,
    private readonly wb: Workbook,
    initial: WizardState,
    private readonly options: AppOptions,
  ) {
    this.state = initial;
    const nav = el("nav", { "aria-label": "Wizard steps" });
    const list = el("ol", { class: "stepper" });
    for (const step of Object.keys(STEP_TITLES) as StepId[]) {
      const button = el("button", { type: "button", id: `goto-${step}`, "data-step": step }, STEP_TITLES[step]);
      button.addEventListener("click", () => this.goTo(step));
      this.stepButtons.set(step, button);
      list.appendChild(el("li", {}, button));
    }
    nav.appendChild(list);
    this.reopenNote = el("p", { class: "message", id: "reopened", "data-testid": "reopened" });
    this.stepHost = el("div", { class: "step-host" });
    this.registerHost = el("div", { class: "register-host" });
    this.notice = el("p", { class: "visually-hidden", role: "status", "aria-live": "polite", id: "notice" });
    replaceChildren(root, nav, this.reopenNote, this.stepHost, this.registerHost, this.notice);
    this.render();
    this.effects();
    void this.loadRegister();
  }

  dispatch(action: Action): void {
    this.state = reduce(this.state, action);
    this.render();
    this.effects();
  }

  // ---- rendering ----

  private render(): void {
    const st = this.state;
    const active = document.activeElement as HTMLElement | null;
    const activeId = active && active !== document.body ? active.id : "";
    const steps = stepsFor(st.settings);
    for (const [step, button] of this.stepButtons) {
      const li = button.parentElement as HTMLElement;
      li.hidden = !steps.includes(step);
      const position = steps.indexOf(step);
      setText(button, `${position + 1}. ${STEP_TITLES[step]}`);
      if (step === st.step) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
      if (this.reachable(step)) button.removeAttribute("disabled");
      else button.setAttribute("disabled", "");
    }
    const key = stepKey(st);
    if (!this.view || this.view.key !== key) {
      const stepChanged = !this.view || this.view.root.dataset.step !== st.step;
      this.view = stepView(st, this.handlers());
      replaceChildren(this.stepHost, this.view.root);
      this.view.update(st);
      if (stepChanged && this.started) this.view.heading.focus();
    } else {
      this.view.update(st);
    }
    if (st.register !== this.renderedRegister) {
      this.renderedRegister = st.register;
      replaceChildren(this.registerHost, registerBody(st.register, { reopen: (e) => this.reopen(e), refresh: () => void this.loadRegister() }));
    }
    setText(this.notice, st.notice);
    this.reopenNote.hidden = !st.reopenedFrom;
    setText(this.reopenNote, st.reopenedFrom ? `Editing a copy of ${st.reopenedFrom}. Inserting adds a new sheet and a new register row; ${st.reopenedFrom} stays as it is.` : "");
    // A rebuilt region must not strand keyboard focus on <body>.
    if (activeId && (document.activeElement === document.body || document.activeElement === null)) {
      document.getElementById(activeId)?.focus();
    }
    this.started = true;
  }

  private handlers() {
    return {
      input: (path: FieldPath, value: string) => this.dispatch({ type: "field", path, value }),
      blur: (path: FieldPath) => this.dispatch({ type: "touch", path }),
      useSelection: (path: FieldPath) => void this.useSelection(path),
      commitRange: (path: FieldPath, address: string) => this.commitRange(path, address),
      back: () => this.back(),
      next: () => void this.next(),
      confirm: (overwrite: boolean) => this.answerConfirm(overwrite),
      startNew: () => this.startNew(),
    };
  }

  // ---- navigation ----

  /** A step can be opened once every step before it is complete. */
  private reachable(step: StepId): boolean {
    const steps = stepsFor(this.state.settings);
    const index = steps.indexOf(step);
    if (index < 0) return false;
    return steps.slice(0, index).every((s) => s === "review" ? this.state.review.status === "done" : stepIssues(this.state, s).length === 0);
  }

  goTo(step: StepId): void {
    if (step === this.state.step || !this.reachable(step)) return;
    this.dispatch({ type: "go", step });
  }

  back(): void {
    const steps = stepsFor(this.state.settings);
    const index = steps.indexOf(this.state.step);
    if (index > 0) this.dispatch({ type: "go", step: steps[index - 1] });
  }

  async next(): Promise<void> {
    const st = this.state;
    this.dispatch({ type: "attempt", step: st.step });
    if (stepIssues(this.state, st.step).length > 0) {
      this.view?.focusFirstIssue(this.state);
      return;
    }
    const steps = stepsFor(st.settings);
    const index = steps.indexOf(st.step);
    if (index === steps.length - 1) {
      await this.insert();
      return;
    }
    this.dispatch({ type: "go", step: steps[index + 1] });
  }

  // ---- reading from the workbook ----

  private async useSelection(path: FieldPath): Promise<void> {
    try {
      if (path === "data.spot" || path === "data.hedge") {
        const address = await this.wb.selectedAddress();
        this.dispatch({ type: "rangeLoading", slot: path === "data.spot" ? "spot" : "hedge", address });
        return;
      }
      const value = await this.wb.selectedValue();
      if (value === null || value === "") {
        this.dispatch({ type: "notice", text: "The selected cell is empty." });
        return;
      }
      this.dispatch({ type: "field", path, value: String(value) });
      this.dispatch({ type: "touch", path });
    } catch (e) {
      this.dispatch({ type: "notice", text: `Could not read the selection: ${messageOf(e)}` });
    }
  }

  private commitRange(path: FieldPath, address: string): void {
    const slot: SeriesSlot = path === "data.spot" ? "spot" : "hedge";
    const current = this.state.ranges[slot];
    const typed = address.trim();
    if (typed === "") {
      if (current.status !== "empty") this.dispatch({ type: "rangeCleared", slot });
      return;
    }
    if (current.status !== "empty" && current.address === typed) return;
    this.dispatch({ type: "rangeLoading", slot, address: typed });
  }

  private effects(): void {
    for (const slot of ["spot", "hedge"] as SeriesSlot[]) {
      const r = this.state.ranges[slot];
      if (r.status === "loading" && this.reading.get(slot) !== r.address) void this.read(slot, r.address);
    }
    const st = this.state;
    if (st.step === "review" && st.review.status === "idle") void this.review();
    if (st.step === "insert" && this.planIsStale()) this.schedulePlan();
  }

  private async read(slot: SeriesSlot, address: string): Promise<void> {
    this.reading.set(slot, address);
    try {
      const read = await this.wb.readRange(address);
      this.dispatch({ type: "rangeLoaded", slot, requested: address, address: read.address, values: read.values });
    } catch (e) {
      const message = e instanceof AddressError ? e.message : `Could not read ${address}: ${messageOf(e)}`;
      this.dispatch({ type: "rangeFailed", slot, requested: address, message });
    } finally {
      if (this.reading.get(slot) === address) this.reading.delete(slot);
    }
  }

  // ---- review ----

  private async review(): Promise<void> {
    const run = ++this.reviewRun;
    const st = this.state;
    this.dispatch({ type: "reviewStart", run, label: "Starting" });
    const progress = (fraction: number, label: string) => this.dispatch({ type: "reviewProgress", run, progress: fraction, label });
    try {
      const s = st.settings;
      if (!usesHistories(s.instrument.kind)) {
        this.dispatch({ type: "reviewDone", run, analysis: await analyseOption(s, progress) });
        return;
      }
      const spot = st.ranges.spot;
      const hedge = st.ranges.hedge;
      if (spot.status !== "loaded" || hedge.status !== "loaded") throw new AnalysisError("The price histories are not read yet: go back to Data.");
      this.dispatch({ type: "reviewDone", run, analysis: await analyseLinear(s, spot.values, hedge.values, progress) });
    } catch (e) {
      const known = e instanceof AnalysisError || e instanceof OptionAnalysisError;
      this.dispatch({ type: "reviewFailed", run, message: known ? e.message : `The review failed: ${messageOf(e)}` });
    }
  }

  // ---- insert ----

  private planIsStale(): boolean {
    const i = this.state.insert;
    return i.status === "idle" || (i.status === "planned" && i.settings !== this.state.settings);
  }

  private schedulePlan(): void {
    if (this.planTimer !== undefined || this.planning) return;
    this.planTimer = setTimeout(() => {
      this.planTimer = undefined;
      void this.plan();
    }, this.options.planDelayMs ?? 200);
  }

  private sourceRows(): number {
    const r = this.state.ranges.spot;
    return r.status === "loaded" ? seriesRows(r.values) : 0;
  }

  private registerIds(): string[] {
    const r = this.state.register;
    return r.status === "loaded" ? r.entries.map((e) => e.id) : [];
  }

  private baseName(): string {
    return `Hedge ${this.state.settings.exposure.name.trim()}`;
  }

  private async plan(): Promise<void> {
    this.planning = true;
    try {
      const settings = this.state.settings;
      const sheet = await this.wb.proposeSheetName(this.baseName());
      if (!this.planIsStale() || this.state.settings !== settings) return;
      const plan = buildPlan({ settings, sheet, id: nextRegisterId(this.registerIds()), date: today(), sourceRows: this.sourceRows() });
      this.dispatch({ type: "insertPlanned", plan, settings });
    } catch (e) {
      this.dispatch({ type: "insertFailed", message: `Could not prepare the insert: ${messageOf(e)}` });
    } finally {
      this.planning = false;
      if (this.state.step === "insert" && this.planIsStale()) this.schedulePlan();
    }
  }

  private readonly confirm: ConfirmOverwrite = (addresses) =>
    new Promise<boolean>((resolve) => {
      this.pendingConfirm = resolve;
      this.dispatch({ type: "insertConfirm", addresses });
      document.querySelector<HTMLElement>('[data-testid="confirm-keep"]')?.focus();
    });

  private answerConfirm(overwrite: boolean): void {
    const resolve = this.pendingConfirm;
    this.pendingConfirm = undefined;
    if (!resolve) return;
    this.dispatch({ type: "insertWriting", label: overwrite ? "Overwriting…" : "Stopping…" });
    resolve(overwrite);
  }

  private async insert(): Promise<void> {
    const status = this.state.insert.status;
    if (status !== "planned" && status !== "failed") return;
    const settings = this.state.settings;
    let sheet: string | undefined;
    try {
      this.dispatch({ type: "insertWriting", label: "Checking the hedge register…" });
      const ids = (await this.wb.readRegister()).map((r) => String(r["ID"] ?? ""));
      const id = nextRegisterId([...ids, ...this.registerIds()]);
      this.dispatch({ type: "insertWriting", label: "Adding the sheet…" });
      sheet = await this.wb.addSheet(this.baseName());
      const plan = buildPlan({ settings, sheet, id, date: today(), sourceRows: this.sourceRows() });
      this.dispatch({ type: "insertPlanned", plan, settings });
      this.dispatch({ type: "insertWriting", label: "Writing inputs and live formulas…" });
      await this.wb.writeCells(sheet, plan.blocks, this.confirm);
      this.dispatch({ type: "insertWriting", label: "Adding the chart…" });
      await this.wb.addChart(sheet, plan.chart);
      this.dispatch({ type: "insertWriting", label: "Recording the hedge in the register…" });
      await this.wb.appendRegister(plan.registerRow, this.confirm);
      await this.wb.activate(sheet);
      this.dispatch({ type: "insertDone", sheet });
      document.querySelector<HTMLElement>('[data-testid="insert-done"]')?.focus();
      await this.loadRegister();
    } catch (e) {
      const where = sheet ? ` Sheet ${sheet} was added; you can delete it or insert again.` : "";
      const message = e instanceof WriteDeclined ? `${e.message}${where}` : `The insert stopped: ${messageOf(e)}.${where}`;
      this.dispatch({ type: "insertFailed", message });
    }
  }

  private startNew(): void {
    const author = this.state.settings.docs.author;
    const settings = this.options.newSettings();
    this.dispatch({ type: "newHedge", settings: { ...settings, docs: { ...settings.docs, author: settings.docs.author || author } } });
    this.view?.heading.focus();
  }

  // ---- register ----

  async loadRegister(): Promise<void> {
    this.dispatch({ type: "registerLoading" });
    try {
      const records = await this.wb.readRegister();
      this.dispatch({ type: "registerLoaded", entries: records.map(registerEntry) });
    } catch (e) {
      this.dispatch({ type: "registerFailed", message: `Could not read the hedge register: ${messageOf(e)}` });
    }
  }

  private reopen(entry: RegisterEntry): void {
    if (typeof entry.settings === "string") return;
    this.dispatch({ type: "reopen", id: entry.id, settings: entry.settings });
    this.view?.heading.focus();
  }
}
