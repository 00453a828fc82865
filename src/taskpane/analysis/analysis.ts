import {
  DollarOffsetTest,
  HedgeError,
  HedgeStatistics,
  InputKind,
  PairedSeries,
  contracts,
  dollarOffsetTest,
  effectiveness,
  ewmaRatio,
  hedgeStatistics,
  hedgedPnl,
  minVarianceRatio,
  readPair,
  rollingRatio,
} from "../../core";
import { FieldPath, fieldSpec, getField } from "../state/fields";
import { MethodKind, Settings, isValueBased } from "../state/settings";
import { numberOf, seriesLabel, minimumObservations } from "../state/validation";
import type { CellValue } from "../workbook/workbook";
import { OptionAnalysis } from "./optionAnalysis";
import { Progress, yieldToBrowser } from "./yieldToBrowser";

/**
 * The review's numbers, every one of them from src/core: this module only decides which core function to
 * call with which inputs, in small steps with a yield in between so the pane stays responsive.
 */

/** A number, or the core's reason there is none (shown in its place). */
export type Outcome<T = number> = { ok: true; value: T } | { ok: false; message: string };

export interface LinearAnalysis {
  kind: "linear";
  input: InputKind;
  method: MethodKind;
  observations: number;
  /** The ratio the hedge uses: minimum variance, the latest rolling or EWMA ratio, or 1. */
  ratio: number;
  /** The static regression, for the 95% interval. */
  stats: Outcome<HedgeStatistics>;
  /** Exact (unrounded) contracts; positive = sell against a long exposure. */
  contracts: Outcome;
  variance: Outcome;
  r2: Outcome;
  /** The offset, its band verdict, and whether the history moved enough for the verdict to mean anything. */
  dollarOffset: Outcome<DollarOffsetTest>;
  /** Per observation, long the exposure: unhedged (ratio 0) and hedged. */
  pnl: { unhedged: Float64Array; hedged: Float64Array };
}

export type Analysis = LinearAnalysis | OptionAnalysis;

export class AnalysisError extends Error {}

function outcome<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof HedgeError) return { ok: false, message: e.message[0].toUpperCase() + e.message.slice(1) };
    throw e;
  }
}

export function settingNumber(s: Settings, path: FieldPath): number {
  const { value, message } = numberOf(fieldSpec(path), getField(s, path));
  if (value === undefined) throw new AnalysisError(message ?? `${fieldSpec(path).label} is not a number.`);
  return value;
}

export async function analyseLinear(
  s: Settings,
  spot: CellValue[][],
  hedge: CellValue[][],
  progress: Progress,
): Promise<LinearAnalysis> {
  const kind = s.instrument.kind;
  const input = s.data.input;
  const names = { spot: seriesLabel("spot", kind), hedge: seriesLabel("hedge", kind) };
  // Several core functions reuse the pair's arrays for their output, so each gets a fresh pair.
  const pair = (): PairedSeries => readPair(spot, hedge, names.spot, names.hedge, input, minimumObservations(s));
  const steps = 6;
  let step = 0;
  const next = async (label: string) => {
    progress(++step / steps, label);
    await yieldToBrowser();
  };

  await next("Reading the histories");
  const p = pair();

  await next("Estimating the hedge ratio");
  const stats = outcome(() => hedgeStatistics(p.s, p.f, p.n, names));
  let ratio: number;
  try {
    ratio = currentRatio(s, p, pair, names);
  } catch (e) {
    if (e instanceof HedgeError) throw new AnalysisError(e.message[0].toUpperCase() + e.message.slice(1));
    throw e;
  }

  await next("Sizing the hedge");
  const quantity = settingNumber(s, "exposure.quantity");
  const size = settingNumber(s, "instrument.contractSize");
  const count = isValueBased(input)
    ? outcome(() =>
        contracts(ratio, quantity, size, settingNumber(s, "exposure.price"), settingNumber(s, "instrument.price")),
      )
    : outcome(() => contracts(ratio, quantity, size));

  await next("Measuring effectiveness");
  const variance = outcome(() => effectiveness(p.s, p.f, p.n, ratio, "variance", names));
  const r2 = outcome(() => effectiveness(p.s, p.f, p.n, ratio, "r2", names));
  const dollarOffset = outcome(() => dollarOffsetTest(p.s, p.f, p.n, ratio, names));

  await next("Computing hedged and unhedged P&L");
  const unhedged = hedgedPnl(pair(), 0).slice(0, p.n);
  const hedged = hedgedPnl(pair(), ratio).slice(0, p.n);

  await next("Done");
  return {
    kind: "linear",
    input,
    method: s.method.kind,
    observations: p.n,
    ratio,
    stats,
    contracts: count,
    variance,
    r2,
    dollarOffset,
    pnl: { unhedged, hedged },
  };
}

function currentRatio(s: Settings, p: PairedSeries, pair: () => PairedSeries, names: { spot: string; hedge: string }): number {
  switch (s.method.kind) {
    case "minvar":
      return minVarianceRatio(p.s, p.f, p.n, names);
    case "naive":
      return 1;
    case "rolling":
    case "ewma": {
      const q = pair();
      const series = s.method.kind === "rolling"
        ? rollingRatio(q, settingNumber(s, "method.window"))
        : ewmaRatio(q, settingNumber(s, "method.lambda"));
      const latest = series[q.n - 1];
      if (!Number.isFinite(latest)) {
        throw new AnalysisError(
          s.method.kind === "rolling"
            ? "The latest window has no ratio: the instrument's price did not move within it. Choose a longer window."
            : "The EWMA has no ratio yet: the instrument's price has not moved. Choose another method.",
        );
      }
      return latest;
    }
  }
}
