/**
 * Every failure the calc core reports is a HedgeError. Its message is written for the person who typed
 * the formula: it names the argument (and, for a series, the row) and says what is wrong.
 *
 * `kind` picks the Excel error an adapter shows. Excel only displays a message for #VALUE! and #N/A, so
 * those are the only two: "value" for input that is wrong, "na" for input that is fine but not enough
 * (too few observations, no data yet).
 */
export type HedgeErrorKind = "value" | "na";

export class HedgeError extends Error {
  readonly kind: HedgeErrorKind;

  constructor(message: string, kind: HedgeErrorKind = "value") {
    super(message);
    this.name = "HedgeError";
    this.kind = kind;
  }
}

export function fail(message: string, kind: HedgeErrorKind = "value"): never {
  throw new HedgeError(message, kind);
}
