/**
 * `sosei parse-value TEXT [--year 2022] [--basis fiscal|calendar]`: reads one value cell the way
 * the importer does and prints it as sheet/1 `value` JSON.
 */
import { type Clock, systemClock } from "../../core/clock.ts";
import { SoseiError } from "../../core/errors.ts";
import {
  type Basis,
  calendarYearOf,
  fiscalYearOf,
  formatPeriodJa,
  type Period,
  readPeriod,
} from "../../core/period.ts";
import { parseValue } from "../../core/value/parse-value.ts";
import { parseCliArgs } from "../args.ts";
import type { CliIo, Command } from "../command.ts";

const usage = `Usage: sosei parse-value TEXT [--year 2022|令和4年度|R4] [--basis fiscal|calendar]

Reads one value cell (target / actual / final target) and prints it as sheet/1 "value" JSON.
--year and --basis give the period of the column the cell sits in (default: the current fiscal
year); a period written in the cell overrides it. Text starting with "-" goes after "--".`;

function columnPeriod(year: string | undefined, basis: string | undefined): Period | null {
  if (basis !== undefined && basis !== "fiscal" && basis !== "calendar")
    throw new SoseiError(
      "usage_error",
      `--basis must be fiscal or calendar, not '${basis}' (see sosei parse-value --help)`,
    );
  const b = basis as Basis | undefined;
  if (year === undefined) return null;
  const t = year.normalize("NFKC").trim();
  if (/^\d{4}$/.test(t)) return { year: Number(t), basis: b ?? "fiscal" };
  const r = readPeriod(t, b ?? "fiscal");
  if (r.kind !== "period")
    throw new SoseiError("usage_error", `--year: cannot read '${year}' as a year (e.g. 2022, 令和4年度, R4)`);
  const explicit = /年度|年/.test(t);
  if (b && explicit && r.period.basis !== b)
    throw new SoseiError("usage_error", `--year '${year}' says ${r.period.basis} but --basis says ${b}`);
  return { year: r.period.year, basis: b ?? r.period.basis };
}

/** The command, with the clock that gives "now" when --year is not given. */
export function parseValueCommand(clock: Clock): Command {
  return {
    name: "parse-value",
    usage,
    async run(args: string[], io: CliIo): Promise<number> {
      const { values, positionals } = parseCliArgs(
        args,
        { year: { type: "string" }, basis: { type: "string" } },
        usage,
      );
      if (positionals.length !== 1)
        throw new SoseiError(
          "usage_error",
          `parse-value takes one TEXT, got ${positionals.length} (see sosei parse-value --help)`,
        );
      const text = positionals[0]!;
      let column = columnPeriod(values.year, values.basis);
      if (!column) {
        const now = clock.now();
        column =
          values.basis === "calendar"
            ? { year: calendarYearOf(now), basis: "calendar" }
            : { year: fiscalYearOf(now), basis: "fiscal" };
        io.stderr(`note: no --year; the column's period is taken as now: ${formatPeriodJa(column)}\n`);
      }
      const r = parseValue(text, column);
      if (!r.ok) {
        io.stderr(`sosei: ${r.problem.messageEn} / ${r.problem.message} [${r.problem.code}]\n`);
        return 2;
      }
      io.stdout(`${JSON.stringify(r.value, null, 2)}\n`);
      return 0;
    },
  };
}

export const command: Command = parseValueCommand(systemClock);
