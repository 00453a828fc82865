/**
 * European options: Black-Scholes-Merton on a spot price with continuous dividend yield q, and Black-76
 * on a futures price (S is the futures price; q is ignored).
 *
 * Conventions (they are the Excel functions' conventions, so they are tested, not just described):
 * - T in years; r, q and sigma are continuously compounded decimals per year (0.05 = 5%).
 * - The greeks are those of one long option. Delta is dV/dS (negative for a put; for Black-76 it is
 *   dV/dF). Gamma is d2V/dS2. Vega is per 1.00 of sigma (divide by 100 for "per vol point").
 * - Theta is per year and is -dV/dT: the change in value as calendar time passes, so a long call
 *   usually has negative theta. Divide by 365 for a per-day figure.
 * - Rho is per 1.00 of r (divide by 100 for "per 1%"). For BSM it is dV/dr with S and q fixed. For
 *   Black-76 the futures price is held fixed, so only the discounting moves: rho = -T * price.
 *
 * Validation (a HedgeError of kind "value" names the Excel argument): S > 0, K > 0, T >= 0, sigma >= 0,
 * all finite; r and q between -1 and 1, because a rate of 5 is far more likely a typed "5%" than a
 * 500% rate. q defaults to 0 when not given; model defaults to "bsm"; type is required.
 *
 * Limits, consistent with T -> 0+ and sigma -> 0+ (the price is continuous there, the greeks take their
 * one-sided limits):
 * - T = 0 (at expiry): price = intrinsic value max(w(S - K), 0) with w = +1 for a call, -1 for a put.
 *   Delta = w if in the money, 0 if out of it, and w/2 exactly at the strike (N(d1) -> N(0) there).
 *   Vega = rho = 0. Gamma = 0 away from the strike. Theta away from the strike is the carry of the
 *   intrinsic value: w(q S - r K) in the money (BSM; r * intrinsic for Black-76), 0 out of it. Exactly
 *   at the strike gamma and theta grow without bound as T -> 0, so they throw a HedgeError saying so.
 * - sigma = 0 (T > 0): the forward F = S e^((r - q)T) is certain, so price = e^(-rT) max(w(F - K), 0);
 *   delta, theta and rho are the limits (half the in-the-money value when F = K exactly); vega is 0
 *   away from F = K and S e^(-qT) sqrt(T) / sqrt(2 pi) at it; gamma is 0 away from F = K and unbounded
 *   (a HedgeError) at it. sigma so small that sigma * sqrt(T) underflows is treated the same way.
 * - Anything else that is not a finite double (e.g. S = 1e300 with q = -1, T = 1000) is a HedgeError
 *   saying the inputs are out of double-precision range: never NaN or Infinity.
 *
 * Accuracy: an out-of-the-money price is w(S e^(-qT) N(w d1) - K e^(-rT) N(w d2)) with the two tail
 * probabilities factored through the Mills ratio (see blackFormula), so it keeps its relative accuracy
 * (about 1e-12 against mpmath) far into the wings and stays positive down to underflow. An in-the-money
 * price is its intrinsic value plus the out-of-the-money price of the other type (put-call parity), a
 * sum of two positive numbers, so it never dips below intrinsic value by a rounding error.
 */
import { fail } from "./errors";
import { millsRatio, normCdf, normPdf } from "./normal";
import { finiteResult, isMissing, parseChoice, requireNumber } from "./validate";

export type OptionType = "call" | "put";
export type OptionModel = "bsm" | "black76";
export type Greek = "price" | "delta" | "gamma" | "vega" | "theta" | "rho";

export const OPTION_TYPES: readonly OptionType[] = ["call", "put"];
export const OPTION_MODELS: readonly OptionModel[] = ["bsm", "black76"];
export const GREEKS: readonly Greek[] = ["price", "delta", "gamma", "vega", "theta", "rho"];

export interface OptionInput {
  S: number;
  K: number;
  T: number;
  r: number;
  sigma: number;
  type: OptionType;
  q: number;
  model: OptionModel;
}

export interface OptionGreeks {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
}

/** Validated option terms apart from sigma (shared with impliedVol). */
export interface OptionTerms {
  S: number;
  K: number;
  T: number;
  r: number;
  /** The dividend yield; for Black-76 it is set to r, which turns the BSM formulas into Black-76's. */
  q: number;
  call: boolean;
  black76: boolean;
}

function positive(value: unknown, name: string): number {
  if (typeof value === "number" && value > 0 && value < Infinity) return value;
  return requireNumber(value, name, { min: 0, exclusiveMin: true });
}

