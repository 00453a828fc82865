/**
 * Excel's rules for worksheet names (at most 31 characters, none of \ / ? * [ ] :, no leading or
 * trailing apostrophe, "History" reserved, compared case-insensitively). New sheets never replace
 * an existing one, so a taken name gets " (2)", " (3)", ... and is shortened to make room.
 */
export const MAX_SHEET_NAME = 31;

/** Cut at a word boundary when one is near the limit, so a long name does not end mid-word. */
function shorten(name: string, max: number): string {
  let cut = name.slice(0, max);
  const space = cut.lastIndexOf(" ");
  if (name[max] !== " " && space >= max * 0.6) cut = cut.slice(0, space);
  return cut.replace(/'+$/, "").trimEnd();
}

export function sanitizeSheetName(wanted: string): string {
  let name = wanted.replace(/[\\/?*[\]:]/g, " ").replace(/\s+/g, " ").trim();
  name = name.replace(/^'+|'+$/g, "").trim();
  if (name.length > MAX_SHEET_NAME) name = shorten(name, MAX_SHEET_NAME);
  if (name.length === 0 || name.toLowerCase() === "history") name = "Hedge";
  return name;
}

/** The n-th candidate for `base`: the base itself, then "base (2)", "base (3)", ... */
export function candidateSheetName(base: string, n: number): string {
  const clean = sanitizeSheetName(base);
  if (n <= 1) return clean;
  const suffix = ` (${n})`;
  return (clean.length > MAX_SHEET_NAME - suffix.length ? shorten(clean, MAX_SHEET_NAME - suffix.length) : clean) + suffix;
}

export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (t) => t.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = candidateSheetName(base, n);
    if (!used.has(name.toLowerCase())) return name;
  }
}
