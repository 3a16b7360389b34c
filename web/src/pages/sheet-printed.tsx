/**
 * What the city's sheet printed apart from its KPIs, on the sheet page: the 数値目標 per 基本目標
 * (indicator, baseline, actual, final target, each with its period, written by the core's formatter)
 * and the evaluation scale of its legend. Nothing shows for a sheet that printed neither.
 */
import type { YearSheet } from "../../../src/core/api/index.ts";
import { statedLabelJa } from "../../../src/core/evaluation/stated-label.ts";
import type { StatedEvaluation, Value } from "../../../src/core/sheet.ts";
import { ValueCell } from "../components.tsx";
import { useImportText } from "../i18n-import.ts";
import { ScaleBands } from "./scale-bands.tsx";

const MISSING: Value = { kind: "missing" };

export function NumericGoalsSection({
  goals,
  fiscalYear,
}: {
  goals: YearSheet["numericGoals"];
  fiscalYear: number;
}) {
  const s = useImportText().sheet;
  if (goals.length === 0) return null;
  const column = { year: fiscalYear, basis: "fiscal" } as const;
  const evaluated = goals.some((g) => g.evaluation && g.evaluation.printed !== false);
  return (
    <section aria-labelledby="numeric-goals-h">
      <h2 id="numeric-goals-h">{s.numericGoalsH}</h2>
      <p className="muted small">{s.numericGoalsNote}</p>
      <div className="table-wrap">
        <table className="numeric-goals">
          <thead>
            <tr>
              <th scope="col">{s.goal}</th>
              <th scope="col">{s.indicator}</th>
              <th scope="col" className="num">
                {s.baseline}
              </th>
              <th scope="col" className="num">
                {s.actual}
              </th>
              <th scope="col" className="num">
                {s.finalTarget}
              </th>
              {evaluated ? <th scope="col">{s.evaluation}</th> : null}
            </tr>
          </thead>
          <tbody>
            {goals.map((g, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a goal may print the same indicator twice; the order is the sheet's
              <tr key={i}>
                <td>
                  {g.goal.no} {g.goal.title}
                </td>
                <th scope="row" className="indicator">
                  {g.indicator}
                </th>
                {/* The baseline and final target always name their period; the actual where it is not the year's. */}
                <ValueCell value={(g.baseline ?? MISSING) as Value} column={null} />
                <ValueCell value={g.actual as Value} column={column} />
                <ValueCell value={g.finalTarget as Value} column={null} />
                {evaluated ? (
                  <td>
                    {g.evaluation && g.evaluation.printed !== false
                      ? statedLabelJa(g.evaluation as StatedEvaluation)
                      : "—"}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ScaleLegend({ scale }: { scale: YearSheet["scale"] }) {
  const s = useImportText();
  if (!scale || scale.bands.length === 0) return null;
  return (
    <section aria-labelledby="scale-h">
      <h2 id="scale-h">{s.sheet.scaleH}</h2>
      <ScaleBands bands={scale.bands} className="plain scale-legend" />
    </section>
  );
}
