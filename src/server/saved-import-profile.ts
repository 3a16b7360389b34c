/**
 * The import mapping saved for the server's municipality, as planning sees it and forgets it
 * (routes/import-profile.ts): confirming an import saves it, and next year's file of the same layout
 * is read with it — a wrong column meaning or a wrongly chosen mark would come back every year unless
 * it can be seen and forgotten.
 */
import type { SavedImportProfile } from "../core/api/index.ts";
import type { EvaluationScale } from "../core/sheet.ts";
import { FIELD_JA } from "../sheet/field.ts";
import type { ImportProfile } from "../sheet/index.ts";
import { importProfiles, users } from "../store/index.ts";
import type { Services } from "./services.ts";

/** The server's municipality (the only one stored, or the configured one); none when that is not one. */
async function target(services: Services): Promise<string | null> {
  return services.store.importTarget({ municipality: null }).catch(() => null);
}

/** The saved profile as the import page shows it, or null when none is saved. */
export async function savedImportProfile(services: Services): Promise<SavedImportProfile | null> {
  const municipality = await target(services);
  const saved = municipality ? await importProfiles.profileOf(services.db, municipality) : null;
  if (!municipality || !saved) return null;
  const p = saved.profile as ImportProfile;
  const [who] = await users.usersByIds(services.db, [saved.updatedBy]);
  return {
    municipality,
    source: saved.source,
    updatedAt: saved.updatedAt.toISOString(),
    updatedBy: who?.displayName ?? saved.updatedBy,
    layout: p.layout ?? null,
    columns: (p.columns ?? []).map((c) => ({
      table: c.table ?? 1,
      col: c.col,
      header: c.header ?? "",
      field: c.field,
      year: c.year ?? null,
    })),
    scale: (p.scale as EvaluationScale | null | undefined) ?? null,
    fields: Object.entries(FIELD_JA).map(([field, label]) => ({ field, label })),
  };
}

/** Forgets the saved profile (audit-logged); false when none was saved. */
export async function forgetImportProfile(services: Services, actor: string): Promise<boolean> {
  const municipality = await target(services);
  if (!municipality) return false;
  return importProfiles.deleteProfile(services.db, municipality, {
    actor,
    clock: services.clock,
    ids: services.ids,
  });
}
