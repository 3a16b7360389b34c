/**
 * 年度の管理 (planning, admin): open the next fiscal year from the plan, its entry deadline, who has
 * not submitted, publishing with a confirmation of what becomes public, and correction (訂正) of a
 * published KPI: sent back to its department with a reason, approved as usual, published again.
 */
import { useEffect, useState } from "react";
import type { MissingSubmissions, OpenYearResult, Row, YearRows } from "../../../src/core/api/index.ts";
import { may } from "../../../src/core/roles.ts";
import { api } from "../api.ts";
import { ErrorNote, Loading, OkNote, StateBadge, YearSelect } from "../components.tsx";
import { formatYear } from "../format.ts";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { useCycleText } from "../i18n-cycle.ts";
import { navigate } from "../router.ts";
import { useSession } from "../session.ts";
import { useSelectedYear } from "./dashboard.tsx";
import { PublishSection } from "./publish-section.tsx";
import { errorField, FieldError, YearOptions } from "./strategy-forms.tsx";

export function CyclePage({ query }: { query: URLSearchParams }) {
  const c = useCycleText();
  const { lang } = useI18n();
  const { user, years, refreshYears } = useSession();
  const year = useSelectedYear(query);
  const [tick, setTick] = useState(0);
  const [pubNotice, setPubNotice] = useState<string | null>(null);
  const reload = () => {
    setTick((x) => x + 1);
    refreshYears();
  };
  const shown = years.find((y) => y.fiscalYear === year);
  const missing = useApi<MissingSubmissions>(year ? `/api/years/${year}/missing-submissions` : null, tick);
  const rows = useApi<YearRows>(year ? `/api/years/${year}/kpis` : null, tick);

  if (!may(user?.role, "openYear"))
    return (
      <>
        <h1>{c.cycleTitle}</h1>
        <ErrorNote error={{ message: "この操作の権限がありません", code: "forbidden" }} />
      </>
    );
  const newest = years.at(-1)?.fiscalYear ?? new Date().getFullYear();
  return (
    <>
      <h1>{c.cycleTitle}</h1>
      <OpenYearForm
        next={newest + 1}
        onOpened={(y) => {
          reload();
          navigate(`/years?year=${y}`);
        }}
      />
      {years.length > 0 ? (
        <YearSelect
          years={years}
          value={year}
          onChange={(y) => {
            setPubNotice(null);
            navigate(`/years?year=${y}`);
          }}
        />
      ) : null}
      {year && shown ? (
        <>
          <section className="card" aria-labelledby="progress-h">
            <h2 id="progress-h">
              {formatYear(year, lang)} {shown.published ? <StateBadge state="published" /> : null}
            </h2>
            <DeadlineForm year={year} current={missing.data?.entryDeadline ?? null} onSaved={reload} />
            <h3>{c.missing}</h3>
            <ErrorNote error={missing.error} />
            {!missing.data ? <Loading /> : <Missing data={missing.data} />}
          </section>
          <PublishSection
            year={year}
            onPublished={(notice) => {
              setPubNotice(notice);
              reload();
            }}
          />
          <OkNote>{pubNotice}</OkNote>
          {rows.data ? <CorrectionForm rows={rows.data.rows} onOpened={reload} /> : null}
        </>
      ) : null}
    </>
  );
}

function OpenYearForm({ next, onOpened }: { next: number; onOpened: (y: number) => void }) {
  const c = useCycleText();
  const { lang } = useI18n();
  const [year, setYear] = useState(next);
  const [deadline, setDeadline] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<OpenYearResult | null>(null);
  useEffect(() => setYear(next), [next]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    try {
      const r = await api<OpenYearResult>("POST", `/api/years/${year}/open`, {
        entryDeadline: deadline || null,
      });
      setResult(r);
      onOpened(r.fiscalYear);
    } catch (x) {
      setError(x);
    }
  };
  return (
    <section className="card" aria-labelledby="open-h">
      <h2 id="open-h">{c.openYear}</h2>
      <p className="muted">{c.openYearHelp}</p>
      <form onSubmit={submit} className="field-row top">
        <div className="field">
          <label htmlFor="open-year">{c.yearToOpen}</label>
          <select id="open-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            <YearOptions from={next - 5} to={next + 5} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="open-deadline">{c.deadline}</label>
          <input
            id="open-deadline"
            type="date"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
          <FieldError error={error} field="entryDeadline" id="open-deadline-err" />
        </div>
        <div className="field">
          <button type="submit">{c.openYear}</button>
        </div>
      </form>
      <ErrorNote error={error} />
      {result ? (
        <OkNote>
          {c.opened(formatYear(result.fiscalYear, lang), result.rows)}
          {result.withoutTarget.length > 0 ? ` ${c.withoutTarget(result.withoutTarget.length)}` : ""}
        </OkNote>
      ) : null}
    </section>
  );
}

