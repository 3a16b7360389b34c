import { describe, expect, it } from "vitest";
import {
  checkTransition,
  isEditable,
  mayMove,
  mayTransition,
  openYearOf,
  REVIEW_ACTIONS,
  TRANSITIONS,
} from "./review.ts";

describe("the review rules", () => {
  it("every action's step is a move the store accepts", () => {
    for (const a of REVIEW_ACTIONS)
      for (const from of TRANSITIONS[a].from)
        expect(mayMove(from, TRANSITIONS[a].to), `${a} from ${from}`).toBe(true);
  });

  it("a return needs a comment; the comment comes back trimmed", () => {
    expect(checkTransition("submitted", "return", "  ")).toEqual({ ok: false, problem: "comment_required" });
    expect(checkTransition("submitted", "return", " 数値を確認 ")).toEqual({
      ok: true,
      to: "returned",
      comment: "数値を確認",
    });
    expect(checkTransition("draft", "approve")).toEqual({ ok: false, problem: "invalid_transition" });
    expect(checkTransition("returned", "submit", "")).toEqual({
      ok: true,
      to: "submitted",
      comment: undefined,
    });
  });

  it("departments take steps on their own KPIs only, and never approve", () => {
    const shoko = { role: "department" as const, department: "商工振興課" };
    expect(mayTransition(shoko, "submit", ["商工振興課"])).toBe(true);
    expect(mayTransition(shoko, "submit", ["観光課"])).toBe(false);
    expect(mayTransition(shoko, "approve", ["商工振興課"])).toBe(false);
    expect(mayTransition({ role: "committee", department: null }, "submit", [])).toBe(false);
    expect(mayTransition({ role: "planning", department: null }, "return", ["観光課"])).toBe(true);
  });

  it("edits only in draft and returned; the open year is the newest unpublished one", () => {
    expect(["draft", "returned"].every((s) => isEditable(s as "draft"))).toBe(true);
    expect(isEditable("submitted")).toBe(false);
    const years = [
      { fiscalYear: 2021, published: true },
      { fiscalYear: 2023, published: false },
      { fiscalYear: 2022, published: false },
    ];
    expect(openYearOf(years)?.fiscalYear).toBe(2023);
    expect(openYearOf([{ fiscalYear: 2021, published: true }])).toBeUndefined();
  });
});
