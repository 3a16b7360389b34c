import { useMemo } from "react";
import type { Dashboard } from "../../../src/core/api/index.ts";
import type { Category } from "../../../src/core/sheet.ts";
import { formatNumberJa } from "../../../src/core/value/format.ts";
import { Chart } from "../chart.tsx";
import { CategoryBadge, ErrorNote, Link, Loading, YearSelect } from "../components.tsx";
import { CATEGORY_COLORS, formatYear } from "../format.ts";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { navigate } from "../router.ts";
import { useSession } from "../session.ts";

const CATS: Category[] = ["on_track", "mostly_on_track", "delayed", "not_evaluable"];

export function useSelectedYear(query: URLSearchParams): number | null {
  const { years } = useSession();
  const q = Number(query.get("year"));
  if (q && years.some((y) => y.fiscalYear === q)) return q;
  return years.at(-1)?.fiscalYear ?? null;
}

export function DashboardPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const { years, user } = useSession();
  const year = useSelectedYear(query);
  const { data, error } = useApi<Dashboard>(year ? `/api/years/${year}/dashboard` : null);

  const option = useMemo(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        inverse: true,
        data: data.goals.map((g) => `${g.no} ${g.title}`),
        axisLabel: { width: 130, overflow: "truncate" },
      },
      series: CATS.map((c) => ({
        name: t.categories[c],
        type: "bar",
        stack: "stated",
        itemStyle: { color: CATEGORY_COLORS[c] },
        data: data.goals.map((g) => g.stated[c]),
      })),
    };
  }, [data, t]);

  return (
    <>
      <h1>
        {t.dashboard}
        {data ? <span className="h-sub">{formatYear(data.fiscalYear, lang)}</span> : null}
      </h1>
      {!user ? <p className="muted">{t.publicNote}</p> : null}
      {years.length > 0 ? (
        <YearSelect years={years} value={year} onChange={(y) => navigate(`/?year=${y}`)} />
      ) : null}
      <ErrorNote error={error} />
      {!data && !error ? <Loading /> : null}
      {data ? (
        <>
          <section aria-labelledby="goals-h">
            <h2 id="goals-h">
              {t.goalSummary}（{t.total} {formatNumberJa(data.total)}）
            </h2>
            {option ? <Chart option={option} label={t.goalChartLabel} /> : null}
            <div className="table-wrap">
              <table>
                <caption>{t.goalTableCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.goal}</th>
                    <th scope="col" className="num">
                      {t.total}
                    </th>
                    {CATS.map((c) => (
                      <th key={c} scope="col" className="num">
                        {t.categories[c]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.goals.map((g) => (
                    <tr key={g.no}>
                      <th scope="row">
                        <Link to={`/sheet?year=${data.fiscalYear}&goal=${g.no}`}>
                          {g.no} {g.title}
                        </Link>
                      </th>
                      <td className="num">{g.total}</td>
                      {CATS.map((c) => (
                        <td key={c} className="num">
                          {g.stated[c]} / {g.computed[c]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <div className="grid-2">
            <section aria-labelledby="behind-h">
              <h2 id="behind-h">
                {t.behind}（{data.behindSchedule.length}）
              </h2>
              {data.behindSchedule.length === 0 ? <p className="muted">{t.nothing}</p> : null}
              <ul className="plain">
                {data.behindSchedule.map((b) => (
                  <li key={b.id}>
                    <Link to={`/kpi/${b.id}`}>{b.indicator}</Link>{" "}
                    <span className="muted">（{b.departments.join("、")}）</span>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="dis-h">
              <h2 id="dis-h">
                {t.disagreements}（{data.disagreements.length}）
              </h2>
              {data.disagreements.length === 0 ? <p className="muted">{t.nothing}</p> : null}
              <ul className="plain">
                {data.disagreements.map((d) => (
                  <li key={d.id}>
                    <Link to={`/kpi/${d.id}`}>{d.indicator}</Link>：<CategoryBadge category={d.stated} /> →{" "}
                    <CategoryBadge category={d.computed} />
                  </li>
                ))}
              </ul>
            </section>
          </div>
          {data.entryProgress.length > 0 ? (
            <section aria-labelledby="progress-h">
              <h2 id="progress-h">{t.progress}</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.department}</th>
                      <th scope="col" className="num">
                        {t.total}
                      </th>
                      {(["draft", "returned", "submitted", "approved"] as const).map((s) => (
                        <th key={s} scope="col" className="num">
                          {t.states[s]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.entryProgress.map((p) => (
                      <tr key={p.department}>
                        <th scope="row">{p.department}</th>
                        <td className="num">{p.total}</td>
                        <td className="num">{p.draft}</td>
                        <td className="num">{p.returned}</td>
                        <td className="num">{p.submitted}</td>
                        <td className="num">{p.approved}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
