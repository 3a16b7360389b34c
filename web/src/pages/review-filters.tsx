/** The review list's filter bar (state, department, disagreement, warnings, order) and the bulk approval. */
import { useState } from "react";
import type { BulkTransitionResult, ReviewState, Row } from "../../../src/core/api/index.ts";
import { api } from "../api.ts";
import { ErrorNote, OkNote } from "../components.tsx";
import { useI18n } from "../i18n.ts";
import { useEntryText } from "../i18n-entry.ts";
import { departmentsOf, type ReviewFilter } from "../review-list.ts";

const STATES: (ReviewState | "")[] = ["submitted", "returned", "draft", "approved", "published", ""];

export function ReviewFilters(props: {
  rows: Row[];
  filter: ReviewFilter;
  onChange: (f: ReviewFilter) => void;
}) {
  const { t } = useI18n();
  const c = useEntryText();
  const { rows, filter } = props;
  const set = (patch: Partial<ReviewFilter>) => props.onChange({ ...filter, ...patch });
  return (
    <>
      <div className="field inline">
        <label htmlFor="r-state">{t.state}</label>
        <select
          id="r-state"
          value={filter.state}
          onChange={(e) => set({ state: e.target.value as ReviewState | "" })}
        >
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s
                ? `${t.states[s]}（${rows.filter((r) => r.state === s).length}）`
                : `${t.all}（${rows.length}）`}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="r-dep">{c.departmentFilter}</label>
        <select id="r-dep" value={filter.department} onChange={(e) => set({ department: e.target.value })}>
          <option value="">{t.all}</option>
          {departmentsOf(rows).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="r-sort">{c.sortBy}</label>
        <select
          id="r-sort"
          value={filter.sort}
          onChange={(e) => set({ sort: e.target.value as ReviewFilter["sort"] })}
        >
          {Object.entries(c.sorts).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox inline">
        <input
          id="r-dis"
          type="checkbox"
          checked={filter.disagreement}
          onChange={(e) => set({ disagreement: e.target.checked })}
        />
        <label htmlFor="r-dis">{c.disagreementFilter}</label>
      </div>
      <div className="field checkbox inline">
        <input
          id="r-warn"
          type="checkbox"
          checked={filter.warnings}
          onChange={(e) => set({ warnings: e.target.checked })}
        />
        <label htmlFor="r-warn">{c.warningsFilter}</label>
      </div>
    </>
  );
}

/** Approves the selected rows at once; the page shows the result (see BulkResult). */
export function BulkApprove(props: { selected: Row[]; onDone: (result: BulkTransitionResult) => void }) {
  const c = useEntryText();
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="bulk">
      <button
        type="button"
        disabled={props.selected.length === 0}
        onClick={async () => {
          setError(null);
          try {
            const r = await api<BulkTransitionResult>("POST", "/api/review/transitions", {
              action: "approve",
              items: props.selected.map((x) => ({ id: x.id, version: x.version })),
            });
            props.onDone(r);
          } catch (e) {
            setError(e);
          }
        }}
      >
        {c.approveSelected(props.selected.length)}
      </button>
      <ErrorNote error={error} />
    </div>
  );
}

/**
 * How a bulk approval went: the count approved and any row that could not move, with the reason.
 * Rendered by the page, not inside the bulk bar, because the bar goes away once nothing is left
 * to approve — which is exactly when a full approval has succeeded.
 */
export function BulkResult({ result }: { result: BulkTransitionResult }) {
  const c = useEntryText();
  const failed = result.results.filter((r) => !r.ok);
  return (
    <div>
      <OkNote>{c.bulkDone(result.results.filter((r) => r.ok).length)}</OkNote>
      {failed.length > 0 ? (
        <div className="error" role="alert">
          {c.bulkFailed}
          <ul>
            {failed.map((f) => (
              <li key={f.id}>
                {f.id}：{f.error?.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
