import { describe, expect, it } from "vitest";
import { splitDefinition } from "./indicator-definition.ts";

describe("an indicator's name with its definition under it in the cell", () => {
  it("splits where the name's line ends short of the cell's width", () => {
    expect(
      splitDefinition(
        "自主防災組織の活動カバー率<br>各市町村において、全世帯数のうち、自主防災組織の活動範囲に含まれる世帯数の割合",
      ),
    ).toEqual({
      name: "自主防災組織の活動カバー率",
      definition: "各市町村において、全世帯数のうち、自主防災組織の活動範囲に含まれる世帯数の割合",
    });
  });

  it("splits after a closing bracket even where the name's line is as wide as the widest (an extractor's wraps)", () => {
    // 「(5) 観光入込客数(延べ)」 fills its line as exactly as the wrapped definition's first line.
    expect(splitDefinition("(5) 観光入込客数(延べ)<br>県内の観光地点を訪れた観<br>光客の延べ人数")).toEqual({
      name: "(5) 観光入込客数(延べ)",
      definition: "県内の観光地点を訪れた観光客の延べ人数",
    });
  });

  it("keeps a name wrapped over two lines whole when nothing under it defines it", () => {
    expect(splitDefinition("県民一人当たり公共交<br>通機関利用回数")).toEqual({
      name: "県民一人当たり公共交<br>通機関利用回数",
      definition: null,
    });
  });
});
