import { strict as assert } from "assert";
import { InputKind, readPair } from "../../src/core/series";
import { ewmaRatio, hedgeStatistics, minVarianceRatio, regressionBeta, rollingRatio } from "../../src/core/hedgeRatio";
import { effectiveness, hedgedPnl, MEASURES } from "../../src/core/effectiveness";
import { hedgingIndex } from "../../src/core/sizing";

/**
 * The memory promise of the full-column functions (docs/architecture.md): on a whole column, at most two
 * Float64Arrays of the column's length — the paired series readPair makes, which the row-wise functions
 * then reuse for their results. Each path runs on 1,048,576 rows shaped as Excel passes them, with the
 * allocating globals replaced by counting versions for the duration of the call.
 *
 * What is seen: every typed array that gets its own buffer (constructors, from/of, and slice/map/filter,
 * which construct through the subclass as their species), explicit ArrayBuffers, and JS arrays made with
 * Array(n), new Array(n), Array.from and Array.of. Views (subarray, new X(buffer, ...)) share memory and
 * are not counted. Array literals and Array.prototype methods on plain arrays cannot be intercepted from
 * JavaScript; the core works on Float64Arrays, whose copies are all seen.
 */

const ROWS = 1_048_576;
/** An allocation this long or longer is "of the column's length". */
const LARGE = ROWS / 2;

interface Census {
  /** Column-length allocations, e.g. "Float64Array(1048575)", in the order they happened. */
  seen: string[];
  float64: number;
  otherTyped: string[];
  buffers: number;
  arrays: number;
}

const TYPED_ARRAYS = [
  "Float64Array", "Float32Array", "Int32Array", "Uint32Array", "Int16Array", "Uint16Array", "Int8Array", "Uint8Array",
  "Uint8ClampedArray", "BigInt64Array", "BigUint64Array",
] as const;

type AnyConstructor = new (...args: any[]) => { length: number };

// Captured before any patching: while the census runs, the global ArrayBuffer is the counting subclass,
// and a view's existing buffer is not an instance of that.
const OriginalArrayBuffer = ArrayBuffer;
const OriginalSharedArrayBuffer = typeof SharedArrayBuffer === "undefined" ? undefined : SharedArrayBuffer;

/** new X(buffer, offset, length), as subarray() does through the species: a view, no new memory. */
function isView(args: unknown[]): boolean {
  const first = args[0];
  return first instanceof OriginalArrayBuffer || (OriginalSharedArrayBuffer !== undefined && first instanceof OriginalSharedArrayBuffer);
}

function census<T>(run: () => T): { result: T; census: Census } {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = new Map<string, unknown>();
  const found: Census = { seen: [], float64: 0, otherTyped: [], buffers: 0, arrays: 0 };
  const arrays: unknown[][] = [];

  for (const name of TYPED_ARRAYS) {
    const Base = g[name] as AnyConstructor;
    saved.set(name, Base);
    const Counting = class extends Base {
      constructor(...args: any[]) {
        super(...args);
        if (!isView(args) && this.length >= LARGE) {
          found.seen.push(`${name}(${this.length})`);
          if (name === "Float64Array") found.float64++;
          else found.otherTyped.push(name);
        }
      }
    };
    Object.defineProperty(Counting, "name", { value: name });
    g[name] = Counting;
  }

  const Buffer0 = g.ArrayBuffer as new (length: number) => ArrayBuffer;
  saved.set("ArrayBuffer", Buffer0);
  g.ArrayBuffer = class extends Buffer0 {
    constructor(length: number) {
      super(length);
      if (length >= LARGE) {
        found.seen.push(`ArrayBuffer(${length})`);
        found.buffers++;
      }
    }
  };

  const Array0 = g.Array as ArrayConstructor;
  saved.set("Array", Array0);
  const record = (a: unknown[]) => {
    arrays.push(a);
    return a;
  };
  g.Array = new Proxy(Array0, {
    apply: (target, self, args) => record(Reflect.apply(target, self, args) as unknown[]),
    construct: (target, args, newTarget) => record(Reflect.construct(target, args, newTarget === g.Array ? target : newTarget) as unknown[]),
  });

  try {
    const result = run();
    for (const a of arrays) {
      if (a.length >= LARGE) {
        found.seen.push(`Array(${a.length})`);
        found.arrays++;
      }
    }
    return { result, census: found };
  } finally {
    for (const [name, value] of saved) g[name] = value;
  }
}

