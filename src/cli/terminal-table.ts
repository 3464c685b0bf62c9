// Plain-text tables for terminals: aligned columns, numbers right-aligned.

/** Aligns `rows` (the first one is the header) into columns; numbers are right-aligned. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  const numeric = (cell: string) => /^[-+≥]?[\d.,]+( ?[a-zA-Z/×%]+)?$/.test(cell) || cell === "—";
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        // The last column is free text (a status): no padding after it.
        if (i === row.length - 1) return cell;
        return numeric(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const [header, ...body] = rows;
  if (!header) return "";
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...body.map(line)].join("\n");
}
