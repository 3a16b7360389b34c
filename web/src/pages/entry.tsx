import { useMemo, useState } from "react";
import type { Comment, Row, Year } from "../../../src/core/api/index.ts";
import { evaluateKpi } from "../../../src/core/evaluation/evaluate.ts";
import { DEFAULT_RULES } from "../../../src/core/evaluation/rules.ts";
import type { KpiEvaluation } from "../../../src/core/evaluation/types.ts";
import type { Period } from "../../../src/core/period.ts";
import type { Category, Kpi, Value } from "../../../src/core/sheet.ts";
import { formatRate, formatValueJa, formatValueWithPeriod } from "../../../src/core/value/format.ts";
import { parseValue } from "../../../src/core/value/parse-value.ts";
import { ApiError, api } from "../api.ts";
import { CategoryBadge, ErrorNote, Link, Loading, StateBadge } from "../components.tsx";
import { clearDraft, type EntryDraft, entryChanges, loadDraft, saveDraft } from "../drafts.ts";
import { formatYear } from "../format.ts";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";

const CATS: Category[] = ["on_track", "mostly_on_track", "delayed", "not_evaluable"];

function columnPeriod(k: Kpi, fiscalYear: number): Period {
  const t = k.target;
  return t.kind === "number" || t.kind === "segmented" ? t.period : { year: fiscalYear, basis: "fiscal" };
}

/** The core engine's evaluation of the KPI with `actual` (null when it cannot say anything). */
function evaluateWith(r: Row, actual: Value): KpiEvaluation | null {
  try {
    return evaluateKpi({ ...r.kpi, actual }, DEFAULT_RULES, r.fiscalYear);
  } catch {
    return null;
  }
}

/** The stated evaluation is still open (empty or 評価不可): the computed one is offered instead. */
const statedOpen = (r: Row) => r.kpi.evaluation.category === "not_evaluable";

const fromRow = (r: Row): EntryDraft => ({
  actualText: r.kpi.actual.raw ?? (r.kpi.actual.kind === "missing" ? "" : formatValueJa(r.kpi.actual)),
  reason: r.kpi.reason ?? "",
  challenge: r.kpi.challenge ?? "",
  nextSteps: r.kpi.nextSteps ?? "",
  category: r.kpi.evaluation.category,
  covid: r.kpi.evaluation.covid,
});

