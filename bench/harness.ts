import * as v8 from "v8";

/**
 * Timing and memory measurement inside one Node process (run with --expose-gc).
 *
 * The cases of one comparison run interleaved, round by round, in a rotating order: a background job or
 * a GC that lands on round k then slows every contender a little rather than one contender a lot, so the
 * ratios between medians stay meaningful on a shared, busy machine.
 */

const gcFn = (globalThis as { gc?: () => void }).gc;

/** Full collection, then a pause so the concurrent sweeper is done before the next measurement starts. */
export async function settle(ms = 100): Promise<void> {
  if (!gcFn) throw new Error("run the bench with node --expose-gc (npm run bench does)");
  gcFn();
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Results are kept here so the optimiser cannot discard a computation whose value is never read. */
export let sinkSlot: unknown;
export function sink(value: unknown): void {
  sinkSlot = value;
}

export interface Case {
  name: string;
  run: () => unknown;
}

export interface Timing {
  /** Milliseconds per run. */
  median: number;
  min: number;
  runs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Warm-up rounds (untimed, so every case is optimised), then `rounds` timed rounds of every case. */
export async function timeCases(cases: Case[], warmup: number, rounds: number): Promise<Map<string, Timing>> {
  await settle();
  for (let w = 0; w < warmup; w++) for (const c of cases) sink(c.run());
  await settle();
  const samples = cases.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + r) % cases.length;
      const t0 = performance.now();
      const out = cases[i].run();
      samples[i].push(performance.now() - t0);
      sink(out);
    }
  }
  const result = new Map<string, Timing>();
  cases.forEach((c, i) => result.set(c.name, { median: median(samples[i]), min: Math.min(...samples[i]), runs: rounds }));
  return result;
}

export interface MemoryDelta {
  /** MB more than the settled baseline, read straight after the call (before any forced collection). */
  heapUsed: number;
  arrayBuffers: number;
  rss: number;
}

const MB = 1024 * 1024;

/**
 * What one call leaves on top of a settled heap: its result plus whatever it allocated that no collection
 * has reclaimed yet. The core's own arrays are live for the whole call, and large objects only go away in a
 * full collection, so this is close to the call's peak; it can only read low if a full GC ran mid-call.
 */
export async function memoryOf(run: () => unknown): Promise<MemoryDelta> {
  await settle();
  const before = process.memoryUsage();
  const out = run();
  const after = process.memoryUsage();
  sink(out);
  return {
    heapUsed: (after.heapUsed - before.heapUsed) / MB,
    arrayBuffers: (after.arrayBuffers - before.arrayBuffers) / MB,
    rss: (after.rss - before.rss) / MB,
  };
}

/** Bytes currently in the young generation (where short-lived JS objects, e.g. boxed doubles, go). */
function youngBytes(): number {
  let total = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (space.space_name === "new_space" || space.space_name === "new_large_object_space") total += space.space_used_size;
  }
  return total;
}

/**
 * JS heap bytes one warmed-up call allocates: the growth of the young generation across the call, median
 * of the samples in which no scavenge emptied it meanwhile (those read lower than they started). Typed
 * array contents live outside the JS heap and do not count; what does count is per-row garbage such as
 * doubles boxed because a value crossed a call or a closure, which a full-column loop must not make.
 */
export function heapPerCall(run: () => unknown, warmup = 30, samples = 21): number {
  for (let i = 0; i < warmup; i++) sink(run());
  const deltas: number[] = [];
  for (let i = 0; i < samples; i++) {
    const before = youngBytes();
    const out = run();
    const after = youngBytes();
    sink(out);
    if (after >= before) deltas.push(after - before);
  }
  return deltas.length > 0 ? median(deltas) : NaN;
}
