import { describe, expect, it } from "vitest";
import type { Kpi, Ordinal, Sheet } from "../core/sheet.ts";
import type { ImportProfile } from "./profile-types.ts";
import { round44Refusal } from "./round44-guards.ts";
import type { SourceTable } from "./types.ts";

const o = (no: number, title: string): Ordinal => ({ no, title });
const kpi = (row: number, levels: [Ordinal, Ordinal, Ordinal], indicator: string): Kpi =>
  ({ row, goal: levels[0], subgoal: levels[1], measure: levels[2], indicator }) as unknown as Kpi;
const sheetOf = (kpis: Kpi[], numericGoals: unknown[] = []) =>
  ({ format: "sheet/1", fiscalYear: 2017, kpis, numericGoals }) as unknown as Sheet;
const name = (k: Kpi) => `指標「${k.indicator}」(${k.row}行目)`;
const tableOf = (rows: string[][]): SourceTable =>
  ({ rows: rows.map((cells, i) => ({ row: i + 1, cells })) }) as unknown as SourceTable;
const profileOf = (fields: [string, string][]): ImportProfile =>
  ({
    layout: "table",
    headerRows: [1],
    columns: fields.map(([header, field], i) => ({ table: 1, col: i + 1, header, field })),
  }) as unknown as ImportProfile;
const none = o(0, "");

