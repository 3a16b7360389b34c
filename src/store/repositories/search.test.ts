import { describe, expect, it } from "vitest";
import { escapeLike } from "./search.ts";

describe("escapeLike", () => {
  it("escapes LIKE metacharacters, so a search word is taken literally", () => {
    expect(escapeLike("100%_\\")).toBe("100\\%\\_\\\\");
    expect(escapeLike("出生率")).toBe("出生率");
  });
});
