import { describe, expect, it } from "vitest";
import { leadingEraYear } from "./title-era-year.ts";

describe("leadingEraYear", () => {
  it("reads an era year glued to the title's words", () => {
    expect(leadingEraYear("H27地域活性化・地域住民生活等緊急支援交付金(地方創生先行型)の効果検証結果")).toBe(
      2015,
    );
    expect(leadingEraYear("R3 交付金事業の効果検証")).toBe(2021);
    expect(leadingEraYear("平成28地方創生推進交付金の検証")).toBe(2016);
  });
  it("leaves dates, years later in the title and titles without one", () => {
    expect(leadingEraYear("H28.3 目標")).toBeNull();
    expect(leadingEraYear("H27年 交付金")).toBeNull();
    expect(leadingEraYear("地方創生 H27 交付金")).toBeNull();
    expect(leadingEraYear("Hello 市の検証")).toBeNull();
  });
});
