/**
 * Drafts of the entry form, kept in localStorage per user, KPI and year, so nothing typed is lost:
 * an error, a lost session, a reload, or the tab closed and opened again. A save clears the draft.
 */
import type { UpdateKpiRequest } from "../../src/core/api/index.ts";
import type { NotEvaluableReason } from "../../src/core/entry/check-entry.ts";
import { CATEGORY_LABELS_JA, type Category } from "../../src/core/sheet.ts";

export interface EntryDraft {
  actualText: string;
  status: string;
  reason: string;
  challenge: string;
  nextSteps: string;
  category: Category;
  covid: boolean;
  notEvaluableReason: NotEvaluableReason | "";
  notEvaluableText: string;
  /** The select still follows the computed evaluation (the person has not chosen one). */
  auto?: boolean;
}

/** `id` is `<fiscal year>-<row>`: the key names the user, the year and the KPI. */
export const draftKey = (userId: string, id: string) => `sosei.draft.${userId}.${id}`;

export function loadDraft(userId: string, id: string): EntryDraft | null {
  try {
    const s = localStorage.getItem(draftKey(userId, id));
    return s ? (JSON.parse(s) as EntryDraft) : null;
  } catch {
    return null;
  }
}
export function saveDraft(userId: string, id: string, d: EntryDraft) {
  try {
    localStorage.setItem(draftKey(userId, id), JSON.stringify(d));
  } catch {
    /* storage full or disabled: the form still holds the text */
  }
}
export function clearDraft(userId: string, id: string) {
  try {
    localStorage.removeItem(draftKey(userId, id));
  } catch {
    /* storage disabled */
  }
}

const TEXT_FIELDS = ["status", "reason", "challenge", "nextSteps"] as const;

/**
 * The save request for what changed between the saved row (`base`) and the form (`draft`). The stated
 * evaluation's label is the sheet's Japanese one (順調に進捗 …) whatever language the UI shows: it is
 * data printed on the sheet, not UI text.
 */
export function entryChanges(version: number, base: EntryDraft, draft: EntryDraft): UpdateKpiRequest {
  const body: UpdateKpiRequest = { version };
  if (draft.actualText !== base.actualText) body.actualText = draft.actualText;
  for (const f of TEXT_FIELDS) if (draft[f] !== base[f]) body[f] = draft[f] || null;
  if (
    draft.category !== base.category ||
    draft.covid !== base.covid ||
    draft.notEvaluableReason !== base.notEvaluableReason ||
    draft.notEvaluableText !== base.notEvaluableText
  ) {
    const notEvaluable = draft.category === "not_evaluable" && draft.notEvaluableReason;
    body.evaluation = {
      category: draft.category,
      covid: draft.covid,
      label: CATEGORY_LABELS_JA[draft.category],
      ...(notEvaluable ? { notEvaluableReason: draft.notEvaluableReason as NotEvaluableReason } : {}),
      ...(notEvaluable && draft.notEvaluableReason === "other"
        ? { notEvaluableText: draft.notEvaluableText || null }
        : {}),
    };
  }
  return body;
}
