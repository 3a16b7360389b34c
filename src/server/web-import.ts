/**
 * The web import's two reading steps, kept out of the route handlers: read the upload (with the
 * municipality's saved mapping when the layout is the one it was confirmed on), or read it again
 * with the user's corrected mapping; then say what saving would do. Nothing is saved here.
 */
import type { z } from "zod";
import type { importPreviewSchema } from "../core/api/kpis.ts";
import { SoseiError } from "../core/errors.ts";
import type { EvaluationScale } from "../core/sheet.ts";
import { savedScaleIssue } from "../sheet/import-profile.ts";
import type { ImportOptions } from "../sheet/import-sheet.ts";
import type { ImportProfile } from "../sheet/profile-types.ts";
import type { ImportOutcome } from "../sheet/types.ts";
import { presentMapping, savedProfileUse } from "./import-mapping.ts";
import { presentImportReport, recognisedOf } from "./importer.ts";
import { presentYear } from "./presenters.ts";
import { type Services, savedScale } from "./services.ts";

type Preview = z.infer<typeof importPreviewSchema>;
type SavedState = Preview["mapping"]["savedProfile"];

/**
 * Reads the upload with `options`; a file that is not a sheet is refused, naming why. Rating marks
 * no legend in the file explains (the legend in a text box, on a page not uploaded) are read with
 * the scale saved for the municipality, when one was saved with an earlier year's import.
 */
async function read(services: Services, bytes: Uint8Array, fileName: string, options: ImportOptions) {
  // No actual can be of a later fiscal year than today (a bare year counted in the wrong era).
  const readWith = (o: ImportOptions) =>
    services.importSheet(bytes, fileName, { ...o, today: services.clock.now() });
  let outcome: ImportOutcome = await readWith(options);
  if (!outcome.ok && outcome.error.code === "scale_unknown" && !options.scale && !options.profile?.scale) {
    const scale = await savedScale(services);
    if (scale) {
      outcome = await readWith({ ...options, scale });
      if (outcome.ok) outcome.report.issues.push(savedScaleIssue(scale));
    }
  }
  if (!outcome.ok)
    throw new SoseiError("import_failed", `${fileName} を読み込めませんでした: ${outcome.error.message}`, {
      report: presentImportReport(outcome),
      // Marks no legend explains: the import page asks what each means and sends the file again with them.
      ...(outcome.error.labels ? { scaleLabels: outcome.error.labels } : {}),
    });
  return { outcome, recognised: recognisedOf(outcome.report, outcome.sheet, options.profile) };
}

/**
 * Reads an upload. With `corrected`, that mapping is used as given; otherwise the municipality's
 * saved mapping is used when the file's layout is the one it was saved for.
 */
export async function readUpload(
  services: Services,
  upload: { bytes: Uint8Array; fileName: string; userId: string; scale?: EvaluationScale | null },
  corrected: ImportProfile | null = null,
): Promise<Preview> {
  const { bytes, fileName, userId } = upload;
  // A scale the user gave (what each mark means, asked when the file prints no legend).
  const given = upload.scale ? { scale: upload.scale } : {};
  let { outcome, recognised } = await read(services, bytes, fileName, {
    ...given,
    ...(corrected ? { profile: corrected } : {}),
  });
  // Which municipality: a sheet naming another city than the server's is refused here, naming both.
  const municipality = await services.store.importTarget(outcome.sheet);
  let saved: SavedState = "corrected";
  if (!corrected) {
    const use = savedProfileUse(await services.store.importProfiles(municipality), recognised);
    saved = use.state;
    if (use.reread)
      ({ outcome, recognised } = await read(services, bytes, fileName, { ...given, profile: use.reread }));
  }
  const sheet = outcome.sheet;
  const effect = await services.store.previewImport(sheet, userId);
  const token = services.newToken();
  services.pendingImports.add(token, {
    sheet,
    fileName,
    userId,
    bytes,
    recognised,
  });
  const existing = await services.store.year(sheet.fiscalYear);
  return {
    token,
    fileName,
    fiscalYear: sheet.fiscalYear,
    municipality: effect.municipality,
    kpiCount: sheet.kpis.length,
    numericGoalCount: sheet.numericGoals?.length ?? 0,
    replaces: existing ? presentYear(existing) : null,
    report: presentImportReport(outcome),
    mapping: presentMapping(
      recognised,
      saved,
      outcome.report.issues.some((i) => i.kind === "scale_saved"),
    ),
    effect: {
      municipality: effect.municipality,
      fiscalYear: effect.fiscalYear,
      exists: effect.exists,
      published: effect.published,
      replaced: effect.replaced,
      added: effect.added,
      dropped: effect.dropped,
      inReview: effect.inReview,
      message: effect.message,
    },
  };
}
