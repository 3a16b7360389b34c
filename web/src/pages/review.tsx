import { useEffect, useState } from "react";
import type { BulkTransitionResult, Row, Year } from "../../../src/core/api/index.ts";
import { may } from "../../../src/core/roles.ts";
import { CategoryBadge, ErrorNote, Loading, OkNote, StateBadge, YearSelect } from "../components.tsx";
import { formatYear } from "../format.ts";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { useEntryText } from "../i18n-entry.ts";
import { DEFAULT_FILTER, filterRows, type ReviewFilter, valueWithOwnPeriod } from "../review-list.ts";
import { navigate } from "../router.ts";
import { useSession } from "../session.ts";
import { PublishSection } from "./publish-section.tsx";
import { BulkApprove, BulkResult, ReviewFilters } from "./review-filters.tsx";
import { ReviewPanel } from "./review-panel.tsx";

/** `?year=2021` picks the year (any stored year); without it the open year. */
export function ReviewPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const c = useEntryText();
  const { user, years, refreshYears } = useSession();
  const [tick, setTick] = useState(0);
  const [pubNotice, setPubNotice] = useState<string | null>(null);
  const [bulkResult, setBulkResult] = useState<BulkTransitionResult | null>(null);
  const yq = query.get("year");
  const wanted = yq && /^\d{4}$/.test(yq) ? Number(yq) : null;
  const { data, error } = useApi<{ year: Year | null; rows: Row[] }>(
    wanted ? `/api/review?year=${wanted}` : "/api/review",
    tick,
  );
  const [filter, setFilter] = useState<ReviewFilter>(DEFAULT_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const shownYear = data?.year?.fiscalYear ?? null;
  const shownPublished = data?.year?.published ?? false;
  // A published year has nothing waiting: show all its rows; an open year starts at 提出済み.
  useEffect(() => {
    if (shownYear !== null) setFilter({ ...DEFAULT_FILTER, state: shownPublished ? "" : "submitted" });
    setSelected(null);
    setChecked(new Set());
  }, [shownYear, shownPublished]);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const planner = may(user?.role, "review");
  const rows = filterRows(data.rows, filter);
  const approvable = rows.filter((r) => r.state === "submitted");
  const chosen = approvable.filter((r) => checked.has(r.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    setChecked(next);
  };
  // A year under correction (訂正) has published rows beside the approved correction: republishable.
  const allApproved =
    data.rows.some((r) => r.state === "approved") &&
    data.rows.every((r) => r.state === "approved" || r.state === "published");
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
              setPubNotice(null);
              setBulkResult(null);
              navigate(`/review?year=${y}`);
            }}
          />
        ) : null}
        <ReviewFilters rows={data.rows} filter={filter} onChange={setFilter} />
      </div>
      {planner && data.year && !data.year.published ? (
        <>
          <p id="publish-help" className="muted">
            {allApproved ? t.allApproved : t.needApproved}
          </p>
          {/* Publishing always goes through the confirmation of what becomes public. */}
          <PublishSection
            year={data.year.fiscalYear}
            onPublished={(notice) => {
              // The section goes away once the year is published: the notice stays on this page.
              setPubNotice(notice);
              refreshYears();
              setTick((x) => x + 1);
            }}
          />
        </>
      ) : null}
      <OkNote>{pubNotice}</OkNote>
      {planner && approvable.length > 0 ? (
        <div className="bulk-bar">
          <div className="field checkbox inline">
            <input
              id="r-all"
              type="checkbox"
              checked={chosen.length === approvable.length}
              onChange={(e) => setChecked(new Set(e.target.checked ? approvable.map((r) => r.id) : []))}
            />
            <label htmlFor="r-all">{c.selectAll}</label>
          </div>
          <BulkApprove
            selected={chosen}
            onDone={(result) => {
              setBulkResult(result);
              setChecked(new Set());
              setTick((x) => x + 1);
            }}
          />
        </div>
      ) : null}
      {bulkResult ? <BulkResult result={bulkResult} /> : null}
      {rows.length === 0 ? <p>{t.nothing}</p> : null}
      <ul className="plain review-list">
        {rows.map((r) => (
          <li key={r.id}>
            <div className="review-row">
              {planner && r.state === "submitted" ? (
                <input
                  type="checkbox"
                  aria-label={c.selectRow(r.kpi.indicator)}
                  checked={checked.has(r.id)}
                  onChange={(e) => toggle(r.id, e.target.checked)}
                />
              ) : null}
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
                {t.actual}：{valueWithOwnPeriod(r.kpi.actual)}
              </span>
              <CategoryBadge category={r.kpi.evaluation.category} />
              {r.disagreement ? <span className="badge flag">{c.disagreementBadge}</span> : null}
              {r.warnings?.length ? <span className="badge flag warn">{c.warningsBadge}</span> : null}
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
