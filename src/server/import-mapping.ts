/**
 * The mapping profile around a web or CLI import: the layout's fingerprint (so that a saved profile
 * is used only for the layout it was confirmed on), the saved profile made reusable for next year
 * (its years dropped: next year's headers print other years), the user's corrections merged into
 * what the reader recognised, and the mapping as the preview shows it.
 */
import type { z } from "zod";
import type { mappingSchema } from "../core/api/imports.ts";
import { FIELD_CHOICES, FIELD_JA, type Field } from "../sheet/field.ts";
import type { ImportProfile } from "../sheet/profile-types.ts";
import type { Recognised } from "./importer.ts";

type Mapping = z.infer<typeof mappingSchema>;

/** A header without its years and spacing: 令和5年度実績値 and 令和6年度実績値 are one layout. */
const headerKey = (h: string | undefined) =>
  (h ?? "")
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/(令和|平成|昭和|R|H)?[0-9元]+(年度|年)?/gi, "#");

/**
 * The layout a reading came from: its kind and every named column's header (years left out).
 * Columns without a name are left out: a reading lists an empty one no more, and a fingerprint
 * saved when it did (「|1:12=」) is compared without them (`sameLayout`).
 */
export function layoutFingerprint(r: Pick<Recognised, "layout" | "columns">): string {
  const named = r.columns.filter((c) => headerKey(c.header) !== "");
  return [r.layout, ...named.map((c) => `${c.table ?? 1}:${c.col}=${headerKey(c.header)}`)].join("|");
}

const sameLayout = (saved: string, r: Pick<Recognised, "layout" | "columns">) =>
  saved.replace(/\|\d+:\d+=(?=\||$)/g, "") === layoutFingerprint(r);

/** What is stored for the municipality: the reading as confirmed, without the confidence. */
export function profileToSave(r: Recognised): ImportProfile {
  return {
    layout: r.layout === "json" ? undefined : r.layout,
    fiscalYear: r.fiscalYear ?? null,
    headerRows: r.headerRows ?? [],
    columns: r.columns.map(({ confidence: _c, ...c }) => c),
    scale: r.scale ?? null,
  } as ImportProfile;
}

/**
 * The saved profile as given to next year's import: the columns' meanings. The evaluated year and
 * the columns' years are left to the reader (they change every year), and so is the scale: a legend
 * printed with next year's file is read (a city may change its thresholds); the saved scale reads
 * only a file that prints none, and the report says so (savedScale, savedScaleIssue).
 */
export function reusableProfile(saved: ImportProfile): ImportProfile {
  return {
    ...(saved.layout ? { layout: saved.layout } : {}),
    columns: (saved.columns ?? []).map(({ year: _y, ...c }) => c),
  };
}

/** Whether the saved profile reads anything differently from the reader alone (else it needs no re-read). */
export function changesReading(saved: ImportProfile, r: Recognised): boolean {
  return (saved.columns ?? []).some(
    (s) => r.columns.find((c) => c.col === s.col && (c.table ?? 1) === (s.table ?? 1))?.field !== s.field,
  );
}

const FIELDS = new Set(Object.keys(FIELD_JA));

/**
 * The user's corrections laid over what was recognised: the profile to read the file again with.
 * An unknown field or a column the sheet does not have is refused, naming it.
 */
export function correctedProfile(
  r: Recognised,
  corrections: { table?: number | undefined; col: number; field: string }[],
  fiscalYear?: number,
): { profile: ImportProfile } | { error: string } {
  if (fiscalYear !== undefined && !(r.yearSheets ?? []).some((y) => y.fiscalYear === fiscalYear))
    return { error: `${fiscalYear}年度のシートはこのファイルにありません` };
  for (const c of corrections) {
    if (!FIELDS.has(c.field)) return { error: `${c.col}列目: 「${c.field}」という項目はありません` };
    if (!r.columns.some((x) => x.col === c.col && (x.table ?? 1) === (c.table ?? 1)))
      return { error: `表${c.table ?? 1}に${c.col}列目はありません` };
  }
  // The columns given now and those given before (certain); the others are left to the reader.
  const columns = r.columns.flatMap(({ confidence, ...c }) => {
    const fix = corrections.find((x) => x.col === c.col && (x.table ?? 1) === (c.table ?? 1));
    if (fix) return [{ ...c, field: fix.field as Field, year: fix.field === c.field ? c.year : null }];
    return confidence === "certain" ? [c] : [];
  });
  return {
    profile: {
      ...(r.layout === "json" ? {} : { layout: r.layout }),
      ...(fiscalYear !== undefined ? { fiscalYear } : {}),
      columns,
      ...(r.scale ? { scale: r.scale } : {}),
    },
  };
}

/**
 * How a municipality's saved profiles bear on a reading: `applied` when one was saved for the file's
 * layout (`reread`: read again with it, when it reads anything differently), `other_layout` when
 * profiles are saved but none for this layout, `none` when nothing is saved.
 */
export function savedProfileUse(
  stored: readonly { profile: Record<string, unknown>; fingerprint: string }[],
  r: Recognised | undefined,
): { state: "applied" | "other_layout" | "none"; reread: ImportProfile | null } {
  if (stored.length === 0 || !r) return { state: "none", reread: null };
  const mine = stored.find((s) => sameLayout(s.fingerprint, r));
  if (!mine) return { state: "other_layout", reread: null };
  const profile = mine.profile as ImportProfile;
  return { state: "applied", reread: changesReading(profile, r) ? reusableProfile(profile) : null };
}

/** The mapping as the preview shows it. */
export function presentMapping(
  r: Recognised | undefined,
  savedProfile: Mapping["savedProfile"],
  scaleSaved = false,
): Mapping {
  return {
    layout: r?.layout ?? "json",
    fiscalYear: r?.fiscalYear ?? null,
    headerRows: r?.headerRows ?? [],
    columns: (r?.columns ?? []).map((c) => ({
      table: c.table ?? 1,
      col: c.col,
      header: c.header ?? "",
      field: c.field,
      year: c.year ?? null,
      confidence: c.confidence,
    })),
    scale: r?.scale ?? null,
    savedProfile,
    ...(scaleSaved ? { scaleSaved } : {}),
    correctable: r?.layout === "table" && r.columns.length > 0,
    ...(r?.yearSheets ? { yearSheets: r.yearSheets } : {}),
    fields: FIELD_CHOICES,
  };
}
