/**
 * 総合戦略の編集 (planning, admin): the plan's tree (大基本目標 / 小基本目標 / 施策) with its KPIs —
 * add or change a KPI from a year on, its targets per fiscal year, retire it; retitle a heading; the
 * department list; revising into the next plan. The server checks every rule and audits every change.
 */
import { useState } from "react";
import type { Strategy, StrategyKpi } from "../../../src/core/api/index.ts";
import { may } from "../../../src/core/roles.ts";
import type { Value } from "../../../src/core/sheet.ts";
import { formatValueJa } from "../../../src/core/value/format.ts";
import { api } from "../api.ts";
import { ErrorNote, Loading, OkNote } from "../components.tsx";
import { formatYear } from "../format.ts";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { useCycleText } from "../i18n-cycle.ts";
import { navigate } from "../router.ts";
import { useSession } from "../session.ts";
import { DepartmentsEditor, NodeForm, RevisePlanForm } from "./strategy-admin.tsx";
import { KpiForm, TargetsForm, YearOptions } from "./strategy-forms.tsx";

type Editing = { kind: "kpi" | "targets" | "new"; id: string } | null;

export function StrategyPage({ query }: { query: URLSearchParams }) {
  const c = useCycleText();
  const { lang } = useI18n();
  const { user } = useSession();
  const asked = Number(query.get("year")) || null;
  const [tick, setTick] = useState(0);
  const { data, error } = useApi<Strategy>(
    may(user?.role, "editStrategy") ? `/api/strategy${asked ? `?year=${asked}` : ""}` : null,
    tick,
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const done = (saved: boolean) => {
    setEditing(null);
    if (saved) {
      setNotice(c.saved);
      setTick((x) => x + 1);
    }
  };

  if (!may(user?.role, "editStrategy"))
    return (
      <>
        <h1>{c.strategyTitle}</h1>
        <ErrorNote error={{ message: "この操作の権限がありません", code: "forbidden" }} />
      </>
    );
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const plan = data.plan;
  if (!plan)
    return (
      <>
        <h1>{c.strategyTitle}</h1>
        <p>{c.noPlan}</p>
      </>
    );
  const fy = data.fiscalYear ?? plan.startYear;

  const retire = async (k: StrategyKpi) => {
    setActionError(null);
    try {
      await api("POST", `/api/strategy/kpis/${k.id}/retire`, {
        fromYear: k.retiredFrom === null ? fy : null,
      });
      done(true);
    } catch (e) {
      setActionError(e);
    }
  };

  const kpiCard = (k: StrategyKpi, measureId: string) => (
    <li key={k.id} className={`strategy-kpi${k.retiredFrom !== null ? " retired" : ""}`}>
      <p className="kpi-name">
        <strong>{k.indicator}</strong>
        {k.unit ? `（${k.unit}）` : ""}
        {k.retiredFrom !== null ? (
          <span className="badge">{c.retiredFrom(formatYear(k.retiredFrom, lang))}</span>
        ) : null}
      </p>
      <dl className="facts">
        <dt>{c.direction}</dt>
        <dd>{c.directions[k.direction ?? ""]}</dd>
        <dt>{c.baseline}</dt>
        <dd>{shown(k.baseline, lang)}</dd>
        <dt>{c.finalTarget}</dt>
        <dd>{shown(k.finalTarget, lang)}</dd>
        <dt>{c.departmentsShort}</dt>
        <dd>{k.departments.join("、")}</dd>
        <dt>{c.editTargets}</dt>
        <dd>
          {k.targets.length === 0
            ? "—"
            : k.targets
                .map((t) => `${formatYear(t.fiscalYear, lang)}: ${formatValueJa(t.target)}`)
                .join(" ／ ")}
        </dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          className="secondary small"
          onClick={() => setEditing({ kind: "kpi", id: k.id })}
        >
          {c.editKpi}
        </button>
        <button
          type="button"
          className="secondary small"
          onClick={() => setEditing({ kind: "targets", id: k.id })}
        >
          {c.editTargets}
        </button>
        <button type="button" className="secondary small" onClick={() => retire(k)}>
          {k.retiredFrom === null ? c.retire : c.reinstate}
        </button>
      </div>
      {editing?.kind === "kpi" && editing.id === k.id ? (
        <KpiForm strategy={data} measureId={measureId} kpi={k} fromYear={fy} onDone={done} />
      ) : null}
      {editing?.kind === "targets" && editing.id === k.id ? (
        <TargetsForm strategy={data} kpi={k} onDone={done} />
      ) : null}
    </li>
  );

  return (
    <>
      <h1>
        {c.strategyTitle}
        <span className="h-sub">{plan.name}</span>
      </h1>
      <p>{c.planPeriod(formatYear(plan.startYear, lang), formatYear(plan.endYear, lang))}</p>
      <div className="field inline">
        <label htmlFor="strategy-year">{c.asOf}</label>
        <select id="strategy-year" value={fy} onChange={(e) => navigate(`/strategy?year=${e.target.value}`)}>
          <YearOptions from={plan.startYear} to={plan.endYear} />
        </select>
      </div>
      <OkNote>{notice}</OkNote>
      <ErrorNote error={actionError} />
      {data.goals.map((g) => (
        <section key={g.id} className="card strategy-goal" aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`}>
            {c.levels.goal} {g.no} {g.title}
          </h2>
          {g.subgoals.map((s) => (
            <section key={s.id} aria-labelledby={`s-${s.id}`}>
              <h3 id={`s-${s.id}`}>
                {g.no}-{s.no} {s.title}
              </h3>
              {s.measures.map((m) => (
                <section key={m.id} className="strategy-measure" aria-labelledby={`m-${m.id}`}>
                  <h4 id={`m-${m.id}`}>
                    {c.levels.measure} {m.no} {m.title}
                  </h4>
                  <ul className="plain">{m.kpis.map((k) => kpiCard(k, m.id))}</ul>
                  {editing?.kind === "new" && editing.id === m.id ? (
                    <KpiForm strategy={data} measureId={m.id} fromYear={fy} onDone={done} />
                  ) : (
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => setEditing({ kind: "new", id: m.id })}
                    >
                      ＋ {c.addKpi}
                    </button>
                  )}
                </section>
              ))}
            </section>
          ))}
        </section>
      ))}
      <NodeForm strategy={data} fiscalYear={fy} onSaved={() => done(true)} />
      <DepartmentsEditor strategy={data} onSaved={() => done(true)} />
      <RevisePlanForm strategy={data} onSaved={() => done(true)} />
    </>
  );
}

/** 「1,200人（令和6年度）」: the value and its own period. */
function shown(v: Value | null, lang: "ja" | "en"): string {
  if (!v || v.kind === "missing") return "—";
  const period = v.kind === "number" || v.kind === "segmented" ? v.period : null;
  const when = period
    ? period.basis === "fiscal"
      ? formatYear(period.year, lang)
      : `${period.year}${lang === "ja" ? "年" : ""}`
    : "";
  return `${formatValueJa(v)}${when ? `（${when}）` : ""}`;
}
