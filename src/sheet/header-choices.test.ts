import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import type { FoundHeader } from "./find-header.ts";
import { applyHeaderChoices } from "./header-choices.ts";
import { headerChoices, withoutChoices } from "./header-choices-text.ts";
import type { ImportIssue } from "./types.ts";

const EFFECT =
  "実績値を踏まえた事業の今後について 事業効果<br>(選択肢)<br>1.地方創生に非常に効果的であった<br>2.地方創生に相当程度効果があった<br>3.地方創生に効果があった<br>4.地方創生に効果がなかった";
const STEPS =
  "実績値を踏まえた事業の今後について 今後の方針(選択肢)1.追加等更に発展させる2.事業内容の見直し(改善)3.事業の継続";

describe("choices printed in a column's header", () => {
  it("names the column by the words right above its choices", () => {
    expect(withoutChoices(EFFECT)).toBe("事業効果");
    expect(recogniseHeader(EFFECT).field).toBe("evaluation");
    expect(recogniseHeader(STEPS).field).toBe("nextSteps");
    expect(withoutChoices("事業効果")).toBe("事業効果");
  });
  it("lists the numbered choices, in order, or none", () => {
    expect(headerChoices(STEPS).map((c) => c.words)).toEqual([
      "追加等更に発展させる",
      "事業内容の見直し(改善)",
      "事業の継続",
    ]);
    expect(headerChoices("今後の方針")).toEqual([]);
    // Not numbered 1, 2, … in order: no list of choices.
    expect(headerChoices("今後の方針(選択肢)2.継続")).toEqual([]);
  });
  it("gives the rating column a legend line and other columns the chosen words", () => {
    const header: FoundHeader = {
      rows: [0],
      texts: [EFFECT, STEPS],
      columns: [recogniseHeader(EFFECT), recogniseHeader(STEPS)],
      key: "",
    };
    const rows = [{ row: { row: 2, cells: ["2", "3"] } }, { row: { row: 3, cells: ["1", "9"] } }];
    const legend: string[] = [];
    const issues: ImportIssue[] = [];
    applyHeaderChoices([{ header, rows }], legend, issues);
    expect(legend).toEqual([
      "事業効果 1:地方創生に非常に効果的であった 2:地方創生に相当程度効果があった 3:地方創生に効果があった 4:地方創生に効果がなかった",
    ]);
    expect(rows.map((r) => r.row.cells)).toEqual([
      ["2", "事業の継続"],
      ["1", "9"],
    ]);
    expect(issues.map((i) => i.kind)).toEqual(["choice_from_header"]);
  });
});
