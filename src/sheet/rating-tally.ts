/**
 * 「進捗状況割合 | | | | 遅れ 33% その他 67%」 (森町's 事業評価調書): a row closing a table that counts its KPIs'
 * ratings — each label of the scale with its share. It is no KPI: a cell of two or more labels, each followed
 * by a percentage, every label a rating of the table (its legend's or its evaluation column's), and no figure
 * in the row's other value cells.
 */
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { squash } from "./columns.ts";

const SHARE = /([^\s0-9０-９%％]+?)\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]/g;

/** The labels a cell counts with their shares (「遅れ 33% その他 67%」 → 遅れ, その他); null when it is not such a cell. */
export function tallyLabels(cell: string): string[] | null {
  const t = cell.replace(/<br\s*\/?>/gi, " ");
  const parts = [...t.matchAll(SHARE)];
  if (parts.length < 2) return null;
  // Nothing but the labels and their shares (and the spaces and separators between them).
  const rest = t.replace(SHARE, "").replace(/[\s、,，・/／]/g, "");
  if (rest !== "") return null;
  return parts.map((p) => squash(p[1]!));
}

/** Whether a row (its cells, the value columns' indexes, the table's rating labels) tallies the ratings. */
export function isRatingTally(
  cells: readonly string[],
  valueCols: readonly number[],
  labels: ReadonlySet<string>,
): boolean {
  const at = cells.findIndex((c) => tallyLabels(c)?.every((x) => labels.has(x)) ?? false);
  if (at < 0) return false;
  return valueCols.every((c) => c === at || !/[0-9０-９]/.test(cells[c] ?? ""));
}

/**
 * The guard (reading-plausibility.ts): a KPI whose rating or actual lists the table's rating labels with their
 * shares (「遅れ 33% その他 67%」) is such a tally read as an indicator — the first KPI so read, or null.
 */
export function tallyReadAsKpi(sheet: Sheet): Kpi | null {
  const labels = new Set([
    ...(sheet.scale?.bands ?? []).map((b) => squash(b.label)),
    ...sheet.kpis.map((k) => squash(k.evaluation.label ?? "")),
  ]);
  const rawOf = (x: Value | undefined) => (x && "raw" in x && typeof x.raw === "string" ? x.raw : "");
  return (
    sheet.kpis.find((k) =>
      [k.evaluation.label ?? "", rawOf(k.actual)].some(
        (t) => tallyLabels(t)?.every((l) => labels.has(l)) ?? false,
      ),
    ) ?? null
  );
}
