import { el, svg } from "./dom";
import { formatAxis } from "./format";

/**
 * Hedged vs unhedged P&L as two lines on a shared axis: per period (the core's hedgedPnl), or against the
 * price at expiry (the core's protectiveScenarios). Only placement is worked out here (data to pixels);
 * the series are drawn as given.
 */
// Close to the pane's own width, so text in the chart stays near the pane's text size when scaled.
const WIDTH = 320;
const HEIGHT = 170;
const PAD = { left: 46, right: 8, top: 10, bottom: 22 };

export interface ChartSeries {
  label: string;
  values: ArrayLike<number>;
  className: string;
}

/** A horizontal axis of values (increasing, one per point) instead of periods. */
export interface ValueAxis {
  at: ArrayLike<number>;
  format: (x: number) => string;
  /** A vertical line at a value, e.g. the strike, with a short label. */
  mark?: { at: number; label: string };
}

function extent(series: ChartSeries[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const s of series) {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** More points than this would only overdraw pixels (and a million of them would stall the pane). */
const MAX_POINTS = 800;

/**
 * Indices of the points to draw: all of them for a short history; for a long one, the lowest and the
 * highest of each slice in time order, so the drawn envelope is the data's own.
 */
export function visiblePoints(values: ArrayLike<number>): number[] {
  const n = values.length;
  const all: number[] = [];
  if (n <= MAX_POINTS) {
    for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) all.push(i);
    return all;
  }
  const buckets = MAX_POINTS / 2;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let lo = -1;
    let hi = -1;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo < 0) continue;
    if (lo === hi) all.push(lo);
    else all.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  return all;
}

export function pnlChart(title: string, description: string, series: ChartSeries[], axis?: ValueAxis): HTMLElement {
  const [lo, hi] = extent(series);
  const n = Math.max(...series.map((s) => s.values.length));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x0 = axis ? axis.at[0] : 0;
  const x1 = axis ? axis.at[n - 1] : n - 1;
  const xOf = (v: number) => PAD.left + (x1 <= x0 ? plotW / 2 : ((v - x0) * plotW) / (x1 - x0));
  const x = (i: number) => xOf(axis ? axis.at[i] : i);
  const y = (v: number) => PAD.top + ((hi - v) * plotH) / (hi - lo);
  const titleId = "pnl-chart-title";
  const descId = "pnl-chart-desc";

  const lines = series.map((s) => {
    const points = visiblePoints(s.values).map((i) => `${x(i).toFixed(1)},${y(s.values[i]).toFixed(1)}`);
    return svg("polyline", { class: `series ${s.className}`, points: points.join(" "), fill: "none" });
  });

  const chart = svg(
    "svg",
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": `${titleId} ${descId}`, class: "chart" },
    svg("title", { id: titleId }, title),
    svg("desc", { id: descId }, description),
    svg("line", { class: "axis", x1: PAD.left, x2: WIDTH - PAD.right, y1: y(0), y2: y(0) }),
    svg("line", { class: "axis", x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: HEIGHT - PAD.bottom }),
    svg("text", { class: "tick", x: PAD.left - 4, y: y(hi) + 4, "text-anchor": "end" }, formatAxis(hi)),
    svg("text", { class: "tick", x: PAD.left - 4, y: y(0) + 4, "text-anchor": "end" }, "0"),
    svg("text", { class: "tick", x: PAD.left - 4, y: y(lo), "text-anchor": "end" }, formatAxis(lo)),
    svg("text", { class: "tick", x: PAD.left, y: HEIGHT - 6 }, axis ? axis.format(x0) : "first"),
    svg("text", { class: "tick", x: WIDTH - PAD.right, y: HEIGHT - 6, "text-anchor": "end" }, axis ? axis.format(x1) : `period ${n}`),
    ...(axis?.mark && axis.mark.at > x0 && axis.mark.at < x1 ? markLine(xOf(axis.mark.at), axis.mark.label) : []),
    ...lines,
  );
  const legend = el(
    "ul",
    { class: "legend" },
    ...series.map((s) => el("li", {}, el("span", { class: `swatch ${s.className}`, "aria-hidden": "true" }), s.label)),
  );
  return el("figure", { class: "chart-figure" }, el("figcaption", {}, title), chart, legend);
}

/** Room the first and last tick labels take at the ends of the axis. */
const END_LABEL = 40;

function markLine(at: number, label: string): SVGElement[] {
  const line = svg("line", { class: "mark", x1: at, x2: at, y1: PAD.top, y2: HEIGHT - PAD.bottom });
  // Near an end the label would print over that end's tick; the line (and the description) still say it.
  if (at - PAD.left < END_LABEL || WIDTH - PAD.right - at < END_LABEL) return [line];
  return [line, svg("text", { class: "tick", x: at, y: HEIGHT - 6, "text-anchor": "middle" }, label)];
}
