import { fail } from "./errors";
import { isMissing } from "./validate";

/**
 * Excel ranges -> paired observation arrays.
 *
 * Excel hands a range as one array per row, so a whole-column reference is 1,048,576 one-element arrays,
 * nearly all blank. Everything here is two linear scans without per-row allocation: the first validates
 * and counts, the second copies the kept pairs into the only two Float64Arrays (sized to the kept pairs,
 * not the range), and the transform to changes or returns happens in place.
 */

/**
 * What the numbers in a series are. "prices", "returns" and "logreturns" all take prices and turn
 * consecutive kept pairs into P[t]−P[t−1], P[t]/P[t−1]−1 or ln(P[t]/P[t−1]); "changes" uses the values as given.
 */
export type InputKind = "prices" | "returns" | "logreturns" | "changes";
export const INPUT_KINDS: readonly InputKind[] = ["prices", "returns", "logreturns", "changes"];

/** The word for a position in a range: a one-row range is counted in columns, anything else in rows. */
export type Axis = "row" | "column";

/**
 * Two aligned observation series. Observation i of both series comes from the same input position.
 * Functions with one output per row (rolling, EWMA, P&L) write their results into `s` and return it.
 */
export interface PairedSeries {
  /** Spot (or asset) observations after the transform, valid in [0, n). */
  s: Float64Array;
  /** Hedge (or market) observations after the transform, valid in [0, n). */
  f: Float64Array;
  /** Number of observations. */
  n: number;
  /** Length of the input ranges (rows, or columns for a one-row range). */
  rows: number;
  /** True when spot is a one-row range of several cells: positions are columns, outputs spill across. */
  horizontal: boolean;
  /** 0-based position in the input range of observation i (for a price transform, the later price). */
  rowOf(i: number): number;
}

const EXCEL_ERRORS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
  "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

