import { fail } from "./errors";

/**
 * Scalar argument checks shared by every adapter (Excel functions and the taskpane), so one bad input
 * gets one wording wherever it is typed. Excel passes `null` (or nothing) for an omitted optional
 * argument and "" for a blank cell: both count as "not given".
 */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** Excel passes a single-cell reference to a scalar parameter as the value; a 1x1 array is unwrapped too. */
function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
    if (value.length === 1 && !Array.isArray(value[0])) return value[0];
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === "string") return `the text "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  if (Array.isArray(value)) return "a range of several cells";
  if (typeof value === "number") return String(value);
  return "an error or unsupported value";
}

export interface NumberRule {
  /** Smallest allowed value; `exclusive` makes it a strict bound. */
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  nonZero?: boolean;
  integer?: boolean;
}

/** A required finite number, checked against `rule`; the message names `name`. */
export function requireNumber(value: unknown, name: string, rule: NumberRule = {}): number {
  const v = unwrap(value);
  if (isMissing(v)) fail(`${name} is required: give a number.`);
  if (typeof v !== "number") fail(`${name} must be a number, not ${describe(v)}.`);
  if (!Number.isFinite(v)) fail(`${name} must be a finite number.`);
  const { min, max, exclusiveMin, exclusiveMax, nonZero, integer } = rule;
  if (min !== undefined && (exclusiveMin ? v <= min : v < min)) {
    fail(`${name} must be ${exclusiveMin ? "greater than" : "at least"} ${min}; it is ${v}.`);
  }
  if (max !== undefined && (exclusiveMax ? v >= max : v > max)) {
    fail(`${name} must be ${exclusiveMax ? "less than" : "at most"} ${max}; it is ${v}.`);
  }
  if (nonZero && v === 0) fail(`${name} must not be zero.`);
  if (integer && !Number.isInteger(v)) fail(`${name} must be a whole number; it is ${v}.`);
  return v;
}

/** An optional number: `fallback` when omitted, otherwise checked like requireNumber. */
export function optionalNumber(value: unknown, name: string, fallback: number, rule: NumberRule = {}): number {
  return isMissing(unwrap(value)) ? fallback : requireNumber(value, name, rule);
}

/** An optional number with no default: undefined when omitted. */
export function maybeNumber(value: unknown, name: string, rule: NumberRule = {}): number | undefined {
  return isMissing(unwrap(value)) ? undefined : requireNumber(value, name, rule);
}

/** A case-insensitive choice among `allowed`; `fallback` when omitted. */
export function parseChoice<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  const v = unwrap(value);
  if (isMissing(v)) return fallback;
  if (typeof v !== "string") fail(`${name} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, not ${describe(v)}.`);
  const key = v.trim().toLowerCase();
  const hit = allowed.find((a) => a === key);
  if (hit === undefined) fail(`${name} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}; "${v}" is not.`);
  return hit;
}

/** Rejects a finite-looking computation that overflowed, instead of handing Excel Infinity or NaN. */
export function finiteResult(value: number, what: string): number {
  if (!Number.isFinite(value)) fail(`${what} cannot be computed: the inputs are too large or too small for double precision.`);
  return value;
}
