/**
 * Words of the yearly cycle's department and review screens (entry card, review list, KPI page
 * explanation), Japanese first; kept apart from i18n.ts so each area adds its own words.
 */
import type { NotEvaluableReason } from "../../src/core/entry/check-entry.ts";
import { NOT_EVALUABLE_REASON_JA } from "../../src/core/entry/check-entry.ts";
import { useI18n } from "./i18n.ts";

const ja = {
  deadline: (d: string) => `入力期限：${d}`,
  reopenedHeading: "訂正の依頼（公表済みの年度）",
  reopenedHelp:
    "企画担当が公表済みの値の訂正を依頼しました。理由は各カードのコメントにあります。直して提出すると、承認のあと再公表されます。",
  previousYear: (y: string) => `前年度（${y}）`,
  thisYear: "今年度",
  noPrevious: "前年度の記録はありません",
  notEvaluableReason: "評価不可の理由",
  notEvaluableReasons: NOT_EVALUABLE_REASON_JA as Record<NotEvaluableReason, string>,
  choose: "選んでください",
  notEvaluableText: "「その他」の内容",
  unitFilled: (u: string) => `単位が書かれていないため、このKPIの単位「${u}」として読みました。`,
  cannotCompute: (why: string) => `計算上の評価：評価不可（${why}）`,
  chosenDiffers:
    "選んだ評価は計算上の評価と異なります。理由を「進捗が遅れている理由」や課題に書いてください。",
  beforeSubmit: "提出する前に",
  checkValues: "値を確かめてください",
  confirmWarnings: "確認しました。この値で提出します",
  confirmFirst: "提出するには、上の注意を確かめて「確認しました」にチェックしてください。",
  withdraw: "提出を取り下げる",
  withdrawn: "提出を取り下げました。編集できます。",
  withdrawHelp: "審査が始まるまでは取り下げて直せます。",
  draftKept: "下書きはこの端末に保存されています（タブを閉じても、ログインが切れても残ります）。",
  draftRestored: "前回の下書きを復元しました。保存するまでサーバーには送られていません。",
  reply: "返信",
  replyTo: (who: string) => `${who}さんへの返信`,
  sendReply: "返信する",
  coOwned: (deps: string) => `共同所管：${deps}（どちらの課も編集でき、変更履歴に編集した人が残ります）`,
  // review
  departmentFilter: "担当課",
  disagreementFilter: "記載と計算の評価が食い違う",
  warningsFilter: "確認が必要な値がある",
  sortBy: "並べ替え",
  sorts: { row: "シートの順", department: "担当課順", state: "状態順" } as Record<string, string>,
  selectAll: "表示中の提出済みをすべて選ぶ",
  selectRow: (ind: string) => `${ind}を選ぶ`,
  approveSelected: (n: number) => `選んだ${n}件を承認`,
  bulkDone: (ok: number) => `${ok}件を承認しました`,
  bulkFailed: "承認できなかったKPI：",
  returnNeedsComment: "差し戻すときはコメントを書いてください（担当課に理由が伝わります）。",
  warningsBadge: "要確認",
  disagreementBadge: "評価が食い違う",
  // KPI page
  rateAndRule: "達成率と評価の基準",
  rule: "適用した基準",
  formulas: {
    ratio: "達成率＝実績値÷目標値（減少を目指す指標は目標値÷実績値）",
    progress_from_baseline: "基準値からの進捗率＝(実績値−基準値)÷(目標値−基準値)",
    prorated: "按分目標に対する達成率",
  } as Record<string, string>,
  bands: "100%以上：順調に進捗／80%以上：概ね順調に進捗／80%未満：進捗の遅れ",
  whyDiffers: "記載と計算が食い違う理由",
  whyUnchecked: "記載の評価を照合できない理由",
  textValues: "この指標は数値でないため、グラフではなく表で示します。",
  valuesAt: "各値はその値の時点に置いています（例：令和2年の値は2020年の位置）。",
};

type CycleDict = typeof ja;

const en: CycleDict = {
  deadline: (d: string) => `Entry deadline: ${d}`,
  reopenedHeading: "Corrections requested (published years)",
  reopenedHelp:
    "Planning has reopened published values for a correction. The reason is in each card's comments. Fix and submit; once approved, the year is published again.",
  previousYear: (y: string) => `Previous year (${y})`,
  thisYear: "This year",
  noPrevious: "No record of the previous year",
  notEvaluableReason: "Why it cannot be evaluated",
  notEvaluableReasons: {
    statistics_pending: "Statistics not yet published",
    statistics_discontinued: "Statistics discontinued",
    project_ended: "Project ended",
    other: "Other",
  },
  choose: "Choose",
  notEvaluableText: "What the other reason is",
  unitFilled: (u: string) => `No unit was typed: read in this KPI's unit, ${u}.`,
  cannotCompute: (why: string) => `Computed evaluation: not evaluable (${why})`,
  chosenDiffers: "The chosen evaluation differs from the computed one; explain why in the narrative.",
  beforeSubmit: "Before submitting",
  checkValues: "Check these values",
  confirmWarnings: "I have checked; submit these values",
  confirmFirst: "To submit, check the notes above and tick the confirmation.",
  withdraw: "Withdraw the submission",
  withdrawn: "Withdrawn: you can edit again.",
  withdrawHelp: "Until review starts you can withdraw and fix it.",
  draftKept: "Your draft is kept on this device (also when the tab is closed or the session ends).",
  draftRestored: "Restored your earlier draft. It is not on the server until you save.",
  reply: "Reply",
  replyTo: (who: string) => `Reply to ${who}`,
  sendReply: "Send reply",
  coOwned: (deps: string) => `Co-owned: ${deps} (either may edit; the change log names who did)`,
  departmentFilter: "Department",
  disagreementFilter: "Stated and computed differ",
  warningsFilter: "Values to check",
  sortBy: "Sort",
  sorts: { row: "Sheet order", department: "Department", state: "State" },
  selectAll: "Select every submitted row shown",
  selectRow: (ind: string) => `Select ${ind}`,
  approveSelected: (n: number) => `Approve ${n} selected`,
  bulkDone: (ok: number) => `Approved ${ok}`,
  bulkFailed: "Not approved:",
  returnNeedsComment: "A return needs a comment (the department learns why).",
  warningsBadge: "Check",
  disagreementBadge: "Differs",
  rateAndRule: "Achievement rate and rule",
  rule: "Rule applied",
  formulas: {
    ratio: "actual ÷ target (target ÷ actual for a decrease KPI)",
    progress_from_baseline: "(actual − baseline) ÷ (target − baseline)",
    prorated: "against the pro-rated target",
  },
  bands: "≥100%: on track / ≥80%: mostly on track / <80%: delayed",
  whyDiffers: "Why stated and computed differ",
  whyUnchecked: "Why the stated evaluation cannot be checked",
  textValues: "This indicator is not a number: its values are shown as a table, not a chart.",
  valuesAt: "Each value is placed at its own period (a 2020 value at 2020).",
};

export const ENTRY_DICTS = { ja, en };
export const useEntryText = () => ENTRY_DICTS[useI18n().lang];
