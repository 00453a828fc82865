import { HedgeError } from "../core/errors";

/**
 * The boundary between the calc core and Excel. Excel shows a message only for #VALUE! and #N/A, so
 * every failure becomes one of those two with the core's sentence, which names the argument and row.
 */
export function excelError(err: unknown): CustomFunctions.Error {
  if (err instanceof CustomFunctions.Error) return err;
  if (err instanceof HedgeError) {
    const code = err.kind === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, err.message);
  }
  // Not a HedgeError means a defect in the add-in; the user still gets a readable #VALUE!, not a crash.
  const detail = err instanceof RangeError ? "the input is too large to process" : err instanceof Error ? err.message : String(err);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `HEDGE could not compute this (${detail}).`);
}

/** Runs one function body and turns any failure into the Excel error the cell should show. */
export function run<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    throw excelError(err);
  }
}

/**
 * Spreads a row-wise core result (one value per observation, NaN for "no value") back onto the shape of
 * the input range: one output cell per input cell, #N/A (with `why`) where there is no value. A one-row
 * input gets a one-row output so the spill runs beside the data, not across it.
 */
export function spillRows(
  values: Float64Array,
  n: number,
  rows: number,
  rowOf: (i: number) => number,
  horizontal: boolean,
  why: string
): (number | CustomFunctions.Error)[][] {
  // One shared error object: a whole column can need a million of them.
  const missing = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, why);
  if (horizontal) {
    const row: (number | CustomFunctions.Error)[] = new Array(rows).fill(missing);
    for (let i = 0; i < n; i++) if (values[i] === values[i]) row[rowOf(i)] = values[i]; // NaN: no value
    return [row];
  }
  // One pass in row order (rowOf increases with i), each cell array made once: a row with a value is
  // [double], a packed-double array with no boxed number behind it. Filling [missing] first and
  // overwriting it with a double would box every value and make the million-row spill twice the garbage.
  const grid: (number | CustomFunctions.Error)[][] = new Array(rows);
  let r = 0;
  for (let i = 0; i < n; i++) {
    const row = rowOf(i);
    while (r < row) grid[r++] = [missing];
    const v = values[i];
    grid[r++] = v === v ? [v] : [missing];
  }
  while (r < rows) grid[r++] = [missing];
  return grid;
}
