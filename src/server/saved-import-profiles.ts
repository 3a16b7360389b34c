/**
 * The import mappings saved for a municipality, one per layout it imports, as the import page
 * (routes/import-profile.ts) and `sosei profile` show and forget them: confirming an import saves its
 * layout's mapping, and the next file of that layout is read with it — a wrong column meaning or a
 * wrongly chosen mark would come back every year unless it can be seen and forgotten.
 */
import type { SavedImportProfile as SavedImportProfileView } from "../core/api/index.ts";
import type { EvaluationScale } from "../core/sheet.ts";
import { FIELD_CHOICES } from "../sheet/field.ts";
import type { ImportProfile } from "../sheet/profile-types.ts";
import { importProfiles, users } from "../store/index.ts";
import type { CoreServices } from "./core-services.ts";
import type { WebStore } from "./store-adapter.ts";

/** What these need of the services (not services.ts's type: it re-exports this module). */
type Services = Pick<CoreServices, "db" | "clock" | "ids"> & {
  store: Pick<WebStore, "importTarget" | "importProfiles">;
};

/**
 * `municipality` as given (the CLI's --municipality), else the server's (the configured one, or the
 * only one stored); none when that is not one.
 */
async function profileTarget(services: Services, municipality?: string): Promise<string | null> {
  return services.store.importTarget({ municipality: municipality ?? null }).catch(() => null);
}

/**
 * The scale saved with the municipality's import mappings, if any (`municipality` as given, else the
 * one the server imports for; none when that is not one): the most recently confirmed mapping's that
 * has one. A scale is the city's, not a layout's (its table and its cards print the same marks), and
 * a file refused for marks it does not explain has no layout read to choose by. Used by the web
 * import and `sosei import --save`.
 */
export async function savedScale(services: Services, municipality?: string): Promise<EvaluationScale | null> {
  const target = await profileTarget(services, municipality);
  const saved = target ? await services.store.importProfiles(target) : [];
  const scales = saved.map((s) => (s.profile as ImportProfile).scale);
  return scales.find((s): s is EvaluationScale => !!s) ?? null;
}

/** The saved profiles as the import page shows them, the most recently confirmed first. */
export async function savedImportProfiles(
  services: Services,
  of?: string,
): Promise<SavedImportProfileView[]> {
  const municipality = await profileTarget(services, of);
  if (!municipality) return [];
  const saved = await importProfiles.profilesOf(services.db, municipality);
  const who = await users.usersByIds(services.db, [...new Set(saved.map((s) => s.updatedBy))]);
  const name = (id: string) => who.find((u) => u.id === id)?.displayName ?? id;
  return saved.map((s) => {
    const p = s.profile as ImportProfile;
    return {
      municipality,
      fingerprint: s.fingerprint,
      source: s.source,
      updatedAt: s.updatedAt.toISOString(),
      updatedBy: name(s.updatedBy),
      layout: p.layout ?? null,
      columns: (p.columns ?? []).map((c) => ({
        table: c.table ?? 1,
        col: c.col,
        header: c.header ?? "",
        field: c.field,
        year: c.year ?? null,
      })),
      scale: (p.scale as EvaluationScale | null | undefined) ?? null,
      fields: FIELD_CHOICES,
    };
  });
}

/** Forgets the saved profile of one layout (`fingerprint`), or all of them (audit-logged): how many. */
export async function forgetImportProfiles(
  services: Services,
  actor: string,
  options: { municipality?: string | undefined; fingerprint?: string | undefined } = {},
): Promise<number> {
  const municipality = await profileTarget(services, options.municipality);
  if (!municipality) return 0;
  const ctx = { actor, clock: services.clock, ids: services.ids };
  return importProfiles.deleteProfiles(services.db, municipality, ctx, options.fingerprint);
}
