/** Drafts of the entry form, kept in sessionStorage so nothing typed is lost (errors, lost session, reload). */
import type { Category } from "../../src/core/sheet.ts";

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
