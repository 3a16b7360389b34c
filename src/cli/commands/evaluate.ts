/**
 * `sosei evaluate FILE [--rules RULES.json] [--format text|json]`: evaluates every KPI of a sheet
 * (any format the importer reads) and audits the stated categories. Text (Japanese, the default:
 * meant for a terminal) or JSON (`SheetEvaluation`, src/core/evaluation/types.ts).
 */

import { readFile } from "node:fs/promises";
import { systemClock } from "../../core/clock.ts";
import { SoseiError } from "../../core/errors.ts";
import { evaluateSheet } from "../../core/evaluation/evaluate.ts";
import { DEFAULT_RULES, safeParseRules } from "../../core/evaluation/rules.ts";
import { formatEvaluationText } from "../../core/evaluation/text-report.ts";
import type { Rules } from "../../core/evaluation/types.ts";
import { importSheetFile } from "../../sheet/index.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const usage = `Usage: sosei evaluate FILE [--rules RULES.json] [--format text|json]

Evaluates every KPI of the sheet in FILE (any format \`sosei import\` reads): direction,
achievement rate, category under the rules, agreement with the stated category, progress to
the final target, and a summary per 大基本目標 and 担当課.

  --rules FILE    evaluation rules (JSON): {"onTrack": 1.0, "mostlyOnTrack": 0.8}, or bands with
                  labels, a formula (ratio | progress_from_baseline | prorated), directions and
                  baselines; examples in fixtures/rules/. Default: 100% / 80%.
  --format F      text (default, a report in Japanese) or json`;

async function readRules(path: string): Promise<Rules> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new SoseiError(
      "invalid_rules",
      `${path}: cannot read the rules file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const r = safeParseRules(text);
  if (!r.ok) throw new SoseiError("invalid_rules", `${path}: ${r.message}`);
  return r.rules;
}

export const command: Command = {
  name: "evaluate",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      { rules: { type: "string" }, format: { type: "string" } },
      usage,
    );
    if (positionals.length !== 1)
      throw new SoseiError("usage_error", `expected one FILE, got ${positionals.length}\n${usage}`);
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json")
      throw new SoseiError("usage_error", `--format must be text or json, not '${format}'\n${usage}`);
    const rules = values.rules ? await readRules(values.rules) : DEFAULT_RULES;

    const path = positionals[0]!;
    const result = await importSheetFile(path, { today: systemClock.now() });
    if (!result.ok) {
      io.stderr(`sosei: ${path}: ${result.error.message} [${result.error.code}]\n`);
      return 2;
    }
    const evaluation = evaluateSheet(result.sheet, rules);
    io.stdout(
      format === "json" ? `${JSON.stringify(evaluation, null, 2)}\n` : formatEvaluationText(evaluation),
    );
    return 0;
  },
};
