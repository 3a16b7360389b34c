import { describe, expect, it } from "vitest";
import { CATEGORY_LABELS_JA } from "../../src/core/sheet.ts";
import { clearDraft, draftKey, type EntryDraft, entryChanges, loadDraft, saveDraft } from "./drafts.ts";
import { DICTS } from "./i18n.ts";

const base: EntryDraft = {
  actualText: "100人",
  status: "",
  reason: "",
  challenge: "",
  nextSteps: "",
  category: "on_track",
  covid: false,
  notEvaluableReason: "",
  notEvaluableText: "",
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

  it("sends the reason for 評価不可 (その他 with its text)", () => {
    const body = entryChanges(3, base, {
      ...base,
      category: "not_evaluable",
      notEvaluableReason: "other",
      notEvaluableText: "調査方法の変更",
    });
    expect(body.evaluation).toMatchObject({
      notEvaluableReason: "other",
      notEvaluableText: "調査方法の変更",
    });
  });

  it("keeps a draft per user and KPI-year in localStorage, across a closed tab", () => {
    const store = new Map<string, string>();
    globalThis.localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    } as Storage;
    saveDraft("u1", "2023-5", { ...base, actualText: "8件" });
    expect(loadDraft("u1", "2023-5")?.actualText).toBe("8件");
    expect(loadDraft("u2", "2023-5")).toBeNull();
    expect([...store.keys()]).toEqual([draftKey("u1", "2023-5")]);
    clearDraft("u1", "2023-5");
    expect(loadDraft("u1", "2023-5")).toBeNull();
  });
});
