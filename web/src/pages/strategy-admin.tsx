/**
 * The strategy editor's lower sections: adding or retitling a heading, the department master list
 * (name, order), and revising the plan into the next one (KPIs carried over unless ticked). Each
 * keeps what is typed as a draft on this device (form-draft.ts) until it is saved, and says so.
 */
import { useState } from "react";
import type { Strategy } from "../../../src/core/api/index.ts";
import { api } from "../api.ts";
import { ErrorNote, OkNote } from "../components.tsx";
import { useFormDraft } from "../form-draft.ts";
import { formatYear } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { useCycleText } from "../i18n-cycle.ts";
import { errorField, FieldError, YearOptions } from "./strategy-forms.tsx";

type Level = "goal" | "subgoal" | "measure";

// The forms' drafts (form-draft.ts): what they start from, and when something typed is worth keeping.
const newNode = () => ({ level: "measure" as Level, parentId: "", retitleId: "", no: "", title: "" });
const nodeTyped = (v: ReturnType<typeof newNode>) => v.title !== "" || v.no !== "";
/** Only the names changed (by department id) and the new name: the list itself comes from the server. */
const noDepartmentEdits = () => ({ names: {} as Record<string, string>, fresh: "" });
const departmentsTyped = (v: ReturnType<typeof noDepartmentEdits>) =>
  v.fresh !== "" || Object.keys(v.names).length > 0;
const revisionTyped = (v: { name: string; retire: string[] }) => v.name !== "" || v.retire.length > 0;

