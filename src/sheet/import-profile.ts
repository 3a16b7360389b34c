/**
 * The mapping profile: what the reader recognised (column → field, header rows, evaluated year,
 * scale), shown in the import report; a corrected profile given with the import (--profile FILE)
 * overrides what the reader would recognise.
 */
import type { EvaluationScale } from "../core/sheet.ts";
import { FIELD_JA, type Field } from "./field.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportProfile } from "./profile-types.ts";
import { type ImportIssue, NotASheet } from "./types.ts";

export type { ImportProfile, ProfileColumn } from "./profile-types.ts";

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

const CATEGORIES = new Set(["on_track", "mostly_on_track", "delayed", "not_evaluable"]);

/**
 * A scale given with the import (--scale FILE): `{ bands: [{ label, category, min?, meaning? }] }`
 * — the evaluation rules' format (fixtures/rules/*.json, its notEvaluable label included) is accepted too.
 */
export function parseScale(json: unknown): EvaluationScale {
  const bad = (why: string): never => {
    throw new NotASheet("invalid_scale", `評価尺度のファイルが正しくありません: ${why}`);
  };
  const o = json as {
    bands?: unknown;
    notEvaluable?: { label?: unknown };
    formula?: unknown;
    basis?: unknown;
  };
  if (typeof o !== "object" || o === null || !Array.isArray(o.bands) || o.bands.length === 0)
    bad("bands(配列)が必要です");
  const bands = (o.bands as Record<string, unknown>[]).map((b, i) => {
    if (typeof b?.label !== "string" || b.label === "") bad(`bands[${i}].label がありません`);
    if (typeof b.category !== "string" || !CATEGORIES.has(b.category))
      bad(`bands[${i}].category は ${[...CATEGORIES].join(" / ")} のいずれかです`);
    const min = typeof b.min === "number" ? b.min : null;
    return {
      label: b.label as string,
      category: b.category as EvaluationScale["bands"][number]["category"],
      min,
      meaning: typeof b.meaning === "string" ? b.meaning : "",
    };
  });
  if (typeof o.notEvaluable?.label === "string")
    bands.push({ label: o.notEvaluable.label, category: "not_evaluable", min: null, meaning: "" });
  const basis =
    o.formula === "progress_from_baseline" || o.basis === "progress_from_baseline"
      ? "progress_from_baseline"
      : "ratio";
  return { bands, basis, source: "--scale" };
}

/** The header with the profile's columns applied (each change reported). */
export function applyProfile(
  h: FoundHeader,
  profile: ImportProfile | null,
  issues: ImportIssue[],
  table: number,
): FoundHeader {
  if (!profile?.columns) return h;
  const columns = h.columns.map((c, i) => {
    // A column without `table` belongs to the first table.
    const p = profile.columns!.find((x) => x.col === i + 1 && (x.table ?? 1) === table);
    if (!p) return c;
    if (p.field === c.field) return { ...c, confirmed: true };
    issues.push({
      row: null,
      column: c.header || `${i + 1}列目`,
      kind: "profile_applied",
      before: FIELD_JA[c.field],
      after: FIELD_JA[p.field],
      confidence: "certain",
      message: "指定されたプロファイルで列の意味を変更",
    });
    return {
      ...c,
      confirmed: true,
      field: p.field,
      period: p.year ? { year: p.year, basis: "fiscal" as const } : c.period,
    };
  });
  return { ...h, columns };
}

/**
 * Said in the import report when the saved scale read the marks of a file that prints no legend: the
 * meanings come from an earlier year's import, not from this file (the user sees which, and can forget them).
 */
export const savedScaleIssue = (scale: EvaluationScale): ImportIssue => ({
  row: null,
  column: "凡例",
  kind: "scale_saved",
  before: null,
  after: scale.bands.map((b) => `${b.label}→${b.category}`).join(" "),
  confidence: "medium",
  message:
    "このファイルには評価の記号の意味（凡例）がないため、前回の取り込みで保存した評価基準で読み取りました（保存された取り込み設定で確認・削除できます）",
});
