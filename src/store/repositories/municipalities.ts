/**
 * Which municipality a command or a server is about. Nothing here creates one: a municipality is
 * created only when an administrator names it (import --municipality on an empty database).
 */
import { asc, eq } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import type { Db } from "../db.ts";
import { municipalities } from "../schema.ts";

export type MunicipalityRecord = typeof municipalities.$inferSelect;

export async function listMunicipalities(db: Db): Promise<MunicipalityRecord[]> {
  return db.select().from(municipalities).orderBy(asc(municipalities.name));
}

/**
 * The named municipality, or the only one stored when none is named. Refuses an unknown name
 * (listing the stored ones), an empty database and, without a name, a database holding several.
 */
export async function resolveMunicipality(db: Db, name?: string | null): Promise<MunicipalityRecord> {
  const wanted = name?.trim();
  if (wanted) {
    const [found] = await db.select().from(municipalities).where(eq(municipalities.name, wanted));
    if (found) return found;
    const all = await listMunicipalities(db);
    throw new SoseiError(
      "not_found",
      `自治体「${wanted}」は保存されていません${all.length ? `（保存済み: ${all.map((m) => m.name).join("、")}）` : ""} / municipality not stored`,
    );
  }
  const all = await listMunicipalities(db);
  if (all.length === 1) return all[0]!;
  if (all.length === 0)
    throw new SoseiError(
      "not_found",
      "自治体がまだありません。先にシートを取り込んでください（sosei import FILE --save --municipality NAME） / no municipality stored yet",
    );
  throw new SoseiError(
    "ambiguous_municipality",
    `複数の自治体があります（--municipality で指定してください: ${all.map((m) => m.name).join("、")}） / several municipalities: name one`,
  );
}
