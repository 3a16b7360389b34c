/**
 * Guards of round 62: shapes the first reading (or a round-62 rule taken out) left wrong with exit 0, refused
 * whatever reader path leaves them so (exit 2, `implausible_reading`, the KPI and the column named).
 * - A column kept as is whose cells number the plan's parts (「1 工業の振興と雇用の確保」, printed once over its KPIs)
 *   with the numbers **starting again under each goal** (「基本目標① …」 over 1, 2, 3, then 「基本目標② …」 over 1 …),
 *   while no KPI has a level under its goal: a level column under a word not known as one (hanamaki-seika's
 *   「重点方針」) — every KPI's measure empty and the titles kept as extras, with exit 0. unread-level-guards.ts asks the
 *   numbers to rise down the whole table, so a table numbered afresh per goal passed it.
 * - A KPI left unrated that keeps, as a column read as is, the national form's rating (「地方創生に相当程度効果が
 *   あった」): nakatosa-kyoten's 事業の効果 under another rating word (推移, from the header-word swaps) was kept as an
 *   extra on each project's first KPI, every KPI unrated with exit 0 — the 目標値 / 実績値 rows under each KPI are
 *   read on a path whose rows reading-plausibility.ts's own check of such labels does not see.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import type { ImportProfile } from "./profile-types.ts";
import { isStandardRating } from "./rating-in-values.ts";

/** 「3 観光の振興」, 「(2) 移住の促進」, 「②結婚・出産の支援」: a number, then a title in words (not a figure). */
const NUMBERED_TITLE =
  /^[(（]?([0-9]{1,2}|[①-⑳])[)）]?[\s.．、]*([ぁ-んァ-ヶ一-龥][ぁ-んァ-ヶ一-龥ー・A-Za-z0-9]{3,}.*)$/u;

const numberOf = (s: string) => (/^[①-⑳]$/.test(s) ? s.charCodeAt(0) - 0x2460 + 1 : Number(s));

/**
 * The KPI and header of a column kept as an extra on two goals or more whose texts are numbered titles, printed once
 * over several KPIs, the numbers rising under each goal and starting again (at 1) where the goal changes, while no
 * KPI has a subgoal or a measure; null if none.
 */
export function levelNumberedPerGoal(
  kpis: readonly Kpi[],
): { kpi: Kpi; header: string; text: string } | null {
  if (kpis.length < 3 || kpis.some((k) => k.subgoal.title !== "" || k.measure.title !== "")) return null;
  const goals = new Set(kpis.map((k) => `${k.goal.no} ${k.goal.title}`));
  if (goals.size < 2) return null;
  const headers = new Set(kpis.flatMap((k) => (k.extras ?? []).map((e) => e.header)));
  for (const header of headers) {
    const cells = kpis.flatMap((k) => {
      const e = k.extras?.find((x) => x.header === header);
      return e && squash(e.text) !== "" ? [{ kpi: k, text: e.text.trim() }] : [];
    });
    if (cells.length < 2 || cells.length >= kpis.length) continue;
    const numbered = cells.map((c) => NUMBERED_TITLE.exec(c.text.normalize("NFKC")));
    if (numbered.some((m) => !m)) continue;
    let ok = true;
    let restarted = false;
    for (let i = 1; i < cells.length; i++) {
      const prev = numberOf(numbered[i - 1]![1]!);
      const no = numberOf(numbered[i]![1]!);
      const sameGoal =
        cells[i]!.kpi.goal.no === cells[i - 1]!.kpi.goal.no &&
        cells[i]!.kpi.goal.title === cells[i - 1]!.kpi.goal.title;
      if (sameGoal ? no <= prev : no !== 1) ok = false;
      if (!sameGoal) restarted = true;
    }
    if (ok && restarted && numberOf(numbered[0]![1]!) === 1)
      return { kpi: cells[0]!.kpi, header, text: cells[0]!.text };
  }
  return null;
}

/** An unrated KPI keeping the national form's rating label as an extra, with that column's header; null if none. */
export function unreadStandardRating(
  kpis: readonly Kpi[],
): { kpi: Kpi; header: string; text: string } | null {
  for (const k of kpis) {
    if (k.evaluation && k.evaluation.printed !== false) continue;
    const e = (k.extras ?? []).find((x) => isStandardRating(squash(x.text)));
    if (e) return { kpi: k, header: e.header, text: e.text.trim() };
  }
  return null;
}

export function round62Refusal(
  sheet: Sheet,
  name: (k: Kpi) => string,
  profile?: ImportProfile,
): string | null {
  const label = unreadStandardRating(sheet.kpis);
  if (label) {
    // (the column's number too, as reading-plausibility.ts's own check of legend labels names it)
    const col = profile?.columns?.find((c) => c.header === label.header)?.col;
    return `${name(label.kpi)}は評価がありませんが、${col ? `${col}列目` : "列"}「${label.header}」に国の様式の評価「${label.text.slice(0, 24)}」があります。評価の列を読み落としたおそれがあります(列「${label.header}」は評価 evaluation として指定できます)`;
  }
  const hit = levelNumberedPerGoal(sheet.kpis);
  if (!hit) return null;
  return `${name(hit.kpi)}の列「${hit.header}」は基本目標ごとに1から番号を振った題名(「${hit.text.slice(0, 20)}」)を収め、計画の階層(施策)のようですが、どの指標もその階層に置かれていません。階層の列を読み落としたおそれがあります(列「${hit.header}」は施策 measure として指定できます)`;
}
