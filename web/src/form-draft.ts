/**
 * Drafts of the planning forms (strategy headings, KPIs, departments, plan revision), kept in
 * localStorage per user and form, so nothing typed is lost when the tab is closed, the page reloads
 * or the session ends. The entry form keeps its own (drafts.ts: per KPI-year, merged on conflict).
 */
import { useEffect, useState } from "react";
import { useSession } from "./session.ts";

/** The key of a form's draft: the user, then the form (`strategy.node`, `strategy.kpi.<id>` …). */
export const formDraftKey = (userId: string, form: string) => `sosei.draft.${userId}.${form}`;

export function readDraft<T>(key: string): Partial<T> | null {
  try {
    const s = localStorage.getItem(key);
    return s ? (JSON.parse(s) as Partial<T>) : null;
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, d: T | null) {
  try {
    if (d) localStorage.setItem(key, JSON.stringify(d));
    else localStorage.removeItem(key);
  } catch {
    /* storage full or disabled: the form still holds the text */
  }
}

/**
 * A form's fields as one state, kept as a draft while `worthKeeping` says something was typed (by
 * default: anything differing from `initial`). `restored`: the form opened on an earlier draft.
 * `clear()` after a successful save: the fields go back to `initial` and the draft goes.
 */
export function useFormDraft<T extends object>(
  form: string,
  initial: () => T,
  worthKeeping?: (value: T) => boolean,
) {
  const userId = useSession().user?.id ?? "anonymous";
  const key = formDraftKey(userId, form);
  const [kept] = useState(() => readDraft<T>(key));
  const [value, setValue] = useState<T>(() => ({ ...initial(), ...kept }));
  const [untouched] = useState(() => JSON.stringify(initial()));
  const json = JSON.stringify(value);
  useEffect(() => {
    const v = JSON.parse(json) as T;
    writeDraft(key, (worthKeeping ? worthKeeping(v) : json !== untouched) ? v : null);
  }, [key, json, untouched, worthKeeping]);
  return {
    value,
    set: (patch: Partial<T>) => setValue((v) => ({ ...v, ...patch })),
    restored: kept !== null,
    clear: () => {
      writeDraft(key, null);
      setValue(initial());
    },
  };
}
