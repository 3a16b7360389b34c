import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { systemClock } from "../../core/clock.ts";
import { SoseiError } from "../../core/errors.ts";
import type { EvaluationScale, Sheet } from "../../core/sheet.ts";
import {
  formatImportReport,
  type ImportOutcome,
  type ImportProfile,
  importSheetFile,
  parseProfile,
  parseScale,
  savedScaleIssue,
} from "../../sheet/index.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const usage = `usage: sosei import FILE [-o OUT.json] [--report REPORT.json] [--scale SCALE.json] [--profile PROFILE.json]
       sosei import FILE --save [--municipality NAME] [--match "row N=KPI_ID" ...] [--accept-uncertain] [--data-dir DIR]
  Reads one fiscal year's evaluation sheet (the published PDF, a PDF extractor's Markdown table, CSV in
  UTF-8, UTF-16 or Shift_JIS, XLSX, or sheet/1 JSON) in the city's own layout and writes it as sheet/1
  JSON to OUT (stdout unless -o or --save). The import report (counts, every repair and inference)
  goes to stderr; --report also writes it as JSON.
  --save stores the sheet in the database, all or nothing (PGlite in ./data, SOSEI_DATA_DIR or
  --data-dir; DATABASE_URL=postgres://… for PostgreSQL) and prints how its KPIs matched the stored
  ones; --match confirms a match by hand, --accept-uncertain takes the uncertain ones as matched.
  --scale gives the city's evaluation scale ({"bands":[{"label":"A","category":"on_track","min":1}, …]}
  or an evaluation rules file); --profile a corrected mapping (the report's "profile": columns →
  fields, fiscalYear, layout). With --save, a given mapping is saved for the municipality and reads
  its next files of the same layout by default (--profile overrides it).`;

/** A JSON file given with a flag, read through its checker; bad input is one line, exit 2. */
function readJsonFlag<T>(file: string, flag: string, check: (json: unknown) => T): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new SoseiError(
      "usage_error",
      `${flag} ${file} を JSON として読めません: ${(e as Error).message.split("\n")[0]}`,
    );
  }
  try {
    return check(json);
  } catch (e) {
    throw new SoseiError("usage_error", `${flag} ${file}: ${(e as Error).message}`);
  }
}

/** The sheet to -o (or stdout without --save), the report to --report and stderr. */
function writeOutputs(
  outcome: Extract<ImportOutcome, { ok: true }>,
  values: { output?: string | undefined; report?: string | undefined; save?: boolean | undefined },
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): void {
  const json = `${JSON.stringify(outcome.sheet, null, 2)}\n`;
  if (values.output) writeFileSync(values.output, json);
  else if (!values.save) io.stdout(json);
  if (values.report) writeFileSync(values.report, `${JSON.stringify(outcome.report, null, 2)}\n`);
  io.stderr(formatImportReport(outcome.report));
}

export const command: Command = {
  name: "import",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        output: { type: "string", short: "o" },
        report: { type: "string" },
        save: { type: "boolean", default: false },
        municipality: { type: "string" },
        match: { type: "string", multiple: true },
        "accept-uncertain": { type: "boolean", default: false },
        "data-dir": { type: "string" },
        scale: { type: "string" },
        profile: { type: "string" },
      },
      usage,
    );
    if (positionals.length !== 1)
      throw new SoseiError("usage_error", `取り込むファイルを一つ指定してください\n${usage}`);
    const file = positionals[0]!;
    const scale = values.scale ? readJsonFlag(values.scale, "--scale", parseScale) : null;
    const profile = values.profile ? readJsonFlag(values.profile, "--profile", parseProfile) : null;
    // No actual can be of a later fiscal year than today (a bare year counted in the wrong era).
    const today = systemClock.now();
    // Rating marks the file's legend does not explain (no legend printed with it): with --save, the
    // scale saved for the municipality by an earlier year's import reads them, and the report says so.
    let savedScale: EvaluationScale | null = null;
    // The database and its libraries load only for --save, and open once: the saved scale, the saved
    // mappings and the save share it.
    let opened: Opened | null = null;
    const open = async (): Promise<Opened> => {
      if (!opened) {
        const mapping = await import("../../server/services.ts");
        opened = { mapping, services: await mapping.createServicesFromCli(values, io.stderr) };
      }
      return opened;
    };
    try {
      const read = async (p: ImportProfile | null) => {
        const r = await importSheetFile(file, { scale: scale ?? savedScale, profile: p, today });
        if (r.ok && savedScale) r.report.issues.push(savedScaleIssue(savedScale));
        return r;
      };
      let first = await read(profile);
      if (!first.ok && first.error.code === "scale_unknown" && values.save && !scale && !profile?.scale) {
        const { mapping, services } = await open();
        savedScale = await mapping.savedScale(services, values.municipality);
        if (savedScale) first = await read(profile);
      }
      if (!first.ok) {
        io.stderr(`sosei: ${file}: ${first.error.message} [${first.error.code}]\n`);
        return 2;
      }
      let outcome: Extract<ImportOutcome, { ok: true }> = first;
      if (!values.save) {
        writeOutputs(outcome, values, io);
        return 0;
      }
      const [{ mapping, services }, { importMunicipality }, { overridesFromFlags }] = await Promise.all([
        open(),
        import("../../store/index.ts"),
        import("../../core/matching/match.ts"),
      ]);
      const { saveImportedSheet, recognisedOf } = mapping;
      // A sheet rarely names its city; --municipality fills it in so that exports and open data carry it.
      const withCity = (sheet: Sheet) =>
        values.municipality && !sheet.municipality ? { ...sheet, municipality: values.municipality } : sheet;
      const municipality = await importMunicipality(
        services.db,
        withCity(outcome.sheet),
        values.municipality ?? null,
      );
      let recognised = recognisedOf(outcome.report, outcome.sheet, profile);
      // Without --profile, the mapping saved for the municipality reads a file of its layout.
      let confirmed = profile !== null;
      if (!profile) {
        const stored = await services.store.importProfiles(municipality);
        const use = mapping.savedProfileUse(stored, recognised);
        if (use.state === "applied") {
          confirmed = true;
          io.stderr(`${municipality}の保存済みの対応付けで読み取りました / read with the saved mapping\n`);
        } else if (use.state === "other_layout")
          io.stderr(
            `保存済みの対応付けはほかの様式のもので、この様式のものはありません / the saved mappings are for other layouts\n`,
          );
        if (use.reread) {
          const again = await read(use.reread);
          if (!again.ok) {
            io.stderr(`sosei: ${file}: ${again.error.message} [${again.error.code}]\n`);
            return 2;
          }
          outcome = again;
          recognised = recognisedOf(outcome.report, outcome.sheet, use.reread);
        }
      }
      writeOutputs(outcome, values, io);
      const sheet = withCity(outcome.sheet);
      const saved = await saveImportedSheet(services, sheet, {
        municipality: values.municipality ?? sheet.municipality ?? null,
        matchOverrides: overridesFromFlags(values.match ?? []),
        acceptUncertain: values["accept-uncertain"],
        // A long save (thousands of KPIs) says how far it is, so that it does not look hung.
        onProgress: (done, total) => {
          if (done % 500 === 0) io.stderr(`保存中 / saving: ${done}/${total}\n`);
        },
        // A given (--profile) or the saved mapping becomes the municipality's, for next year.
        profile:
          confirmed && recognised.columns.length > 0
            ? {
                profile: { ...mapping.profileToSave(recognised) },
                fingerprint: mapping.layoutFingerprint(recognised),
                source: path.basename(file),
              }
            : null,
      });
      io.stderr(
        `${saved.text}\n保存しました / saved: ${saved.fiscalYear}年度 ${outcome.sheet.kpis.length}件${
          confirmed && recognised.columns.length > 0 ? `（列の対応付けを${municipality}の分として保存）` : ""
        }\n`,
      );
      return 0;
    } finally {
      // Assigned inside open(): TypeScript narrows `opened` to null here without the cast.
      await (opened as Opened | null)?.services.close();
    }
  },
};

type Mapping = typeof import("../../server/services.ts");
type Opened = { mapping: Mapping; services: Awaited<ReturnType<Mapping["createServicesFromCli"]>> };