/** Adds a 大基本目標 / 小基本目標 / 施策, or retitles one from the shown year on. */
export function NodeForm(props: { strategy: Strategy; fiscalYear: number; onSaved: () => void }) {
  const c = useCycleText();
  const { lang } = useI18n();
  const draft = useFormDraft("strategy.node", newNode, nodeTyped);
  const { level, parentId, retitleId, no, title } = draft.value;
  const [error, setError] = useState<unknown>(null);
  const goals = props.strategy.goals;
  const subgoals = goals.flatMap((g) =>
    g.subgoals.map((s) => ({ ...s, label: `${g.no}-${s.no} ${s.title}` })),
  );
  const measures = goals.flatMap((g) =>
    g.subgoals.flatMap((s) => s.measures.map((m) => ({ ...m, label: `${g.no}-${s.no}-${m.no} ${m.title}` }))),
  );
  const parents =
    level === "subgoal"
      ? goals.map((g) => ({ id: g.id, label: `${g.no} ${g.title}` }))
      : level === "measure"
        ? subgoals
        : [];
  const nodes =
    level === "goal"
      ? goals.map((g) => ({ id: g.id, label: `${g.no} ${g.title}` }))
      : level === "subgoal"
        ? subgoals
        : measures;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      if (retitleId)
        await api("PUT", `/api/strategy/nodes/${retitleId}`, { level, title, fiscalYear: props.fiscalYear });
      else
        await api("POST", "/api/strategy/nodes", {
          planId: props.strategy.plan!.id,
          level,
          parentId: parentId || null,
          no: Number(no),
          title,
          fiscalYear: props.fiscalYear,
        });
      // The level and parent stay chosen: the next heading is often a sibling.
      draft.set({ title: "", no: "" });
      props.onSaved();
    } catch (x) {
      setError(x);
    }
  };
  return (
    <section className="card" aria-labelledby="nodes-h">
      <h2 id="nodes-h">{c.nodes}</h2>
      <form onSubmit={submit}>
        <div className="field-row top">
          <div className="field">
            <label htmlFor="node-level">{c.level}</label>
            <select
              id="node-level"
              value={level}
              onChange={(e) => draft.set({ level: e.target.value as Level })}
            >
              {(["goal", "subgoal", "measure"] as const).map((l) => (
                <option key={l} value={l}>
                  {c.levels[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="node-retitle">{c.retitle}</label>
            <select
              id="node-retitle"
              value={retitleId}
              onChange={(e) => draft.set({ retitleId: e.target.value })}
            >
              <option value="">{c.addNew}</option>
              {nodes.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        {!retitleId && level !== "goal" ? (
          <div className="field">
            <label htmlFor="node-parent">{c.parent}</label>
            <select
              id="node-parent"
              value={parentId}
              onChange={(e) => draft.set({ parentId: e.target.value })}
            >
              <option value="">—</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            <FieldError error={error} field="parentId" id="node-parent-err" />
          </div>
        ) : null}
        <div className="field-row top">
          {!retitleId ? (
            <div className="field">
              <label htmlFor="node-no">{c.no}</label>
              <input
                id="node-no"
                inputMode="numeric"
                size={4}
                value={no}
                onChange={(e) => draft.set({ no: e.target.value })}
              />
              <FieldError error={error} field="no" id="node-no-err" />
            </div>
          ) : null}
          <div className="field grow">
            <label htmlFor="node-title">
              {c.title}
              {retitleId ? `（${c.titleFrom(formatYear(props.fiscalYear, lang))}）` : ""}
            </label>
            <input id="node-title" value={title} onChange={(e) => draft.set({ title: e.target.value })} />
            <FieldError error={error} field="title" id="node-title-err" />
          </div>
        </div>
        {error && !["parentId", "no", "title"].includes(String(errorField(error))) ? (
          <ErrorNote error={error} />
        ) : null}
        <p className="muted small">{draft.restored ? c.draftRestored : c.draftKept}</p>
        <button type="submit">{retitleId ? c.retitle : c.add}</button>
      </form>
    </section>
  );
}

export function DepartmentsEditor(props: { strategy: Strategy; onSaved: () => void }) {
  const c = useCycleText();
  const draft = useFormDraft("strategy.departments", noDepartmentEdits, departmentsTyped);
  const { names, fresh } = draft.value;
  const [error, setError] = useState<{ id: string; e: unknown } | null>(null);
  /** After a save, the edit of that department (or the new name) is no longer a draft. */
  const done = (id: string) => {
    if (id === "new") draft.set({ fresh: "" });
    else {
      const { [id]: _saved, ...rest } = names;
      draft.set({ names: rest });
    }
  };
  const run = async (id: string, work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      done(id);
      props.onSaved();
    } catch (e) {
      setError({ id, e });
    }
  };
  const list = props.strategy.departments;
  return (
    <section className="card" aria-labelledby="dept-h">
      <h2 id="dept-h">{c.departmentList}</h2>
      <ol className="plain dept-list">
        {list.map((d, i) => (
          <li key={d.id} className="field-row">
            <label className="sr-only" htmlFor={`dept-${d.id}`}>
              {c.departmentName}
            </label>
            <input
              id={`dept-${d.id}`}
              value={names[d.id] ?? d.name}
              onChange={(e) => draft.set({ names: { ...names, [d.id]: e.target.value } })}
            />
            <button
              type="button"
              className="secondary small"
              onClick={() =>
                run(d.id, () => api("PUT", `/api/departments/${d.id}`, { name: names[d.id] ?? d.name }))
              }
            >
              {c.rename}
            </button>
            <button
              type="button"
              className="secondary small"
              aria-label={`${d.name} ↑`}
              disabled={i === 0}
              onClick={() =>
                run(d.id, async () => {
                  const prev = list[i - 1]!;
                  await api("PUT", `/api/departments/${d.id}`, { position: prev.position });
                  await api("PUT", `/api/departments/${prev.id}`, { position: d.position });
                })
              }
            >
              ↑
            </button>
            {error?.id === d.id ? <ErrorNote error={error.e} /> : null}
          </li>
        ))}
      </ol>
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          run("new", () => api("POST", "/api/departments", { name: fresh }));
        }}
      >
        <div className="field">
          <label htmlFor="dept-new">{c.newDepartment}</label>
          <input id="dept-new" value={fresh} onChange={(e) => draft.set({ fresh: e.target.value })} />
        </div>
        <button type="submit">{c.add}</button>
      </form>
      {error?.id === "new" ? <ErrorNote error={error.e} /> : null}
      <p className="muted small">{draft.restored ? c.draftRestored : c.draftKept}</p>
    </section>
  );
}

export function RevisePlanForm(props: { strategy: Strategy; onSaved: () => void }) {
  const c = useCycleText();
  const plan = props.strategy.plan!;
  const span = plan.endYear - plan.startYear;
  const draft = useFormDraft(
    `strategy.revise.${plan.id}`,
    () => ({
      name: "",
      startYear: plan.endYear + 1,
      endYear: plan.endYear + 1 + span,
      retire: [] as string[],
    }),
    revisionTyped,
  );
  const { name, startYear, endYear, retire } = draft.value;
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const kpis = props.strategy.goals.flatMap((g) =>
    g.subgoals.flatMap((s) => s.measures.flatMap((m) => m.kpis)),
  );
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<{ carried: number; retired: number }>("POST", "/api/plans", {
        name,
        startYear,
        endYear,
        retire,
      });
      setNotice(c.revised(r.carried, r.retired));
      draft.clear();
      props.onSaved();
    } catch (x) {
      setError(x);
    }
  };
  return (
    <section className="card" aria-labelledby="revise-h">
      <h2 id="revise-h">{c.revise}</h2>
      <p className="muted">{c.reviseHelp}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="plan-name">{c.planName}</label>
          <input id="plan-name" value={name} onChange={(e) => draft.set({ name: e.target.value })} />
          <FieldError error={error} field="name" id="plan-name-err" />
        </div>
        <div className="field-row top">
          <div className="field">
            <label htmlFor="plan-start">{c.startYear}</label>
            <select
              id="plan-start"
              value={startYear}
              onChange={(e) => draft.set({ startYear: Number(e.target.value) })}
            >
              <YearOptions from={plan.startYear} to={plan.endYear + 10} />
            </select>
            <FieldError error={error} field="startYear" id="plan-start-err" />
          </div>
          <div className="field">
            <label htmlFor="plan-end">{c.endYear}</label>
            <select
              id="plan-end"
              value={endYear}
              onChange={(e) => draft.set({ endYear: Number(e.target.value) })}
            >
              <YearOptions from={plan.startYear} to={plan.endYear + 20} />
            </select>
            <FieldError error={error} field="endYear" id="plan-end-err" />
          </div>
        </div>
        <details>
          <summary>
            {c.notCarried}（{retire.length}）
          </summary>
          <div className="checks">
            {kpis.map((k) => (
              <label key={k.id} className="check">
                <input
                  type="checkbox"
                  checked={retire.includes(k.id)}
                  onChange={(e) =>
                    draft.set({
                      retire: e.target.checked ? [...retire, k.id] : retire.filter((x) => x !== k.id),
                    })
                  }
                />
                {k.indicator}
              </label>
            ))}
          </div>
        </details>
        {error && !["name", "startYear", "endYear"].includes(String(errorField(error))) ? (
          <ErrorNote error={error} />
        ) : null}
        <OkNote>{notice}</OkNote>
        <p className="muted small">{draft.restored ? c.draftRestored : c.draftKept}</p>
        <button type="submit">{c.revise}</button>
      </form>
    </section>
  );
}
