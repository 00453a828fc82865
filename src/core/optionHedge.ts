import { fail } from "./errors";
import type { OptionType } from "./options";
import { productOf } from "./statistics";
import { finiteResult, optionalNumber, parseChoice, requireNumber } from "./validate";

/**
 * A protective option hedge held to expiry: what it costs and what the exposure earns with and without it.
 * Every argument may come straight from a cell (validated here, messages name the argument).
 *
 * Direction decides the option, because it decides which way the price hurts:
 * - a LONG exposure (owned, or to be received) loses when the price falls: a put floors the price;
 * - a SHORT exposure (owed, or a purchase to make, such as jet fuel to buy) loses when the price rises:
 *   a call caps the price paid. A put would add to that position's loss-making side, not protect it.
 */
export type ExposureDirection = "long" | "short";
export const EXPOSURE_DIRECTIONS: readonly ExposureDirection[] = ["long", "short"];

/** Required: guessing a direction would hand a jet-fuel buyer the put that does not protect them. */
function requireDirection(direction: unknown): ExposureDirection {
  const d = parseChoice<ExposureDirection | "">(direction, "direction", EXPOSURE_DIRECTIONS, "");
  if (d === "") fail('direction is required: give "long" or "short".');
  return d;
}

/** The option that protects an exposure: a put for a long one, a call for a short one. */
export function protectiveOptionType(direction: unknown): OptionType {
  return requireDirection(direction) === "long" ? "put" : "call";
}

/**
 * The total premium paid for a hedge of `quantity` options of `multiplier` units each, at `premium` per
 * unit of the underlying: premium × quantity × multiplier. It is a cost, so it is returned positive (cash
 * paid out); the P&L functions below subtract it. Premium and quantity may be 0; multiplier must be
 * positive (default 1, options quoted per unit).
 */
export function optionHedgeCost(premium: unknown, quantity: unknown, multiplier?: unknown): number {
  const p = requireNumber(premium, "premium", { min: 0 });
  const q = requireNumber(quantity, "quantity", { min: 0 });
  const m = optionalNumber(multiplier, "multiplier", 1, { min: 0, exclusiveMin: true });
  return finiteResult(productOf([p, q, m]), "The option hedge cost premium × quantity × multiplier") + 0;
}

/** The exposure and the options that protect it: one option per unit of the exposure. */
export interface ProtectiveHedge {
  /** "long" (protected by puts) or "short" (protected by calls). */
  direction: unknown;
  /** Units of the underlying exposed, and covered by as many options (> 0). */
  quantity: unknown;
  /** Today's price S0 (> 0): the P&L is measured from it. */
  spot: unknown;
  /** The options' strike K (> 0). */
  strike: unknown;
  /** Premium per unit of the underlying (>= 0), paid today. */
  premium: unknown;
}

/** Terminal prices are given as prices, or as moves from S0 (0.1 = up 10%, so the price is S0·(1 + move)). */
export type ScenarioKind = "price" | "move";
export const SCENARIO_KINDS: readonly ScenarioKind[] = ["price", "move"];

/** P&L at expiry for one terminal price, in currency, for the whole quantity. */
export interface ProtectiveScenario {
  /** The terminal price S_T. */
  price: number;
  /** The exposure alone: quantity·(S_T − S0), negated for a short exposure. */
  unhedged: number;
  /** What the options pay at expiry: quantity·max(K − S_T, 0) for puts, quantity·max(S_T − K, 0) for calls. */
  payoff: number;
  /** unhedged + payoff − cost. */
  hedged: number;
}

export interface ProtectiveScenarios {
  type: OptionType;
  /** optionHedgeCost(premium, quantity): positive, paid today. */
  cost: number;
  /**
   * The worst hedged P&L at any terminal price: quantity·(K − S0) − cost for a long exposure,
   * quantity·(S0 − K) − cost for a short one; every scenario's hedged P&L is at least this.
   */
  floor: number;
  /** One per point, in the order given. */
  scenarios: ProtectiveScenario[];
  /** The scenario at S_T = K, where the hedged line bends: a chart needs it to draw the corner. */
  atStrike: ProtectiveScenario;
}

/**
 * Hedged and unhedged P&L at expiry of a protective option hedge, at each terminal price in `points`
 * (prices >= 0, or moves >= −1 when `kind` is "move"; `kind` defaults to "price").
 *
 * The hedged P&L is formed on each side of the strike rather than as unhedged + payoff − cost: where the
 * option pays, the exposure's move and the payoff cancel exactly, leaving quantity·(K − S0) (a long
 * exposure) whatever S_T is, so the floor holds to the last bit instead of up to a rounding of
 * quantity·S_T.
 */
export function protectiveScenarios(hedge: ProtectiveHedge, points: readonly unknown[], kind?: unknown): ProtectiveScenarios {
  const long = requireDirection(hedge.direction) === "long";
  const q = requireNumber(hedge.quantity, "quantity", { min: 0, exclusiveMin: true });
  const S0 = requireNumber(hedge.spot, "spot", { min: 0, exclusiveMin: true });
  const K = requireNumber(hedge.strike, "strike", { min: 0, exclusiveMin: true });
  const cost = optionHedgeCost(hedge.premium, q);
  const asMoves = parseChoice(kind, "kind", SCENARIO_KINDS, "price") === "move";

  const d = long ? 1 : -1;
  const floor = finiteResult(d * q * (K - S0) - cost, "The hedged P&L floor quantity × (strike − spot) − cost") + 0;
  const at = (price: number, label: string): ProtectiveScenario => {
    // For a put the option pays below the strike, for a call above it.
    const pays = long ? price < K : price > K;
    const unhedged = finiteResult(d * q * (price - S0), `The unhedged P&L at ${label}`) + 0;
    const payoff = pays ? finiteResult(q * Math.abs(K - price), `The option payoff at ${label}`) : 0;
    const hedged = pays ? floor : finiteResult(unhedged - cost, `The hedged P&L at ${label}`) + 0;
    return { price, unhedged, payoff, hedged };
  };
  const scenarios = points.map((point, i) => {
    const name = `${asMoves ? "move" : "price"} ${i + 1}`;
    if (!asMoves) return at(requireNumber(point, name, { min: 0 }), name);
    const move = requireNumber(point, name, { min: -1 });
    return at(finiteResult(S0 * (1 + move), `The price after ${name}`), name);
  });
  return { type: long ? "put" : "call", cost, floor, scenarios, atStrike: at(K, "the strike") };
}
