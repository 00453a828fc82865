import {
  HedgeError,
  OptionGreeks,
  OptionInput,
  ProtectiveScenario,
  ProtectiveScenarios,
  deltaHedge,
  impliedVol,
  optionGreeks,
  optionHedgeCost,
  protectiveOptionType,
  protectiveScenarios,
} from "../../core";
import { FieldPath, fieldSpec, getField } from "../state/fields";
import { Settings } from "../state/settings";
import { numberOf } from "../state/validation";
import { Progress, yieldToBrowser } from "./yieldToBrowser";

/** Moves of the underlying for the option's scenarios, in the review's chart and the sheet's table. */
export const SCENARIO_MOVES: readonly number[] = [-0.3, -0.25, -0.2, -0.15, -0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

/**
 * A protective option: a put protects a long position, a call a short one (the core's
 * protectiveOptionType). Price, greeks, (when the user has a quote) the implied volatility, the total
 * premium and the P&L at expiry all come from the core.
 */
export interface OptionAnalysis {
  kind: "option";
  input: OptionInput;
  /** The volatility was implied from the quoted premium rather than typed. */
  implied: boolean;
  greeks: OptionGreeks;
  /** Units of the underlying that would neutralise the options' delta (core deltaHedge). */
  deltaEquivalent: number;
  /** Units of the exposure, each covered by one option. */
  quantity: number;
  /** Premium per unit × quantity (core optionHedgeCost): cash paid today, positive. */
  cost: number;
  /** P&L at expiry at today's price moved by each of SCENARIO_MOVES (core protectiveScenarios). */
  expiry: ProtectiveScenarios;
  /** The scenarios in price order with the strike among them, so a chart draws the corner where the floor starts. */
  profile: ProtectiveScenario[];
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

/** Ordering only: the strike's scenario goes where its price falls, if inside the grid. */
function withStrike(scenarios: ProtectiveScenario[], atStrike: ProtectiveScenario): ProtectiveScenario[] {
  const first = scenarios[0].price;
  const last = scenarios[scenarios.length - 1].price;
  if (atStrike.price <= first || atStrike.price >= last || scenarios.some((x) => x.price === atStrike.price)) return scenarios;
  const at = scenarios.findIndex((x) => x.price > atStrike.price);
  return [...scenarios.slice(0, at), atStrike, ...scenarios.slice(at)];
}

export async function analyseOption(s: Settings, progress: Progress): Promise<OptionAnalysis> {
  try {
    progress(0.2, "Reading the option's terms");
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
    progress(0.4, premium === undefined ? "Pricing the option" : "Implying the volatility from the premium");
    await yieldToBrowser();
    const sigma = premium === undefined ? required(s, "instrument.vol") : impliedVol(premium, terms);
    const input: OptionInput = { ...terms, sigma };
    const greeks = optionGreeks(input);
    progress(0.6, "Sizing the protection");
    await yieldToBrowser();
    const quantity = required(s, "exposure.quantity");
    const deltaEquivalent = deltaHedge(greeks.delta, quantity);
    // The model price is what the sheet's Total premium uses; with a quote it reproduces the quote.
    const cost = optionHedgeCost(greeks.price, quantity);
    progress(0.8, "P&L at expiry");
    await yieldToBrowser();
    const expiry = protectiveScenarios(
      { direction: s.exposure.direction, quantity, spot: input.S, strike: input.K, premium: greeks.price },
      SCENARIO_MOVES,
      "move",
    );
    progress(1, "Done");
    return {
      kind: "option",
      input,
      implied: premium !== undefined,
      greeks,
      deltaEquivalent,
      quantity,
      cost,
      expiry,
      profile: withStrike(expiry.scenarios, expiry.atStrike),
    };
  } catch (e) {
    if (e instanceof HedgeError) throw new OptionAnalysisError(e.message[0].toUpperCase() + e.message.slice(1));
    throw e;
  }
}