function rate(value: unknown, name: string): number {
  if (typeof value === "number" && value >= -1 && value <= 1) return value;
  const v = requireNumber(value, name);
  return fail(`${name} must be between -1 and 1, as a decimal (0.05 for 5%); it is ${v}.`);
}

function expiry(value: unknown): number {
  if (typeof value === "number" && value >= 0 && value < Infinity) return value;
  return requireNumber(value, "T", { min: 0 });
}

function volatility(value: unknown): number {
  if (typeof value === "number" && value >= 0 && value < Infinity) return value;
  const v = requireNumber(value, "sigma");
  return fail(`sigma must be greater than 0; it is ${v}.`);
}

function isCall(value: unknown): boolean {
  if (value === "call") return true;
  if (value === "put") return false;
  if (isMissing(value)) fail(`type is required: give "call" or "put".`);
  return parseChoice(value, "type", OPTION_TYPES, "call") === "call";
}

function isBlack76(value: unknown): boolean {
  if (value === "bsm") return false;
  if (value === "black76") return true;
  return parseChoice(value, "model", OPTION_MODELS, "bsm") === "black76";
}

function greekIndex(value: unknown): number {
  switch (value) {
    case "price": return PRICE;
    case "delta": return DELTA;
    case "gamma": return GAMMA;
    case "vega": return VEGA;
    case "theta": return THETA;
    case "rho": return RHO;
  }
  if (isMissing(value)) fail(`greek is required: give one of ${GREEKS.map((g) => `"${g}"`).join(", ")}.`);
  return GREEKS.indexOf(parseChoice(value, "greek", GREEKS, "price"));
}

function requireInputs(o: unknown): asserts o is Record<string, unknown> {
  if (o === null || typeof o !== "object") fail("The option's inputs are missing: give S, K, T, r, sigma and type.");
}

/** Checks everything but sigma; q is ignored (and reported as r) for Black-76. */
export function readOptionTerms(o: Omit<OptionInput, "sigma">): OptionTerms {
  requireInputs(o);
  const S = positive(o.S, "S");
  const K = positive(o.K, "K");
  const T = expiry(o.T);
  const r = rate(o.r, "r");
  const call = isCall(o.type);
  const black76 = isBlack76(o.model);
  const q = black76 ? r : isMissing(o.q) ? 0 : rate(o.q, "q");
  return { S, K, T, r, q, call, black76 };
}

/** ln(S/K) without overflow when S/K is out of range, and without losing digits when it is not. */
export function logMoneyness(S: number, K: number): number {
  const m = S / K;
  return m > 1e-300 && m < 1e300 ? Math.log(m) : Math.log(S) - Math.log(K);
}

/**
 * w (A N(w d1) - B N(w d2)), the Black formula in currency or in normalized units, given that
 * A pdf(d1) = B pdf(d2) (A/B is the forward over the strike). In the money it is the intrinsic value
 * plus the other type's price (parity). Out of the money both probabilities are tails, and the price is
 * written B pdf(d2) (m(-w d1) - m(-w d2)) with m the Mills ratio: subtracting two tail probabilities
 * would turn the rounding of d1 and d2 (a relative error of d^2 * 1e-16 in each) into a price error
 * amplified by |d| / (sigma sqrt(T)), 1e-9 already at d = 32, sigma sqrt(T) = 0.007.
 */
export function blackFormula(w: number, A: number, B: number, d1: number, d2: number): number {
  const intrinsic = w * (A - B);
  if (intrinsic > 0) return intrinsic + blackFormula(-w, A, B, d1, d2);
  if (w * d1 < 0 && w * d2 < 0) return Math.max(w * B * normPdf(d2) * (millsRatio(-w * d1) - millsRatio(-w * d2)), 0);
  return Math.max(w * (A * normCdf(w * d1) - B * normCdf(w * d2)), 0);
}

const PRICE = 0, DELTA = 1, GAMMA = 2, VEGA = 3, THETA = 4, RHO = 5;

/**
 * One greek of validated terms. With q = r it is Black-76 on F = S in every greek but rho, which
 * `black76` switches to -T * price. Plain numbers in, one number out: the hot path allocates nothing.
 */