function describeCell(v: unknown): string {
  if (typeof v === "string") {
    if (EXCEL_ERRORS.has(v.trim().toUpperCase())) return `the error value ${v.trim()}`;
    return `the text "${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  }
  if (typeof v === "boolean") return `the logical value ${v ? "TRUE" : "FALSE"}`;
  if (typeof v === "number") return `the non-finite number ${v}`;
  if (Array.isArray(v)) return "a nested range";
  if (typeof v === "object" && v !== null) {
    const o = v as { code?: unknown; type?: unknown };
    const code = typeof o.code === "string" ? o.code : typeof o.type === "string" ? o.type : undefined;
    return code !== undefined ? `the error value ${code}` : "an error or unsupported value";
  }
  return "an unsupported value";
}

function badCell(v: unknown, name: string, where: string): never {
  fail(`${name}: ${where} holds ${describeCell(v)}; every value must be a number or blank.`);
}

/**
 * One cell as a number: the value, NaN for a blank (null, undefined, ""), or a HedgeError naming
 * `name` and the position for anything else (text, logical, error value, NaN, ±Infinity). The position is
 * `${axis} ${index + 1}`, or "row r, column c" when a `column` index is given (two-dimensional ranges).
 */
export function cellValue(v: unknown, name: string, axis: Axis, index: number, column = -1): number {
  if (typeof v === "number" && v - v === 0) return v;
  if (isMissing(v)) return NaN;
  badCell(v, name, column < 0 ? `${axis} ${index + 1}` : `row ${index + 1}, column ${column + 1}`);
}

const enum Layout {
  Scalar,
  Column,
  Row,
  List,
}

/**
 * A one-dimensional view of an Excel argument: a single value (1x1), one column, one row, or a flat list
 * (taskpane callers). Columns are checked row by row while they are read, so the shape check is part of
 * the one scan rather than a pass of its own.
 */
class Line {
  readonly length: number;
  readonly axis: Axis;
  private readonly layout: Layout;
  private readonly grid: unknown;

  constructor(value: unknown, readonly name: string) {
    this.grid = value;
    if (!Array.isArray(value)) {
      this.layout = Layout.Scalar;
      this.length = 1;
      this.axis = "row";
    } else if (value.length === 0 || !Array.isArray(value[0])) {
      this.layout = Layout.List;
      this.length = value.length;
      this.axis = "row";
    } else if (value.length === 1) {
      this.layout = Layout.Row;
      this.length = (value[0] as unknown[]).length;
      this.axis = this.length > 1 ? "column" : "row";
    } else {
      const width = (value[0] as unknown[]).length;
      if (width !== 1) fail(`${name} must be one column or one row; it is ${value.length} rows by ${width} columns.`);
      this.layout = Layout.Column;
      this.length = value.length;
      this.axis = "row";
    }
  }

  at(i: number): unknown {
    switch (this.layout) {
      case Layout.Scalar:
        return this.grid;
      case Layout.Row:
        return (this.grid as unknown[][])[0][i];
      case Layout.List:
        return (this.grid as unknown[])[i];
      default: {
        const row = (this.grid as unknown[])[i];
        if (!Array.isArray(row) || row.length !== 1) {
          fail(`${this.name} must be one column or one row; its row ${i + 1} is not a single cell.`);
        }
        return row[0];
      }
    }
  }

  /** "60 rows", "1 row", "12 columns". */
  size(): string {
    return `${this.length} ${this.axis}${this.length === 1 ? "" : "s"}`;
  }
}

/** "row 17" or "column 17": where observation i came from, for messages. */
export function positionOf(p: PairedSeries, i: number): string {
  return `${p.horizontal ? "column" : "row"} ${p.rowOf(i) + 1}`;
}

function transformLabel(kind: InputKind): string {
  return kind === "prices" ? "price changes" : kind === "returns" ? "returns" : "log returns";
}

function pairs(m: number): string {
  return m === 1 ? "1 usable pair" : `${m} usable pairs`;
}

/**
 * Reads two equally long one-column or one-row ranges into paired observations.
 *
 * - A blank in either series drops that pair (like Excel's SLOPE); trailing blank rows cost one scan.
 * - Text, logicals, error values and non-finite numbers are a HedgeError naming the argument and the
 *   1-based position: `spot: row 17 holds the text "abc"; every value must be a number or blank.`
 * - "returns"/"logreturns" need prices above zero; a transform that overflows is a HedgeError.
 * - Fewer than `minObservations` observations after the transform: HedgeError of kind "na".
 *
 * Whether the hedge series varies is left to the statistics (they name the argument), because P&L and
 * dollar offset are defined for a constant hedge.
 */
export function readPair(
  a: unknown,
  b: unknown,
  nameA: string,
  nameB: string,
  kind: InputKind,
  minObservations: number,
): PairedSeries {
  const lineA = new Line(a, nameA);
  const lineB = new Line(b, nameB);
  if (lineA.length !== lineB.length) fail(`${nameA} has ${lineA.size()} but ${nameB} has ${lineB.size()}.`);
  const rows = lineA.length;
  const needsPositive = kind === "returns" || kind === "logreturns";

  let kept = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < rows; i++) {
    const x = cellValue(lineA.at(i), nameA, lineA.axis, i);
    const y = cellValue(lineB.at(i), nameB, lineB.axis, i);
    if (needsPositive) {
      if (x <= 0) fail(`${nameA}: ${lineA.axis} ${i + 1} holds the price ${x}; ${transformLabel(kind)} need prices above zero.`);
      if (y <= 0) fail(`${nameB}: ${lineB.axis} ${i + 1} holds the price ${y}; ${transformLabel(kind)} need prices above zero.`);
    }
    if (x === x && y === y) {
      if (first < 0) first = i;
      last = i;
      kept++;
    }
  }

  const s = new Float64Array(kept);
  const f = new Float64Array(kept);
  const gaps = kept > 0 && last - first + 1 !== kept;
  const positions = gaps ? new Int32Array(kept) : undefined;
  for (let i = first, j = 0; j < kept; i++) {
    const x = lineA.at(i);
    const y = lineB.at(i);
    if (isMissing(x) || isMissing(y)) continue;
    s[j] = x as number;
    f[j] = y as number;
    if (positions) positions[j] = i;
    j++;
  }

  const offset = kind === "changes" ? 0 : 1;
  const n = Math.max(0, kept - offset);
  const rowOf = positions ? (i: number) => positions[i + offset] : (i: number) => first + i + offset;
  if (kind !== "changes") {
    transformInPlace(s, kept, kind, nameA, lineA.axis, rowOf);
    transformInPlace(f, kept, kind, nameB, lineB.axis, rowOf);
  }
  if (n < minObservations) {
    const have = kind === "changes"
      ? `${nameA} and ${nameB} have ${pairs(kept)}`
      : `${nameA} and ${nameB} have ${pairs(kept)} of prices, which give ${n} ${transformLabel(kind)}`;
    fail(`need at least ${minObservations} observation${minObservations === 1 ? "" : "s"}; ${have}.`, "na");
  }
  return { s, f, n, rows, horizontal: lineA.axis === "column", rowOf };
}

/** Prices -> changes/returns/log returns over consecutive kept values, written over the prices. */
function transformInPlace(
  x: Float64Array,
  kept: number,
  kind: InputKind,
  name: string,
  axis: Axis,
  rowOf: (i: number) => number,
): void {
  for (let i = 0; i + 1 < kept; i++) {
    const prev = x[i];
    const next = x[i + 1];
    // next − prev is exact for nearby prices (Sterbenz); dividing afterwards keeps small returns accurate,
    // and log1p of that return avoids the cancellation in log(next/prev) ≈ 0.
    const change = next - prev;
    const v = kind === "prices" ? change : kind === "returns" ? change / prev : Math.log1p(change / prev);
    if (!(v - v === 0)) {
      fail(`${name}: the ${transformLabel(kind).replace(/s$/, "")} at ${axis} ${rowOf(i) + 1} is too large for double precision (${prev} then ${next}).`);
    }
    x[i] = v;
  }
}
