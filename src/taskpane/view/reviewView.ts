import type { DollarOffsetTest } from "../../core";
import type { LinearAnalysis, Outcome } from "../analysis/analysis";
import type { OptionAnalysis } from "../analysis/optionAnalysis";
import { METHOD_WORDS } from "../insert/plan";
import type { Settings } from "../state/settings";
import type { ReviewState } from "../state/wizard";
import { Child, el } from "./dom";
import { formatAmount, formatExact, formatPercent, formatPrice, formatRatio, formatSignificant, formatWhole } from "./format";
import { pnlChart } from "./pnlChart";

/** The review step's body: progress while the core works, then its numbers and the chart. */
export function reviewBody(review: ReviewState, s: Settings): HTMLElement {
  switch (review.status) {
    case "idle":
      return el("p", { class: "muted" }, "Preparing the review…");
    case "running":
      return el(
        "div",
        { class: "progress", "data-testid": "review-progress" },
        el("label", { for: "review-progress-bar" }, review.label),
        el("progress", { id: "review-progress-bar", max: 1, value: review.progress }),
      );
    case "failed":
      return el("p", { class: "message error", role: "alert" }, review.message);
    case "done":
      return review.analysis.kind === "linear" ? linearReview(review.analysis, s) : optionReview(review.analysis, s);
  }
}

function row(label: string, testId: string, ...value: Child[]): HTMLElement {
  return el("div", { class: "result" }, el("dt", {}, label), el("dd", { "data-testid": testId }, ...value));
}

function outcomeText(o: Outcome, format: (x: number) => string): Child {
  return o.ok ? format(o.value) : el("span", { class: "warning" }, o.message);
}

const INPUT_WORDS = { prices: "price changes", returns: "returns", logreturns: "log returns", changes: "changes" } as const;

function contractLine(a: LinearAnalysis, s: Settings): Child[] {
  if (!a.contracts.ok) return [el("span", { class: "warning" }, a.contracts.message)];
  const exact = a.contracts.value;
  // Core convention: a positive count is sold against a long exposure; a short exposure buys.
  const sellsWhenPositive = s.exposure.direction === "long";
  const side = exact >= 0 === sellsWhenPositive ? "Sell" : "Buy";
  const magnitude = Math.abs(exact);
  const unit = s.instrument.kind === "asset" ? "units" : "contracts";
  return [
    el("strong", { "data-testid": "contracts-rounded" }, `${side} ${formatWhole(magnitude)} ${unit}`),
    " ",
    el("span", { class: "muted", "data-testid": "contracts-exact" }, `(exact ${formatExact(magnitude)})`),
  ];
}

/** Why a band verdict on this history says nothing: the core's criterion, in the numbers it compared. */
export function smallChangesWarning(t: DollarOffsetTest): string {
  return (
    "The spot moved too little over this history for the dollar-offset ratio to mean anything: " +
    `|Σ spot| = ${formatSignificant(Math.abs(t.spotChange))} is under 5 × the hedged noise ${formatSignificant(t.residualNoise)}.`
  );
}

function dollarOffsetLine(a: LinearAnalysis): Child[] {
  if (!a.dollarOffset.ok) return [el("span", { class: "warning" }, a.dollarOffset.message)];
  const t = a.dollarOffset.value;
  return [
    formatPercent(t.offset),
    " ",
    el(
      "span",
      { class: t.inBand ? "badge ok" : "badge warn", "data-testid": "offset-band" },
      t.inBand ? "within 80%–125%" : "outside 80%–125%",
    ),
    t.smallChanges ? el("span", { class: "warning block", "data-testid": "offset-small" }, smallChangesWarning(t)) : null,
  ];
}

function methodDetail(s: Settings): string {
  if (s.method.kind === "rolling") return ` (latest ${s.method.window.trim()} observations)`;
  if (s.method.kind === "ewma") return ` (λ = ${s.method.lambda.trim()})`;
  return "";
}

