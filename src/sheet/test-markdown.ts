/**
 * Test helper: a small sheet as Markdown bytes — lines of text above, each table (its first row the
 * header) followed by a blank line, lines below — for the rule tests that read one table each.
 */
export const markdownTables = (lines: string[], tables: string[][][], after: string[] = []): Uint8Array =>
  new TextEncoder().encode(
    [
      ...lines,
      "",
      ...tables.flatMap((rows) => [
        ...[rows[0]!, rows[0]!.map(() => "---"), ...rows.slice(1)].map((r) => `| ${r.join(" | ")} |`),
        "",
      ]),
      ...after,
    ].join("\n"),
  );

/** One table: `markdownTables` with a single table. */
export const markdownTable = (lines: string[], rows: string[][], after: string[] = []): Uint8Array =>
  markdownTables(lines, [rows], after);
