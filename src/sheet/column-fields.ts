/**
 * What a column of any city's sheet holds, recognised from its header text (synonyms) — and the
 * checks of what its cells hold that decide whether the header can be believed.
 */

import type { Period } from "../core/period.ts";
import { BARE_WESTERN_YEAR, squash } from "./columns.ts";
import type { Field } from "./field.ts";
import { withoutChoices } from "./header-choices-text.ts";
import { findYear } from "./header-years.ts";
import { bracketedYearMonth } from "./round51-year-colon.ts";
import { PROJECT_SPAN, TOWN_AIM_LEVEL } from "./round53-plan-words.ts";
import { ratesAThing } from "./round55-quality-ratings.ts";

export { FIELD_JA, type Field } from "./field.ts";

import { RATER_IN_BRACKET } from "./round63-raters.ts";

export interface ColumnMeaning {
  field: Field;
  /** The year printed in the header (令和4年度実績値 → FY2022). */
  period: Period | null;
  /** A unit printed in the header: `(千円)`, `[単位:件]`. */
  unit: string | null;
  /** The header as printed (both rows of a two-row header joined with a space). */
  header: string;
  /** Set by a profile given with the import: the content check trusts it. */
  confirmed?: boolean;
}

// Order matters: the first rule that matches decides (重要業績評価指標 is an indicator, not an evaluation).
const RULES: [RegExp, Field][] = [
  [/^(no\.?|番号|№|#|通し番号|整理番号)$/i, "no"],
  // 「施策評価調書」, 「事務事業評価シート」: the form's own title (a card's first line), no rating column or key.
  [/評価(調書|シート|表|書)$/, "extra"],
  // A question (「総合戦略のKPI達成に有効であったか」) is answered yes or no: a remark, whatever it names.
  [/(であった|だった|した|いる|ある)か[?？]?$/, "extra"],
  // 「KPI達成に有効であったと評価した委員数」: how many of a committee's members judged so — a tally of
  // votes, neither the KPI nor one of its values, whatever the words before 委員数 name.
  [/委員の?数$/, "extra"],
  // Money spent on a project (実績額, 事業費) and the target's date are not KPI values: kept as extras.
  // 「目標月」 (坂井市's 先行型 form: 「H28.3」 under it) is the 目標年月 in fewer words — a date, no target value.
  [/実績額|事業費|決算額|予算額|交付額|交付金の種類|目標年?月$|目標時期|達成時期/, "extra"],
  // The year of a value (目標年度, 基準年) and last year's figures (前年度実績, 前年比) are not this
  // year's values: kept as extras rather than read as a value column of years.
  // 「数値の基準年度」 too: the year a value is measured in is no value.
  // 「実績年度」, 「現状値の年度」 alike (value-year-columns.ts gives each year to the value beside it).
  [
    /(^|の)(目標|基準|基準値|目標値|策定|達成|計画|実績|実績値|現状|現状値|現況値|当初|当初値)の?(年度?|年次|時期|時点)$|前年度|前年比|前年/,
    "extra",
  ],
  // A project's kind (事業区分: 計画 / 経常) is a category, not the project; a project named for a
  // cross-cutting improvement (横断的な視点による改善事業) is a remark about it.
  [/^(事業|会計|事務)(区分|種別)$|改善事業$/, "extra"],
  // 「事業期間」: the years a project runs, not its name (round53-plan-words.ts).
  [PROJECT_SPAN, "extra"],
  // 「事業目的」, 「事業概要」: what a project is for, in words — not its name.
  [/(事業|取組)の?(目的|概要)$/, "extra"],
  // 「施策の内容」 (a 施策評価調書: ① … ② … what the 施策 does): its description, not the 施策's name. 「施策内容」
  // without の (a plan's 基本方針 → 施策項目 → 施策内容: 「①暮らしやすいまちの構築」) names the level itself.
  [/^施策の(目的|概要|内容)$|^施策(目的|概要)$/, "extra"],
  // An evaluation named by who made it (担当課評価, 所管課評価) is an evaluation, not a department.
  [/(担当|所管|主管).*評価$/, "evaluation"],
  // What a column says about the indicator (its source, definition, details) is not the indicator.
  // 「指標と目的の関連性」: why the indicator measures the aim, a sentence.
  [/出典|詳細|定義|考え方|算出方法|算定方法|設定(する|した)?理由|根拠|関連性$/, "extra"],
  // 「目標(指標)の説明」, 「指標の説明」: what the indicator means, in words (美馬市) — no target, no indicator.
  // 「KPI補足説明」, 「補足説明」 alike: a note on the indicator.
  [/^(目標|指標|KPI)の?(補足)?説明$|^(補足)?説明$/i, "extra"],
  // 「区民評価委員会の提言」: a committee's recommendations, in words — its comment.
  [/意見|コメント|所見|提言/, "comments"],
  // 「所属名」 (鳥取県の工程表): the department; 「所属長名」 is a person.
  // 「幹事部局」 (島根県の施策評価シート): the department leading a 施策; 「施策関係部局」, 「関係課」: the departments
  // taking part in it (one or several: 「企画部、建設部」) — not the 施策's name, though the header starts with 施策.
  [/担当|所管|部署|課名|主管|幹事部局|関係(部局|部課|課)(名)?$|^所属名?$/, "departments"],
  [/^単位$/, "unit"],
  [/達成率|進捗率|達成度/, "rate"],
  [/理由|要因/, "reason"],
  // 「平成27年度の取組と実績値の分析」 (a 総合戦略評価シート): what was done and why the figure is what it is, in
  // words — the work's status, though it names 実績値. An analysis is never a value: 「実績値の分析」 alone
  // says why the figure moved (the reason).
  [/(取組|実施|事業).*分析$/, "status"],
  [/分析$/, "reason"],
  // 「実績の説明」 (さいたま市's 達成状況 as rebuilt in round 39): the figure explained in words — why it is what it is,
  // the reason. A column named after 実績 whose words explain it is never the actual.
  [/^(実績|実績値|成果)の?(説明|解説)$/, "reason"],
  // 「課題解決に向けての今後の取組の方向性」 (島根県): what will be done about the challenge — next steps.
  [/課題.*(今後|方向性|対応策|解決策)/, "nextSteps"],
  [/課題/, "challenge"],
  // 「今後の方向性」 is what the city will do next (text), not the KPI's direction (増加/減少).
  // 「改善点」, 「効果を高めるための工夫点」: what will be done better (not a rating, though 評価 may precede it).
  // 「翌年度の取組」 (あきる野市): next year's work, not the initiative.
  [
    /今後|方策|改善策|改善点|工夫点|対応方針|取組方針|(翌|次|来)年度(以降)?の?(取組|方針|対応|展開)/,
    "nextSteps",
  ],
  // 「達成状況説明」: the status explained in words, not the status's rating.
  [/(状況|結果)の?説明$/, "status"],
  // 「R5実績見込」, 「見込実績」: a forecast of the year's result, not its actual.
  [/実績見込|見込実績/, "extra"],
  // 「年度当初値」: this year's starting figure (last year's result) — neither the plan's baseline nor a target.
  [/年度当初値?$|期首/, "extra"],
  // 「政策内容」: the policy a department carries out (its main project), named in a few words.
  [/^政策内容$/, "initiatives"],
  // 「施策の方向性」 is a level of the plan under the 施策 (what is done), not the KPI's direction.
  [/^施策の方向性?$/, "initiatives"],
  // 「基本的方向性」 (与那原町's アクションプラン: 「ア 基本的方向性:…」 under each 成果指標) is the national guidance's level
  // 基本的方向 with 性 — a part of the plan in titles, not which way a KPI should move.
  [/^基本的な?方向性$/, "subgoal"],
  // 「指標の性格」 (盛岡市: ↗ under it; 「指標の」 is taken off before) says which way the indicator is better.
  [/方向性|目指す方向|増減の方向|めざす方向|目標の方向|^方向$|^性格$/, "direction"],
  // 「初期値」 (福岡市), a bare 「現状」 (美馬市: 現状 | 目標(平成31年度)) are where the plan started.
  // 「2017近況値」 (本宮市: 近況値 | 実績値 | 目標値): the latest figure known when the plan was made. A sheet
  // printing it as its only figure has no actual column, and is refused for that, not misread.
  // 「事業開始前(現時点)」 (地方創生推進交付金の様式: 事業開始前 | 各年度の増加分): the figure before the project began.
  // 「総合計画開始時点(平成27年度)」 (各務原市: 開始時点 | 平成30年度 | 目標値): the figure when the plan began.
  [
    /基準値|現状値|策定時|従前値|基準年|当初|ベース値|ベースライン|初期値|^現状$|^近況値?$|^事業開始(前|時)$|(計画|戦略)(の)?開始時点?(の(数)?値)?$|^開始時点?$/,
    "baseline",
  ],
  // 「最終達成(年度)」 (事務事業評価調書): the value to reach by the plan's end.
  [/^最終(達成|到達)(目標)?値?$/, "finalTarget"],
  // 「2008年度以降」 (the year's words gone, 「以降」 left): the target from that year on, past the years
  // evaluated — the final target at that year.
  [/^以降$/, "finalTarget"],
  // 「取組における進捗状況」: the work's progress told in words, not the KPI's rating.
  [/実施状況|取組状況|取組実績|実施内容|取組の成果|取組(における|の)進捗/, "status"],
  // 指標値 / 目標指標値 / 目安値 are the target of the indicator, not its name; 事業効果 and 検証結果
  // the evaluation of a project, not the project or an actual.
  [/^(目標)?指標値|^(目安値|見込値|計画値)/, "target"],
  // 「地方創生に関する効果度」 (丹波市): how effective the project was, in the labels its legend explains.
  [/^(事業の?)?効果$|効果の?(検証|判定)|検証結果|^検証$|効果度$/, "evaluation"],
  // 「成果目標」 alone (阿久比町, あきる野市: 成果目標 | 単位 | 現状値 | 目標値 | 実績値): the outcome aimed at, named in
  // words — the indicator, as 数値目標 is; its target is the column that says 目標値.
  [/^(施策の)?成果目標(名|名称)?$/, "indicator"],
  [/指標|KPI|数値目標|項目名|^項目$/i, "indicator"],
  // 「成果動向」 (須賀川市's まちづくり報告書: 向上 / やや向上 / 横ばい / やや低下 / 低下 / 比較できない): how the outcome moved
  // from the baseline, in words its legend explains — the KPI's rating. 成果 says it is the outcome, not the number.
  [/^成果の?(動向|傾向)$/, "evaluation"],
  // 「達成」, 「達成・未達成」 over ○ / × (or 達成 / 未達成): whether the target was reached — a rating.
  // 「点数」 (倉吉市: 5 … 1 and −1 … −5 the legend explains) rates the KPI; 「政策の点数」 is a level's mean (extra).
  [
    /評価|判定|達成状況|進捗状況|進捗区分|達成区分|^区分$|進展度|進捗度|^進捗$|^達成(・未達成|の?(有無|可否))?$|^点数$/,
    "evaluation",
  ],
  // 「大区分 | 中区分 | 小区分」 (a 総合計画's 施策体系, as keys or columns): the plan's three levels, broadest first.
  [/^大区分$/, "goal"],
  [/^中区分$/, "subgoal"],
  [/^小区分$/, "measure"],
  // 大項目 / 中項目 / 小項目: the same three levels in another plan's words.
  [/^大項目$/, "goal"],
  [/^中項目$/, "subgoal"],
  [/^小項目$/, "measure"],
  // 「基本的な方向」 is 基本的方向 with its の (the national guidance's level under 基本目標); a 「柱」 alone or
  // 「基本の柱」 is a pillar of the plan as 施策の柱 is (the top level when nothing names one above it).
  [/小基本目標|施策の柱|基本的な?方向|政策の柱|^(基本の)?柱$/, "subgoal"],
  // 政策名, 基本政策, 重点分野, 基本戦略: the plan's broadest part under the names other plans give it; 戦略目標 and
  // 横断的な目標 (the national 総合戦略's cross-cutting aims) are parts of the plan named by an aim, not target values.
  // A plan printed in 章 and 節 (総合計画: 「第1章 安全・安心」 over 「第1節 防災」): its levels.
  // 「基本政策(大項目)」 over 「政策(中項目)」 (鳴門市's 総合計画体系): the broadest, the next a step below (read-cards.ts).
  // 「理想の姿」 (a 総合計画's 施策評価シート: 理想の姿 / 政策の柱 / 政策(施策)名): the vision a plan's part serves, its broadest level.
  // 「プログラム名」 (宮崎県's アクションプラン: 「1 人口問題対策プログラム」 over its 重点項目): a group of the plan's parts.
  // 「基本方針」 alone as a column over numbered parts (「2.暮らしの向上」 over 施策項目 / 施策内容): the plan's broadest level.
  [
    /^(重点)?プログラム(名|名称)?$|^基本方針$|大基本目標|基本目標|政策分野|重点目標|^重点項目$|政策目標|^分野$|^政策名?$|^基本政策$|^重点分野$|^基本戦略$|^戦略目標$|^横断的な?目標$|^章$|^編$|^(理想|めざす|目指す)の?姿$/,
    "goal",
  ],
  // 「プロジェクト名」 (a 総合戦略 built of projects: 「出産・子育て支援プロジェクト」 over its 取組): the plan's broadest
  // part there, as a 基本目標 is. 「重点プロジェクト事業名」 names a project (事業), not a part of the plan.
  // 「まちづくりの方針(ターゲット)」 (鯖江市): the town's aim for a part of the plan, its broadest level (round53-plan-words.ts).
  [TOWN_AIM_LEVEL, "goal"],
  [/^(重点)?プロジェクト(名|名称)?$/, "goal"],
  // 「取組名」 beside a project (「自治基本条例の啓発・普及」 over its 実施内容): the step of the plan the KPI measures,
  // named as 施策 is elsewhere; 「主な取組」 and 「取組内容」 stay what was done.
  [/^取組(み)?(名|名称)$/, "measure"],
  [/^節$/, "measure"],
  // 「施策目標」, 「施策の目標」: a level of the plan named by its aim, not a target value.
  [/^(施策|基本施策)の?目標$/, "measure"],
  [/期待値|目安値|目標|めざそう値|目指す値|めざす値/, "target"],
  // 「H27到達点」 (四万十市: 「H26:0.9ha →H31:12ha (H27到達点:3.04ha)」): the point the KPI reached that year, its actual.
  [/実績|現在値|現況値|実測値|結果|直近値|最新値|(最新|直近|現在|現況)の(数値|値)|^到達(点|値)$/, "actual"],
  // 「手段」 (豊岡市: 「01-01 様々なメディア等で…」 under a 戦略目的): the means to the aim, the plan's level above the KPI.
  // 「戦略」 alone (a 総合戦略's 基本目標 → 戦略 → KPI: 「3 成長産業へ進化する農業の確立」): the level above the KPI.
  // 「重点方針」 (花巻市's 総合戦略: 基本目標① → 重点方針 1, 2 … → 成果指標): the plan's step under the goal that the
  // KPIs measure, as 具体的な施策 is in the national guidance (round 62; 基本方針 alone stays the broadest level).
  [/具体的な施策|施策名?$|^施策|^手段$|^(重点)?戦略(名|名称)?$|^重点方針$/, "measure"],
  [/主な取組|事業名|主な事業|取組|事業/, "initiatives"],
];

const UNIT_IN_HEADER = /[([［](?:単位[:：]?)?([^()[\]［］0-9年度]{1,4})[)\]］]/;
const ONLY_YEAR = /^(令和|平成|昭和|[RHS])?(元|\d{1,4})年?度?$/;

/** The header's own words (years and bracketed units removed) for matching synonyms. */
function words(s: string): string {
  return (
    s
      .replace(/(令和|平成|昭和|[RHS])(元|\d{1,2})年?度?/g, "")
      .replace(/(19|20)\d{2}年?度?/g, "")
      // 「事業名【担当課】」: what the bracket adds (the department printed in the cell) is no part of the name.
      .replace(/[([［【][^)\]］】]*[)\]］】]/g, "")
      .replace(/[()（）]/g, "")
      // 「H31・R1年度」, 「2019(R1)年度」: what joined two names of one year is no word.
      .replace(/^[・/／~〜～\-、,]*(年度?)?$/, "")
  );
}

