/**
 * The evaluated year from the month a sheet's targets were set for (目標年月 「H28.3」, 「平成28年3月」),
 * when neither a header nor the title prints a year: the national 先行型 report dates every target
 * 「H28.3」 — the end of fiscal 2015, the year whose results it reports.
 */
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

const ERA: Record<string, number> = { H: 1988, 平成: 1988, R: 2018, 令和: 2018 };

/** 「H28.3」, 「平成28年3月」, 「2016年3月」 → the fiscal year (April–March) the month falls in. */
export function fiscalYearOfMonth(text: string): number | null {
  const t = squash(text).normalize("NFKC");
  const era = /^(H|平成|R|令和)\s?(元|\d{1,2})[./年](\d{1,2})月?末?$/.exec(t);
  const western = /^((?:19|20)\d{2})[./年](\d{1,2})月?末?$/.exec(t);
  const year = era
    ? ERA[era[1]!]! + (era[2] === "元" ? 1 : Number(era[2]))
    : western
      ? Number(western[1])
      : null;
  const month = Number(era?.[3] ?? western?.[2] ?? 0);
  if (year === null || month < 1 || month > 12) return null;
  return month <= 3 ? year - 1 : year;
}

/** The one fiscal year every filled 目標年月 cell names (null when none, or when they differ). */
export function fiscalYearFromTargetMonths(
  segments: readonly { header: FoundHeader; rows: readonly { row: SourceRow }[] }[],
  issues: ImportIssue[],
): number | null {
  const years = new Set<number>();
  let column = "";
  for (const seg of segments)
    seg.header.columns.forEach((c, col) => {
      if (!/目標(年?月|時期)|達成時期/.test(squash(c.header))) return;
      column = c.header;
      for (const x of seg.rows) {
        const cell = x.row.cells[col] ?? "";
        const fy = squash(cell) === "" ? null : fiscalYearOfMonth(cell);
        if (fy !== null) years.add(fy);
      }
    });
  if (years.size !== 1) return null;
  const fy = [...years][0]!;
  issues.push({
    row: null,
    column,
    kind: "fiscal_year_from_target_month",
    before: null,
    after: String(fy),
    confidence: "medium",
    message: `実績の列にも表題にも年度がないため、目標年月(${fy}年度末)の年度を評価年度とした`,
  });
  return fy;
}

/**
 * The national grant a 先行型 report is of (「地域活性化・地域住民生活等緊急支援交付金(地方創生先行型)」) was
 * budgeted once, in the 平成26年度補正予算, and spent in 平成27年度: a report on it is of fiscal 2015
 * even when the page prints no year at all (no 目標年月, a title without its year). Reported.
 */
export function fiscalYearOfSenkouGrant(sheetTexts: readonly string[], issues: ImportIssue[]): number | null {
  const t = sheetTexts.find((x) =>
    /地方創生先行型|地域活性化・地域住民生活等緊急支援交付金/.test(squash(x).normalize("NFKC")),
  );
  if (!t) return null;
  issues.push({
    row: null,
    column: "表題",
    kind: "fiscal_year_from_grant",
    before: t.slice(0, 40),
    after: "2015",
    confidence: "medium",
    message:
      "実績の列にも表題にも年度がないため、地方創生先行型の交付金(平成26年度補正、平成27年度に執行)の年度 2015年度を評価年度とした",
  });
  return 2015;
}
