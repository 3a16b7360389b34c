/**
 * One KPI on the department's entry page: this year's fields beside last year's, the computed
 * evaluation of the value as typed, the checks before submitting (core/entry), withdraw, comments.
 */
import { useMemo, useState } from "react";
import type { Comment, EntryRow, Row } from "../../../src/core/api/index.ts";
import { NOTE_TEXT } from "../../../src/core/evaluation/explain.ts";
import type { Rules } from "../../../src/core/evaluation/types.ts";
import type { Category } from "../../../src/core/sheet.ts";
import { formatRate, formatValueJa, formatValueWithPeriod } from "../../../src/core/value/format.ts";
import { ApiError, api } from "../api.ts";
import { CategoryBadge, ErrorNote, Link, OkNote, StateBadge } from "../components.tsx";
import { clearDraft, type EntryDraft, entryChanges, loadDraft, saveDraft } from "../drafts.ts";
import { formChecks, fromRow, readTyped, statedOpen, typeActual } from "../entry-form.ts";
import { formatYear } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { useEntryText } from "../i18n-entry.ts";
import { useSession } from "../session.ts";
import { EntryComments } from "./entry-comments.tsx";
import { NotEvaluableFields, PreviousYearPanel, WarningsBox } from "./entry-fields.tsx";

const CATS: Category[] = ["on_track", "mostly_on_track", "delayed", "not_evaluable"];
/** The input each problem's field is typed into (focused when a submit is refused). */
const FIELD_IDS = { actual: "actual", reason: "reason", notEvaluableReason: "ner", notEvaluableText: "net" };

