import { useEffect, useState } from "react";
import type { KpiDetail, ReviewState, Row, Year } from "../../../src/core/api/index.ts";
import { may } from "../../../src/core/roles.ts";
import { formatValueJa } from "../../../src/core/value/format.ts";
import { api } from "../api.ts";
import { CategoryBadge, ErrorNote, Link, Loading, StateBadge, YearSelect } from "../components.tsx";
import { formatYear } from "../format.ts";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { navigate } from "../router.ts";
import { useSession } from "../session.ts";
import { Comments } from "./kpi.tsx";

const FILTERS: (ReviewState | "")[] = ["submitted", "returned", "draft", "approved", "published", ""];

/** `?year=2021` picks the year (any stored year); without it the open year. */
export function ReviewPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const { user, years, refreshYears } = useSession();
  const [tick, setTick] = useState(0);
  const yq = query.get("year");
  const wanted = yq && /^\d{4}$/.test(yq) ? Number(yq) : null;
  const { data, error } = useApi<{ year: Year | null; rows: Row[] }>(
    wanted ? `/api/review?year=${wanted}` : "/api/review",
    tick,
  );
  const [filter, setFilter] = useState<ReviewState | "">("submitted");
  const [selected, setSelected] = useState<string | null>(null);
  const [pubError, setPubError] = useState<unknown>(null);
  const [pubDone, setPubDone] = useState(false);
  const shownYear = data?.year?.fiscalYear ?? null;
  const shownPublished = data?.year?.published ?? false;
  // A published year has nothing waiting: show all its rows; an open year starts at 提出済み.
  useEffect(() => {
    if (shownYear !== null) setFilter(shownPublished ? "" : "submitted");
    setSelected(null);
  }, [shownYear, shownPublished]);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const planner = may(user?.role, "review");
  const rows = data.rows.filter((r) => !filter || r.state === filter);
  const allApproved = data.rows.length > 0 && data.rows.every((r) => r.state === "approved");
  return (
    <>
      <h1>
        {t.review}
        {data.year ? <span className="h-sub">{formatYear(data.year.fiscalYear, lang)}</span> : null}
      </h1>
      <div className="filters">
        {years.length > 0 ? (
          <YearSelect
            years={years}
            value={data.year?.fiscalYear ?? null}
            onChange={(y) => {
              setPubDone(false);
              setPubError(null);
              navigate(`/review?year=${y}`);
            }}
          />
        ) : null}
        <div className="field inline">
          <label htmlFor="r-state">{t.state}</label>
          <select id="r-state" value={filter} onChange={(e) => setFilter(e.target.value as ReviewState | "")}>
            {FILTERS.map((s) => (
              <option key={s} value={s}>
                {s
                  ? `${t.states[s]}（${data.rows.filter((r) => r.state === s).length}）`
                  : `${t.all}（${data.rows.length}）`}
              </option>
            ))}
          </select>
        </div>
        {planner && data.year && !data.year.published ? (
          <div className="field inline">
            <button
              type="button"
              disabled={!allApproved}
              aria-describedby="publish-help"
              onClick={async () => {
                setPubError(null);
                try {
                  await api("POST", `/api/years/${data.year!.fiscalYear}/publish`);
                  setPubDone(true);
                  refreshYears();
                  setTick((x) => x + 1);
                } catch (e) {
                  setPubError(e);
                }
              }}
            >
              {t.publishYear(formatYear(data.year.fiscalYear, lang))}
            </button>
            <span id="publish-help" className="muted">
              {allApproved ? t.allApproved : t.needApproved}
            </span>
          </div>
        ) : null}
      </div>
      <ErrorNote error={pubError} />
      {pubDone ? (
        <p className="ok" role="status">
          {t.states.published}
        </p>
      ) : null}
      {rows.length === 0 ? <p>{t.nothing}</p> : null}
      <ul className="plain review-list">
        {rows.map((r) => (
          <li key={r.id}>
            <div className="review-row">
              <button
                type="button"
                className="link-like"
                aria-expanded={selected === r.id}
                aria-controls={`review-${r.id}`}
                onClick={() => setSelected(selected === r.id ? null : r.id)}
              >
                {r.kpi.indicator}
              </button>
              <span className="muted">{r.kpi.departments.join("、")}</span>
              <StateBadge state={r.state} />
              <span>
                {t.actual}：{formatValueJa(r.kpi.actual)}
              </span>
              <CategoryBadge category={r.kpi.evaluation.category} />
            </div>
            {selected === r.id ? (
              <ReviewPanel id={r.id} planner={planner} onChanged={() => setTick((x) => x + 1)} />
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function ReviewPanel({ id, planner, onChanged }: { id: string; planner: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const [tick, setTick] = useState(0);
  const { data, error } = useApi<KpiDetail>(`/api/kpis/${id}`, tick);
  const [comment, setComment] = useState("");
  const [actionError, setActionError] = useState<unknown>(null);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const k = data.row.kpi;
  const act = async (action: "approve" | "return") => {
    setActionError(null);
    try {
      await api("POST", `/api/kpis/${id}/transitions`, {
        action,
        version: data.row.version,
        comment: comment || undefined,
      });
      setComment("");
      setTick((x) => x + 1);
      onChanged();
    } catch (e) {
      setActionError(e);
    }
  };
  return (
    <div className="card" id={`review-${id}`}>
      <dl className="narrative">
        <dt>{t.target}</dt>
        <dd>{formatValueJa(k.target)}</dd>
        <dt>{t.actual}</dt>
        <dd>{formatValueJa(k.actual)}</dd>
        <dt>{t.computed}</dt>
        <dd>
          <CategoryBadge category={data.row.computed} />
        </dd>
        <dt>{t.reason}</dt>
        <dd>{k.reason ?? "—"}</dd>
        <dt>{t.challenge}</dt>
        <dd>{k.challenge ?? "—"}</dd>
        <dt>{t.nextSteps}</dt>
        <dd>{k.nextSteps ?? "—"}</dd>
      </dl>
      <p>
        <Link to={`/kpi/${id}`}>{t.kpiDetailLink}</Link>
      </p>
      <h3>{t.comments}</h3>
      <Comments detail={data} onAdded={() => setTick((x) => x + 1)} mayComment={!planner} />
      {planner && data.row.state === "submitted" ? (
        <div className="form">
          <div className="field">
            <label htmlFor={`ret-${id}`}>{t.commentForReturn}</label>
            <textarea
              id={`ret-${id}`}
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <ErrorNote error={actionError} />
          <div className="actions">
            <button type="button" onClick={() => void act("approve")}>
              {t.approve}
            </button>
            <button type="button" className="danger" onClick={() => void act("return")}>
              {t.returnIt}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