const LEVEL_GLOSS =
  /^(?:政策|施策|基本目標|基本施策|事業)[(（](施策|基本目標|基本施策|事業)[)）](?:名|名称)$/;

const BASELINE_NOTE = /[(（［[](基準|基準値|基準年度?|策定時|計画策定時|当初|当初値)[)）\]］]/;

/** The field a header's words name: 「KPIの進捗」, 「指標の出典」 name what follows 「KPIの」/「指標の」. */
function fieldOfWords(w: string): Field {
  const about = /^(KPI|指標|成果指標|数値目標)の(.+)$/i.exec(w);
  if (about && !/^(名|名称|内容)$/.test(about[2]!)) {
    const rest = fieldOfWords(about[2]!);
    if (rest !== "indicator") return rest;
  }
  // 「KPI評価」, 「指標評価」, 「数値目標評価」: the KPI's rating, の left out (「指標値」 without の stays the target's name).
  const rated = /^(KPI|指標|成果指標|数値目標)(評価|判定)(結果)?$/i.exec(w);
  if (rated) return "evaluation";
  // 「主要事業の貢献度」, 「事業の有効性」: a quality of the project or 施策, not its name (round55-quality-ratings.ts).
  if (ratesAThing(w)) return "extra";
  for (const [re, f] of RULES) if (re.test(w)) return f;
  return "extra";
}