/** `rules`: the server's evaluation rules (useRules), for the hint that follows the value as typed. */
export function EntryCard({ initial, rules }: { initial: EntryRow; rules: Rules }) {
  const { t, lang } = useI18n();
  const c = useEntryText();
  const userId = useSession().user?.id ?? "anonymous";
  const [row, setRow] = useState<EntryRow>(initial);
  const [comments, setComments] = useState<Comment[]>(initial.comments);
  const stored = useMemo(() => loadDraft(userId, initial.id), [userId, initial.id]);
  const [draft, setDraftState] = useState<EntryDraft>(() => {
    if (stored) return stored;
    const d: EntryDraft = { ...fromRow(initial), auto: statedOpen(initial) };
    return d.auto ? typeActual(initial, d, d.actualText, rules) : d;
  });
  // The values the draft started from: only fields that differ from them are sent, so a save never
  // overwrites someone else's value in a field this person did not touch.
  const [base, setBase] = useState<EntryDraft>(() => fromRow(initial));
  const [dirty, setDirty] = useState(Boolean(stored) || draft.category !== base.category);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(stored ? c.draftRestored : null);
  const [conflict, setConflict] = useState<Row | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [tried, setTried] = useState(false);
  const editable = row.state === "draft" || row.state === "returned";
  const k = row.kpi;
  const id = row.id;

  const typed = readTyped(row, draft.actualText, rules);
  const checks = formChecks(row, draft, typed);
  const shownProblems = tried ? checks.problems : [];
  const problemAt = (field: string) => shownProblems.find((p) => p.field === field);

  const set = (patch: Partial<EntryDraft>) => {
    const next =
      patch.actualText !== undefined
        ? typeActual(row, { ...draft, ...patch }, patch.actualText, rules)
        : { ...draft, ...patch };
    setDraftState(next);
    setDirty(true);
    setNotice(null);
    saveDraft(userId, id, next);
  };

  const merge = (current: Row) => {
    // Three-way merge: fields this person changed keep their text; the others take the current values.
    const now = fromRow(current);
    const merged = { ...draft };
    for (const f of Object.keys(now) as (keyof EntryDraft)[])
      if (draft[f] === base[f]) (merged as Record<string, unknown>)[f] = now[f];
    setDraftState(merged);
    saveDraft(userId, id, merged);
    setBase(now);
    setRow({ ...row, ...current });
  };

  const save = async (): Promise<Row | null> => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ row: Row }>("PUT", `/api/kpis/${id}`, entryChanges(row.version, base, draft));
      setRow({ ...row, ...r.row });
      setBase(fromRow(r.row));
      setDraftState({ ...fromRow(r.row), auto: false });
      setConflict(null);
      setDirty(false);
      clearDraft(userId, id);
      setNotice(t.saved);
      return r.row;
    } catch (e) {
      if (e instanceof ApiError && e.code === "version_conflict") {
        const current = (e.details as { current: Row }).current;
        setConflict(current);
        merge(current);
      }
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setTried(true);
    if (checks.problems.length > 0) {
      setNotice(null);
      document.getElementById(`${id}-${FIELD_IDS[checks.problems[0]!.field]}`)?.focus();
      return;
    }
    if (checks.warnings.length > 0 && !confirmed) {
      setError({ message: c.confirmFirst });
      return;
    }
    const saved = dirty ? await save() : row;
    if (!saved) return;
    await step(
      () =>
        api<{ row: Row }>("POST", `/api/kpis/${id}/transitions`, {
          action: "submit",
          version: saved.version,
          confirmWarnings: confirmed,
        }),
      t.states.submitted,
    );
  };

  const step = async (call: () => Promise<{ row: Row }>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call();
      setRow({ ...row, ...r.row });
      setBase(fromRow(r.row));
      setNotice(done);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const f = (name: string) => `${id}-${name}`;
  const ev = typed.evaluation;
  const rate = ev?.achievementRate == null ? null : formatRate(ev.achievementRate);
  const lastReturn = comments.filter((x) => x.kind === "return").at(-1);
  return (
    <section className="card entry-card" id={`entry-${id}`} aria-labelledby={f("h")}>
      <h2 id={f("h")}>
        <Link to={`/kpi/${id}`}>{k.indicator}</Link> <StateBadge state={row.state} />
      </h2>
      <p className="muted">
        {k.measure.no} {k.measure.title}・{k.departments.join("、")}
      </p>
      {k.departments.length > 1 ? <p className="muted small">{c.coOwned(k.departments.join("・"))}</p> : null}
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
      {row.state === "returned" && lastReturn ? (
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
      <div className="entry-columns">
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
                aria-describedby={`${f("preview")} ${f("warnings")}`}
                aria-invalid={(typed.parsed && !typed.parsed.ok) || problemAt("actual") ? true : undefined}
                inputMode="text"
                autoComplete="off"
              />
              <p
                id={f("preview")}
                className={typed.parsed && !typed.parsed.ok ? "preview bad" : "preview"}
                aria-live="polite"
              >
                {typed.parsed === null
                  ? t.empty
                  : typed.parsed.ok
                    ? `${t.readAs}：${formatValueWithPeriod(typed.value!)}`
                    : `${t.unreadable}：${lang === "en" ? typed.parsed.problem.messageEn : typed.parsed.problem.message}`}
                {typed.unitFilled ? ` ${c.unitFilled(typed.unitFilled)}` : ""}
              </p>
              {problemAt("actual") ? <p className="field-problem">{problemAt("actual")!.message}</p> : null}
            </div>
            <WarningsBox
              idPrefix={id}
              warnings={checks.warnings}
              confirmed={confirmed}
              onConfirm={setConfirmed}
            />
            <div className="field-row">
              <div className="field">
                <label htmlFor={f("cat")}>{t.evaluation}</label>
                <select
                  id={f("cat")}
                  value={draft.category}
                  onChange={(e) => set({ category: e.target.value as Category, auto: false })}
                  aria-describedby={ev ? f("suggest") : undefined}
                >
                  {CATS.map((x) => (
                    <option key={x} value={x}>
                      {t.categories[x]}
                    </option>
                  ))}
                </select>
                {ev ? (
                  <p
                    id={f("suggest")}
                    className={draft.auto ? "computed-note" : "muted small"}
                    aria-live="polite"
                  >
                    {ev.computed === "not_evaluable" && ev.notes.length > 0
                      ? c.cannotCompute(
                          ev.notes.map((n) => NOTE_TEXT[n][lang]).join(lang === "ja" ? "・" : "; "),
                        )
                      : draft.auto && rate
                        ? t.computedInitial(t.categories[ev.computed], rate)
                        : t.computedHint(t.categories[ev.computed], rate)}
                  </p>
                ) : null}
                {ev && !draft.auto && ev.computed !== "not_evaluable" && ev.computed !== draft.category ? (
                  <p className="muted small">{c.chosenDiffers}</p>
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
            {draft.category === "not_evaluable" ? (
              <NotEvaluableFields idPrefix={id} draft={draft} problems={shownProblems} onChange={set} />
            ) : null}
            {(["status", "reason", "challenge", "nextSteps"] as const).map((name) => (
              <div className="field" key={name}>
                <label htmlFor={f(name)}>{t[name]}</label>
                <textarea
                  id={f(name)}
                  rows={name === "status" ? 4 : 3}
                  value={draft[name]}
                  aria-invalid={problemAt(name) ? true : undefined}
                  onChange={(e) => set({ [name]: e.target.value })}
                />
                {problemAt(name) ? <p className="field-problem">{problemAt(name)!.message}</p> : null}
              </div>
            ))}
            {dirty ? <p className="muted">{c.draftKept}</p> : null}
            <ErrorNote error={error} />
            <OkNote>{notice}</OkNote>
            <div className="actions">
              <button type="submit" disabled={Boolean(typed.parsed && !typed.parsed.ok)}>
                {t.save}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => void submit()}
                disabled={Boolean(typed.parsed && !typed.parsed.ok)}
              >
                {t.submit}
              </button>
            </div>
          </fieldset>
          {row.state === "submitted" ? (
            <div className="actions">
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() =>
                  void step(
                    () => api<{ row: Row }>("POST", `/api/kpis/${id}/withdraw`, { version: row.version }),
                    c.withdrawn,
                  )
                }
              >
                {c.withdraw}
              </button>
              <span className="muted small">{c.withdrawHelp}</span>
            </div>
          ) : null}
        </form>
        <PreviousYearPanel previous={row.previous} />
      </div>
      <EntryComments kpiId={id} comments={comments} onReplied={(x) => setComments([...comments, x])} />
    </section>
  );
}
