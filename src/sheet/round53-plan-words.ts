/**
 * Round 53's header words (鯖江市's 成果指標 table: 「まちづくりの方針(ターゲット)」 over 「①健康寿命の延伸」 …).
 *
 * 「まちづくりの方針」, 「まちづくりの目標」, 「地域づくりの方針」: the town's aim for one part of the plan — the broadest level
 * over its indicators, as 基本目標 or 基本方針 is elsewhere. Only the plan's own words count: 「今後の方針」, 「改善の方針」,
 * 「事業の方針」 say what is done next (no 「まちづくり」 before them), and stay what they were.
 */
export const TOWN_AIM_LEVEL =
  /^(まちづくり|まち・?ひと・?しごと|地域づくり|まち)の(基本)?(方針|目標|将来像)$/;

/**
 * 「事業期間」 (上田市's 推進交付金 効果検証: 「令和3年度~令和5年度」 beside 事業名), 「実施期間」, 「計画期間」, 「事業年度」: the span of
 * years a project runs — no project name (though 事業 is in it), no value of a KPI. Read by its word as the project, it met the
 * 事業名 column and the sheet was refused as two project columns.
 */
export const PROJECT_SPAN = /^(事業|実施|計画|取組|交付)(の)?(期間|年度)$/;
