/**
 * What the city's sheet printed for this KPI beyond the 14 standard columns (sheet/1 extensions):
 * the baseline with its period, the printed direction, unit and achievement rate, every year the
 * sheet printed side by side (earlier actuals and per-year targets), committee comments and the
 * columns kept as extra fields. Nothing shows for a sheet that printed none of them.
 */
import type { KpiDetail, PrintedYearEntry } from "../../../src/core/api/index.ts";
import type { Value } from "../../../src/core/sheet.ts";
import { formatRate, formatValueJa, formatValueWithPeriod } from "../../../src/core/value/format.ts";
import { ValueCell } from "../components.tsx";
import { formatYear } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { useImportText } from "../i18n-import.ts";

type Kpi = KpiDetail["row"]["kpi"];

export function KpiPrintedSection({ kpi }: { kpi: Kpi }) {
  const { t, lang } = useI18n();
  const p = useImportText().printed;
  const years = kpi.years ?? [];
  const extras = kpi.extras ?? [];
  const facts: [string, string][] = [];
  if (kpi.baseline && kpi.baseline.kind !== "missing")
    facts.push([p.baseline, formatValueWithPeriod(kpi.baseline as Value)]);
  if (kpi.direction) facts.push([p.direction, kpi.direction.label]);
  if (kpi.unit) facts.push([p.unit, kpi.unit]);
  if (kpi.printedRate !== undefined && kpi.printedRate !== null)
    facts.push([p.rate, formatRate(kpi.printedRate)]);
  if (kpi.comments) facts.push([p.comments, kpi.comments]);
  for (const x of extras) facts.push([x.header, x.text]);
  if (facts.length === 0 && years.length === 0) return null;
  const cell = (v: Value) => (v.kind === "missing" ? "—" : formatValueJa(v));
  return (
    <section aria-labelledby="printed-h">
      <h2 id="printed-h">{p.heading}</h2>
      {facts.length > 0 ? (
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {years.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{p.yearsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.year}</th>
                <th scope="col">{t.target}</th>
                <th scope="col">{t.actual}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{formatYear(y.year, lang)}</th>
                  <td>{cell(y.target as Value)}</td>
                  <td>{cell(y.actual as Value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/**
 * A row of the KPI's history table for an earlier year a later sheet printed in its year columns:
 * its target and actual at their own periods, marked as printed (not a stored year, no evaluation).
 */
export function PrintedYearRow({ entry }: { entry: PrintedYearEntry }) {
  const { lang } = useI18n();
  const p = useImportText().printed;
  const column = { year: entry.year, basis: "fiscal" } as const;
  return (
    <tr className="printed-year">
      {/* The year stays on one line; the note under it wraps (a phone's column is narrow). */}
      <th scope="row">
        <span className="nowrap">{formatYear(entry.year, lang)}</span>
        <span className="cell-period">{p.printedIn(formatYear(entry.printedIn, lang))}</span>
      </th>
      <ValueCell value={entry.target as Value} column={column} />
      <ValueCell value={entry.actual as Value} column={column} />
      <td className="num">—</td>
      <td>—</td>
      <td>—</td>
    </tr>
  );
}
