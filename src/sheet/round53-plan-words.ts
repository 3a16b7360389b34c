/**
 * Round 53's header words (鯖江市's 成果指標 table: 「まちづくりの方針(ターゲット)」 over 「①健康寿命の延伸」 …).
 *
 * 「まちづくりの方針」, 「まちづくりの目標」, 「地域づくりの方針」: the town's aim for one part of the plan — the broadest level
 * over its indicators, as 基本目標 or 基本方針 is elsewhere. Only the plan's own words count: 「今後の方針」, 「改善の方針」,
 * 「事業の方針」 say what is done next (no 「まちづくり」 before them), and stay what they were.
 */
export const TOWN_AIM_LEVEL =
  /^(まちづくり|まち・?ひと・?しごと|地域づくり|まち)の(基本)?(方針|目標|将来像)$/;
