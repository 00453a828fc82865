import type { InputKind } from "../../core";

/**
 * What the user chose, exactly as typed (strings, so a half-typed "2,0" is kept rather than lost). This is
 * the part of the wizard's state that is saved as JSON in the register, so a hedge can be re-opened.
 */
export type Direction = "long" | "short";
/**
 * "put" is the protective option, whichever type protects: a put for a long exposure, a call for a short
 * one (core protectiveOptionType). The name stays because it is stored in register rows' Settings JSON.
 */
export type InstrumentKind = "futures" | "forward" | "put" | "asset";
export type MethodKind = "minvar" | "rolling" | "ewma" | "naive";
export type OptionModelChoice = "bsm" | "black76";

export interface ExposureSettings {
  name: string;
  direction: Direction;
  quantity: string;
  unit: string;
  price: string;
}

export interface InstrumentSettings {
  kind: InstrumentKind;
  name: string;
  contractSize: string;
  price: string;
  strike: string;
  expiry: string;
  rate: string;
  vol: string;
  premium: string;
  dividendYield: string;
  model: OptionModelChoice;
}

export interface DataSettings {
  spot: string;
  hedge: string;
  input: InputKind;
}

export interface MethodSettings {
  kind: MethodKind;
  window: string;
  lambda: string;
}

export interface DocSettings {
  risk: string;
  objective: string;
  ineffectiveness: string;
  author: string;
}

export interface Settings {
  exposure: ExposureSettings;
  instrument: InstrumentSettings;
  data: DataSettings;
  method: MethodSettings;
  docs: DocSettings;
}

export const SETTINGS_VERSION = 1;

export function blankSettings(): Settings {
  return {
    exposure: { name: "", direction: "long", quantity: "", unit: "", price: "" },
    instrument: {
      kind: "futures",
      name: "",
      contractSize: "",
      price: "",
      strike: "",
      expiry: "",
      rate: "",
      vol: "",
      premium: "",
      dividendYield: "",
      model: "bsm",
    },
    data: { spot: "", hedge: "", input: "prices" },
    method: { kind: "minvar", window: "24", lambda: "0.94" },
    docs: { risk: "", objective: "", ineffectiveness: "", author: "" },
  };
}

const CHOICES = {
  direction: ["long", "short"],
  kind: ["futures", "forward", "put", "asset"],
  input: ["prices", "returns", "logreturns", "changes"],
  methodKind: ["minvar", "rolling", "ewma", "naive"],
  model: ["bsm", "black76"],
} as const;

export function settingsToJson(settings: Settings): string {
  return JSON.stringify({ version: SETTINGS_VERSION, ...settings });
}

/**
 * Settings read back from a register cell, which anyone can edit: every field is checked, unknown fields
 * are dropped, and anything missing or malformed falls back to the blank value.
 */
export function settingsFromJson(json: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error("The register's Settings cell does not hold the wizard's settings (it is not valid JSON).");
  }
  if (typeof raw !== "object" || raw === null) throw new Error("The register's Settings cell does not hold the wizard's settings.");
  const base = blankSettings();
  const group = (name: keyof Settings): Record<string, unknown> => {
    const g = (raw as Record<string, unknown>)[name];
    return typeof g === "object" && g !== null ? (g as Record<string, unknown>) : {};
  };
  const str = (g: Record<string, unknown>, k: string, fallback: string): string => (typeof g[k] === "string" ? (g[k] as string) : fallback);
  const pick = <T extends string>(g: Record<string, unknown>, k: string, allowed: readonly T[], fallback: T): T =>
    allowed.includes(g[k] as T) ? (g[k] as T) : fallback;

  const e = group("exposure");
  const i = group("instrument");
  const d = group("data");
  const m = group("method");
  const o = group("docs");
  return {
    exposure: {
      name: str(e, "name", ""),
      direction: pick(e, "direction", CHOICES.direction, base.exposure.direction),
      quantity: str(e, "quantity", ""),
      unit: str(e, "unit", ""),
      price: str(e, "price", ""),
    },
    instrument: {
      kind: pick(i, "kind", CHOICES.kind, base.instrument.kind),
      name: str(i, "name", ""),
      contractSize: str(i, "contractSize", ""),
      price: str(i, "price", ""),
      strike: str(i, "strike", ""),
      expiry: str(i, "expiry", ""),
      rate: str(i, "rate", ""),
      vol: str(i, "vol", ""),
      premium: str(i, "premium", ""),
      dividendYield: str(i, "dividendYield", ""),
      model: pick(i, "model", CHOICES.model, base.instrument.model),
    },
    data: {
      spot: str(d, "spot", ""),
      hedge: str(d, "hedge", ""),
      input: pick(d, "input", CHOICES.input, base.data.input),
    },
    method: {
      kind: pick(m, "kind", CHOICES.methodKind, base.method.kind),
      window: str(m, "window", base.method.window),
      lambda: str(m, "lambda", base.method.lambda),
    },
    docs: {
      risk: str(o, "risk", ""),
      objective: str(o, "objective", ""),
      ineffectiveness: str(o, "ineffectiveness", ""),
      author: str(o, "author", ""),
    },
  };
}

/** True for the hedges whose ratio is estimated from two price histories (everything but the option). */
export function usesHistories(kind: InstrumentKind): boolean {
  return kind !== "put";
}

/** Ratios estimated on returns compare values, not units, so a contract count needs both prices to tail it. */
export function isValueBased(input: InputKind): boolean {
  return input === "returns" || input === "logreturns";
}
