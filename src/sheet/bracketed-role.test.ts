import { describe, expect, it } from "vitest";
import { splitBracketedRoles } from "./bracketed-role.ts";
import { recogniseHeader } from "./column-fields.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportIssue } from "./types.ts";

const headerOf = (texts: string[]): FoundHeader => ({
  rows: [0],
  texts,
  columns: texts.map(recogniseHeader),
  key: "",
});

describe("splitBracketedRoles", () => {
  it("splits 「実績値(29年度目標値)」 into the actual and that year's target, in the title's era", () => {
    const header = headerOf(["数値目標", "基準値", "31年度目標値", "実績値(29年度目標値)"]);
    const rows = [
      { row: { row: 3, cells: ["就職率", "12.1%(26年度)", "17.0%", "9.6%(15.0%)"] } },
      { row: { row: 4, cells: ["転出超過", "650人(24〜26年度平均)", "550人", "612人(580人)"] } },
    ];
    const issues: ImportIssue[] = [];
    splitBracketedRoles([{ header, rows }], ["広報 平成30年10月1日号"], issues);
    expect(header.columns.map((c) => [c.field, c.period?.year ?? null])).toEqual([
      ["indicator", null],
      ["baseline", null],
      ["target", 2019],
      ["actual", 2017],
      ["target", 2017],
    ]);
    expect(rows.map((r) => r.row.cells)).toEqual([
      ["就職率", "12.1%\n(平成26年度)", "17.0%", "9.6%", "15.0%"],
      ["転出超過", "650人\n(平成26年度)", "550人", "612人", "580人"],
    ]);
    expect(issues.map((i) => i.kind)).toEqual(["average_at_last_year", "paired_values_split"]);
  });
  it("leaves a column whose cells are not all a figure with one in brackets, and a sheet with no era", () => {
    const header = headerOf(["数値目標", "実績値(29年度目標値)"]);
    const rows = [{ row: { row: 3, cells: ["就職率", "9.6%"] } }];
    splitBracketedRoles([{ header, rows }], ["平成30年"], []);
    expect(header.columns).toHaveLength(2);
    const bare = headerOf(["数値目標", "31年度目標値", "実績値(29年度目標値)"]);
    const pair = [{ row: { row: 3, cells: ["就職率", "17%", "9.6%(15.0%)"] } }];
    splitBracketedRoles([{ header: bare, rows: pair }], ["市の広報"], []);
    expect(bare.columns.map((c) => c.period)).toEqual([null, null, null]);
    expect(pair[0]!.row.cells).toEqual(["就職率", "17%", "9.6%(15.0%)"]);
  });
});
