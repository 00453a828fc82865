/** Markdown helpers: the same text goes to stdout and to BENCHMARKS.md. */

export function table(header: string[], rows: (string | number)[][], align?: ("l" | "r")[]): string {
  const a = align ?? header.map((_, i) => (i === 0 ? "l" : "r"));
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(" | ")} |`;
  return [line(header), line(a.map((x) => (x === "l" ? ":--" : "--:"))), ...rows.map(line)].join("\n");
}

/** Milliseconds with three significant digits. */
export function ms(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

export function ratio(x: number): string {
  return !Number.isFinite(x) ? "–" : x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;
}

export function mb(x: number): string {
  return x.toFixed(1);
}

export function sci(x: number): string {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return "∞";
  return x.toExponential(1);
}

export function dig(x: number): string {
  return x.toFixed(1);
}

export function verdict(ok: boolean): string {
  return ok ? "met" : "**MISSED**";
}

export function ns(msPerRun: number, calls: number): string {
  const v = (msPerRun * 1e6) / calls;
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}
