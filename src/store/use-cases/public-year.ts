/**
 * A year as the public sees it: a row under correction (訂正) as it was last published — never the
 * department's draft of the correction — and on every corrected row its dated 訂正 note, naming the
 * value published before (which the corrections table keeps for the history).
 */
import type { Sheet } from "../../core/sheet.ts";
import { formatValueJa } from "../../core/value/format.ts";
import type { Db } from "../db.ts";
import { listKpiYears } from "../repositories/kpi-years.ts";
import type { ReviewState } from "../schema.ts";
import { type CorrectionRecord, correctionsOfYear } from "./correction.ts";
import { exportSheet, type SheetLocator } from "./export-sheet.ts";

export interface PublicYear {
  sheet: Sheet;
  kpiIds: string[];
  states: ReviewState[];
  /** Per row: its 訂正 notes joined (empty when never corrected or not yet republished). */
  corrections: string[];
}

/** 2026-12-02 (the day in Japan). */
const jstDay = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

/** 「2026-12-02 訂正（訂正前の実績値: 18,225人）: 集計誤り」 for each republished correction. */
export function correctionNote(notes: readonly CorrectionRecord[]): string {
  return notes
    .filter((n) => n.republishedAt)
    .map((n) => {
      const before = (n.published as { actual?: Parameters<typeof formatValueJa>[0] }).actual;
      const was = before ? `（訂正前の実績値: ${formatValueJa(before)}）` : "";
      return `${jstDay(new Date(n.republishedAt!))} 訂正${was}: ${n.reason}`;
    })
    .join("; ");
}

export async function publicYear(db: Db, where: SheetLocator): Promise<PublicYear> {
  const [sheet, rows, corrections] = await Promise.all([
    exportSheet(db, where),
    listKpiYears(db, where),
    correctionsOfYear(db, where),
  ]);
  const out: PublicYear = { sheet, kpiIds: [], states: [], corrections: [] };
  sheet.kpis = rows.map((r) => {
    const c = corrections.get(r.id);
    out.kpiIds.push(r.kpiId);
    out.states.push(c?.lastPublished ? "published" : r.reviewState);
    out.corrections.push(c ? correctionNote(c.notes) : "");
    return c?.lastPublished ?? r.kpi;
  });
  return out;
}
