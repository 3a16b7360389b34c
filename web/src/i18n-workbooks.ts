/**
 * The department-workbook section's strings, Japanese first (kept apart from i18n.ts so that this
 * section's words stay together; the language comes from the same I18nContext).
 */
import type { WorkbookPreview } from "../../src/core/api/index.ts";
import { WORKBOOK_FIELD_JA } from "../../src/core/entry/workbook-plan.ts";
import { type Lang, useI18n } from "./i18n.ts";

type Status = WorkbookPreview["rows"][number]["status"];
type Field = WorkbookPreview["rows"][number]["changes"][number]["field"];

const ja = {
  heading: "課別記入シート（Excel）",
  intro:
    "入力中の年度のKPIを課ごとの Excel ファイルにします。担当課は黄色のセルに記入し、ここでアップロードします。変わる内容を確認してから下書きとして保存します（提出は「入力」画面で）。",
  noOpenYear: "入力中の年度がありません。",
  department: "担当課",
  kpis: "KPI",
  download: "ダウンロード",
  downloadOwn: (d: string) => `${d}の記入シートをダウンロード`,
  downloadAll: "すべての課（ZIP）",
  uploadH: "記入済みのシートをアップロード",
  file: "記入シート（.xlsx）",
  upload: "アップロードして確認",
  previewH: "保存する内容の確認",
  previewOf: (file: string, dept: string, made: string) => `${file}：${dept}（${made}に作成したシート）`,
  counts: (c: Record<Status, number>) =>
    `変更 ${c.change}件・変更なし ${c.unchanged}件・競合 ${c.conflict}件・変更不可 ${c.locked}件・読めない ${c.invalid}件`,
  status: {
    change: "変更",
    unchanged: "変更なし",
    conflict: "競合",
    locked: "変更不可",
    invalid: "読めない",
  } as Record<Status, string>,
  // The core's names of the workbook's fields (the same words the upload's check writes).
  fields: WORKBOOK_FIELD_JA as Record<Field, string>,
  empty: "（空欄）",
  line: (n: number) => `${n}行目`,
  beforeSubmit: "提出前に",
  check: "確認",
  invalidNote:
    "読めないセルがあります。ファイルを直してもう一度アップロードしてください（何も保存していません）。",
  conflictNote: "競合のKPIは保存しません。Web画面の「入力」で最新の内容を確かめて入力してください。",
  nothing: "保存する変更はありません。",
  confirm: (n: number) => `${n}件を下書きとして保存する`,
  cancel: "取り消す",
  saved: (n: number) => `${n}件を下書きとして保存しました。`,
  unchangedHidden: (n: number) => `変更のない ${n}件は表示していません。`,
};

const en: typeof ja = {
  heading: "Department workbooks (Excel)",
  intro:
    "The open year's KPIs as one Excel file per department. The department fills the yellow cells and uploads the file here; you see what changes before it is saved as drafts (submitting stays on the Data entry page).",
  noOpenYear: "No year is open for entry.",
  department: "Department",
  kpis: "KPIs",
  download: "Download",
  downloadOwn: (d: string) => `Download ${d}'s workbook`,
  downloadAll: "All departments (ZIP)",
  uploadH: "Upload a filled workbook",
  file: "Workbook (.xlsx)",
  upload: "Upload and check",
  previewH: "Check before saving",
  previewOf: (file: string, dept: string, made: string) => `${file}: ${dept} (workbook made ${made})`,
  counts: (c: Record<Status, number>) =>
    `${c.change} changed · ${c.unchanged} unchanged · ${c.conflict} conflicts · ${c.locked} locked · ${c.invalid} unreadable`,
  status: {
    change: "Changes",
    unchanged: "Unchanged",
    conflict: "Conflict",
    locked: "Locked",
    invalid: "Unreadable",
  },
  fields: {
    actual: "Actual",
    evaluation: "Evaluation",
    reason: "Reason",
    status: "Progress",
    challenge: "Challenges",
    nextSteps: "Next steps",
  },
  empty: "(empty)",
  line: (n: number) => `row ${n}`,
  beforeSubmit: "Before submitting",
  check: "Check",
  invalidNote: "Some cells cannot be read. Fix the file and upload it again (nothing was saved).",
  conflictNote: "Conflicting KPIs are not saved. Check their current values on the Data entry page.",
  nothing: "Nothing to save.",
  confirm: (n: number) => `Save ${n} as drafts`,
  cancel: "Cancel",
  saved: (n: number) => `Saved ${n} as drafts.`,
  unchangedHidden: (n: number) => `${n} unchanged KPIs not shown.`,
};

const DICTS: Record<Lang, typeof ja> = { ja, en };

export function useWorkbookText() {
  const { lang } = useI18n();
  return { w: DICTS[lang], lang };
}
