import { useEffect, useState } from "react";
import type { Row, YearSheet } from "../../../src/core/api/index.ts";
import type { Category, Value } from "../../../src/core/sheet.ts";
import {
  CategoryBadge,
  ErrorNote,
  Link,
  Loading,
  StateBadge,
  ValueCell,
  YearSelect,
} from "../components.tsx";
import { CorrectionNote } from "../correction-note.tsx";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { useImportText } from "../i18n-import.ts";
import { navigate } from "../router.ts";
import { useSession } from "../session.ts";
import { useSelectedYear } from "./dashboard.tsx";
import { NumericGoalsSection, ScaleLegend } from "./sheet-printed.tsx";

const CATS: Category[] = ["on_track", "mostly_on_track", "delayed", "not_evaluable"];

export function SheetPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { printed } = useImportText();
  const { years, user } = useSession();
  const year = useSelectedYear(query);
  // The period of the target and actual columns (令和N年度目標値 / 実績値).
  const column = year ? ({ year, basis: "fiscal" } as const) : null;
  const [q, setQ] = useState(query.get("q") ?? "");
  useEffect(() => setQ(query.get("q") ?? ""), [query]);
  const params = new URLSearchParams();
  for (const k of ["goal", "department", "evaluation", "disagreement", "q"]) {
    const v = query.get(k);
    if (v) params.set(k, v);
  }
  const { data, error } = useApi<YearSheet>(year ? `/api/years/${year}/kpis?${params}` : null);
  // A 基準値 column only for a sheet that printed baselines (the seed's layout has none).
  const baselines = (data?.rows ?? []).some((r) => r.kpi.baseline && r.kpi.baseline.kind !== "missing");
  const { data: allRows } = useApi<{ rows: Row[] }>(year ? `/api/years/${year}/kpis` : null);
  const goals = [...new Map((allRows?.rows ?? []).map((r) => [r.kpi.goal.no, r.kpi.goal.title])).entries()];
  const departments = [...new Set((allRows?.rows ?? []).flatMap((r) => r.kpi.departments))].sort();

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    if (year) next.set("year", String(year));
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    navigate(`/sheet?${next}`);
  };

  return (
    <>
      <h1>{t.sheet}</h1>
      {!user ? <p className="muted">{t.publicNote}</p> : null}
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet in React's JSX types */}
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q });
        }}
      >
        {years.length > 0 ? (
          <YearSelect years={years} value={year} onChange={(y) => go({ year: String(y) })} />
        ) : null}
        <div className="field inline">
          <label htmlFor="f-goal">{t.goal}</label>
          <select id="f-goal" value={query.get("goal") ?? ""} onChange={(e) => go({ goal: e.target.value })}>
            <option value="">{t.all}</option>
            {goals.map(([no, title]) => (
              <option key={no} value={no}>
                {no} {title}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="f-dept">{t.department}</label>
          <select
            id="f-dept"
            value={query.get("department") ?? ""}
            onChange={(e) => go({ department: e.target.value })}
          >
            <option value="">{t.all}</option>
            {departments.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="f-eval">{t.evaluation}</label>
          <select
            id="f-eval"
            value={query.get("evaluation") ?? ""}
            onChange={(e) => go({ evaluation: e.target.value })}
          >
            <option value="">{t.all}</option>
            {CATS.map((c) => (
              <option key={c} value={c}>
                {t.categories[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline checkbox">
          <input
            id="f-dis"
            type="checkbox"
            checked={query.get("disagreement") === "1"}
            onChange={(e) => go({ disagreement: e.target.checked ? "1" : "" })}
          />
          <label htmlFor="f-dis">{t.disagreementOnly}</label>
        </div>
        <div className="field inline">
          <label htmlFor="f-q">{t.search}</label>
          <input
            id="f-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t.searchPlaceholder}
          />
          <button type="submit">{t.filter}</button>
        </div>
      </form>
      <ErrorNote error={error} />
      {!data && !error ? <Loading /> : null}
      {data ? (
        <>
          <p role="status">
            {data.rows.length}
            {t.results}
          </p>
          <div className="table-wrap">
            <table className="sheet-table">
              <caption className="sr-only">{t.sheet}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.goal}</th>
                  <th scope="col">{t.measure}</th>
                  <th scope="col">{t.indicator}</th>
                  {baselines ? (
                    <th scope="col" className="num">
                      {printed.baseline}
                    </th>
                  ) : null}
                  <th scope="col" className="num">
                    {t.target}
                  </th>
                  <th scope="col" className="num">
                    {t.actual}
                  </th>
                  <th scope="col" className="num">
                    {t.finalTarget}
                  </th>
                  <th scope="col">{t.evaluation}</th>
                  <th scope="col">{t.computed}</th>
                  <th scope="col">{t.department}</th>
                  {user ? <th scope="col">{t.state}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.id} className={r.disagreement ? "disagree" : undefined}>
                    <td>
                      {r.kpi.goal.no} {r.kpi.goal.title}
                    </td>
                    <td>{r.kpi.measure.title}</td>
                    <th scope="row" className="indicator">
                      <Link to={`/kpi/${r.id}`}>{r.kpi.indicator}</Link>
                      <CorrectionNote row={r} />
                    </th>
                    {baselines ? (
                      <ValueCell value={(r.kpi.baseline ?? { kind: "missing" }) as Value} column={null} />
                    ) : null}
                    <ValueCell value={r.kpi.target} column={column} />
                    <ValueCell value={r.kpi.actual} column={column} />
                    <ValueCell value={r.kpi.finalTarget} column={null} />
                    <td>
                      <CategoryBadge category={r.kpi.evaluation.category} covid={r.kpi.evaluation.covid} />
                    </td>
                    <td>
                      <CategoryBadge category={r.computed} />
                    </td>
                    <td>{r.kpi.departments.join("、")}</td>
                    {user ? (
                      <td>
                        <StateBadge state={r.state} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <NumericGoalsSection
            goals={data.numericGoals.filter(
              (g) => !query.get("goal") || String(g.goal.no) === query.get("goal"),
            )}
            fiscalYear={year ?? 0}
          />
          <ScaleLegend scale={data.scale} />
        </>
      ) : null}
    </>
  );
}
