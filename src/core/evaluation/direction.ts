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

/** Decisions are shared (cached) and frozen: read them, do not change them. */
export interface DirectionDecision {
  readonly direction: Direction;
  readonly inferred: boolean;
  readonly source: DirectionSource;
  /** The word that decided an inferred direction, or null. */
  readonly keyword: string | null;
}

/** The first word of `words` (in list order, not position in the name) that the name contains. */
function firstWordIn(name: string, words: readonly string[]): string | null {
  for (const w of words) if (name.includes(w)) return w;
  return null;
}

/** The inference itself: scans the name for every harm and remedy word. */
function scanIndicator(indicator: string): DirectionDecision {
  const name = indicator.replace(/\s+/g, "");
  const harm = firstWordIn(name, HARM_WORDS);
  if (harm) {
    const remedy = firstWordIn(name, REMEDY_WORDS);
    if (remedy) return { direction: "increase", inferred: true, source: "inferred_harm", keyword: remedy };
    return { direction: "decrease", inferred: true, source: "inferred_harm", keyword: harm };
  }
  return { direction: "increase", inferred: true, source: "inferred_default", keyword: null };
}

/**
 * Inferred decisions by indicator text. A city repeats its indicators every year and many cities
 * share them, so at national scale nearly every lookup hits; scanning ~50 words per KPI was the
 * engine's largest cost. Bounded: past the limit the oldest entry goes (insertion order).
 */
const inferredByIndicator = new Map<string, DirectionDecision>();
const INFERRED_CACHE_LIMIT = 4096;

/** Infers a direction from an indicator's name alone (see the module comment). */
export function inferDirection(indicator: string): DirectionDecision {
  const cached = inferredByIndicator.get(indicator);
  if (cached !== undefined) return cached;
  const decision = Object.freeze(scanIndicator(indicator));
  if (inferredByIndicator.size >= INFERRED_CACHE_LIMIT) {
    const oldest = inferredByIndicator.keys().next();
    if (!oldest.done) inferredByIndicator.delete(oldest.value);
  }
  inferredByIndicator.set(indicator, decision);
  return decision;
}

/** The decisions set by hand are constants: one per source and direction, made once. */
function ruleDecisions(
  source: "rules_row" | "rules_indicator",
): Readonly<Record<Direction, DirectionDecision>> {
  const of = (direction: Direction): DirectionDecision =>
    Object.freeze({ direction, inferred: false, source, keyword: null });
  return Object.freeze({ increase: of("increase"), decrease: of("decrease"), maintain: of("maintain") });
}
const BY_ROW = ruleDecisions("rules_row");
const BY_INDICATOR = ruleDecisions("rules_indicator");

/**
 * Not one of the constants: only reachable through rules built by hand around the schema, or an
 * indicator named like an Object.prototype member ("constructor"); kept as before.
 */
function handSet(direction: Direction, source: "rules_row" | "rules_indicator"): DirectionDecision {
  return { direction, inferred: false, source, keyword: null };
}

/** The KPI's direction: rules by row, then rules by indicator name, then inferred. */
export function directionOf(kpi: Pick<Kpi, "row" | "indicator">, rules: Rules): DirectionDecision {
  const byRow = rules.directions.byRow[String(kpi.row)];
  if (byRow) return BY_ROW[byRow] ?? handSet(byRow, "rules_row");
  const byName = rules.directions.byIndicator[kpi.indicator];
  if (byName) return BY_INDICATOR[byName] ?? handSet(byName, "rules_indicator");
  return inferDirection(kpi.indicator);
}
