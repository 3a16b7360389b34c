/**
 * The city's scale for a table: the legend printed with it (below, above, in single-cell rows), of the
 * labels its evaluation column uses — of several legends in the same labels (必要性 4:… / 目的達成度 4:…)
 * the one naming the evaluation column — and the scale given with the import, which decides the labels it names.
 */
import type { EvaluationScale } from "../core/sheet.ts";
import { isEmpty, squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { headedLegendBlocks, isOtherColumnsLegend } from "./legend-blocks.ts";
import { readLegend } from "./read-legend.ts";
import { refuse } from "./refuse-reading.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/** A legend's last pair whose bracket never closes: 「…・−(平成30年度の現在値が、把握でき」. */
const CUT_PAIR =
  /(?:^|[\s、,，。:：・])([A-Za-zＡ-Ｚａ-ｚ][+＋]?|[◎○〇●◯△▲×][-−－―]?|[-−－―])\s*[(（][^()（）]{2,}$/u;

export function tableScale(
  segments: readonly { header: FoundHeader; rows: readonly SourceRow[] }[],
  legendTexts: readonly string[],
  given: EvaluationScale | null,
  issues: ImportIssue[],
): EvaluationScale | null {
  const legendLabels = new Set<string>();
  for (const s of segments)
    s.header.columns.forEach((c, col) => {
      if (c.field === "evaluation")
        for (const r of s.rows)
          if (!isEmpty(r.cells[col] ?? ""))
            // 「②地方創生に相当程度効果があった」: the legend lists the label without its number.
            for (const label of [
              r.cells[col]!.replace(/<br\s*\/?>/gi, "")
                .replace(/\s/g, "")
                .replace(/\(.*\)$/, ""),
            ])
              for (const l of [label, label.replace(/^[①-⑳]/, "")]) legendLabels.add(l);
    });
  // The legend may be printed above the table too (with the title lines).
  // Of several legends in the same labels (必要性 4:… / 目的達成度 4:…), the one naming the evaluation column first.
  const evalNames = segments.flatMap((s) =>
    s.header.columns
      .filter((c) => c.field === "evaluation")
      .map((c) =>
        squash(
          c.header
            .replace(/[\n\u2028]|<br\s*\/?>/gi, "")
            .split(/\s+/)
            .at(-1) ?? "",
        ),
      ),
  );
  // A legend headed on a line of its own (「【達成度】」 over 「A:…」 lines) is read joined under its heading, and
  // one headed by another column's name (「【方向性】」, its own A–D) is that column's scale, not the KPI's.
  const headerNames = (evaluation: boolean) =>
    segments.flatMap((s) =>
      s.header.columns.filter((c) => (c.field === "evaluation") === evaluation).map((c) => c.header),
    );
  const joined = headedLegendBlocks(legendTexts).filter(
    (t) => !isOtherColumnsLegend(t, headerNames(false), headerNames(true)),
  );
  const legendFirst = [...joined].sort(
    (a, b) =>
      Number(evalNames.some((n) => n !== "" && squash(b).startsWith(n))) -
      Number(evalNames.some((n) => n !== "" && squash(a).startsWith(n))),
  );
  const conflicts: { label: string; meanings: [string, string] }[] = [];
  const legend = readLegend(legendFirst, legendLabels, conflicts);
  // Two legends that give a label the evaluation column uses two meanings (施策評価 「A(計画通り)」 beside 数値目標評価
  // 「A(…基準値を超えている)」): which one the KPIs' letters follow is not known — refused, not one taken silently.
  const conflict = conflicts[0];
  if (conflict && !given)
    refuse(
      `凡例の二つの行が評価「${conflict.label}」を別の意味で説明しています(「${conflict.meanings[0].slice(0, 24)}」と「${conflict.meanings[1].slice(0, 24)}」)。` +
        "どちらがこの表の評価の凡例か分かりません",
    );
  // A legend line cut inside the bracket of a label the column uses and the scale lacks (「…・−(平成30年度の現在値が、
  // 把握でき」, printed past a page's edge): that label's meaning is not known — refused, not left out of the scale.
  const cut = legendFirst
    .map((t) => CUT_PAIR.exec(t.replace(/<br\s*\/?>/gi, " ").trim())?.[1])
    .find((l) => l && legendLabels.has(l) && !legend?.bands.some((b) => b.label === l));
  if (cut && !given)
    refuse(`凡例の評価「${cut}」の説明が括弧の途中で切れています。その評価の意味が分かりません`);
  const scale = given ? givenWithLegend(given, legend) : legend;
  if (scale && !given)
    issues.push({
      row: null,
      column: "凡例",
      kind: "scale_from_legend",
      before: scale.source.slice(0, 80),
      after: scale.bands
        .map((b) => `${b.label}→${b.category}${b.min !== null ? `(${Math.round(b.min * 100)}%以上)` : ""}`)
        .join(" "),
      confidence: "high",
      message: "表の下の評価基準(凡例)を市の評価尺度として読み取り",
    });

  return scale;
}

/**
 * A scale given with the import (`--scale`, the meanings the import page asked for, the saved scale)
 * with the file's own legend beside it: the given bands decide the labels they name, the legend the
 * rest. The import page asks only for the labels no legend explains (a word the reader does not know
 * beside a legend of A/B/C); the answer must not unlearn what the legend says.
 */
export function givenWithLegend(given: EvaluationScale, legend: EvaluationScale | null): EvaluationScale {
  const named = new Set(given.bands.map((b) => squash(b.label)));
  const rest = (legend?.bands ?? []).filter((b) => !named.has(squash(b.label)));
  return rest.length === 0 ? given : { ...given, bands: [...given.bands, ...rest] };
}
