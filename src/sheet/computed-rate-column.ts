/**
 * A column whose header no rule knows (or none) holding percentages that are, KPI by KPI, the achievement rate its
 * own figures give — actual ÷ target, target ÷ actual (a KPI to lower), or the progress from the baseline
 * (actual − baseline) ÷ (target − baseline) — is the printed rate: the figures say what the name does not. Asked of
 * the reading (every KPI's values read), at least two KPIs agreeing and none disagreeing; kept as is otherwise.
 */
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import { readRate } from "./general-values.ts";
import type { ImportProfile } from "./profile-types.ts";
import type { ImportIssue } from "./types.ts";

const num = (v: Value | undefined): number | null => (v?.kind === "number" ? v.value : null);

/** The rates a KPI's figures give (as ratios), each as a sheet prints it rounded to 0.1%. */
function ratesOf(k: Kpi): number[] {
  const a = num(k.actual);
  const b = num(k.baseline);
  const out: number[] = [];
  for (const t of [num(k.target), num(k.finalTarget)]) {
    if (a === null || t === null) continue;
    if (t !== 0) out.push(a / t);
    if (a !== 0) out.push(t / a);
    if (b !== null && t !== b) out.push((a - b) / (t - b));
  }
  return out;
}

/** Agrees when some rate the figures give rounds to the printed one (to a tenth of a percent, or a whole one). */
const agrees = (printed: number, k: Kpi) =>
  ratesOf(k).some(
    (r) => Math.abs(r - printed) < 0.0006 || Math.abs(Math.round(r * 100) / 100 - printed) < 1e-9,
  );

export function computedRateColumn(sheet: Sheet, profile: ImportProfile, issues: ImportIssue[]): void {
  if (sheet.kpis.some((k) => k.printedRate !== undefined && k.printedRate !== null)) return;
  const headers = new Set(sheet.kpis.flatMap((k) => (k.extras ?? []).map((e) => e.header)));
  const found: string[] = [];
  for (const header of headers) {
    const cells = sheet.kpis.flatMap((k) => {
      const e = k.extras?.find((x) => x.header === header);
      return e ? [{ k, rate: readRate(e.text), text: e.text }] : [];
    });
    // Every cell a percentage or a dash (「-」 where nothing could be computed).
    if (cells.some((c) => c.rate === undefined || (c.rate !== null && !/[%％]$/.test(squash(c.text)))))
      continue;
    const judged = cells.filter((c) => c.rate !== null && ratesOf(c.k).length > 0);
    if (judged.length < 2 || !judged.every((c) => agrees(c.rate!, c.k))) continue;
    found.push(header);
  }
  if (found.length !== 1) return;
  const header = found[0]!;
  for (const k of sheet.kpis) {
    const e = k.extras?.find((x) => x.header === header);
    if (!e) continue;
    k.printedRate = readRate(e.text) ?? null;
    k.extras = k.extras!.filter((x) => x !== e);
  }
  for (const c of profile.columns ?? [])
    if ((c.header === header || `${c.col}列目` === header) && c.field === "extra") c.field = "rate";
  issues.push({
    row: null,
    column: header,
    kind: "column_read_by_content",
    before: "その他(そのまま保持)",
    after: "達成率",
    confidence: "medium",
    message: `列「${header}」は見出しから意味が分かりませんが、どの百分率も各指標の実績値と目標値から計算した達成率と一致するため達成率として読んだ。違う場合は --profile で指定してください`,
  });
}
