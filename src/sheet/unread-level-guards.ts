/**
 * Two wrong readings a 総合戦略's ordinary KPI table was written with (exit 0), refused in general terms:
 *
 * - A column kept as is that numbers the plan's parts as 「3 成長産業へ進化する農業の確立」 (a numbered title,
 *   printed once over its KPIs, numbers rising down the table) while no KPI has a level under its goal:
 *   the level the KPIs sit in went unread (「戦略」 not known as a level, each KPI's measure left empty).
 * - A column kept as is under a header naming something (「プロジェクト名」) whose names group the KPIs — the same
 *   name on consecutive rows, two names or more — while no KPI has any level: 岸和田市's projects
 *   (「出産・子育て支援プロジェクト」 over four KPIs) were such a level, unread (each goal and measure empty).
 * - A scale that reads a band whose words say behind (「やや遅れている」) as on track or mostly on track
 *   beside a band whose words say 「おおむね順調」: the bands' words order them, so the behind one cannot
 *   be as good as 「おおむね順調」 (a legend of word labels before thresholds, the label's words unread).
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { squash } from "./columns.ts";

/** 「3 成長産業へ…」, 「(2) 移住の促進」: a number, then a title in words (not 「6,480,000」: a figure). */
const NUMBERED_TITLE =
  /^[(（]?([0-9０-９]{1,2})[)）]?[\s.．、]*([ぁ-んァ-ヶ一-龥][ぁ-んァ-ヶ一-龥ー・A-Za-z0-9]{3,}.*)$/u;

/**
 * The header of a column kept as an extra whose texts are numbered titles of the plan's parts, rising down
 * the table and printed once over several KPIs, while no KPI has a subgoal or a measure; null if none.
 */
export function unreadLevelColumn(
  kpis: readonly Kpi[],
): { header: string; sample: string; kind: string } | null {
  const grouped = unreadGroupColumn(kpis);
  if (grouped) return { ...grouped, kind: "指標をまとめる名前" };
  if (kpis.some((k) => k.subgoal.title !== "" || k.measure.title !== "")) return null;
  const byHeader = new Map<string, { text: string; raw: string }[]>();
  for (const k of kpis)
    for (const e of k.extras ?? [])
      byHeader.set(e.header, [
        ...(byHeader.get(e.header) ?? []),
        { text: squash(e.text), raw: e.text.trim() },
      ]);
  for (const [header, cells] of byHeader) {
    const numbered = cells.map((c) => NUMBERED_TITLE.exec(c.text.normalize("NFKC")));
    if (cells.length < 2 || numbered.some((m) => !m)) continue;
    const nos = numbered.map((m) => Number(m![1]));
    const rising = nos.every((n, i) => i === 0 || n > nos[i - 1]!);
    // Printed once over its KPIs: fewer texts than KPIs, and its titles unique.
    const once = cells.length < kpis.length && new Set(cells.map((c) => c.text)).size === cells.length;
    if (rising && once) return { header, sample: cells[0]!.raw, kind: "番号つきの題名" };
  }
  return null;
}

const MOSTLY_WORDS = /概ね|おおむね/;
const BEHIND_WORDS = /遅れ|遅延/;

/** A band whose words say behind read as (mostly) on track beside a band saying おおむね順調; null if none. */
export function behindBandReadAhead(sheet: Sheet): string | null {
  const bands = sheet.scale?.bands ?? [];
  const said = (b: { label: string; meaning?: string }) => `${b.label} ${b.meaning ?? ""}`.normalize("NFKC");
  const rank = (c: string) => (c === "on_track" ? 2 : c === "mostly_on_track" ? 1 : 0);
  const mostly = bands.filter((b) => MOSTLY_WORDS.test(said(b)) && !BEHIND_WORDS.test(said(b)));
  if (mostly.length === 0) return null;
  // (「A 概ね計画内容どおり進捗している 当初見込み以上」 read on track, 「B 一部に進捗の遅れがみられる」 mostly on
  // track under it: the behind band is still below the hedged one — only a band as good as it is suspect.)
  const floor = Math.min(...mostly.map((b) => rank(b.category)));
  const ahead = bands.find(
    (b) =>
      BEHIND_WORDS.test(said(b)) &&
      !MOSTLY_WORDS.test(said(b)) &&
      rank(b.category) > 0 &&
      rank(b.category) >= floor,
  );
  return ahead ? ahead.label : null;
}

/** A name of a part, not a sentence nor a figure: 「出産・子育て支援プロジェクト」. */
const GROUP_NAME = /^[^。]{4,60}$/u;

/**
 * The header of a column kept as an extra, named 「…名」, whose names group the KPIs in runs (each name on
 * consecutive rows only, some on two rows or more, two names or more), while no KPI has any level; null if none.
 */
function unreadGroupColumn(kpis: readonly Kpi[]): { header: string; sample: string } | null {
  if (
    kpis.length < 3 ||
    kpis.some((k) => k.goal.title !== "" || k.subgoal.title !== "" || k.measure.title !== "")
  )
    return null;
  const headers = new Set(kpis.flatMap((k) => (k.extras ?? []).map((e) => e.header)));
  for (const header of headers) {
    if (!/名(称)?$/.test(squash(header))) continue;
    const texts = kpis.map((k) => squash((k.extras ?? []).find((e) => e.header === header)?.text ?? ""));
    if (texts.some((t) => !GROUP_NAME.test(t) || /^[\d,.%]+$/.test(t))) continue;
    const names = [...new Set(texts)];
    // Each name's rows together (a run), and fewer names than KPIs: the column groups them.
    const runs = texts.filter((t, i) => i === 0 || t !== texts[i - 1]).length;
    if (names.length >= 2 && names.length < texts.length && runs === names.length)
      return { header, sample: (kpis[0]!.extras ?? []).find((e) => e.header === header)!.text.trim() };
  }
  return null;
}
