/**
 * Where an import goes, and what it would do, before anything is written.
 * - importMunicipality: a server (or a CLI run) works for one municipality. A sheet naming none is
 *   saved into it — never into a new 「未設定」; a sheet naming another city is refused with both names.
 * - previewImport: runs the save inside a transaction that is rolled back, so the preview states
 *   exactly which year and how many rows would be replaced, added and dropped. A published year is
 *   never replaced by an import: the preview says so and points to correction (訂正).
 */
import { eq } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import type { Sheet } from "../../core/sheet.ts";
import type { Db } from "../db.ts";
import { listMunicipalities } from "../repositories/municipalities.ts";
import { kpiYears, type ReviewState } from "../schema.ts";
import { findSheet } from "./export-sheet.ts";
import { type SaveSheetOptions, type SaveSheetResult, saveSheet } from "./save-sheet.ts";

const same = (a: string, b: string) =>
  a.normalize("NFKC").replace(/\s+/g, "") === b.normalize("NFKC").replace(/\s+/g, "");

/**
 * The municipality an import is saved into. `server`: the one this server or command works for
 * (else the only one stored). With none stored, the sheet's own name (or `server`) is used; a sheet
 * naming none into an empty database is refused (the admin names the city once).
 */
export async function importMunicipality(
  db: Db,
  sheet: Pick<Sheet, "municipality">,
  server?: string | null,
): Promise<string> {
  const named = sheet.municipality?.trim() || null;
  let target = server?.trim() || null;
  if (!target) {
    const all = await listMunicipalities(db);
    if (all.length === 1) target = all[0]!.name;
    else if (all.length > 1) {
      // A sheet naming its city is explicit enough in a database of several (national data).
      if (named) return all.find((m) => same(m.name, named))?.name ?? named;
      throw new SoseiError(
        "ambiguous_municipality",
        `複数の自治体があります。取り込み先を指定してください（${all.map((m) => m.name).join("、")}）`,
      );
    }
  }
  if (!target) {
    if (named) return named;
    throw new SoseiError(
      "invalid_municipality",
      "シートに自治体名がありません。取り込み先の自治体名を指定してください（--municipality 伊勢崎市） / name the municipality",
      { field: "municipality", kind: "missing" },
    );
  }
  if (named && !same(named, target))
    throw new SoseiError(
      "invalid_municipality",
      `このシートは「${named}」のものです。このサーバーは「${target}」のものなので取り込めません / the sheet is ${named}'s, this server is ${target}'s`,
      { field: "municipality", kind: "mismatch", sheet: named, server: target },
    );
  return target;
}

export interface ImportPreview {
  municipality: string;
  fiscalYear: number;
  /** The year is stored already (an import replaces it). */
  exists: boolean;
  /** The year is published: an import would be refused; correct it instead. */
  published: boolean;
  replaced: number;
  added: number;
  dropped: number;
  /** Rows of the stored year that are past draft (submitted, approved): their entries are overwritten. */
  inReview: number;
  /** One sentence for the person deciding. */
  message: string;
  matches: SaveSheetResult["matches"] | null;
}

class Rollback extends Error {
  constructor(readonly preview: Omit<ImportPreview, "message" | "published" | "municipality">) {
    super("rollback");
  }
}

async function yearRows(db: Db, municipality: string, fiscalYear: number) {
  try {
    const found = await findSheet(db, { municipality, fiscalYear });
    return await db
      .select({ kpiId: kpiYears.kpiId, state: kpiYears.reviewState })
      .from(kpiYears)
      .where(eq(kpiYears.sheetId, found.sheet.id));
  } catch (e) {
    if (e instanceof SoseiError && e.code === "not_found") return null;
    throw e;
  }
}

export async function previewImport(
  db: Db,
  sheet: Sheet,
  options: SaveSheetOptions & { municipality: string },
): Promise<ImportPreview> {
  const fy = sheet.fiscalYear;
  const municipality = options.municipality;
  const before = await yearRows(db, municipality, fy);
  const published = (before ?? []).some((r) => r.state === "published");
  const inReview = (before ?? []).filter((r) =>
    (["submitted", "approved"] as ReviewState[]).includes(r.state),
  ).length;
  if (published)
    return {
      municipality,
      fiscalYear: fy,
      exists: true,
      published: true,
      replaced: 0,
      added: 0,
      dropped: 0,
      inReview,
      matches: null,
      message: `${municipality}の${fy}年度は公表済みのため、取り込みでは置き換えません。公表済みの値を直すには、KPIごとに訂正（理由を記録して再公表）を使ってください。`,
    };
  let result: Omit<ImportPreview, "message" | "published" | "municipality">;
  try {
    await db.transaction(async (tx0) => {
      const tx = tx0 as unknown as Db;
      const saved = await saveSheet(tx, sheet, options);
      const after = (await yearRows(tx, municipality, fy)) ?? [];
      const old = new Set((before ?? []).map((r) => r.kpiId));
      const now = new Set(after.map((r) => r.kpiId));
      throw new Rollback({
        fiscalYear: fy,
        exists: before !== null,
        replaced: [...now].filter((k) => old.has(k)).length,
        added: [...now].filter((k) => !old.has(k)).length,
        dropped: [...old].filter((k) => !now.has(k)).length,
        inReview,
        matches: saved.matches,
      });
    });
    throw new Error("unreachable: preview transaction committed");
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    result = e.preview;
  }
  const message = result.exists
    ? `${municipality}の${fy}年度（保存済み）を置き換えます: ${result.replaced}件を置き換え、${result.added}件を追加、${result.dropped}件を削除${
        result.inReview ? `（うち提出・承認済み${result.inReview}件の入力も上書きされます）` : ""
      }。`
    : `${municipality}の${fy}年度として新しく保存します: ${result.added}件を追加。`;
  return { ...result, municipality, published: false, message };
}
