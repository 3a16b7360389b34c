/**
 * The strategy editor's forms: a KPI (add or change from a year on), its targets per fiscal year.
 * Values are typed as the sheet prints them (「1,200人」) with their period; the server reads them
 * with the one parseValue and refuses at the field, which is shown under that field.
 */
import { useEffect, useState } from "react";
import type { Direction, Strategy, StrategyKpi } from "../../../src/core/api/index.ts";
import type { Value } from "../../../src/core/sheet.ts";
import { formatValueJa } from "../../../src/core/value/format.ts";
import { api } from "../api.ts";
import { ErrorNote } from "../components.tsx";
import { formDraftKey, readDraft, useFormDraft, writeDraft } from "../form-draft.ts";
import { formatYear } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { useCycleText } from "../i18n-cycle.ts";
import { useSession } from "../session.ts";

/** The field an API error names (details.field, or the first zod issue's path). */
export function errorField(e: unknown): string | null {
  const d = (e as { details?: { field?: string; issues?: { path: string }[] } } | null)?.details;
  return d?.field ?? d?.issues?.[0]?.path.split(".")[0] ?? null;
}

/** The error message under a field, when the error is about that field. */
export function FieldError({ error, field, id }: { error: unknown; field: string; id: string }) {
  const { lang } = useI18n();
  if (!error || errorField(error) !== field) return null;
  const e = error as { message: string; messageEn?: string };
  return (
    <span className="error" id={id} role="alert">
      {lang === "en" && e.messageEn ? e.messageEn : e.message}
    </span>
  );
}

/** The KPI form's draft (form-draft.ts): nothing typed is lost when the tab is closed or the session ends. */
type KpiDraft = {
  indicator: string;
  unit: string;
  direction: Direction | "";
  baseline: string;
  baselineYear: number;
  finalTarget: string;
  finalYear: number;
  departments: string[];
  fromYear: number;
};
const text = (v: Value | null) => (v && v.kind !== "missing" ? (v.raw ?? formatValueJa(v)) : "");
const yearOf = (v: Value | null, fallback: number) =>
  v && (v.kind === "number" || v.kind === "segmented") ? v.period.year : fallback;

export function YearOptions({ from, to }: { from: number; to: number }) {
  const { lang } = useI18n();
  const ys: number[] = [];
  for (let y = from; y <= to; y++) ys.push(y);
  return (
    <>
      {ys.map((y) => (
        <option key={y} value={y}>
          {formatYear(y, lang)}
        </option>
      ))}
    </>
  );
}

