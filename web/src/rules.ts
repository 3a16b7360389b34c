/**
 * The evaluation rules the server computes with (GET /api/evaluation-rules), read once per page load:
 * the KPI page, the review list and the entry hint evaluate in the browser with this table and no
 * other, so the browser's category never disagrees with the server's.
 */
import { useEffect, useState } from "react";
import type { Rules } from "../../src/core/evaluation/types.ts";
import { api } from "./api.ts";

let loaded: Promise<Rules> | null = null;
let known: Rules | null = null;

/** The server's rules; null until they have arrived (the callers then show no computed hint). */
export function useRules(): Rules | null {
  const [rules, setRules] = useState<Rules | null>(known);
  useEffect(() => {
    if (known) return;
    let live = true;
    loaded ??= api<{ rules: Rules }>("GET", "/api/evaluation-rules").then((r) => {
      known = r.rules;
      return r.rules;
    });
    loaded
      .then((r) => live && setRules(r))
      .catch(() => {
        // A failed read is tried again by the next component that asks.
        loaded = null;
      });
    return () => {
      live = false;
    };
  }, []);
  return rules;
}