export function EntryPage() {
  const { t, lang } = useI18n();
  const { data, error } = useApi<{ year: Year | null; rows: Row[] }>("/api/entry");
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <h1>
        {t.entry}
        {data.year ? <span className="h-sub">{formatYear(data.year.fiscalYear, lang)}</span> : null}
      </h1>
      {!data.year ? <p>{t.noOpenYear}</p> : null}
      {data.rows.length > 0 ? (
        <nav aria-label={t.kpiList} className="toc">
          <ol>
            {data.rows.map((r) => (
              <li key={r.id}>
                <a href={`#entry-${r.id}`}>{r.kpi.indicator}</a> <StateBadge state={r.state} />
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {data.rows.map((r) => (
        <EntryCard key={r.id} initial={r} />
      ))}
    </>
  );
}

function EntryCard({ initial }: { initial: Row }) {
  const { t, lang } = useI18n();
  const [row, setRow] = useState(initial);
  const stored = useMemo(() => loadDraft(initial.id), [initial.id]);
  // While the stated evaluation is still open and the person has not chosen one, the select follows
  // the computed category (as stored, then as typed); saving confirms it.
  const [auto, setAuto] = useState(() => !stored && statedOpen(initial));
  const [draft, setDraftState] = useState<EntryDraft>(() => {
    if (stored) return stored;
    const d = fromRow(initial);
    const ev = statedOpen(initial) ? evaluateWith(initial, initial.kpi.actual) : null;
    return ev && ev.computed !== "not_evaluable" ? { ...d, category: ev.computed } : d;
  });
  // The values the draft started from: only fields that differ from them are sent, so a save never
  // overwrites someone else's value in a field this person did not touch.
  const [base, setBase] = useState<EntryDraft>(() => fromRow(initial));
  const [dirty, setDirty] = useState(Boolean(stored) || draft.category !== fromRow(initial).category);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Row | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = row.state === "draft" || row.state === "returned";
  const k = row.kpi;
  const id = row.id;
  const { data: comments } = useApi<{ comments: Comment[] }>(
    row.state === "returned" ? `/api/kpis/${id}/comments` : null,
    row.version,
  );
  const lastReturn = comments?.comments.filter((c) => c.kind === "return").at(-1);

  const period = columnPeriod(k, row.fiscalYear);
  const set = (patch: Partial<EntryDraft>) => {
    const next = { ...draft, ...patch };
    if (auto && patch.actualText !== undefined) {
      const pv = patch.actualText.trim() === "" ? null : parseValue(patch.actualText, period);
      const ev = pv?.ok ? evaluateWith(row, pv.value) : null;
      if (ev && ev.computed !== "not_evaluable") next.category = ev.computed;
    }
    setDraftState(next);
    setDirty(true);
    setNotice(null);
    saveDraft(id, next);
  };

  const preview = draft.actualText.trim() === "" ? null : parseValue(draft.actualText, period);

  // What the evaluation rules make of the value as typed: a hint beside the stated evaluation, with
  // the achievement rate; pre-selected while the stated evaluation is still open.
  const evaluation = preview?.ok ? evaluateWith(row, preview.value) : null;
  const suggested: Category | null = evaluation?.computed ?? null;
  const rate = evaluation?.achievementRate == null ? null : formatRate(evaluation.achievementRate);
  const preselected =
    auto && suggested !== null && suggested !== "not_evaluable" && draft.category === suggested;

  const save = async (): Promise<Row | null> => {
    setBusy(true);
    setError(null);
    try {
      const body = entryChanges(row.version, base, draft);
      const r = await api<{ row: Row }>("PUT", `/api/kpis/${id}`, body);
      setRow(r.row);
      setBase(fromRow(r.row));
      setConflict(null);
      setAuto(false);
      setDirty(false);
      clearDraft(id);
      setNotice(t.saved);
      return r.row;
    } catch (e) {
      if (e instanceof ApiError && e.code === "version_conflict") {
        const current = (e.details as { current: Row }).current;
        setConflict(current);
        // Three-way merge: fields this person changed keep their text; the others take the current values.
        const now = fromRow(current);
        const merged = { ...draft };
        for (const f of Object.keys(now) as (keyof EntryDraft)[])
          if (draft[f] === base[f]) (merged as Record<string, unknown>)[f] = now[f];
        setDraftState(merged);
        saveDraft(id, merged);
        setBase(now);
        setRow({ ...current }); // the next save goes on top of the current version
      }
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const saved = dirty ? await save() : row;
    if (!saved) return;
    setBusy(true);
    try {
      const r = await api<{ row: Row }>("POST", `/api/kpis/${id}/transitions`, {
        action: "submit",
        version: saved.version,
      });
      setRow(r.row);
      setNotice(`${t.states.submitted}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const f = (name: string) => `${id}-${name}`;
  return (
    <section className="card" id={`entry-${id}`} aria-labelledby={f("h")}>
      <h2 id={f("h")}>
        <Link to={`/kpi/${id}`}>{k.indicator}</Link> <StateBadge state={row.state} />
      </h2>
      <p className="muted">
        {k.measure.no} {k.measure.title}・{k.departments.join("、")}
      </p>
      <dl className="facts">
        <div>
          <dt>{t.target}</dt>
          <dd>{formatValueWithPeriod(k.target)}</dd>
        </div>
        <div>
          <dt>{t.finalTarget}</dt>
          <dd>{formatValueWithPeriod(k.finalTarget)}</dd>
        </div>
      </dl>
      {lastReturn ? (
        <div className="callout" role="note">
          <strong>{t.returnIt}：</strong>
          {lastReturn.body}（{lastReturn.author}）
        </div>
      ) : null}
      {conflict ? (
        <div className="callout warn" role="alert">
          <p>{t.conflict}</p>
          <p>
            {t.actual}（{t.latest}）：{formatValueJa(conflict.kpi.actual)}／{t.evaluation}：
            <CategoryBadge category={conflict.kpi.evaluation.category} />／{t.state}：
            {t.states[conflict.state]}
          </p>
        </div>
      ) : null}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset disabled={!editable || busy}>
          <legend className="sr-only">{k.indicator}</legend>
          <div className="field">
            <label htmlFor={f("actual")}>
              {t.actual}（{formatYear(row.fiscalYear, "ja")}）
            </label>
            <input
              id={f("actual")}
              value={draft.actualText}
              onChange={(e) => set({ actualText: e.target.value })}
              aria-describedby={f("preview")}
              aria-invalid={preview && !preview.ok ? true : undefined}
              inputMode="text"
              autoComplete="off"
            />
            <p
              id={f("preview")}
              className={preview && !preview.ok ? "preview bad" : "preview"}
              aria-live="polite"
            >
              {preview === null
                ? t.empty
                : preview.ok
                  ? `${t.readAs}：${formatValueWithPeriod(preview.value)}`
                  : `${t.unreadable}：${lang === "en" ? preview.problem.messageEn : preview.problem.message}`}
            </p>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={f("cat")}>{t.evaluation}</label>
              <select
                id={f("cat")}
                value={draft.category}
                onChange={(e) => {
                  setAuto(false);
                  set({ category: e.target.value as Category });
                }}
                aria-describedby={suggested ? f("suggest") : undefined}
              >
                {CATS.map((c) => (
                  <option key={c} value={c}>
                    {t.categories[c]}
                  </option>
                ))}
              </select>
              {suggested ? (
                <p
                  id={f("suggest")}
                  className={preselected ? "computed-note" : "muted small"}
                  aria-live="polite"
                >
                  {preselected && rate
                    ? t.computedInitial(t.categories[suggested], rate)
                    : t.computedHint(t.categories[suggested], rate)}
                </p>
              ) : null}
            </div>
            <div className="field checkbox">
              <input
                id={f("covid")}
                type="checkbox"
                checked={draft.covid}
                onChange={(e) => set({ covid: e.target.checked })}
              />
              <label htmlFor={f("covid")}>{t.covid}</label>
            </div>
          </div>
          {(["reason", "challenge", "nextSteps"] as const).map((name) => (
            <div className="field" key={name}>
              <label htmlFor={f(name)}>{t[name]}</label>
              <textarea
                id={f(name)}
                rows={3}
                value={draft[name]}
                onChange={(e) => set({ [name]: e.target.value })}
              />
            </div>
          ))}
          {dirty ? <p className="muted">{t.unsaved}</p> : null}
          <ErrorNote error={error} />
          {notice ? (
            <p className="ok" role="status">
              {notice}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" disabled={Boolean(preview && !preview.ok)}>
              {t.save}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void submit()}
              disabled={Boolean(preview && !preview.ok)}
            >
              {t.submit}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