function DeadlineForm(props: { year: number; current: string | null; onSaved: () => void }) {
  const c = useCycleText();
  const [value, setValue] = useState(props.current ?? "");
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setValue(props.current ?? ""), [props.current]);
  return (
    <form
      className="field-row"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          await api("PUT", `/api/years/${props.year}/deadline`, { entryDeadline: value || null });
          props.onSaved();
        } catch (x) {
          setError(x);
        }
      }}
    >
      <p>{props.current ? c.deadlineShown(props.current) : c.noDeadline}</p>
      <div className="field">
        <label htmlFor="deadline">{c.deadline}</label>
        <input id="deadline" type="date" value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <button type="submit" className="secondary">
        {c.setDeadline}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}

function Missing({ data }: { data: MissingSubmissions }) {
  const c = useCycleText();
  const waiting = data.departments.filter((d) => d.pending.length > 0);
  if (waiting.length === 0) return <OkNote>{c.missingNone}</OkNote>;
  return (
    <ul className="plain missing-list">
      {waiting.map((d) => (
        <li key={d.department}>
          <strong>{d.department}</strong> <span className="muted">{c.submittedOf(d.submitted, d.total)}</span>
          <ul>
            {d.pending.map((p) => (
              <li key={p.row}>
                {p.indicator} <StateBadge state={p.state as Row["state"]} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function CorrectionForm({ rows, onOpened }: { rows: Row[]; onOpened: () => void }) {
  const c = useCycleText();
  const published = rows.filter((r) => r.state === "published");
  const corrected = rows.filter(
    (r) => r.state !== "published" && r.corrections?.some((n) => !n.republishedAt),
  );
  const [id, setId] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (published.length === 0 && corrected.length === 0) return null;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const row = published.find((r) => r.id === id);
    try {
      await api("POST", `/api/kpis/${id}/correction`, { version: row?.version ?? 0, reason });
      setNotice(c.correctionOpened(row?.kpi.indicator ?? id));
      setReason("");
      setId("");
      onOpened();
    } catch (x) {
      setError(x);
    }
  };
  return (
    <section className="card" aria-labelledby="correction-h">
      <h2 id="correction-h">{c.correction}</h2>
      <p className="muted">{c.correctionHelp}</p>
      {corrected.length > 0 ? (
        <ul>
          {corrected.map((r) => (
            <li key={r.id}>
              <span className="badge">{c.underCorrection}</span> {r.kpi.indicator}{" "}
              <StateBadge state={r.state} />
            </li>
          ))}
        </ul>
      ) : null}
      {published.length > 0 ? (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="correction-kpi">{c.chooseKpi}</label>
            <select id="correction-kpi" value={id} onChange={(e) => setId(e.target.value)} required>
              <option value="">—</option>
              {published.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.row}. {r.kpi.indicator}（{r.department}）
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="correction-reason">{c.correctionReason}</label>
            <textarea
              id="correction-reason"
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <FieldError error={error} field="reason" id="correction-reason-err" />
          </div>
          {error && errorField(error) !== "reason" ? <ErrorNote error={error} /> : null}
          <button type="submit">{c.openCorrection}</button>
        </form>
      ) : null}
      {/* Outside the form: the form goes once no KPI is left published; the row reopened keeps the section. */}
      <OkNote>{notice}</OkNote>
    </section>
  );
}
