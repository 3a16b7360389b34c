/**
 * The mapping profile: what the reader recognised (column → field, header rows, evaluated year,
 * scale), shown in the import report; a corrected profile given with the import (--profile FILE)
 * overrides what the reader would recognise.
 */
import type { EvaluationScale } from "../core/sheet.ts";
import { FIELD_JA, type Field } from "./column-fields.ts";
import type { FoundHeader } from "./find-header.ts";
import { type ImportIssue, NotASheet } from "./types.ts";

export interface ProfileColumn {
  /** Which table of the sheet (1-based; a sheet may print several, e.g. 数値目標 and KPIs). */
  table?: number;
  /** 1-based column. */
  col: number;
  header?: string;
  field: Field;
  year?: number | null;
}

export interface ImportProfile {
  layout?: "seed" | "table" | "cards";
  fiscalYear?: number | null;
  headerRows?: number[];
  columns?: ProfileColumn[];
  scale?: EvaluationScale | null;
}

const FIELDS = new Set(Object.keys(FIELD_JA));

/** A profile file's JSON, checked at the edge. */
export function parseProfile(json: unknown): ImportProfile {
  const bad = (why: string): never => {
    throw new NotASheet("invalid_profile", `プロファイルが正しくありません: ${why}`);
  };
  if (typeof json !== "object" || json === null || Array.isArray(json))
    bad("JSON オブジェクトではありません");
  const p = json as Record<string, unknown>;
  const out: ImportProfile = {};
  if (p.fiscalYear !== undefined && p.fiscalYear !== null) {
    if (!Number.isInteger(p.fiscalYear) || (p.fiscalYear as number) < 1900 || (p.fiscalYear as number) > 2200)
      bad("fiscalYear は 1900〜2200 の整数です");
    out.fiscalYear = p.fiscalYear as number;
  }
  if (p.columns !== undefined) {
    if (!Array.isArray(p.columns)) bad("columns は配列です");
    out.columns = (p.columns as unknown[]).map((c, i) => {
      const o = c as Record<string, unknown>;
      if (typeof o !== "object" || o === null || !Number.isInteger(o.col) || (o.col as number) < 1)
        bad(`columns[${i}].col は1以上の整数です`);
      if (typeof o.field !== "string" || !FIELDS.has(o.field))
        bad(`columns[${i}].field「${String(o.field)}」は未知です(${[...FIELDS].join(", ")})`);
      return {
        col: o.col as number,
        field: o.field as Field,
        ...(Number.isInteger(o.table) ? { table: o.table as number } : {}),
        ...(Number.isInteger(o.year) ? { year: o.year as number } : {}),
      };
    });
  }
  if (p.scale !== undefined && p.scale !== null) out.scale = p.scale as EvaluationScale;
  return out;
}

/** The header with the profile's columns applied (each change reported). */
export function applyProfile(
  h: FoundHeader,
  profile: ImportProfile | null,
  issues: ImportIssue[],
): FoundHeader {
  if (!profile?.columns) return h;
  const columns = h.columns.map((c, i) => {
    const p = profile.columns!.find((x) => x.col === i + 1);
    if (!p || p.field === c.field) return c;
    issues.push({
      row: null,
      column: c.header || `${i + 1}列目`,
      kind: "profile_applied",
      before: FIELD_JA[c.field],
      after: FIELD_JA[p.field],
      confidence: "certain",
      message: "指定されたプロファイルで列の意味を変更",
    });
    return { ...c, field: p.field, period: p.year ? { year: p.year, basis: "fiscal" as const } : c.period };
  });
  return { ...h, columns };
}