describe("round 44 guards", () => {
  it("refuses a level column whose every cell names departments (施策関係部局 read as the 施策)", () => {
    const table = tableOf([
      ["施策項目", "指標名", "施策関係部局"],
      ["(1) 農業", "新規就農者数", "経済部"],
      ["(2) 都市", "人口密度", "企画部、建設部"],
    ]);
    const profile = profileOf([
      ["施策項目", "subgoal"],
      ["指標名", "indicator"],
      ["施策関係部局", "measure"],
    ]);
    const kpis = [
      kpi(2, [none, o(1, "農業"), o(0, "経済部")], "新規就農者数"),
      kpi(3, [none, o(2, "都市"), o(0, "企画部、建設部")], "人口密度"),
    ];
    expect(round44Refusal(sheetOf(kpis), table, name, profile)).toMatch(
      /3列目「施策関係部局」の「経済部」は部署の名前/,
    );
    // Titles of 施策 are no departments (negative).
    const right = [
      kpi(2, [none, o(1, "農業"), o(1, "担い手の確保")], "新規就農者数"),
      kpi(3, [none, o(2, "都市"), o(2, "土地の管理")], "人口密度"),
    ];
    const t2 = tableOf([
      ["施策項目", "指標名", "施策内容"],
      ["(1) 農業", "新規就農者数", "①担い手の確保"],
      ["(2) 都市", "人口密度", "②土地の管理"],
    ]);
    expect(
      round44Refusal(
        sheetOf(right),
        t2,
        name,
        profileOf([
          ["施策項目", "subgoal"],
          ["指標名", "indicator"],
          ["施策内容", "measure"],
        ]),
      ),
    ).toBeNull();
  });

  it("refuses a level title still beginning with its number (⑴, ①) read with none", () => {
    const table = tableOf([
      ["施策項目", "指標名"],
      ["⑴農業", "新規就農者数"],
    ]);
    const profile = profileOf([
      ["施策項目", "measure"],
      ["指標名", "indicator"],
    ]);
    expect(
      round44Refusal(sheetOf([kpi(2, [none, none, o(0, "⑴農業")], "新規就農者数")]), table, name, profile),
    ).toMatch(/「⑴農業」は番号で始まります/);
    expect(
      round44Refusal(sheetOf([kpi(2, [none, none, o(1, "農業")], "新規就農者数")]), table, name, profile),
    ).toBeNull();
    // A Shift_JIS CSV writes ⑴ (not in CP932) as 「?」: the number lost, refused too; a unit lost so as well.
    expect(
      round44Refusal(sheetOf([kpi(2, [none, none, o(0, "?農業")], "新規就農者数")]), table, name, profile),
    ).toMatch(/「\?農業」は番号で始まります/);
    const lost = {
      ...kpi(2, [none, none, o(1, "農業")], "人口密度"),
      actual: { kind: "text", text: "44.1人/?" },
    };
    expect(round44Refusal(sheetOf([lost as Kpi]), table, name, profile)).toMatch(/書けなかった文字/);
    const asked = { ...lost, actual: { kind: "text", text: "知っていますか?" } };
    expect(round44Refusal(sheetOf([asked as Kpi]), table, name, profile)).toBeNull();
  });

  it("refuses numbered titles left unread left of the levels (the goal lost) or between them and the indicator", () => {
    const rows = [
      ["基本方針", "施策項目", "施策内容", "指標名"],
      ["1.しごとの創出", "(1) 農業", "①担い手の確保", "新規就農者数"],
      ["", "(2) 観光", "①誘客", "観光入込客数"],
      ["2.暮らしの向上", "(4) 都市", "②土地の管理", "人口密度"],
    ];
    const kpis = [
      kpi(2, [none, o(1, "農業"), o(1, "担い手の確保")], "新規就農者数"),
      kpi(3, [none, o(2, "観光"), o(1, "誘客")], "観光入込客数"),
      kpi(4, [none, o(4, "都市"), o(2, "土地の管理")], "人口密度"),
    ];
    const goalLost = profileOf([
      ["基本方針", "extra"],
      ["施策項目", "subgoal"],
      ["施策内容", "measure"],
      ["指標名", "indicator"],
    ]);
    expect(round44Refusal(sheetOf(kpis), tableOf(rows), name, goalLost)).toMatch(
      /1列目「基本方針」の「1.しごとの創出」/,
    );
    const measureLost = profileOf([
      ["基本方針", "goal"],
      ["施策項目", "measure"],
      ["施策内容", "extra"],
      ["指標名", "indicator"],
    ]);
    const upOne = kpis.map((k) => ({ ...k, goal: o(1, "しごとの創出"), subgoal: none, measure: k.subgoal }));
    expect(round44Refusal(sheetOf(upOne), tableOf(rows), name, measureLost)).toMatch(
      /3列目「施策内容」の「①担い手の確保」/,
    );
    // Read: no refusal; a column of plain words (区分) left unread is no level (negative).
    const read = kpis.map((k) => ({ ...k, goal: o(1, "しごとの創出") }));
    const all = profileOf([
      ["基本方針", "goal"],
      ["施策項目", "subgoal"],
      ["施策内容", "measure"],
      ["指標名", "indicator"],
    ]);
    expect(round44Refusal(sheetOf(read), tableOf(rows), name, all)).toBeNull();
    const kinds = tableOf([
      ["区分", "施策", "指標名"],
      ["成果指標", "1 防災", "カバー率"],
      ["活動指標", "", "訓練回数"],
    ]);
    const k2 = [
      kpi(2, [none, none, o(1, "防災")], "カバー率"),
      kpi(3, [none, none, o(1, "防災")], "訓練回数"),
    ];
    expect(
      round44Refusal(
        sheetOf(k2),
        kinds,
        name,
        profileOf([
          ["区分", "extra"],
          ["施策", "measure"],
          ["指標名", "indicator"],
        ]),
      ),
    ).toBeNull();
  });

  it("refuses a department that is only an office's suffix (「建設」 and 「部」 from a wrapped 「建設部」)", () => {
    const table = tableOf([
      ["指標名", "担当"],
      ["人口密度", "企画部、建設\n部"],
    ]);
    const profile = profileOf([
      ["指標名", "indicator"],
      ["担当", "departments"],
    ]);
    const k = { ...kpi(2, [none, none, none], "人口密度"), departments: ["企画部", "建設", "部"] } as Kpi;
    expect(round44Refusal(sheetOf([k]), table, name, profile)).toMatch(/「部」だけの部署/);
    const ok = { ...k, departments: ["企画部", "建設部"] } as Kpi;
    expect(round44Refusal(sheetOf([ok]), table, name, profile)).toBeNull();
  });

  it("refuses 数値目標 marked by a kind column in a table of 施策 with no 基本目標 (成果指標 beside 活動指標)", () => {
    const table = tableOf([
      ["施策", "区分", "目標指標"],
      ["1 防災", "成果指標", "カバー率"],
      ["", "活動指標", "訓練回数"],
      ["2 観光", "成果指標", "観光客数"],
      ["", "活動指標", "閲覧件数"],
    ]);
    const profile = profileOf([
      ["施策", "measure"],
      ["区分", "extra"],
      ["目標指標", "indicator"],
    ]);
    const kpis = [
      kpi(3, [none, none, o(1, "防災")], "訓練回数"),
      kpi(5, [none, none, o(2, "観光")], "閲覧件数"),
    ];
    const goals = [
      { goal: none, indicator: "カバー率" },
      { goal: none, indicator: "観光客数" },
    ];
    expect(round44Refusal(sheetOf(kpis, goals), table, name, profile)).toMatch(/数値目標「カバー率」ほか2件/);
    // 数値目標 in their own table (no kind column): left alone (negative).
    const plain = tableOf([
      ["施策", "目標指標"],
      ["1 防災", "訓練回数"],
      ["2 観光", "閲覧件数"],
    ]);
    expect(
      round44Refusal(
        sheetOf(kpis, goals),
        plain,
        name,
        profileOf([
          ["施策", "measure"],
          ["目標指標", "indicator"],
        ]),
      ),
    ).toBeNull();
  });
});
