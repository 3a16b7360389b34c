import { Fragment, useMemo, useState } from "react";
import type { KpiDetail } from "../../../src/core/api/index.ts";
import { may } from "../../../src/core/roles.ts";
import type { Value } from "../../../src/core/sheet.ts";
import { formatCompact, formatQuantityJa, formatValueJa } from "../../../src/core/value/format.ts";
import { api } from "../api.ts";
import { Chart } from "../chart.tsx";
import { CategoryBadge, ErrorNote, Loading, StateBadge, ValueCell } from "../components.tsx";
import { CorrectionNote } from "../correction-note.tsx";
import { formatYear } from "../format.ts";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { useEntryText } from "../i18n-entry.ts";
import { chartPoints, historyRows } from "../kpi-chart.ts";
import { KpiNarrative } from "../kpi-narrative.tsx";
import { useSession } from "../session.ts";
import { KpiEvaluationSection } from "./kpi-evaluation.tsx";
import { KpiPrintedSection, PrintedYearRow } from "./kpi-printed.tsx";

export function KpiPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const c = useEntryText();
  const { user } = useSession();
  const { data, error, reload } = useApi<KpiDetail>(`/api/kpis/${id}`);

  const option = useMemo(() => {
    if (!data) return null;
    const p = chartPoints(data.history, data.row.kpi.finalTarget, data.printedYears);
    if (!p) return null;
    const yearLabel = (y: number) => (lang === "ja" ? formatYear(y, "ja").replace("（", "\n（") : `${y}`);
    return {
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: number) => (v == null ? "—" : formatQuantityJa({ value: v, unit: p.unit })),
      },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 24, bottom: 48, containLabel: true },
      xAxis: { type: "category", data: p.years.map(yearLabel), axisLabel: { interval: 0, lineHeight: 16 } },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => formatCompact(v) } },
      series: [
        {
          name: t.actual,
          type: "line",
          data: p.actual,
          itemStyle: { color: "#0a58a8" },
          symbolSize: 8,
          connectNulls: true,
        },
        {
          name: t.target,
          type: "line",
          data: p.target,
          lineStyle: { type: "dashed" },
          itemStyle: { color: "#50565c" },
          connectNulls: true,
        },
        {
          name: t.finalTarget,
          type: "scatter",
          symbol: "diamond",
          symbolSize: 14,
          itemStyle: { color: "#a3211a" },
          data: p.years.map((y) => (y === p.final?.year ? p.final.value : null)),
          markLine: !p.final
            ? undefined
            : {
                symbol: "none",
                silent: true,
                lineStyle: { color: "#a3211a", type: "dotted" },
                label: { show: false },
                data: [{ yAxis: p.final.value }],
              },
        },
      ],
    };
  }, [data, t, lang]);

  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const k = data.row.kpi;
  const mayComment = may(user?.role, "comment");
  return (
    <>
      <p className="breadcrumb">
        {k.goal.no} {k.goal.title} › {k.subgoal.no} {k.subgoal.title} › {k.measure.no} {k.measure.title}
      </p>
      <h1>{k.indicator}</h1>
      <dl className="facts">
        <div>
          <dt>{t.year}</dt>
          <dd>{formatYear(data.row.fiscalYear, lang)}</dd>
        </div>
        <div>
          <dt>{t.department}</dt>
          <dd>{k.departments.join("、")}</dd>
        </div>
        <div>
          <dt>{t.evaluation}</dt>
          <dd>
            <CategoryBadge category={k.evaluation.category} covid={k.evaluation.covid} />
          </dd>
        </div>
        <div>
          <dt>{t.computed}</dt>
          <dd>
            <CategoryBadge category={data.row.computed} />
          </dd>
        </div>
        {user ? (
          <div>
            <dt>{t.state}</dt>
            <dd>
              <StateBadge state={data.row.state} />
            </dd>
          </div>
        ) : null}
      </dl>
      <CorrectionNote row={data.row} />
      <KpiEvaluationSection row={data.row} />
      <KpiPrintedSection kpi={k} />
      <section aria-labelledby="hist-h">
        <h2 id="hist-h">{t.history}</h2>
        {option ? (
          <>
            <Chart option={option} label={t.kpiChartLabel(k.indicator)} />
            <p className="muted small">{c.valuesAt}</p>
          </>
        ) : (
          <p className="muted">{c.textValues}</p>
        )}
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.year}</th>
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
              </tr>
            </thead>
            <tbody>
              {historyRows(data.history, data.printedYears).map(({ kind, entry: h }) =>
                kind === "printed" ? (
                  <PrintedYearRow key={`p${h.year}`} entry={h} />
                ) : (
                  <Fragment key={h.id}>
                    <tr>
                      <th scope="row" className="nowrap">
                        {formatYear(h.fiscalYear, lang)}
                      </th>
                      <ValueCell value={h.target} column={{ year: h.fiscalYear, basis: "fiscal" }} />
                      <ValueCell value={h.actual} column={{ year: h.fiscalYear, basis: "fiscal" }} />
                      <ValueCell value={h.finalTarget} column={null} />
                      <td>
                        <CategoryBadge category={h.evaluation.category} covid={h.evaluation.covid} />
                      </td>
                      <td>
                        <CategoryBadge category={h.computed} />
                      </td>
                    </tr>
                    {/* A corrected year: its 訂正 note, naming the value published before, across the table. */}
                    {h.corrections?.some((n) => n.republishedAt) ? (
                      <tr className="correction-row">
                        <td colSpan={6} className="correction-cell">
                          <CorrectionNote row={h} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ),
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="narr-h">
        <h2 id="narr-h">{t.narrative}</h2>
        <KpiNarrative kpi={k} />
      </section>
      {user ? (
        <section aria-labelledby="com-h">
          <h2 id="com-h">{t.comments}</h2>
          <Comments detail={data} onAdded={reload} mayComment={Boolean(mayComment)} />
        </section>
      ) : null}
      {user ? (
        <section aria-labelledby="audit-h">
          <h2 id="audit-h">{t.audit}</h2>
          {data.audit.length === 0 ? <p className="muted">{t.nothing}</p> : null}
          <ol className="plain audit">
            {data.audit.map((a) => (
              <li key={a.id}>
                <time dateTime={a.at}>{new Date(a.at).toLocaleString("ja-JP")}</time> {a.actor}：
                {t.auditActions[a.action] ?? a.action}
                {describeChange(a.before, a.after, t.states, t.actual)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

function describeChange(
  before: unknown,
  after: unknown,
  states: Record<string, string>,
  actualLabel: string,
): string {
  type Snap = { reviewState?: string; actual?: Value; comment?: string | null } | null;
  const b = before as Snap;
  const a = after as Snap;
  const parts: string[] = [];
  if (b?.reviewState && a?.reviewState && b.reviewState !== a.reviewState)
    parts.push(`${states[b.reviewState]} → ${states[a.reviewState]}`);
  if (b?.actual && a?.actual && formatValueJa(b.actual) !== formatValueJa(a.actual))
    parts.push(`${actualLabel} ${formatValueJa(b.actual)} → ${formatValueJa(a.actual)}`);
  if (a?.comment) parts.push(`「${a.comment}」`);
  return parts.length ? `（${parts.join("、")}）` : "";
}

export function Comments({
  detail,
  onAdded,
  mayComment,
}: {
  detail: { row: { id: string }; comments: KpiDetail["comments"] };
  onAdded: () => void;
  mayComment: boolean;
}) {
  const { t } = useI18n();
  const [body, setBody] = useState("");
  const [error, setError] = useState<unknown>(null);
  const fieldId = `comment-${detail.row.id}`;
  return (
    <>
      {detail.comments.length === 0 ? <p className="muted">{t.nothing}</p> : null}
      <ul className="plain comments">
        {detail.comments.map((c) => (
          <li key={c.id} className={c.kind === "return" ? "returned" : c.parentId ? "reply" : undefined}>
            <p className="meta">
              {c.author}（{new Date(c.createdAt).toLocaleString("ja-JP")}）
              {c.kind === "return" ? `・${t.returnIt}` : ""}
            </p>
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      {mayComment ? (
        <form
          className="form"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            try {
              await api("POST", `/api/kpis/${detail.row.id}/comments`, { body });
              setBody("");
              onAdded();
            } catch (err) {
              setError(err);
            }
          }}
        >
          <div className="field">
            <label htmlFor={fieldId}>{t.addComment}</label>
            <textarea id={fieldId} value={body} onChange={(e) => setBody(e.target.value)} rows={3} required />
          </div>
          <ErrorNote error={error} />
          <button type="submit">{t.addComment}</button>
        </form>
      ) : null}
    </>
  );
}