/** The budget, with the allocations listed when it is broken. */
function assertBudget(c: Census, what: string): void {
  const list = c.seen.join(", ") || "none";
  assert.ok(c.float64 <= 2, `${what}: ${c.float64} column-length Float64Arrays (budget 2): ${list}`);
  assert.equal(c.arrays, 0, `${what}: column-length JS arrays: ${list}`);
  assert.equal(c.buffers, 0, `${what}: explicit column-length ArrayBuffers: ${list}`);
  // The only other column-length allocation the core has a use for: readPair's map from observation to
  // row (4 bytes a row), and only when blanks split the data.
  assert.ok(c.otherTyped.length <= 1 && c.otherTyped.every((t) => t === "Int32Array"), `${what}: other column-length typed arrays: ${list}`);
}

/** Daily closes near 100, cents, as one-element row arrays: the shape of a whole-column reference. */
function column(rows: number, seed: number, blankEvery = 0): unknown[][] {
  let state = seed >>> 0;
  let price = 100;
  const out: unknown[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    price = Math.max(1, Math.round((price + (state / 2 ** 32 - 0.5)) * 100) / 100);
    out[i] = [blankEvery > 0 && i % blankEvery === blankEvery - 1 ? "" : price];
  }
  return out;
}

describe("full-column functions allocate at most two Float64Arrays of the column's length", function () {
  this.timeout(120_000);
  const spot = column(ROWS, 1);
  const hedge = column(ROWS, 2);
  // Blanks inside the data make readPair keep a row map: the case with the most to allocate.
  const spotGaps = column(ROWS, 3, 1000);

  const pair = (kind: InputKind, a: unknown[][] = spot) => readPair(a, hedge, "spot", "hedge", kind, 3);

  const paths: [string, () => unknown][] = [
    ["readPair + minVarianceRatio (MINVAR)", () => {
      const p = pair("prices");
      return minVarianceRatio(p.s, p.f, p.n);
    }],
    ["readPair + hedgeStatistics (STATS)", () => {
      const p = pair("prices");
      return hedgeStatistics(p.s, p.f, p.n).ratio;
    }],
    ["readPair + regressionBeta on returns (BETA)", () => {
      const p = pair("returns");
      return regressionBeta(p.s, p.f, p.n);
    }],
    ["readPair + rollingRatio, window 250 (ROLLING)", () => rollingRatio(pair("prices"), 250)],
    ["readPair + ewmaRatio on log returns (EWMA)", () => ewmaRatio(pair("logreturns"), 0.94)],
    ...MEASURES.map((measure): [string, () => unknown] => [`readPair + effectiveness "${measure}" (EFFECTIVENESS)`, () => {
      const p = pair("prices");
      return effectiveness(p.s, p.f, p.n, 0.9, measure);
    }]),
    ["readPair + hedgedPnl on changes (PNL)", () => hedgedPnl(pair("changes"), 0.9)],
    ["readPair with blanks inside the data + minVarianceRatio", () => {
      const p = pair("prices", spotGaps);
      return minVarianceRatio(p.s, p.f, p.n);
    }],
    ["readPair with blanks inside the data + rollingRatio", () => rollingRatio(pair("prices", spotGaps), 250)],
    ["hedgingIndex on two column ranges (INDEX)", () => hedgingIndex(spot, hedge)],
  ];

  for (const [name, run] of paths) {
    it(name, () => {
      const { result, census: c } = census(run);
      // A path that failed or skipped its work would pass the budget trivially.
      if (typeof result === "number") assert.ok(Number.isFinite(result), `${name} returned ${result}`);
      else assert.ok(result instanceof Float64Array && result.length >= LARGE, `${name} returned no full-length result`);
      assertBudget(c, name);
    });
  }

  it("the census sees a copy of a series, a row map, a JS array and an ArrayBuffer, but not a view", () => {
    // Each of these is a column-length allocation the budget must notice; if the census stopped seeing
    // them (say, because the core captured the globals at load time) the tests above would pass vacuously.
    const path = () => {
      const p = pair("prices", spotGaps);
      return { p, ratio: minVarianceRatio(p.s, p.f, p.n) };
    };
    const { census: base } = census(path);
    const { census: c } = census(() => {
      const { p } = path();
      const copy = p.s.slice();
      const positions = new Int32Array(p.n);
      const list = Array.from({ length: p.n }, () => 0);
      const buffer = new ArrayBuffer(p.n);
      const view = p.f.subarray(0, p.n);
      return minVarianceRatio(copy, view, p.n) + positions.length + list.length + buffer.byteLength;
    });
    const seen = `${c.seen.join(", ")} (without the extras: ${base.seen.join(", ")})`;
    assert.equal(c.float64, base.float64 + 1, seen);
    assert.deepEqual(c.otherTyped, [...base.otherTyped, "Int32Array"], seen);
    assert.equal(c.arrays, base.arrays + 1, seen);
    assert.equal(c.buffers, base.buffers + 1, seen);
    assert.ok(base.float64 >= 1, `readPair's own series were not seen: ${seen}`);
  });
});
