import { el, svg } from "./dom";
import { formatAxis } from "./format";

/**
 * Hedged vs unhedged P&L per period as two lines on a shared axis. Only placement is worked out here
 * (data to pixels); the series are the core's hedgedPnl output, drawn as given.
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

export function pnlChart(title: string, description: string, series: ChartSeries[]): HTMLElement {
  const [lo, hi] = extent(series);
  const n = Math.max(...series.map((s) => s.values.length));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v: number) => PAD.top + ((hi - v) * plotH) / (hi - lo);
  const titleId = "pnl-chart-title";
  const descId = "pnl-chart-desc";

  const lines = series.map((s) => {
    const points: string[] = [];
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (Number.isFinite(v)) points.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    }
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
    svg("text", { class: "tick", x: PAD.left, y: HEIGHT - 6 }, "first"),
    svg("text", { class: "tick", x: WIDTH - PAD.right, y: HEIGHT - 6, "text-anchor": "end" }, `period ${n}`),
    ...lines,
  );
  const legend = el(
    "ul",
    { class: "legend" },
    ...series.map((s) => el("li", {}, el("span", { class: `swatch ${s.className}`, "aria-hidden": "true" }), s.label)),
  );
  return el("figure", { class: "chart-figure" }, el("figcaption", {}, title), chart, legend);
}
