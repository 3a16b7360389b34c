/**
 * `sosei year open YEAR` starts a fiscal year from the plan (every KPI as a draft, actuals empty);
 * `sosei year status YEAR` lists who has not submitted. Refusals (a year that exists, a year outside
 * the plan) exit 2 with one line, like any bad input.
 */
import { SoseiError } from "../../core/errors.ts";
import { type FiscalYear, fiscalYearToWareki } from "../../core/period.ts";
import { cliActor, createServicesFromCli } from "../../server/services.ts";
import { missingSubmissions, openYear } from "../../store/index.ts";
import { parseCliArgs } from "../args.ts";
import type { CliIo, Command } from "../command.ts";

const usage = `usage: sosei year open YEAR [--municipality NAME] [--deadline YYYY-MM-DD] [--data-dir DIR]
       sosei year status YEAR [--municipality NAME] [--data-dir DIR]
  open    start fiscal year YEAR from the plan: its KPIs, departments, final targets and that year's
          targets; actuals empty; every row a draft. Refused when the year exists or lies outside the plan.
  status  per department, the KPIs not yet submitted (draft or returned), and the entry deadline.
  --municipality is needed only when the database holds several.`;

const REFUSALS = new Set([
  "year_exists",
  "year_outside_plan",
  "plan_empty",
  "invalid_deadline",
  "invalid_year",
  "not_found",
  "ambiguous_municipality",
]);

const yearText = (fy: number) => `${fiscalYearToWareki(fy as FiscalYear)}（${fy}年度）`;

function parseYear(text: string | undefined): number {
  const fy = Number(text);
  if (!text || !Number.isInteger(fy) || fy < 1900 || fy > 2200)
    throw new SoseiError(
      "usage_error",
      `年度を西暦で指定してください（例: sosei year open 2023） / YEAR is required\n${usage}`,
    );
  return fy;
}

export const command: Command = {
  name: "year",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      { municipality: { type: "string" }, deadline: { type: "string" }, "data-dir": { type: "string" } },
      usage,
    );
    const [action, yearArg, ...rest] = positionals;
    if ((action !== "open" && action !== "status") || rest.length > 0)
      throw new SoseiError("usage_error", `sosei year open|status YEAR\n${usage}`);
    const fiscalYear = parseYear(yearArg);
    const services = await createServicesFromCli(values, io.stderr);
    try {
      if (action === "open") {
        const r = await openYear(
          services.db,
          { fiscalYear, municipality: values.municipality, entryDeadline: values.deadline },
          { actor: cliActor(), clock: services.clock, ids: services.ids },
        );
        io.stdout(
          `${r.municipality} ${yearText(r.fiscalYear)}を開始しました / opened: ${r.rows}件（すべて下書き、実績は空欄）` +
            `${r.fromYear ? `、行の順序は${yearText(r.fromYear)}から` : ""}\n` +
            `計画: ${r.planName}\n` +
            (r.entryDeadline
              ? `入力期限: ${r.entryDeadline}\n`
              : "入力期限: 未設定（--deadline YYYY-MM-DD）\n") +
            (r.withoutTarget.length
              ? `年度目標が未設定のKPI ${r.withoutTarget.length}件（戦略の編集で設定してください）: ${r.withoutTarget.slice(0, 5).join("、")}${r.withoutTarget.length > 5 ? " …" : ""}\n`
              : ""),
        );
        return 0;
      }
      printStatus(
        io,
        await missingSubmissions(services.db, { fiscalYear, municipality: values.municipality }),
      );
      return 0;
    } catch (e) {
      if (e instanceof SoseiError && REFUSALS.has(e.code)) {
        io.stderr(`sosei: ${e.message} [${e.code}]\n`);
        return 2;
      }
      throw e;
    } finally {
      await services.close();
    }
  },
};

function printStatus(io: CliIo, p: Awaited<ReturnType<typeof missingSubmissions>>) {
  const lines = [`${p.municipality} ${yearText(p.fiscalYear)} 入力期限: ${p.entryDeadline ?? "未設定"}`];
  for (const d of p.departments) {
    const mark = d.pending.length === 0 ? "提出済み" : `未提出 ${d.pending.length}件`;
    lines.push(`  ${d.department}: ${d.submitted}/${d.total} ${mark}`);
    for (const k of d.pending)
      lines.push(`    行${k.row} ${k.indicator}${k.state === "returned" ? "（差戻し）" : ""}`);
  }
  io.stdout(`${lines.join("\n")}\n`);
}
