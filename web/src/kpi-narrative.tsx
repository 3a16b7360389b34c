/**
 * A KPI's narrative as the sheet prints it (主な取組, 実施状況, 理由, 課題, 今後の方向性): one list for
 * the KPI page and the review panel, which puts its values (target, actual, computed) first.
 */
import type { ReactNode } from "react";
import type { Kpi } from "../../src/core/sheet.ts";
import { useI18n } from "./i18n.ts";

export function KpiNarrative({ kpi, children }: { kpi: Kpi; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <dl className="narrative">
      {children}
      <dt>{t.initiatives}</dt>
      <dd>
        {kpi.initiatives.length === 0 ? (
          "—"
        ) : (
          <ul className="plain-list">
            {kpi.initiatives.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t.status}</dt>
      <dd>{kpi.status ?? "—"}</dd>
      <dt>{t.reason}</dt>
      <dd>{kpi.reason ?? "—"}</dd>
      <dt>{t.challenge}</dt>
      <dd>{kpi.challenge ?? "—"}</dd>
      <dt>{t.nextSteps}</dt>
      <dd>{kpi.nextSteps ?? "—"}</dd>
    </dl>
  );
}
