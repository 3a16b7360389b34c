/**
 * The direction of a KPI (more is better, less is better, keep the level). Set by hand in the
 * rules (by row, then by indicator name), else inferred from the indicator's name — never from
 * the targets' trend (a target that steps down, e.g. a planned consolidation, is still a target).
 *
 * Inference: an indicator that *counts harm* (事故, 犯罪, 火災, 待機児童, 空き家の数 …) decreases;
 * an indicator that counts *action against* harm (除却, 解消, 削減, 防止 …, or taking part in
 * something: 参加, 相談, 登録 …) increases even when it names the harm ("危険空き家除却件数");
 * everything else increases.
 */
import type { Kpi } from "../sheet.ts";
import type { Direction, DirectionSource, Rules } from "./types.ts";

/** Words naming a harm that an indicator may count. */
export const HARM_WORDS: readonly string[] = [
  "事故",
  "犯罪",
  "刑法犯",
  "火災",
  "被害",
  "死傷",
  "死亡",
  "死者",
  "自殺",
  "虐待",
  "待機児童",
  "不登校",
  "いじめ",
  "空き家",
  "耕作放棄",
  "失業",
  "滞納",
  "排出量",
  "要介護",
  "喫煙",
  "肥満",
  "待ち時間",
];

/** Words saying that the indicator counts what is done against the harm, so more is better. */
export const REMEDY_WORDS: readonly string[] = [
  "除却",
  "解消",
  "削減",
  "撤去",
  "解体",
  "防止",
  "予防",
  "抑制",
  "対策",
  "改善",
  "活用",
  "利活用",
  "登録",
  "相談",
  "講座",
  "講習",
  "教室",
  "参加",
  "訓練",
  "研修",
  "支援",
  "加入",
  "協定",
  "無事故",
];

export interface DirectionDecision {
  direction: Direction;
  inferred: boolean;
  source: DirectionSource;
  /** The word that decided an inferred direction, or null. */
  keyword: string | null;
}

/** Infers a direction from an indicator's name alone (see the module comment). */
export function inferDirection(indicator: string): DirectionDecision {
  const name = indicator.replace(/\s+/g, "");
  const harm = HARM_WORDS.find((w) => name.includes(w));
  if (harm) {
    const remedy = REMEDY_WORDS.find((w) => name.includes(w));
    if (remedy) return { direction: "increase", inferred: true, source: "inferred_harm", keyword: remedy };
    return { direction: "decrease", inferred: true, source: "inferred_harm", keyword: harm };
  }
  return { direction: "increase", inferred: true, source: "inferred_default", keyword: null };
}

/** The KPI's direction: rules by row, then rules by indicator name, then inferred. */
export function directionOf(kpi: Pick<Kpi, "row" | "indicator">, rules: Rules): DirectionDecision {
  const byRow = rules.directions.byRow[String(kpi.row)];
  if (byRow) return { direction: byRow, inferred: false, source: "rules_row", keyword: null };
  const byName = rules.directions.byIndicator[kpi.indicator];
  if (byName) return { direction: byName, inferred: false, source: "rules_indicator", keyword: null };
  return inferDirection(kpi.indicator);
}
