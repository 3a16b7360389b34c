/** Drafts of the entry form, kept in sessionStorage so nothing typed is lost (errors, lost session, reload). */
import type { UpdateKpiRequest } from "../../src/core/api/index.ts";
import { CATEGORY_LABELS_JA, type Category } from "../../src/core/sheet.ts";

export interface EntryDraft {
  actualText: string;
  reason: string;
  challenge: string;
  nextSteps: string;
  category: Category;
  covid: boolean;
}

const key = (id: string) => `sosei.draft.${id}`;

export function loadDraft(id: string): EntryDraft | null {
  try {
    const s = sessionStorage.getItem(key(id));
    return s ? (JSON.parse(s) as EntryDraft) : null;
  } catch {
    return null;
  }
}
export function saveDraft(id: string, d: EntryDraft) {
  try {
    sessionStorage.setItem(key(id), JSON.stringify(d));
  } catch {
    /* storage full or disabled: the form still holds the text */
  }
}
export function clearDraft(id: string) {
  sessionStorage.removeItem(key(id));
}

/**
 * The save request for what changed between the saved row (`base`) and the form (`draft`). The stated
 * evaluation's label is the sheet's Japanese one (順調に進捗 …) whatever language the UI shows: it is
 * data printed on the sheet, not UI text.
 */
export function entryChanges(version: number, base: EntryDraft, draft: EntryDraft): UpdateKpiRequest {
  const body: UpdateKpiRequest = { version };
  if (draft.actualText !== base.actualText) body.actualText = draft.actualText;
  for (const f of ["reason", "challenge", "nextSteps"] as const)
    if (draft[f] !== base[f]) body[f] = draft[f] || null;
  if (draft.category !== base.category || draft.covid !== base.covid)
    body.evaluation = {
      category: draft.category,
      covid: draft.covid,
      label: CATEGORY_LABELS_JA[draft.category],
    };
  return body;
}