export function KpiForm(props: {
  strategy: Strategy;
  measureId: string;
  kpi?: StrategyKpi;
  fromYear: number;
  onDone: (saved: boolean) => void;
}) {
  const c = useCycleText();
  const plan = props.strategy.plan!;
  const k = props.kpi;
  const draftKey = formDraftKey(
    useSession().user?.id ?? "anonymous",
    `strategy.kpi.${k?.id ?? `new-${props.measureId}`}`,
  );
  const [kept] = useState(() => readDraft<KpiDraft>(draftKey));
  const [indicator, setIndicator] = useState(kept?.indicator ?? k?.indicator ?? "");
  const [unit, setUnit] = useState(kept?.unit ?? k?.unit ?? "");
  const [direction, setDirection] = useState<Direction | "">(
    kept?.direction ?? (k ? (k.direction ?? "") : "increase"),
  );
  const [baseline, setBaseline] = useState(kept?.baseline ?? text(k?.baseline ?? null));
  const [baselineYear, setBaselineYear] = useState(
    kept?.baselineYear ?? yearOf(k?.baseline ?? null, plan.startYear - 1),
  );
  const [finalTarget, setFinalTarget] = useState(kept?.finalTarget ?? text(k?.finalTarget ?? null));
  const [finalYear, setFinalYear] = useState(kept?.finalYear ?? yearOf(k?.finalTarget ?? null, plan.endYear));
  const [departments, setDepartments] = useState<string[]>(kept?.departments ?? k?.departments ?? []);
  const [fromYear, setFromYear] = useState(kept?.fromYear ?? props.fromYear);
  const draft = {
    indicator,
    unit,
    direction,
    baseline,
    baselineYear,
    finalTarget,
    finalYear,
    departments,
    fromYear,
  };
  const draftJson = JSON.stringify(draft);
  // Kept only once something was typed (an untouched form leaves nothing behind).
  const [untouched] = useState(draftJson);
  useEffect(
    () => writeDraft(draftKey, draftJson === untouched && !kept ? null : (JSON.parse(draftJson) as KpiDraft)),
    [draftKey, draftJson, untouched, kept],
  );
  const finish = (saved: boolean) => {
    writeDraft(draftKey, null);
    props.onDone(saved);
  };
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = k?.id ?? `new-${props.measureId}`;
  const err = (f: string) => (errorField(error) === f ? `${id}-${f}-err` : undefined);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const fields = {
      indicator,
      unit: unit.trim() || null,
      direction: direction || null,
      baseline: baseline.trim() ? { text: baseline, year: baselineYear, basis: "fiscal" as const } : null,
      finalTarget: { text: finalTarget, year: finalYear, basis: "fiscal" as const },
      departments,
    };
    try {
      if (k) await api("PUT", `/api/strategy/kpis/${k.id}`, { fromYear, ...fields });
      else
        await api("POST", "/api/strategy/kpis", {
          planId: plan.id,
          fromYear,
          measureId: props.measureId,
          ...fields,
        });
      finish(true);
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card kpi-form"
      onSubmit={submit}
      aria-label={k ? `${c.editKpi}: ${k.indicator}` : c.addKpi}
    >
      <div className="field">
        <label htmlFor={`${id}-indicator`}>{c.indicator}</label>
        <input
          id={`${id}-indicator`}
          value={indicator}
          onChange={(e) => setIndicator(e.target.value)}
          aria-invalid={Boolean(err("indicator"))}
          aria-describedby={err("indicator")}
        />
        <FieldError error={error} field="indicator" id={`${id}-indicator-err`} />
      </div>
      <div className="field-row top">
        <div className="field">
          <label htmlFor={`${id}-unit`}>{c.unit}</label>
          <input id={`${id}-unit`} value={unit} size={8} onChange={(e) => setUnit(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-direction`}>{c.direction}</label>
          <select
            id={`${id}-direction`}
            value={direction}
            onChange={(e) => setDirection(e.target.value as Direction | "")}
          >
            {(["increase", "decrease", "maintain", ""] as const).map((d) => (
              <option key={d} value={d}>
                {c.directions[d]}
              </option>
            ))}
          </select>
          <FieldError error={error} field="direction" id={`${id}-direction-err`} />
        </div>
      </div>
      <div className="field-row top">
        <div className="field">
          <label htmlFor={`${id}-baseline`}>{c.baseline}</label>
          <input
            id={`${id}-baseline`}
            value={baseline}
            onChange={(e) => setBaseline(e.target.value)}
            aria-describedby={err("baseline")}
          />
          <FieldError error={error} field="baseline" id={`${id}-baseline-err`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-baseline-year`}>{c.baselinePeriod}</label>
          <select
            id={`${id}-baseline-year`}
            value={baselineYear}
            onChange={(e) => setBaselineYear(Number(e.target.value))}
          >
            <YearOptions from={plan.startYear - 10} to={plan.endYear} />
          </select>
        </div>
      </div>
      <div className="field-row top">
        <div className="field">
          <label htmlFor={`${id}-final`}>{c.finalTarget}</label>
          <input
            id={`${id}-final`}
            value={finalTarget}
            onChange={(e) => setFinalTarget(e.target.value)}
            aria-invalid={Boolean(err("finalTarget"))}
            aria-describedby={err("finalTarget")}
          />
          <FieldError error={error} field="finalTarget" id={`${id}-finalTarget-err`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-final-year`}>{c.finalTargetPeriod}</label>
          <select
            id={`${id}-final-year`}
            value={finalYear}
            onChange={(e) => setFinalYear(Number(e.target.value))}
          >
            <YearOptions from={plan.startYear} to={plan.endYear + 5} />
          </select>
        </div>
      </div>
      <fieldset className="field" aria-describedby={err("departments")}>
        <legend>{c.departments}</legend>
        <div className="checks">
          {props.strategy.departments.map((d) => (
            <label key={d.id} className="check">
              <input
                type="checkbox"
                checked={departments.includes(d.name)}
                onChange={(e) =>
                  setDepartments(
                    e.target.checked ? [...departments, d.name] : departments.filter((x) => x !== d.name),
                  )
                }
              />
              {d.name}
            </label>
          ))}
        </div>
        <FieldError error={error} field="departments" id={`${id}-departments-err`} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-from`}>{c.fromYear}</label>
        <select id={`${id}-from`} value={fromYear} onChange={(e) => setFromYear(Number(e.target.value))}>
          <YearOptions from={plan.startYear} to={plan.endYear} />
        </select>
        <span className="muted small">{c.fromYearHelp}</span>
        <FieldError error={error} field="fromYear" id={`${id}-fromYear-err`} />
      </div>
      {error && !errorField(error) ? <ErrorNote error={error} /> : null}
      <p className="muted small">{kept ? c.draftRestored : c.draftKept}</p>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {c.save}
        </button>
        <button type="button" className="secondary" onClick={() => finish(false)}>
          {c.cancel}
        </button>
      </div>
    </form>
  );
}

/** The plan's target of each fiscal year of the plan; a year already submitted is shown, not editable. */
export function TargetsForm(props: {
  strategy: Strategy;
  kpi: StrategyKpi;
  onDone: (saved: boolean) => void;
}) {
  const c = useCycleText();
  const { lang } = useI18n();
  const plan = props.strategy.plan!;
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) years.push(y);
  const initial = (y: number) => text(props.kpi.targets.find((t) => t.fiscalYear === y)?.target ?? null);
  const locked = (y: number) => {
    const s = props.kpi.years.find((x) => x.fiscalYear === y)?.state;
    return s !== undefined && s !== "draft" && s !== "returned";
  };
  const draft = useFormDraft(`strategy.targets.${props.kpi.id}`, () =>
    Object.fromEntries(years.map((y) => [y, initial(y)])),
  );
  const values = draft.value;
  const [error, setError] = useState<unknown>(null);
  const finish = (saved: boolean) => {
    draft.clear();
    props.onDone(saved);
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const changed = years.filter((y) => !locked(y) && values[y] !== initial(y));
    if (changed.length === 0) return finish(false);
    try {
      await api("PUT", `/api/strategy/kpis/${props.kpi.id}/targets`, {
        targets: changed.map((y) => ({ fiscalYear: y, text: values[y] ?? "" })),
      });
      finish(true);
    } catch (x) {
      setError(x);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-label={`${c.editTargets}: ${props.kpi.indicator}`}>
      <div className="field-row top">
        {years.map((y) => (
          <div className="field" key={y}>
            <label htmlFor={`${props.kpi.id}-t-${y}`}>{c.targetOf(formatYear(y, lang))}</label>
            <input
              id={`${props.kpi.id}-t-${y}`}
              value={values[y] ?? ""}
              size={12}
              disabled={locked(y)}
              onChange={(e) => draft.set({ [y]: e.target.value })}
            />
            {locked(y) ? <span className="muted small">{c.targetLocked}</span> : null}
            <FieldError error={error} field={`targets.${y}`} id={`${props.kpi.id}-t-${y}-err`} />
          </div>
        ))}
      </div>
      {error && !String(errorField(error)).startsWith("targets.") ? <ErrorNote error={error} /> : null}
      <p className="muted small">{draft.restored ? c.draftRestored : c.draftKept}</p>
      <div className="actions">
        <button type="submit">{c.save}</button>
        <button type="button" className="secondary" onClick={() => finish(false)}>
          {c.cancel}
        </button>
      </div>
    </form>
  );
}
