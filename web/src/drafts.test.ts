import { describe, expect, it } from "vitest";
import { CATEGORY_LABELS_JA } from "../../src/core/sheet.ts";
import { type EntryDraft, entryChanges } from "./drafts.ts";
import { DICTS } from "./i18n.ts";

const base: EntryDraft = {
  actualText: "100人",
  reason: "",
  challenge: "",
  nextSteps: "",
  category: "on_track",
  covid: false,
};

describe("entryChanges", () => {
  it("sends only what changed", () => {
    expect(entryChanges(3, base, { ...base, reason: "理由" })).toEqual({ version: 3, reason: "理由" });
  });

  it("states the evaluation with the sheet's Japanese label, also when the UI is in English", () => {
    const body = entryChanges(3, base, { ...base, category: "delayed" });
    expect(body.evaluation).toEqual({ category: "delayed", covid: false, label: "進捗の遅れ" });
    expect(body.evaluation?.label).toBe(CATEGORY_LABELS_JA.delayed);
    expect(body.evaluation?.label).not.toBe(DICTS.en.categories.delayed);
  });
});
