/**
 * Words of the import preview (the recognised mapping, what saving does) and of the KPI page's
 * シートに記載の値 section, Japanese first; kept apart from i18n.ts so each area adds its own words.
 */
import { useI18n } from "./i18n.ts";

/** The reader's field names in English (the server sends the Japanese ones). */
const FIELD_EN: Record<string, string> = {
  no: "No.",
  goal: "Basic goal",
  subgoal: "Sub-goal",
  measure: "Measure",
  initiatives: "Initiatives",
  status: "Status",
  indicator: "Indicator",
  unit: "Unit",
  baseline: "Baseline",
  target: "Target",
  actual: "Actual",
  finalTarget: "Final target",
  rate: "Achievement rate",
  evaluation: "Evaluation",
  direction: "Direction",
  reason: "Reason",
  challenge: "Challenge",
  nextSteps: "Next steps",
  departments: "Departments",
  comments: "Committee comments",
  year: "Year (target/actual not stated)",
  extra: "Other (kept as is)",
};

const ja = {
  imp: {
    mappingH: "読み取った列の対応",
    layout: {
      seed: "14列の評価シート（標準の様式）",
      table: "表（1行に1指標）",
      cards: "カード（1ブロックに1施策）",
      yearTables: "指標ごとの年度表",
      json: "sheet/1 JSON（列の対応なし）",
    } as Record<string, string>,
    layoutIs: "様式",
    evaluatedYear: "評価年度",
    yearSheet: (sheet: string, year: number) => `シート「${sheet}」（${year}年度）`,
    yearSheetSelect: "読む年度のシート",
    headerRows: (rows: number[]) => (rows.length ? `${rows.join("・")}行目` : "—"),
    headerRowsLabel: "列見出しの行",
    where: "位置",
    colAt: (table: number, col: number, tables: number) =>
      tables > 1 ? `表${table}・${col}列目` : `${col}列目`,
    header: "列見出し（原文）",
    readAs: "読み取った項目",
    sure: "確かさ",
    confidence: {
      certain: "確定（対応付けの指定）",
      high: "見出しから判断",
      medium: "要確認",
      low: "不明（その他として保持）",
    } as Record<string, string>,
    fieldLabel: (_field: string, label: string) => label,
    yearOf: (y: number) => `（${y}年度）`,
    selectFor: (header: string) => `「${header}」の意味`,
    scaleH: "評価尺度（凡例から読み取り）",
    scaleGivenH: "評価尺度（指定した基準）",
    scaleNoneH: "評価尺度",
    scaleSavedH: "評価尺度（前回の取り込みで保存した基準。このファイルには凡例がありません）",
    noScale: "評価の凡例は見つかりませんでした。標準の基準で評価します。",
    scaleAskH: "評価の記号の意味",
    scaleAsk:
      "次の評価の意味が、このファイルの凡例に書かれていません（凡例がないか、凡例にない記号・語です）。それぞれ区分を選ぶと、その基準で読み直します。保存すると、次回からこの基準を使います。",
    scaleMark: (m: string) => `「${m}」の意味`,
    scaleChoose: "選んでください",
    scaleRead: "この基準で読み直す",
    scaleBand: (label: string, cat: string, min: string | null, meaning: string) =>
      `${label}：${cat}${min ? `（${min}以上）` : ""}${meaning ? ` — ${meaning}` : ""}`,
    saved: {
      applied: "前回この自治体で保存した対応付けで読み取りました。",
      other_layout: "保存済みの対応付けは様式が違うため使っていません。",
      corrected: "修正した対応付けで読み直しました。保存すると、次回からこの対応付けを使います。",
      none: "保存すると、この対応付けを次回の取り込みにも使います。",
    } as Record<string, string>,
    fixed: "標準の14列の様式です。列の対応は固定のため、修正はできません。",
    remap: "この対応付けで読み直す",
    changed: (n: number) => `${n}列の意味を変更しました（まだ読み直していません）。`,
    effectH: "保存すると",
    target: (m: string, y: string) => `取り込み先：${m}・${y}`,
    effectNew: (y: string, added: number) => `${y}として新しく保存します（${added}件を追加）。`,
    effectReplace: (y: string, r: number, a: number, d: number) =>
      `保存済みの${y}を置き換えます：${r}件を置き換え、${a}件を追加、${d}件を削除。`,
    inReview: (n: number) => `提出・承認済みの${n}件の入力も上書きされます。`,
    published: (y: string) =>
      `${y}は公表済みのため、取り込みでは置き換えません。公表済みの値を直すには、KPIごとの訂正（理由を記録して再公表）を使ってください。`,
    toSheet: "評価シートを開く",
    notesH: "読み取りの注記",
  },
  profile: {
    heading: "保存された取り込み設定",
    none: "保存された取り込み設定はありません。取り込みを保存すると、列の対応と評価の記号の意味がここに記録され、次回から同じ様式のファイルの取り込みに使われます。",
    several: (n: number) =>
      `様式ごとに${n}件の設定が保存されています。ファイルは、その様式の設定で読み取ります。`,
    title: (n: number | null, file: string, layout: string | null) =>
      `${n ? `${n}. ` : ""}「${file}」の様式${layout ? `（${layout}）` : ""}`,
    from: (at: string, who: string) =>
      `${at} に ${who} がこのファイルの取り込みで保存しました。同じ様式のファイルは、この設定で読み取ります。`,
    columnsCaption: "列の対応",
    col: "列",
    colN: (table: number, col: number) => (table > 1 ? `表${table}・${col}列目` : `${col}列目`),
    header: "見出し",
    field: "読み取る項目",
    scaleH: "評価の記号の意味",
    noScale: "評価の記号の意味は保存されていません（ファイルの凡例から読み取ります）。",
    forget: "この設定を削除",
    confirm: (file: string) =>
      `「${file}」の様式の取り込み設定を削除します。次回この様式の取り込みは、ファイルの見出しと凡例から読み取ります。よろしいですか？`,
    forgotten: (file: string) =>
      `「${file}」の様式の取り込み設定を削除しました。次回この様式の取り込みは、ファイルの見出しと凡例から読み取ります。`,
  },
  printed: {
    heading: "シートに記載の値",
    baseline: "基準値",
    direction: "方向性",
    unit: "単位",
    rate: "達成率（シートに記載）",
    comments: "委員会意見",
    yearsCaption: "シートに並んで記載された年度ごとの目標値と実績値",
    printedIn: (year: string) => `${year}のシートに記載（この年度は取り込まれていません）`,
  },
  sheet: {
    numericGoalsH: "数値目標（基本目標ごと）",
    numericGoalsNote: "シートに記載された基本目標ごとの数値目標です（KPIとは別に取り込んだ値）。",
    goal: "基本目標",
    indicator: "数値目標",
    baseline: "基準値",
    actual: "実績値",
    finalTarget: "目標値（最終）",
    evaluation: "評価（記載）",
    scaleH: "評価の基準（シートの凡例）",
  },
};

