import { HedgeError, OptionGreeks, OptionInput, deltaHedge, impliedVol, optionGreeks } from "../../core";
import { FieldPath, fieldSpec, getField } from "../state/fields";
import { Settings, protectiveOptionType } from "../state/settings";
import { numberOf } from "../state/validation";
import { Progress, yieldToBrowser } from "./yieldToBrowser";

/**
 * A protective option: a put protects a long position, a call a short one. Price, greeks and (when the
 * user has a quote) the implied volatility all come from the core.
 */
export interface OptionAnalysis {
  kind: "option";
  input: OptionInput;
  /** The volatility was implied from the quoted premium rather than typed. */
  implied: boolean;
  greeks: OptionGreeks;
  /** Units of the underlying that would neutralise the options' delta (core deltaHedge). */
  deltaEquivalent: number;
}

export class OptionAnalysisError extends Error {}

function value(s: Settings, path: FieldPath): number | undefined {
  const raw = getField(s, path);
  if (raw.trim() === "") return undefined;
  const { value: v, message } = numberOf(fieldSpec(path), raw);
  if (v === undefined) throw new OptionAnalysisError(message ?? `${fieldSpec(path).label} is not a number.`);
  return v;
}

function required(s: Settings, path: FieldPath): number {
  const v = value(s, path);
  if (v === undefined) throw new OptionAnalysisError(`${fieldSpec(path).label} is required.`);
  return v;
}

export async function analyseOption(s: Settings, progress: Progress): Promise<OptionAnalysis> {
  try {
    progress(0.25, "Reading the option's terms");
    await yieldToBrowser();
    const terms = {
      S: required(s, "exposure.price"),
      K: required(s, "instrument.strike"),
      T: required(s, "instrument.expiry"),
      r: required(s, "instrument.rate"),
      type: protectiveOptionType(s.exposure.direction),
      q: value(s, "instrument.dividendYield") ?? 0,
      model: s.instrument.model,
    };
    const premium = value(s, "instrument.premium");
    progress(0.5, premium === undefined ? "Pricing the option" : "Implying the volatility from the premium");
    await yieldToBrowser();
    const sigma = premium === undefined ? required(s, "instrument.vol") : impliedVol(premium, terms);
    const input: OptionInput = { ...terms, sigma };
    const greeks = optionGreeks(input);
    progress(0.75, "Sizing the protection");
    await yieldToBrowser();
    const deltaEquivalent = deltaHedge(greeks.delta, required(s, "exposure.quantity"));
    progress(1, "Done");
    return { kind: "option", input, implied: premium !== undefined, greeks, deltaEquivalent };
  } catch (e) {
    if (e instanceof HedgeError) throw new OptionAnalysisError(e.message[0].toUpperCase() + e.message.slice(1));
    throw e;
  }
}
