/**
 * A `SheetEvaluation` as a plain-text report in Japanese (what `sosei evaluate` prints by
 * default): header with the fiscal year, one line per KPI, the disagreements with their
 * sentences, and the summary. Rates with one decimal.
 */
import { fiscalYear, formatFiscalYearJa } from "../period.ts";
import { CATEGORY_LABELS_JA, type Category } from "../sheet.ts";
import { formatRate } from "./explain.ts";
import type {
  CategoryCounts,
  Direction,
  KpiEvaluation,
  Rules,
  SheetEvaluation,
  SummaryGroup,
} from "./types.ts";

/** Display width: East Asian wide characters count 2. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}
const padEnd = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => " ".repeat(Math.max(0, n - width(s))) + s;

const ARROW: Record<Direction, string> = { increase: "↑", decrease: "↓", maintain: "→" };
const MARK = (agrees: boolean | null) => (agrees === true ? "✔" : agrees === false ? "✖" : "－");

const FORMULA_JA: Record<Rules["formula"], string> = {
  ratio: "達成率＝実績÷目標（減少を目指す指標は目標÷実績、維持は実績≧目標で100%）",
  progress_from_baseline: "基準値からの進捗率＝(実績−基準値)÷(目標−基準値)",
  prorated: "按分目標（基準値から最終目標まで年数で按分）に対する達成率",
};

const RATE_HEADER: Record<Rules["formula"], string> = {
  ratio: "達成率",
  progress_from_baseline: "進捗率",
  prorated: "達成率",
};

function bandsText(rules: Rules): string {
  const parts = rules.bands.map((b) => {
    const name =
      b.label === CATEGORY_LABELS_JA[b.category]
        ? b.label
        : `${b.label}（${CATEGORY_LABELS_JA[b.category]}）`;
    return b.min === null ? `${name} それ未満` : `${name} ${formatRate(b.min)}以上`;
  });
  parts.push(`${rules.notEvaluable.label} 算出不可`);
  return parts.join(" / ");
}

function countsText(c: CategoryCounts): string {
  return (Object.keys(c) as Category[]).map((k) => `${CATEGORY_LABELS_JA[k]}${c[k]}`).join("・");
}

function groupText(g: SummaryGroup): string {
  return `${g.total}件  記載: ${countsText(g.stated)}  算出: ${countsText(g.computed)}  一致${g.agree}・不一致${g.disagree}・照合不可${g.cannotCheck}`;
}

function kpiLine(k: KpiEvaluation): string {
  const dir = `${ARROW[k.direction]}${k.directionInferred ? "*" : " "}`;
  const computed = k.computedBasis === "rule" ? `${k.computedLabel}†` : k.computedLabel;
  const notes = k.notes.length > 0 ? `  [${k.notes.join(", ")}]` : "";
  return [
    padStart(String(k.row), 3),
    dir,
    padStart(formatRate(k.achievementRate), 7),
    padStart(formatRate(k.progressToFinal.rate), 7),
    padEnd(computed, 16),
    padEnd(CATEGORY_LABELS_JA[k.stated] + (k.covid ? "(コロナ)" : ""), 22),
    MARK(k.agrees),
    ` ${k.indicator}${notes}`,
  ].join(" ");
}

export function formatEvaluationText(e: SheetEvaluation): string {
  const out: string[] = [];
  out.push(
    `KPI評価 ${formatFiscalYearJa(fiscalYear(e.fiscalYear))}${e.municipality ? ` ${e.municipality}` : ""}`,
  );
  out.push(`基準: ${e.rules.name ? `${e.rules.name} — ` : ""}${FORMULA_JA[e.rules.formula]}`);
  out.push(`区分: ${bandsText(e.rules)}`);
  out.push(
    "方向: ↑増加 ↓減少 →維持（*は指標名から推定）  †は実績0で達成とする規則による  照合: ✔一致 ✖不一致 －照合不可",
  );
  out.push("");
  out.push(
    [
      padStart("行", 3),
      "方向",
      padStart(RATE_HEADER[e.rules.formula], 7),
      padStart("最終比", 7),
      padEnd("算出", 16),
      padEnd("記載", 22),
      "照合",
      "指標",
    ].join(" "),
  );
  for (const k of e.kpis) out.push(kpiLine(k));
  const differing = e.kpis.filter((k) => k.agrees !== true);
  out.push("");
  out.push(`不一致・照合不可（${differing.length}件）`);
  if (differing.length === 0) out.push("  なし");
  for (const k of differing)
    out.push(`  ${MARK(k.agrees)} 行${k.row} ${k.indicator}: ${k.explanation?.ja ?? ""}`);
  out.push("");
  out.push("集計");
  out.push(`  全体 ${groupText(e.summary.all)}`);
  out.push("  大基本目標別");
  for (const g of e.summary.byGoal) out.push(`    ${g.no} ${g.title}: ${groupText(g)}`);
  out.push("  担当課別");
  for (const d of e.summary.byDepartment) out.push(`    ${d.department}: ${groupText(d)}`);
  return `${out.join("\n")}\n`;
}
