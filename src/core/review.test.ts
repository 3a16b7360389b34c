import { describe, expect, it } from "vitest";
import {
  checkTransition,
  isEditable,
  mayMove,
  mayTransition,
  openYearOf,
  REVIEW_ACTIONS,
  TRANSITIONS,
  yearStatuses,
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
      { fiscalYear: 2021, publicVisible: true },
      { fiscalYear: 2023, publicVisible: false },
      { fiscalYear: 2022, publicVisible: false },
    ];
    expect(openYearOf(years)?.fiscalYear).toBe(2023);
    expect(openYearOf([{ fiscalYear: 2021, publicVisible: true }])).toBeUndefined();
  });

  it("keeps the newer year open while an older one is under correction (訂正)", () => {
    const p = (fiscalYear: number, total: number, published: number, correcting: number) => ({
      fiscalYear,
      municipality: "伊勢崎市",
      total,
      published,
      correcting,
    });
    // FY2022 published, one row reopened; FY2023 opened: FY2023 stays the year departments enter.
    const [y2022, y2023] = yearStatuses([p(2022, 12, 11, 1), p(2023, 12, 0, 0)]);
    expect(y2022).toMatchObject({ open: false, published: false, publicVisible: true });
    expect(y2023).toMatchObject({ open: true, published: false, publicVisible: false });
    // Only FY2022, under correction: no year is open (the reopened row goes to its department alone).
    expect(yearStatuses([p(2022, 12, 11, 1)])[0]).toMatchObject({ open: false, publicVisible: true });
    // A year opened and empty of rows is not published.
    expect(yearStatuses([p(2024, 0, 0, 0)])[0]).toMatchObject({ open: true, published: false });
  });
});
