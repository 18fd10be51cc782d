// Plain-text tables for the benchmark reports: left-aligned text columns, right-aligned numbers.

/**
 * Prints a table. rows: arrays of cells (strings; null prints as "-"); numeric: the indices of
 * columns to right-align.
 */
export function printTable(header, rows, numeric = []) {
  const body = rows.map((r) => r.map((c) => (c == null ? "-" : String(c))));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (numeric.includes(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
    .join("  ").trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

/** A number with fixed decimals, or null (printed "-") when there is none. */
export const fixed = (x, digits = 2) => (x == null || Number.isNaN(x) ? null : x.toFixed(digits));

/** An integer with thousands separators. */
export const count = (n) => (n == null ? null : n.toLocaleString("en-US"));
