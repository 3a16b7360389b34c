/**
 * Keys of a card the reading lost, though the card prints them (round 36, 鳴門市's 事務事業評価シート): each shape
 * was read wrong with exit 0 while the rule that reads it was taken out, and is refused by the last look
 * (rating-plausibility.ts), naming the key and its row.
 * - A rating key with its label (「成果に対する評価 | A」) kept as an extra while the KPI has no rating: a section's
 *   heading alone on its row (「◎評価(CHECK)」) had been taken for the rating key, left empty.
 * - A level the plan marks as its broadest or middle one (「基本政策(大項目)」, 「政策(中項目)」) whose numbered name
 *   is no KPI's level: the key was not known as a level, and the levels below it moved up.
 * - A band the legend says fell short of the target (「C:あまり目標を達成出来なかった。(達成率60%以上)」) read as
 *   mostly on track beneath a band the words already call so (「B:概ね目標を達成できた」).
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { SourceTable } from "./types.ts";

/** A rating's label: a letter, a mark, a digit, or a short word (not a sentence). */
const LABEL = /^([A-Za-zＡ-Ｚａ-ｚ][+＋]?|[◎○〇●◯△▲×✕☆★①-⑳1-5]|[ぁ-んァ-ヶ一-龥]{2,8})$/;

/** The first KPI with no rating whose extras hold a rating key with a label; null if none. */
export function ratingKeptAsExtra(
  sheet: Sheet,
  /** Whether the key's label is explained as the work's course (a verdict kept as an extra on purpose). */
  isCourse: (key: string, label: string) => boolean = () => false,
): { kpi: Kpi; key: string; label: string } | null {
  for (const k of sheet.kpis) {
    if (k.evaluation.printed !== false && k.evaluation.label) continue;
    for (const e of k.extras ?? []) {
      const header = squash(e.header);
      // (A key that says it rates: 「成果に対する評価」, 「総合判定」 — not 「区分」, which also lists kinds.)
      if (!/評価|判定/.test(header) || header.length > 16 || recogniseHeader(header).field !== "evaluation")
        continue;
      if (LABEL.test(squash(e.text)) && !isCourse(e.header, squash(e.text)))
        return { kpi: k, key: header, label: squash(e.text) };
    }
  }
  return null;
}

/** 「(大項目)」, 「(中項目)」: the plan's own name of a level's rank, in brackets after the key. */
const RANKED = /[(（](大|中)項目[)）]$/;

/** A level key ranked 大項目 / 中項目 whose numbered value no KPI has as a level; null if none. */
export function rankedLevelUnread(
  sheet: Sheet,
  table: SourceTable,
): { key: string; value: string; row: number } | null {
  const titles = new Set(
    sheet.kpis
      .flatMap((k) => [k.goal, k.subgoal, k.measure].map((o) => squash(o.title)))
      .filter((t) => t !== ""),
  );
  if (titles.size === 0) return null;
  for (const r of table.rows)
    for (const [i, c] of r.cells.entries()) {
      const key = squash(c);
      if (!RANKED.test(key)) continue;
      const value = (r.cells[i + 1] ?? "").replace(/<br\s*\/?>/gi, "");
      const name = squash(value).replace(/^[0-9０-９]{1,3}/, "");
      if (name.length < 2 || !/^\s*[0-9０-９]{1,3}\s*\S/.test(value)) continue;
      if (![...titles].some((t) => t === name || t.endsWith(name)))
        return { key, value: value.trim(), row: r.row };
    }
  return null;
}

/** 「達成できなかった」, 「届かなかった」: the band says the target was not reached. */
const FELL_SHORT = /達成(でき|出来|し)なかった|達成(でき|出来)ず|届かなかった|未達成/;
const HEDGED = /概ね|おおむね/;

/** A band that says it fell short, read mostly on track beneath a band the words call mostly on track. */
export function shortBandReadMostly(sheet: Sheet): string | null {
  const bands = sheet.scale?.bands ?? [];
  for (const b of bands) {
    const said = `${b.meaning ?? ""}`.normalize("NFKC");
    if (b.category !== "mostly_on_track" || HEDGED.test(said) || !FELL_SHORT.test(said)) continue;
    const above = bands.find(
      (a) => a !== b && a.category === "mostly_on_track" && HEDGED.test(`${a.label} ${a.meaning ?? ""}`),
    );
    if (above && (above.min ?? 1) > (b.min ?? 0)) return `${b.label}:${said}`;
  }
  return null;
}