function evaluate(g: number, S: number, K: number, T: number, r: number, sigma: number, call: boolean, q: number,
  black76: boolean): number {
  const w = call ? 1 : -1;
  const sqrtT = Math.sqrt(T);
  const s = sigma * sqrtT;
  const x = logMoneyness(S, K) + (r - q) * T; // ln(F/K)
  const Dq = Math.exp(-q * T);
  const D = black76 ? Dq : Math.exp(-r * T);
  let d1: number, d2: number;
  if (s > 0) {
    const h = x / s;
    d1 = h + 0.5 * s;
    d2 = h - 0.5 * s;
  } else {
    // The T -> 0 or sigma -> 0 limit: d1, d2 -> +-Infinity by the side of the strike the forward is on.
    d1 = d2 = x > 0 ? Infinity : x < 0 ? -Infinity : 0;
  }
  switch (g) {
    case PRICE:
      return blackFormula(w, S * Dq, K * D, d1, d2);
    case DELTA:
      return w * Dq * normCdf(w * d1);
    case GAMMA:
      if (s === 0) {
        if (x !== 0) return 0;
        return fail(T === 0 ? "gamma is unbounded at the strike at expiry (T = 0)."
          : "gamma is unbounded when sigma * sqrt(T) is 0 and the forward price equals the strike.");
      }
      return (Dq * normPdf(d1)) / (S * s);
    case VEGA:
      return s === 0 && x !== 0 ? 0 : S * Dq * normPdf(d1) * sqrtT;
    case THETA: {
      let decay: number; // the volatility part, -S e^(-qT) phi(d1) sigma / (2 sqrt(T))
      if (T === 0) {
        if (x === 0) return fail("theta is unbounded at the strike at expiry (T = 0).");
        decay = 0;
      } else {
        decay = s === 0 && x !== 0 ? 0 : (-S * Dq * normPdf(d1) * sigma) / (2 * sqrtT);
      }
      return decay + w * (q * S * Dq * normCdf(w * d1) - r * K * D * normCdf(w * d2));
    }
    default: // RHO
      if (black76) return -T * blackFormula(w, S * D, K * D, d1, d2);
      return w * K * T * D * normCdf(w * d2);
  }
}

/**
 * The value (greek = "price") or one greek of a European option; see the conventions above.
 * Throws HedgeError naming the argument for bad input, or explaining an unbounded greek.
 */
export function optionValue(greek: Greek, o: OptionInput): number {
  const g = greekIndex(greek);
  requireInputs(o);
  const S = positive(o.S, "S");
  const K = positive(o.K, "K");
  const T = expiry(o.T);
  const r = rate(o.r, "r");
  const sigma = volatility(o.sigma);
  const call = isCall(o.type);
  const black76 = isBlack76(o.model);
  const q = black76 ? r : isMissing(o.q) ? 0 : rate(o.q, "q");
  // + 0 turns -0 (a put's delta out of the money at expiry, say) into the 0 a user expects.
  return finiteResult(evaluate(g, S, K, T, r, sigma, call, q, black76), GREEKS[g]) + 0;
}

function checked(g: number, t: OptionTerms, sigma: number): number {
  return finiteResult(evaluate(g, t.S, t.K, t.T, t.r, sigma, t.call, t.q, t.black76), GREEKS[g]) + 0;
}

/** Price and all five greeks, the same numbers optionValue gives one at a time. */
export function optionGreeks(o: OptionInput): OptionGreeks {
  const t = readOptionTerms(o);
  const sigma = volatility(o.sigma);
  return {
    price: checked(PRICE, t, sigma),
    delta: checked(DELTA, t, sigma),
    gamma: checked(GAMMA, t, sigma),
    vega: checked(VEGA, t, sigma),
    theta: checked(THETA, t, sigma),
    rho: checked(RHO, t, sigma),
  };
}

/** No-arbitrage bounds of validated terms: the prices sigma -> 0 and sigma -> infinity give. */
export function boundsOf(t: OptionTerms): { lower: number; upper: number } {
  const spot = finiteResult(t.S * Math.exp(-t.q * t.T), "The price bounds"); // S e^(-qT), or F e^(-rT)
  const strike = finiteResult(t.K * Math.exp(-t.r * t.T), "The price bounds"); // K e^(-rT)
  return t.call ? { lower: Math.max(spot - strike, 0), upper: spot } : { lower: Math.max(strike - spot, 0), upper: strike };
}

/**
 * No-arbitrage bounds for a European option's price: a call lies between max(S e^(-qT) - K e^(-rT), 0)
 * and S e^(-qT), a put between max(K e^(-rT) - S e^(-qT), 0) and K e^(-rT) (Black-76: F e^(-rT) for
 * S e^(-qT)). Every sigma > 0 gives a price strictly inside; at T = 0 the lower bound is the intrinsic
 * value, the only possible price.
 */
export function optionBounds(o: Omit<OptionInput, "sigma">): { lower: number; upper: number } {
  return boundsOf(readOptionTerms(o));
}
