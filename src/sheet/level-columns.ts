/**
 * Two columns of one table read as the same level of the plan (大垣市's 基本目標 | 具体的な施策 | 施策 — both 施策
 * words — read as two measure columns): a KPI takes one level from one cell, so the other column's names are
 * lost (each KPI's measure the 具体的な施策, the 施策 gone, no subgoal) and the import exited 0. Such a reading
 * is refused, naming both columns; find-header.ts nests them when a level between is free.
 */
import { type Field, LEVEL_FIELDS } from "./field.ts";

/** Fields a row reads from its first column of them alone (general-rows.ts `text`). */
const ONE_CELL: ReadonlySet<Field> = new Set<Field>([
  "initiatives",
  "unit",
  "status",
  "reason",
  "challenge",
  "nextSteps",
]);

import type { ImportProfile } from "./profile-types.ts";

/** The headers of the first two columns of one table read as the same level; null when there are none. */
export function doubledLevelColumns(profile: ImportProfile | undefined): [string, string] | null {
  const seen = new Map<string, string>();
  for (const c of profile?.columns ?? []) {
    // (施策の方向性 over two columns — the level and the project under it — is read into the first alone: the same
    // loss for a KPI's one-valued fields a row reads from one cell, when neither column is dated.)
    if (!LEVEL_FIELDS.has(c.field) && !(ONE_CELL.has(c.field) && (c.year ?? null) === null)) continue;
    const key = `${c.table ?? 1}:${c.field}`;
    const other = seen.get(key);
    if (other !== undefined) return [other, c.header ?? `${c.col}列目`];
    seen.set(key, c.header ?? `${c.col}列目`);
  }
  return null;
}