const en: typeof ja = {
  imp: {
    mappingH: "How the columns were read",
    layout: {
      seed: "14-column evaluation sheet (standard layout)",
      table: "Table (one indicator per row)",
      cards: "Cards (one measure per block)",
      yearTables: "A year table per indicator",
      json: "sheet/1 JSON (no columns to map)",
    } as Record<string, string>,
    layoutIs: "Layout",
    evaluatedYear: "Evaluated year",
    yearSheet: (sheet: string, year: number) => `worksheet "${sheet}" (FY${year})`,
    yearSheetSelect: "The year's worksheet to read",
    headerRows: (rows: number[]) => (rows.length ? `row ${rows.join(", ")}` : "—"),
    headerRowsLabel: "Header rows",
    where: "Column",
    colAt: (table: number, col: number, tables: number) =>
      tables > 1 ? `table ${table}, column ${col}` : `column ${col}`,
    header: "Header (as printed)",
    readAs: "Read as",
    sure: "Confidence",
    confidence: {
      certain: "Certain (given mapping)",
      high: "From the header",
      medium: "Check",
      low: "Unknown (kept as extra)",
    } as Record<string, string>,
    fieldLabel: (field: string, label: string) => FIELD_EN[field] ?? label,
    yearOf: (y: number) => ` (FY${y})`,
    selectFor: (header: string) => `Meaning of "${header}"`,
    scaleH: "Evaluation scale (from the legend)",
    scaleGivenH: "Evaluation scale (as given)",
    scaleNoneH: "Evaluation scale",
    scaleSavedH: "Evaluation scale (saved with an earlier import: this file prints no legend)",
    noScale: "No evaluation legend found: the standard rules apply.",
    scaleAskH: "What the rating marks mean",
    scaleAsk:
      "The file's legend does not say what these ratings mean (no legend, or marks or words it does not list). Choose a category for each and it is read again with them; saving keeps them for the next import.",
    scaleMark: (m: string) => `Meaning of "${m}"`,
    scaleChoose: "Choose",
    scaleRead: "Read again with these meanings",
    scaleBand: (label: string, cat: string, min: string | null, meaning: string) =>
      `${label}: ${cat}${min ? ` (${min} or more)` : ""}${meaning ? ` — ${meaning}` : ""}`,
    saved: {
      applied: "Read with the mapping saved for this municipality last time.",
      other_layout: "The saved mapping is for another layout and was not used.",
      corrected: "Read again with your corrections. Saving keeps this mapping for next time.",
      none: "Saving keeps this mapping for the next import.",
    } as Record<string, string>,
    fixed: "The standard 14-column layout: its columns are fixed and cannot be remapped.",
    remap: "Read again with this mapping",
    changed: (n: number) => `${n} column(s) changed (not read again yet).`,
    effectH: "Saving will",
    target: (m: string, y: string) => `Into: ${m}, ${y}`,
    effectNew: (y: string, added: number) => `Save ${y} as a new year (${added} added).`,
    effectReplace: (y: string, r: number, a: number, d: number) =>
      `Replace the stored ${y}: ${r} replaced, ${a} added, ${d} dropped.`,
    inReview: (n: number) => `The entries of ${n} submitted or approved rows are overwritten too.`,
    published: (y: string) =>
      `${y} is published and is not replaced by an import. To change a published value, use the correction of each KPI (with a reason, then republish).`,
    toSheet: "Open the evaluation sheet",
    notesH: "Notes on the reading",
  },
  profile: {
    heading: "Saved import settings",
    none: "No import settings are saved. Saving an import records here how its columns were read and what its rating marks mean; the next file of the same layout is read with them.",
    several: (n: number) =>
      `Settings are saved for ${n} layouts. Each file is read with the settings of its layout.`,
    title: (n: number | null, file: string, layout: string | null) =>
      `${n ? `${n}. ` : ""}Layout of "${file}"${layout ? ` (${layout})` : ""}`,
    from: (at: string, who: string) =>
      `Saved by ${who} on ${at}, importing this file. Files of the same layout are read with these settings.`,
    columnsCaption: "How the columns are read",
    col: "Column",
    colN: (table: number, col: number) => (table > 1 ? `table ${table}, column ${col}` : `column ${col}`),
    header: "Header",
    field: "Read as",
    scaleH: "What the rating marks mean",
    noScale: "No meanings of rating marks are saved (the file's legend is read).",
    forget: "Delete these settings",
    confirm: (file: string) =>
      `Delete the import settings saved for the layout of "${file}"? The next import of that layout is read from the file's own headers and legend.`,
    forgotten: (file: string) =>
      `The import settings for the layout of "${file}" were deleted. The next import of that layout is read from the file's own headers and legend.`,
  },
  printed: {
    heading: "As printed on the sheet",
    baseline: "Baseline",
    direction: "Direction",
    unit: "Unit",
    rate: "Achievement rate (printed)",
    comments: "Committee comments",
    yearsCaption: "Targets and actuals by year, as printed side by side",
    printedIn: (year: string) => `Printed on the ${year} sheet (this year was not imported)`,
  },
  sheet: {
    numericGoalsH: "Numeric goals (per basic goal)",
    numericGoalsNote: "The numeric goals the sheet printed per basic goal (kept apart from the KPIs).",
    goal: "Basic goal",
    indicator: "Numeric goal",
    baseline: "Baseline",
    actual: "Actual",
    finalTarget: "Final target",
    evaluation: "Evaluation (printed)",
    scaleH: "Evaluation scale (the sheet's legend)",
  },
};

export const IMPORT_DICTS = { ja, en };
export const useImportText = () => IMPORT_DICTS[useI18n().lang];
