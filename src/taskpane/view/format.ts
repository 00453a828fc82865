/**
 * How numbers read in the pane. Formatting only: rounding for display happens here (Intl), the numbers
 * themselves come from the core unchanged.
 */
const cache = new Map<string, Intl.NumberFormat>();

function fmt(min: number, max: number, style: "decimal" | "percent" = "decimal"): Intl.NumberFormat {
  const key = `${min}-${max}-${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { minimumFractionDigits: min, maximumFractionDigits: max, style });
    cache.set(key, f);
  }
  return f;
}

/** Minus sign rather than hyphen: reads better and is what Office shows. */
const minus = (s: string) => s.replace(/^-/, "\u2212");

export const formatRatio = (x: number) => minus(fmt(4, 4).format(x));
export const formatPercent = (x: number) => minus(fmt(1, 1, "percent").format(x));
export const formatWhole = (x: number) => minus(fmt(0, 0).format(x));
export const formatExact = (x: number) => minus(fmt(2, 2).format(x));
export const formatPrice = (x: number) => minus(fmt(2, 4).format(x));
const significant = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });

/** Amounts of any size (sums of changes, their noise): three significant digits. */
export const formatSignificant = (x: number) => minus(significant.format(x));
/** Money totals: whole currency units. */
export const formatAmount = (x: number) => minus(fmt(0, 0).format(x));
/** Chart axis labels: short, enough digits to tell ticks apart; large ones compact (1.6M) to fit the margin. */
export const formatAxis = (x: number) => minus(Math.abs(x) >= 1e4 ? compact.format(x) : fmt(0, 3).format(x));
