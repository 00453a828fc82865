/**
 * Turns what a person types into what the core's argument checks take: "2,000,000" and "2 000 000" are
 * numbers, "4.5%" is 0.045 in a percent field. Anything else is handed on unchanged so the core's check
 * names it ("Quantity must be a number, not the text "two"").
 */
export function typedValue(raw: string, percent = false): unknown {
  const trimmed = raw.trim();
  if (trimmed === "") return "";
  const isPercent = percent && trimmed.endsWith("%");
  const body = (isPercent ? trimmed.slice(0, -1) : trimmed).replace(/[,\s\u00a0_]/g, "");
  const pattern = isPercent ? /^[-+]?(\d+\.?\d*|\.\d+)$/ : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
  if (!pattern.test(body)) return trimmed;
  const n = Number(body);
  // Shifting the decimal point as text keeps 4.5% exactly 0.045 rather than 4.5 / 100.
  return isPercent ? Number(`${body}e-2`) : n;
}
