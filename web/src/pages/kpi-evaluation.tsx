/**
 * The KPI page's account of the evaluation: the achievement rate, the rule applied (formula,
 * direction, bands) and, where stated and computed disagree, the sentence `sosei evaluate` gives;
 * under the server's rules (GET /api/evaluation-rules), the table its `computed` comes from.
 */
import type { Row } from "../../../src/core/api/index.ts";
import { evaluateKpi } from "../../../src/core/evaluation/evaluate.ts";
import type { KpiEvaluation, Rules } from "../../../src/core/evaluation/types.ts";
import { formatRate } from "../../../src/core/value/format.ts";
import { CategoryBadge } from "../components.tsx";
import { useI18n } from "../i18n.ts";
import { useEntryText } from "../i18n-entry.ts";
import { useRules } from "../rules.ts";

const DIRECTION_JA = { increase: "増加を目指す", decrease: "減少を目指す", maintain: "維持を目指す" };
const DIRECTION_EN = {
  increase: "higher is better",
  decrease: "lower is better",
  maintain: "keep the level",
};

/** The bands of the rules as one line: 100%以上：順調に進捗／80%以上：概ね順調に進捗／それ以外：進捗の遅れ. */
const bandsText = (rules: Rules, lang: "ja" | "en") =>
  rules.bands
    .map((b) =>
      b.min == null
        ? `${lang === "ja" ? "それ以外" : "otherwise"}：${b.label}`
        : `${formatRate(b.min)}${lang === "ja" ? "以上" : "+"}：${b.label}`,
    )
    .join("／");

export function evaluationOf(row: Row, rules: Rules): KpiEvaluation | null {
  try {
    return evaluateKpi(row.kpi, rules, row.fiscalYear);
  } catch {
    return null;
  }
}

/** With the server's rules (useRules): nothing until they have arrived. */
export function KpiEvaluationSection({ row }: { row: Row }) {
  const rules = useRules();
  return rules ? <KpiEvaluationView row={row} rules={rules} /> : null;
}

export function KpiEvaluationView({ row, rules }: { row: Row; rules: Rules }) {
  const { t, lang } = useI18n();
  const c = useEntryText();
  const ev = evaluationOf(row, rules);
  if (!ev) return null;
  return (
    <section aria-labelledby="rate-h">
      <h2 id="rate-h">{c.rateAndRule}</h2>
      <dl className="narrative">
        <dt>{t.achievementRate}</dt>
        <dd>{ev.achievementRate == null ? "—" : formatRate(ev.achievementRate)}</dd>
        <dt>{c.rule}</dt>
        <dd>
          {c.formulas[ev.formula]}・{(lang === "ja" ? DIRECTION_JA : DIRECTION_EN)[ev.direction]}
          <br />
          <span className="muted small">{bandsText(rules, lang)}</span>
        </dd>
        <dt>{t.computed}</dt>
        <dd>
          <CategoryBadge category={ev.computed} />
        </dd>
        {ev.explanation && ev.agrees !== true ? (
          <>
            <dt>{ev.agrees === null ? c.whyUnchecked : c.whyDiffers}</dt>
            <dd className="explanation">{lang === "ja" ? ev.explanation.ja : ev.explanation.en}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
