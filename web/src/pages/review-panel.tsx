/** One row opened on the review page: its values with their periods, the comments, approve / return. */
import { useState } from "react";
import type { KpiDetail } from "../../../src/core/api/index.ts";
import { api } from "../api.ts";
import { CategoryBadge, ErrorNote, Link, Loading } from "../components.tsx";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { useEntryText } from "../i18n-entry.ts";
import { KpiNarrative } from "../kpi-narrative.tsx";
import { valueWithOwnPeriod } from "../review-list.ts";
import { Comments } from "./kpi.tsx";

export function ReviewPanel({
  id,
  planner,
  onChanged,
}: {
  id: string;
  planner: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const c = useEntryText();
  const [tick, setTick] = useState(0);
  const { data, error } = useApi<KpiDetail>(`/api/kpis/${id}`, tick);
  const [comment, setComment] = useState("");
  const [commentMissing, setCommentMissing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const k = data.row.kpi;
  const act = async (action: "approve" | "return") => {
    setActionError(null);
    if (action === "return" && !comment.trim()) {
      setCommentMissing(true);
      document.getElementById(`ret-${id}`)?.focus();
      return;
    }
    setCommentMissing(false);
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
      <KpiNarrative kpi={k}>
        <dt>{t.target}</dt>
        <dd>{valueWithOwnPeriod(k.target)}</dd>
        <dt>{t.actual}</dt>
        <dd>{valueWithOwnPeriod(k.actual)}</dd>
        <dt>{t.computed}</dt>
        <dd>
          <CategoryBadge category={data.row.computed} />
        </dd>
      </KpiNarrative>
      {data.row.warnings?.length ? (
        <ul className="callout warn">
          {data.row.warnings.map((w) => (
            <li key={w.code + w.message}>{w.message}</li>
          ))}
        </ul>
      ) : null}
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
              aria-invalid={commentMissing ? true : undefined}
              aria-describedby={commentMissing ? `ret-${id}-p` : undefined}
              onChange={(e) => setComment(e.target.value)}
            />
            {commentMissing ? (
              <p id={`ret-${id}-p`} className="field-problem">
                {c.returnNeedsComment}
              </p>
            ) : null}
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
