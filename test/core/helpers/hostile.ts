import { strict as assert } from "assert";
import fc from "fast-check";
import { HedgeError } from "../../../src/core/errors";

/**
 * What Excel (or a careless caller) can hand the core: every kind of cell value and every shape of range.
 * Properties built on these check the one promise every public function makes: a finite result (NaN only
 * in the row-wise outputs) or a HedgeError whose message names one of the function's arguments.
 */

export const HOSTILE_CONSTANTS: unknown[] = [
  1e308, -1e308, 1e-308, -1e-308, 5e-324, 0, -0, NaN, Infinity, -Infinity, 1.7976931348623157e308,
  null, undefined, "", " ", "abc", "1.5", "#N/A", "#DIV/0!", "#VALUE!", true, false,
  { code: "#N/A", message: "x" }, { type: "#REF!" }, {}, [1], [[2]], [],
];

export const hostileCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.constantFrom(...HOSTILE_CONSTANTS),
  fc.integer({ min: -1000, max: 1000 }),
  fc.string({ maxLength: 5 }),
);

/** Cells that are usually plain numbers (so results get computed), sometimes blank, sometimes hostile. */
export const mostlyNumber: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 200 }) },
  { weight: 2, arbitrary: fc.constantFrom(null, "", undefined) },
  { weight: 1, arbitrary: hostileCell },
);

/** A range of `cell`s in any shape: column, row, 2-D block, jagged rows, flat list, scalar, empty. */
export function anyRange(cell: fc.Arbitrary<unknown>, maxLength = 12): fc.Arbitrary<unknown> {
  const list = fc.array(cell, { maxLength });
  return fc.oneof(
    { weight: 6, arbitrary: list.map((xs) => xs.map((x) => [x])) },
    { weight: 2, arbitrary: list.map((xs) => [xs]) },
    { weight: 1, arbitrary: fc.array(fc.array(cell, { minLength: 2, maxLength: 3 }), { minLength: 2, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 4 }) },
    { weight: 1, arbitrary: list },
    { weight: 1, arbitrary: cell },
    { weight: 1, arbitrary: fc.constant([]) },
  );
}

/** Two ranges that are usually columns of the same length. */
export function rangePair(cell: fc.Arbitrary<unknown> = mostlyNumber, maxLength = 12): fc.Arbitrary<[unknown, unknown]> {
  const column = (n: number) => fc.array(cell, { minLength: n, maxLength: n }).map((xs) => xs.map((x) => [x]));
  const aligned = fc.integer({ min: 0, max: maxLength }).chain((n) => fc.tuple(column(n), column(n)));
  return fc.oneof({ weight: 4, arbitrary: aligned }, { weight: 1, arbitrary: fc.tuple(anyRange(cell, maxLength), anyRange(cell, maxLength)) });
}

/** Any scalar argument: a hostile cell or a small range. */
export const anyArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileCell },
  { weight: 1, arbitrary: anyRange(hostileCell, 3) },
);

export type Outcome = "value" | "error";

/**
 * Runs `call`; returns "value" when it returned a finite number / numbers (NaN allowed only if `allowNaN`),
 * "error" when it threw a HedgeError naming one of `names`. Anything else fails the property.
 */
export function finiteOrNamedError(call: () => unknown, names: readonly string[], allowNaN = false): Outcome {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    if (!(e instanceof HedgeError)) throw new Error(`raw exception: ${String(e)}`);
    if (!names.some((n) => e.message.includes(n))) throw new Error(`message names no argument: ${e.message}`);
    return "error";
  }
  const values: number[] =
    typeof result === "number"
      ? [result]
      : result instanceof Float64Array || Array.isArray(result)
        ? Array.from(result as ArrayLike<number>)
        : Object.values(result as object).filter((v): v is number => typeof v === "number");
  for (const v of values) {
    if (Number.isNaN(v) && allowNaN) continue;
    if (!Number.isFinite(v)) throw new Error(`non-finite result ${v}`);
  }
  return "value";
}

/** Expects `call` to throw a HedgeError of `kind` whose message is `message` (exactly, or matching a RegExp). */
export function throwsHedge(call: () => unknown, message: string | RegExp, kind: "value" | "na" = "value"): void {
  assert.throws(call, (e: unknown) => {
    assert.ok(e instanceof HedgeError, `expected HedgeError, got ${String(e)}`);
    if (typeof message === "string") assert.equal(e.message, message);
    else assert.match(e.message, message);
    assert.equal(e.kind, kind);
    return true;
  });
}
