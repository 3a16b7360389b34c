import type { Period } from "../core/period.ts";
import { findYear } from "./header-years.ts";

/**
 * 「空き家バンク登録件数10件」 (枝幸町's 効果検証): the KPI's cell printing the name and, glued after it, the figure
 * the plan aims at — read so only in a table with no target column (where else would the target be);
 * the name must end in words, the figure be whole with a counter's unit (「件」「人」「ha」). Names that
 * merely end in a figure of their own (「第3子」, 「65歳以上」, 「1人当たり」) do not end in a counter after digits.
 */
const GLUED =
  /^(.*[^\d\s,.、。(（])\s*(\d[\d,]*(?:\.\d+)?\s*(?:件|人|回|社|戸|棟|店舗|団体|世帯|か所|箇所|ha|人日|千人|万人|%|％))$/u;

/** The name and the glued figure, or null when the cell does not end so. */
export function targetAfterName(cell: string): { name: string; figure: string } | null {
  const m = GLUED.exec(cell.trim());
  if (!m || [...m[1]!].length < 4) return null;
  // 「年間10件」: a name that is only a period before its figure is none.
  if (/^(年間|毎年|累計|延べ)$/.test(m[1]!.trim())) return null;
  return { name: m[1]!.trim(), figure: m[2]!.replace(/\s/g, "") };
}

/**
 * 「子育て世帯の新規定住世帯(U・Iターン)数(H31まで):28世帯」, 「不登校児童数(H31まで):0人を維持」 (神石高原町's 広報):
 * the name, the year the plan runs to bracketed with 「まで」, then the figure aimed at (or kept at, 「を維持」) —
 * the final target at that year. The bracket names the year, so the figure may have any short counter (事業所).
 */
const BY_DEADLINE =
  /^(.+?)\s*[(（]\s*([^()（）]{1,12}?)\s*まで\s*[)）]\s*[:：]?\s*(\d[\d,]*(?:\.\d+)?\s*[^\d\s,.、。:：()（）]{0,4}?)\s*(?:を維持)?$/u;

export function targetByDeadline(cell: string): { name: string; figure: string; period: Period } | null {
  const m = BY_DEADLINE.exec(cell.trim());
  if (!m || [...m[1]!].length < 2) return null;
  const year = m[2]!.trim();
  const period = findYear(/年/.test(year) ? year : `${year}年度`);
  return period ? { name: m[1]!.trim(), figure: m[3]!.replace(/\s/g, ""), period } : null;
}
