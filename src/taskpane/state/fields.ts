import type { NumberRule } from "../../core";
import type { Settings } from "./settings";

/**
 * Every input of the wizard, described once: the label the form shows, the check the validation runs,
 * and when it applies. Rendering and validation both read this list, so a field cannot be validated
 * under one name and labelled under another.
 */
export type StepId = "exposure" | "instrument" | "data" | "method" | "review" | "insert";

export type FieldPath =
  | `exposure.${keyof Settings["exposure"]}`
  | `instrument.${keyof Settings["instrument"]}`
  | `data.${keyof Settings["data"]}`
  | `method.${keyof Settings["method"]}`
  | `docs.${keyof Settings["docs"]}`;

export interface Choice {
  value: string;
  label: string;
  /** One line under the choice, for the method explanations. */
  note?: string;
}

export interface FieldSpec {
  path: FieldPath;
  step: StepId;
  label: string;
  hint?: string;
  control: "text" | "number" | "percent" | "select" | "radio" | "textarea" | "range";
  choices?: Choice[];
  /** For numbers: the core's argument rule; absent means any finite number. */
  rule?: NumberRule;
  required: boolean;
  /** Offer "Use selection" next to the field. */
  fromSelection?: boolean;
  applies?: (s: Settings) => boolean;
}

const isPut = (s: Settings) => s.instrument.kind === "put";
const isLinear = (s: Settings) => s.instrument.kind !== "put";

