/**
 * The mapping profile confirmed for a municipality's imports (column → field, scale, header rows,
 * evaluated year) and the layout fingerprint it belongs to. One per municipality: confirming an
 * import with a profile replaces the previous one, with an audit-log row. The profile is opaque here
 * (src/sheet reads and writes it); nothing here creates a municipality.
 */
import { eq } from "drizzle-orm";
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

/** The profile saved for `municipality` (by name), or null. */
export async function profileOf(db: Db, municipality: string): Promise<ImportProfileRecord | null> {
  const id = await municipalityId(db, municipality);
  if (!id) return null;
  const [p] = await db.select().from(importProfiles).where(eq(importProfiles.municipalityId, id));
  return p ?? null;
}

export interface SaveProfileInput {
  municipality: string;
  profile: Record<string, unknown>;
  fingerprint: string;
  source: string | null;
}

/** Saves (replaces) the municipality's profile; unchanged content writes nothing. */
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
  const [before] = await db.select().from(importProfiles).where(eq(importProfiles.municipalityId, id));
  // Through JSON: jsonb keeps no undefined (nor key order, hence stableJson below).
  const profile = JSON.parse(JSON.stringify(input.profile)) as Record<string, unknown>;
  if (
    before &&
    before.fingerprint === input.fingerprint &&
    stableJson(before.profile) === stableJson(profile)
  )
    return before;
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
    .onConflictDoUpdate({ target: importProfiles.municipalityId, set: row })
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
 * Forgets the municipality's profile (planning found it wrong, or the city changed its layout): the
 * next import is read as recognised. False when none was saved; an audit-log row keeps what it was.
 */
export async function deleteProfile(db: Db, municipality: string, ctx: AuditContext): Promise<boolean> {
  const id = await municipalityId(db, municipality);
  if (!id) return false;
  const [before] = await db.delete(importProfiles).where(eq(importProfiles.municipalityId, id)).returning();
  if (!before) return false;
  await writeAudit(db, ctx, {
    entity: "import_profile",
    entityId: id,
    action: "delete",
    before,
    after: null,
  });
  return true;
}