/** 「工程」, 「事業工程」, 「年度別事業計画」: a schedule of the plan by year. */
export const SCHEDULE = /^(事業)?工程表?$|^年度別(事業)?計画$/;

/** What a header says in brackets, years left out: 「(定量的指標)」 → 定量的指標. */
const bracketed = (s: string): string =>
  [...s.matchAll(/[(（［[]([^)）\]］]*)[)）\]］]/g)].map((m) => words(m[1]!)).join("");

/** Reads one header cell (both rows of a two-row header joined). */
export function recogniseHeader(text: string): ColumnMeaning {
  // Pure in `text`, and asked of every cell of every row while the header is looked for — the same
  // texts again and again (a header repeated on each page, a hostile file's 20,000 rows of 「x」).
  let m = headerCache.get(text);
  if (!m) {
    m = recogniseUncached(text);
    if (headerCache.size >= HEADER_CACHE_LIMIT) headerCache.clear();
    headerCache.set(text, m);
  }
  return { ...m, period: m.period ? { ...m.period } : null };
}

const HEADER_CACHE_LIMIT = 4096;
const headerCache = new Map<string, ColumnMeaning>();

function recogniseUncached(text: string): ColumnMeaning {
  // 「①交付対象事業の名称」: a form's column number before the header's words is no part of them.
  // 「実績値※1」, 「目標値(注2)」, 「目標*」: a mark for a footnote under the table is no part of them either.
  // 「事業効果 (選択肢) 1.…」: the choices printed under a column's name are its legend, not its name.
  const s = squash(
    withoutChoices(text)
      .replace(/^\s*[①-⑳]\s*(?=\S)/, "")
      .replace(/\s*(?:[※＊*][0-9０-９]*|[(（]注[0-9０-９]*[)）])\s*$/, ""),
  );
  let period: Period | null = null;
  try {
    period = findYear(s);
  } catch {
    period = null;
  }
  period ??= bracketedYearMonth(s);
  const unitMatch = LEVEL_GLOSS.test(s) ? null : UNIT_IN_HEADER.exec(s);
  // 「(KPI)」, 「(A～D)」, 「(単位)」 in brackets are no unit.
  const unit =
    // 「事業名(担当課)」: the bracket names a role (the department printed in the cell), not a unit.
    unitMatch &&
    // (「事業開始前(現時点)」: when the figure stands is no unit either.)
    !/年|度|%|率|目標|実績|最終|単位|KPI|指標|評価|担当|所管|課|累計|合計|平均|見込|速報|暫定|時点|現在|当初|[~〜～・、]/i.test(
      unitMatch[1]!,
    ) &&
    // 「評価(委員会)」: the bracket names who rated (round63-raters.ts).
    !(/評価/.test(s) && RATER_IN_BRACKET.test(unitMatch[1]!))
      ? unitMatch[1]!
      : null;
  // 「政策(施策)名」: the city's own name for a level glossed in brackets by the common one — the bracket's level.
  const gloss = LEVEL_GLOSS.exec(s);
  const w = gloss ? `${gloss[1]}名` : words(s);
  let field: Field = "extra";
  if (w === "" && period) field = "year";
  // 「25年度計画」, 「R5予定」 (実績評価表, 事務事業評価表: 予定 | 実績): a year's plan is its target.
  else if (/^(\d{1,2}年度?)?(計画|予定)値?$/.test(w) && (period || /^\d/.test(w))) field = "target";
  // 「工程(年度別事業計画)」 over 「H25」 (徳島県): the plan's schedule by year — what a year's cell plans is
  // that year's target (推進 / → where it plans no figure: schedule-steps.ts).
  else if (period && SCHEDULE.test(w)) field = "target";
  else if (w === "" && ONLY_YEAR.test(s)) field = "year";
  // 「平成30年度増加分(2年目)」 (地方創生推進交付金の様式): the year's column, its figures what the year adds.
  else if (period && /^(増加分|増分|増加数|増加量)$/.test(w)) field = "year";
  else field = fieldOfWords(w);
  // 「計画の成果目標(定量的指標)」: the bracket names the indicator the aim is measured by.
  // (Not a name a rule keeps as an extra: 「…(KPI) 目標年月」 is the target's date under the KPI's group.)
  if (
    (field === "target" || (field === "extra" && !RULES.some(([re, f]) => f === "extra" && re.test(w)))) &&
    !/説明$/.test(w) &&
    fieldOfWords(bracketed(s)) === "indicator"
  )
    field = "indicator";
  // 「H29実績(基準)」, 「実績値(策定時)」: the bracket says the value is the baseline.
  if ((field === "actual" || field === "target") && BASELINE_NOTE.test(s)) field = "baseline";
  // 「実績(見込)」: the bracket says the figure is a forecast.
  if (field === "actual" && /[(（［[]見込/.test(s)) field = "extra";
  // 「施策目標」 over 「平成31年度」 (鹿島市's KPI達成状況): a level of the plan carries no year — a year under
  // the level's aim makes it that year's target value.
  if (field === "measure" && period && /目標$/.test(w)) field = "target";
  if (field === "target" && /最終|長期|目標年度|計画期間|最終年度/.test(s)) field = "finalTarget";
  // 「区分(単位:円)」: a rating has no unit (points of a scale aside) — a unit says the column holds amounts.
  if (field === "evaluation" && unit && !/ポイント|点|段階/.test(unit)) field = "extra";
  // (A name wrapped in its cell, 「総合<br>評価」 or a worksheet's 「総合\n評価」, is one name: its lines joined.)
  return { field, period, unit, header: text.replace(/<br\s*\/?>|\r?\n/gi, "").trim() };
}

/** How many cells of a row read as column names (not as extra). */
export function headerStrength(cells: readonly string[]): {
  known: number;
  indicator: boolean;
  numbers: number;
} {
  let known = 0;
  let indicator = false;
  let numbers = 0;
  for (const c of cells) {
    const t = squash(c);
    if (t === "") continue;
    // (「2015」 | 「2016」 over a schedule: western years in a row of names are years, no figures.)
    if (/^[▲△-]?[\d,.]+%?$/.test(t) && !BARE_WESTERN_YEAR.test(t)) numbers++;
    if (t.length > 24) continue;
    const m = recogniseHeader(c);
    if (m.field !== "extra" && m.field !== "year") known++;
    if (m.field === "indicator") indicator = true;
  }
  return { known, indicator, numbers };
}

// ── What cells hold ────────────────────────────────────────────────────────────────────────────

const NUMBERISH = /^[▲△+\-−]?[\d,，.．]+(%|％|ポイント|pt)?$/;
const PERCENT = /^[▲△+\-−]?[\d,.]+\s*(%|％)$/;

export type CellShape = "empty" | "number" | "percent" | "quantity" | "label" | "text" | "dash";

/** The shape of a cell's content, for checking a column's header against what it holds. */
export function cellShape(text: string): CellShape {
  // Circled numbers (①②③) are labels of a scale, not numbers (NFKC would fold them to digits).
  if (/^[①-⑳]$/.test(text.trim())) return "label";
  const t = squash(text);
  if (t === "") return "empty";
  if (/^[-‐－―ー−—]$/.test(t)) return "dash";
  if (PERCENT.test(t)) return "percent";
  if (NUMBERISH.test(t)) return "number";
  if (/\d/.test(t) && t.length <= 24 && !/[。、]/.test(t)) return "quantity";
  if (t.length <= 6) return "label";
  return "text";
}

/** A header a rule keeps as an extra on purpose (事業費, 出典, 備考-like names): its column is no unknown one. */
export const isNamedExtra = (header: string): boolean =>
  RULES.some(([re, f]) => f === "extra" && re.test(words(header)));
