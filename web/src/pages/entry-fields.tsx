/** Parts of the entry card: last year beside this year, the 評価不可 reason, the checks before submitting. */
import type { PreviousYear } from "../../../src/core/api/index.ts";
import {
  type EntryProblem,
  type EntryWarning,
  NOT_EVALUABLE_REASONS,
  type NotEvaluableReason,
} from "../../../src/core/entry/check-entry.ts";
import { formatValueWithPeriod } from "../../../src/core/value/format.ts";
import { CategoryBadge } from "../components.tsx";
import type { EntryDraft } from "../drafts.ts";
import { formatYear } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { useEntryText } from "../i18n-entry.ts";

/** Last year's actual, evaluation and narrative, for the department to write this year's beside it. */
export function PreviousYearPanel({ previous }: { previous: PreviousYear | null }) {
  const { t, lang } = useI18n();
  const c = useEntryText();
  if (!previous) return <p className="muted small">{c.noPrevious}</p>;
  return (
    <details className="previous-year" open>
      <summary>{c.previousYear(formatYear(previous.fiscalYear, lang))}</summary>
      <dl className="narrative">
        <dt>{t.actual}</dt>
        <dd>{formatValueWithPeriod(previous.actual)}</dd>
        <dt>{t.evaluation}</dt>
        <dd>
          <CategoryBadge category={previous.evaluation.category} covid={previous.evaluation.covid} />
        </dd>
        {(["status", "reason", "challenge", "nextSteps"] as const).map((f) =>
          previous[f] ? (
            <div key={f} className="contents">
              <dt>{t[f]}</dt>
              <dd>{previous[f]}</dd>
            </div>
          ) : null,
        )}
      </dl>
    </details>
  );
}

/** Why 評価不可: a reason from the list, その他 with text; the message at the field when missing. */
export function NotEvaluableFields(props: {
  idPrefix: string;
  draft: EntryDraft;
  problems: EntryProblem[];
  onChange: (patch: Partial<EntryDraft>) => void;
}) {
  const c = useEntryText();
  const { draft, idPrefix } = props;
  const problemOf = (field: EntryProblem["field"]) => props.problems.find((p) => p.field === field);
  const reasonProblem = problemOf("notEvaluableReason");
  const textProblem = problemOf("notEvaluableText");
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={`${idPrefix}-ner`}>{c.notEvaluableReason}</label>
        <select
          id={`${idPrefix}-ner`}
          value={draft.notEvaluableReason}
          aria-invalid={reasonProblem ? true : undefined}
          aria-describedby={reasonProblem ? `${idPrefix}-ner-p` : undefined}
          onChange={(e) => props.onChange({ notEvaluableReason: e.target.value as NotEvaluableReason | "" })}
        >
          <option value="">{c.choose}</option>
          {NOT_EVALUABLE_REASONS.map((r) => (
            <option key={r} value={r}>
              {c.notEvaluableReasons[r]}
            </option>
          ))}
        </select>
        {reasonProblem ? (
          <p id={`${idPrefix}-ner-p`} className="field-problem">
            {reasonProblem.message}
          </p>
        ) : null}
      </div>
      {draft.notEvaluableReason === "other" ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-net`}>{c.notEvaluableText}</label>
          <input
            id={`${idPrefix}-net`}
            value={draft.notEvaluableText}
            aria-invalid={textProblem ? true : undefined}
            onChange={(e) => props.onChange({ notEvaluableText: e.target.value })}
          />
          {textProblem ? <p className="field-problem">{textProblem.message}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

/** The plausibility warnings at the field, and the explicit confirmation a submit needs. */
export function WarningsBox(props: {
  idPrefix: string;
  warnings: EntryWarning[];
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
}) {
  const c = useEntryText();
  if (props.warnings.length === 0) return null;
  return (
    <div className="callout warn" role="note" id={`${props.idPrefix}-warnings`}>
      <strong>{c.checkValues}</strong>
      <ul>
        {props.warnings.map((w) => (
          <li key={w.code + w.message}>{w.message}</li>
        ))}
      </ul>
      <div className="field checkbox">
        <input
          id={`${props.idPrefix}-confirm`}
          type="checkbox"
          checked={props.confirmed}
          onChange={(e) => props.onConfirm(e.target.checked)}
        />
        <label htmlFor={`${props.idPrefix}-confirm`}>{c.confirmWarnings}</label>
      </div>
    </div>
  );
}