export const FIELDS: FieldSpec[] = [
  { path: "exposure.name", step: "exposure", label: "What is exposed", hint: "e.g. Jet fuel purchase, Q3", control: "text", required: true, fromSelection: true },
  {
    path: "exposure.direction",
    step: "exposure",
    label: "Position",
    control: "radio",
    required: true,
    choices: [
      { value: "long", label: "Long: I own it or will receive it (hurt when the price falls)" },
      { value: "short", label: "Short: I owe it or must buy it (hurt when the price rises)" },
    ],
  },
  { path: "exposure.quantity", step: "exposure", label: "Quantity", hint: "Units of the asset, e.g. 2,000,000", control: "number", rule: { min: 0, exclusiveMin: true }, required: true, fromSelection: true },
  { path: "exposure.unit", step: "exposure", label: "Unit", hint: "e.g. gallons, EUR, shares", control: "text", required: true },
  { path: "exposure.price", step: "exposure", label: "Current price per unit", control: "number", rule: { min: 0, exclusiveMin: true }, required: true, fromSelection: true },

  {
    path: "instrument.kind",
    step: "instrument",
    label: "Hedge with",
    control: "radio",
    required: true,
    choices: [
      { value: "futures", label: "Futures (minimum-variance cross hedge)" },
      { value: "forward", label: "Forward contract (minimum-variance hedge)" },
      { value: "put", label: "Protective option (put for a long position, call for a short one)" },
      { value: "asset", label: "Short a correlated asset" },
    ],
  },
  { path: "instrument.name", step: "instrument", label: "Instrument", hint: "e.g. NYMEX heating-oil futures", control: "text", required: true, fromSelection: true },
  { path: "instrument.contractSize", step: "instrument", label: "Contract size (units per contract)", hint: "1 for a forward or an asset traded in units", control: "number", rule: { min: 0, exclusiveMin: true }, required: true, fromSelection: true, applies: isLinear },
  { path: "instrument.price", step: "instrument", label: "Instrument price", control: "number", rule: { min: 0, exclusiveMin: true }, required: true, fromSelection: true, applies: isLinear },
  { path: "instrument.strike", step: "instrument", label: "Strike", control: "number", rule: { min: 0, exclusiveMin: true }, required: true, fromSelection: true, applies: isPut },
  { path: "instrument.expiry", step: "instrument", label: "Time to expiry (years)", hint: "0.25 for three months", control: "number", rule: { min: 0, exclusiveMin: true }, required: true, fromSelection: true, applies: isPut },
  { path: "instrument.rate", step: "instrument", label: "Risk-free rate", hint: "Continuously compounded, e.g. 4.5%", control: "percent", required: true, fromSelection: true, applies: isPut },
  { path: "instrument.premium", step: "instrument", label: "Quoted premium per unit (optional)", hint: "If you have a quote, the volatility is implied from it", control: "number", rule: { min: 0, exclusiveMin: true }, required: false, fromSelection: true, applies: isPut },
  { path: "instrument.vol", step: "instrument", label: "Volatility", hint: "Annual, e.g. 35%; not needed with a quoted premium", control: "percent", rule: { min: 0, exclusiveMin: true }, required: true, fromSelection: true, applies: (s) => isPut(s) && s.instrument.premium.trim() === "" },
  { path: "instrument.dividendYield", step: "instrument", label: "Yield or convenience yield (optional)", hint: "Continuously compounded; blank is 0", control: "percent", required: false, applies: isPut },
  {
    path: "instrument.model",
    step: "instrument",
    label: "Pricing model",
    control: "select",
    required: true,
    applies: isPut,
    choices: [
      { value: "bsm", label: "Black-Scholes-Merton (option on the spot)" },
      { value: "black76", label: "Black-76 (option on a futures price)" },
    ],
  },

  { path: "data.spot", step: "data", label: "Exposure price history", hint: "One column, oldest first, no header", control: "range", required: true, applies: isLinear },
  { path: "data.hedge", step: "data", label: "Instrument price history", hint: "Same rows as the exposure", control: "range", required: true, applies: isLinear },
  {
    path: "data.input",
    step: "data",
    label: "The histories hold",
    control: "select",
    required: true,
    applies: isLinear,
    choices: [
      { value: "prices", label: "Prices (hedge price changes)" },
      { value: "returns", label: "Prices (hedge returns)" },
      { value: "logreturns", label: "Prices (hedge log returns)" },
      { value: "changes", label: "Changes already (use as given)" },
    ],
  },

  {
    path: "method.kind",
    step: "method",
    label: "Hedge ratio",
    control: "radio",
    required: true,
    applies: isLinear,
    choices: [
      { value: "minvar", label: "Static minimum variance", note: "One ratio from the whole history: the regression slope of exposure changes on instrument changes." },
      { value: "rolling", label: "Rolling window", note: "The same regression over only the latest observations, so the ratio follows a changing relationship." },
      { value: "ewma", label: "EWMA", note: "Recent observations weigh more (decay λ), a smooth middle way between static and rolling." },
      { value: "naive", label: "Naive 1:1", note: "One unit of instrument per unit of exposure; simple, ignores basis risk." },
    ],
  },
  { path: "method.window", step: "method", label: "Window (observations)", control: "number", rule: { min: 2, integer: true }, required: true, applies: (s) => isLinear(s) && s.method.kind === "rolling" },
  { path: "method.lambda", step: "method", label: "Decay λ", hint: "Between 0 and 1; RiskMetrics uses 0.94", control: "number", rule: { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true }, required: true, applies: (s) => isLinear(s) && s.method.kind === "ewma" },

  { path: "docs.risk", step: "insert", label: "Hedged risk", control: "text", required: true },
  { path: "docs.objective", step: "insert", label: "Risk-management objective", control: "textarea", required: true },
  { path: "docs.ineffectiveness", step: "insert", label: "Sources of ineffectiveness", control: "textarea", required: true },
  { path: "docs.author", step: "insert", label: "Prepared by", control: "text", required: true },
];

export function fieldSpec(path: FieldPath): FieldSpec {
  const spec = FIELDS.find((f) => f.path === path);
  if (!spec) throw new Error(`Unknown field ${path}`);
  return spec;
}

export function getField(s: Settings, path: FieldPath): string {
  const [group, key] = path.split(".") as [keyof Settings, string];
  return (s[group] as unknown as Record<string, string>)[key];
}

export function setField(s: Settings, path: FieldPath, value: string): Settings {
  const [group, key] = path.split(".") as [keyof Settings, string];
  return { ...s, [group]: { ...s[group], [key]: value } };
}

export function fieldApplies(spec: FieldSpec, s: Settings): boolean {
  return spec.applies ? spec.applies(s) : true;
}

export function fieldId(path: FieldPath): string {
  return `f-${path.replace(".", "-")}`;
}