function linearReview(a: LinearAnalysis, s: Settings): HTMLElement {
  const ci = a.stats.ok
    ? el("span", { class: "muted block", "data-testid": "ratio-ci" }, `95% interval ${formatRatio(a.stats.value.ci95Low)} to ${formatRatio(a.stats.value.ci95High)}`)
    : el("span", { class: "warning block", "data-testid": "ratio-ci" }, a.stats.message);
  const staticNote =
    a.method !== "minvar" && a.stats.ok ? el("p", { class: "muted" }, `Static minimum-variance ratio for comparison: ${formatRatio(a.stats.value.ratio)}.`) : null;
  const unit = s.exposure.unit.trim() || "units";
  const chart = pnlChart(
    `P&L per period of one unit held long (${unit}, ${INPUT_WORDS[a.input]})`,
    `${a.observations} periods. The hedged line subtracts ${formatRatio(a.ratio)} units of the instrument's change from the exposure's.` +
      (s.exposure.direction === "short" ? " Your short position sees the mirror image; the spread is the same." : ""),
    [
      { label: "Unhedged", values: a.pnl.unhedged, className: "unhedged" },
      { label: "Hedged", values: a.pnl.hedged, className: "hedged" },
    ],
  );
  return el(
    "div",
    { class: "review" },
    el(
      "dl",
      { class: "results" },
      row("Hedge ratio", "ratio", el("strong", { "data-testid": "ratio-value" }, formatRatio(a.ratio)), ci),
      row("How it was set", "method", `${METHOD_WORDS[a.method]}${methodDetail(s)}, ${a.observations} ${INPUT_WORDS[a.input]}`),
      row("Contracts to trade", "contracts", ...contractLine(a, s)),
      row("Variance reduction", "variance", outcomeText(a.variance, formatPercent)),
      row("R²", "r2", outcomeText(a.r2, formatPercent)),
      row("Dollar offset", "dollar-offset", ...dollarOffsetLine(a)),
    ),
    staticNote,
    chart,
  );
}

const PROTECTS = {
  put: "Puts set a floor under the price you get for what you hold.",
  call: "Calls cap the price you pay for what you must buy; a put would not protect a short position.",
} as const;

function optionReview(a: OptionAnalysis, s: Settings): HTMLElement {
  const g = a.greeks;
  const type = a.input.type;
  const unit = s.exposure.unit.trim() || "units";
  const e = a.expiry;
  // The core's deltaHedge is what to trade to neutralise the options: its opposite is how they behave.
  const behaves = a.deltaEquivalent >= 0 ? "a short position" : "a long position";
  const chart = pnlChart(
    `P&L at expiry of ${formatWhole(a.quantity)} ${unit}, by the price then`,
    `Unhedged: the exposure alone. Hedged: with the ${type}s, after their premium of ${formatAmount(a.cost)}. ` +
      `Prices from today's ${formatPrice(a.input.S)} moved down and up by 30%; the dashed line is the strike, ${formatPrice(a.input.K)}.`,
    [
      { label: "Unhedged", values: a.profile.map((x) => x.unhedged), className: "unhedged" },
      { label: `Hedged (with ${type}s)`, values: a.profile.map((x) => x.hedged), className: "hedged" },
    ],
    { at: a.profile.map((x) => x.price), format: formatPrice, mark: { at: a.input.K, label: "strike" } },
  );
  return el(
    "div",
    { class: "review" },
    el(
      "dl",
      { class: "results" },
      row(
        "Protection",
        "option",
        `${type === "put" ? "Put" : "Call"} struck at ${formatPrice(a.input.K)}, ${formatPrice(a.input.T)} years`,
        el("span", { class: "muted block", "data-testid": "option-why" }, PROTECTS[type]),
      ),
      row(`Premium per unit (${unit})`, "premium", el("strong", {}, formatPrice(g.price))),
      row(
        "Total premium",
        "option-cost",
        el("strong", { "data-testid": "option-cost-value" }, formatAmount(a.cost)),
        el("span", { class: "muted block" }, `${formatPrice(g.price)} × ${formatWhole(a.quantity)} ${unit}, paid today`),
      ),
      row(
        "Worst case at expiry",
        "option-floor",
        el("strong", { "data-testid": "option-floor-value" }, formatAmount(e.floor)),
        el(
          "span",
          { class: "muted block" },
          type === "put"
            ? "Below the strike the puts pay for the fall: (strike − price now) × quantity − premium."
            : "Above the strike the calls pay for the rise: (price now − strike) × quantity − premium.",
        ),
      ),
      row(a.implied ? "Implied volatility" : "Volatility", "vol", formatPercent(a.input.sigma)),
      row("Delta", "delta", formatRatio(g.delta)),
      row("Gamma", "gamma", formatRatio(g.gamma)),
      row("Vega (per 1.00 of vol)", "vega", formatRatio(g.vega)),
      row("Theta (per year)", "theta", formatRatio(g.theta)),
      row("Rho (per 1.00 of rate)", "rho", formatRatio(g.rho)),
      row("Delta equivalent", "delta-equivalent", `Today the options offset about ${formatWhole(Math.abs(a.deltaEquivalent))} ${unit} of the exposure, like ${behaves} of that size`),
    ),
    chart,
    el(
      "p",
      { class: "muted" },
      "The chart is at expiry. The sheet also shows the total premium, and a table and chart of P&L if the price moved now, while the options still hold time value.",
    ),
  );
}
