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
  readonly layout: Layout;
  readonly grid: unknown;

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
  const code = kind === "changes" ? 0 : kind === "prices" ? 1 : kind === "returns" ? 2 : 3;
  // Leading and trailing rows without a pair (the blank tail of A:A) are checked but not stored, so the
  // arrays are sized to the span of the data, as before, and the span is read once.
  let lo = 0;
  while (lo < rows && !pairAt(lineA, lineB, lo, kind)) lo++;
  let hi = rows;
  while (hi > lo && !pairAt(lineA, lineB, hi - 1, kind)) hi--;
  const s = new Float64Array(hi - lo);
  const f = new Float64Array(hi - lo);
  const st: ReadState = { kept: 0, first: -1, last: -1, px: NaN, py: NaN, positions: undefined };
  fill(lineA, lineB, s, f, code, kind, st, lo, hi);
  const kept = st.kept;
  const first = st.first;
  const offset = code === 0 ? 0 : 1;
  const n = Math.max(0, kept - offset);
  const map = st.positions;
  const rowOf = map ? (i: number) => map[i + offset] : (i: number) => first + i + offset;
  if (n < minObservations) {
    const have = kind === "changes"
      ? `${nameA} and ${nameB} have ${pairs(kept)}`
      : `${nameA} and ${nameB} have ${pairs(kept)} of prices, which give ${n} ${transformLabel(kind)}`;
    fail(`need at least ${minObservations} observation${minObservations === 1 ? "" : "s"}; ${have}.`, "na");
  }
  // Blanks inside the span leave the arrays longer than the pairs kept: hand out views of the kept part.
  const sv = kept === s.length ? s : s.subarray(0, kept);
  const fv = kept === f.length ? f : f.subarray(0, kept);
  return { s: sv, f: fv, n, rows, horizontal: lineA.axis === "column", rowOf };
}

interface ReadState {
  kept: number;
  first: number;
  last: number;
  px: number;
  py: number;
  positions: Int32Array | undefined;
}

/** Rows per call of fillRows: small enough that the loop is optimized as a whole function, not by OSR. */
const CHUNK = 4096;

function fill(lineA: Line, lineB: Line, s: Float64Array, f: Float64Array, code: number, kind: InputKind, st: ReadState,
  lo: number, hi: number): void {
  for (let from = lo; from < hi; from += CHUNK) fillRows(lineA, lineB, s, f, code, kind, st, from, Math.min(hi, from + CHUNK));
}

/** Validates row i of both ranges; true when it holds a pair of numbers. */
function pairAt(lineA: Line, lineB: Line, i: number, kind: InputKind): boolean {
  const x = cellValue(lineA.at(i), lineA.name, lineA.axis, i);
  const y = cellValue(lineB.at(i), lineB.name, lineB.axis, i);
  if ((kind === "returns" || kind === "logreturns") && (x <= 0 || y <= 0)) nonPositive(x, y, i, lineA, lineB, kind);
  return x === x && y === y;
}

function fillRows(lineA: Line, lineB: Line, s: Float64Array, f: Float64Array, code: number, kind: InputKind, st: ReadState,
  from: number, to: number): void {
  const a = lineA.grid as unknown[];
  const b = lineB.grid as unknown[];
  const columns = lineA.layout === Layout.Column && lineB.layout === Layout.Column;
  let kept = st.kept;
  let first = st.first;
  let last = st.last;
  let px = st.px;
  let py = st.py;
  let positions = st.positions;
  for (let i = from; i < to; i++) {
    let x: number;
    let y: number;
    if (columns) {
      const ra = a[i] as unknown[];
      const rb = b[i] as unknown[];
      if (!Array.isArray(ra) || ra.length !== 1) lineA.at(i);
      if (!Array.isArray(rb) || rb.length !== 1) lineB.at(i);
      const u = ra[0];
      const v = rb[0];
      if (typeof u === "number" && typeof v === "number" && u - u === 0 && v - v === 0) {
        x = u;
        y = v;
      } else {
        x = cellValue(u, lineA.name, lineA.axis, i);
        y = cellValue(v, lineB.name, lineB.axis, i);
      }
    } else {
      x = cellValue(lineA.at(i), lineA.name, lineA.axis, i);
      y = cellValue(lineB.at(i), lineB.name, lineB.axis, i);
    }
    if (code >= 2 && (x <= 0 || y <= 0)) nonPositive(x, y, i, lineA, lineB, kind);
    if (!(x === x && y === y)) continue;
    if (first < 0) first = i;
    else if (i !== last + 1 && positions === undefined) positions = rowMap(s.length, first, kept);
    if (positions !== undefined) positions[kept] = i;
    last = i;
    if (code === 0) {
      s[kept] = x;
      f[kept] = y;
    } else if (kept > 0) {
      const du = x - px;
      const dv = y - py;
      const u = code === 1 ? du : code === 2 ? du / px : Math.log1p(du / px);
      const v = code === 1 ? dv : code === 2 ? dv / py : Math.log1p(dv / py);
      if (!(u - u === 0 && v - v === 0)) tooLarge(u, px, x, py, y, i, lineA, lineB, kind);
      s[kept - 1] = u;
      f[kept - 1] = v;
    }
    px = x;
    py = y;
    kept++;
  }
  st.kept = kept;
  st.first = first;
  st.last = last;
  st.px = px;
  st.py = py;
  st.positions = positions;
}

function rowMap(rows: number, first: number, kept: number): Int32Array {
  const positions = new Int32Array(rows);
  for (let k = 0; k < kept; k++) positions[k] = first + k;
  return positions;
}

function nonPositive(x: number, y: number, i: number, lineA: Line, lineB: Line, kind: InputKind): void {
  if (x <= 0) fail(`${lineA.name}: ${lineA.axis} ${i + 1} holds the price ${x}; ${transformLabel(kind)} need prices above zero.`);
  if (y <= 0) fail(`${lineB.name}: ${lineB.axis} ${i + 1} holds the price ${y}; ${transformLabel(kind)} need prices above zero.`);
}

function tooLarge(u: number, px: number, x: number, py: number, y: number, i: number, lineA: Line, lineB: Line, kind: InputKind): never {
  const what = transformLabel(kind).replace(/s$/, "");
  if (!(u - u === 0)) fail(`${lineA.name}: the ${what} at ${lineA.axis} ${i + 1} is too large for double precision (${px} then ${x}).`);
  return fail(`${lineB.name}: the ${what} at ${lineB.axis} ${i + 1} is too large for double precision (${py} then ${y}).`);
}
