/**
 * The mapping profiles confirmed for a municipality's imports (column → field, scale, header rows,
 * evaluated year), one per layout it imports, keyed by the layout's fingerprint: a city that imports
 * a KPI table and project cards keeps both. Confirming an import of a layout replaces that layout's
 * profile, with an audit-log row. The profile and the fingerprint are opaque here (src/sheet writes
 * the profile, server/import-mapping.ts the fingerprint); nothing here creates a municipality.
 */
import { and, desc, eq } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import { stableJson } from "../../core/matching/canonical.ts";
import type { Db } from "../db.ts";
import { importProfiles, municipalities } from "../schema.ts";
import { type AuditContext, writeAudit } from "./audit.ts";

export type ImportProfileRecord = typeof importProfiles.$inferSelect;

async function municipalityId(db: Db, name: string): Promise<string | null> {
  const [m] = await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.name, name));
  return m?.id ?? null;
}

/** Every profile saved for `municipality` (by name), the most recently confirmed first. */
export async function profilesOf(db: Db, municipality: string): Promise<ImportProfileRecord[]> {
  const id = await municipalityId(db, municipality);
  if (!id) return [];
  return db
    .select()
    .from(importProfiles)
    .where(eq(importProfiles.municipalityId, id))
    .orderBy(desc(importProfiles.updatedAt), importProfiles.fingerprint);
}

export interface SaveProfileInput {
  municipality: string;
  profile: Record<string, unknown>;
  fingerprint: string;
  source: string | null;
}

/** Saves (replaces) the municipality's profile of that layout; unchanged content writes nothing. */
export async function saveProfile(
  db: Db,
  input: SaveProfileInput,
  ctx: AuditContext,
): Promise<ImportProfileRecord> {
  const id = await municipalityId(db, input.municipality);
  if (!id)
    throw new SoseiError(
      "not_found",
      `自治体「${input.municipality}」は保存されていません / municipality not stored`,
    );
  const key = and(eq(importProfiles.municipalityId, id), eq(importProfiles.fingerprint, input.fingerprint));
  const [before] = await db.select().from(importProfiles).where(key);
  // Through JSON: jsonb keeps no undefined (nor key order, hence stableJson below).
  const profile = JSON.parse(JSON.stringify(input.profile)) as Record<string, unknown>;
  if (before && stableJson(before.profile) === stableJson(profile)) return before;
  const row = {
    municipalityId: id,
    profile,
    fingerprint: input.fingerprint,
    source: input.source,
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.actor,
  };
  const [after] = await db
    .insert(importProfiles)
    .values(row)
    .onConflictDoUpdate({ target: [importProfiles.municipalityId, importProfiles.fingerprint], set: row })
    .returning();
  await writeAudit(db, ctx, {
    entity: "import_profile",
    entityId: id,
    action: before ? "update" : "create",
    before: before ?? null,
    after: row,
  });
  return after!;
}

/**
 * Forgets the municipality's profile of one layout (`fingerprint`), or all of them (planning found
 * one wrong, or the city changed its layout): the next import of that layout is read as recognised.
 * How many were forgotten (0 when none was saved); an audit-log row keeps each.
 */
export async function deleteProfiles(
  db: Db,
  municipality: string,
  ctx: AuditContext,
  fingerprint?: string,
): Promise<number> {
  const id = await municipalityId(db, municipality);
  if (!id) return 0;
  const mine = eq(importProfiles.municipalityId, id);
  const gone = await db
    .delete(importProfiles)
    .where(fingerprint === undefined ? mine : and(mine, eq(importProfiles.fingerprint, fingerprint)))
    .returning();
  for (const before of gone)
    await writeAudit(db, ctx, {
      entity: "import_profile",
      entityId: id,
      action: "delete",
      before,
      after: null,
    });
  return gone.length;
}
