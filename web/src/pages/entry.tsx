/**
 * The department entry page: every KPI of the user's department in the open year (co-owned ones
 * included), each on its own card (entry-card.tsx), with the year's entry deadline; first, the rows
 * of earlier years planning reopened for a correction (訂正), whichever year is open.
 */
import type { EntryList } from "../../../src/core/api/index.ts";
import { ErrorNote, Loading, StateBadge } from "../components.tsx";
import { formatYear } from "../format.ts";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { useEntryText } from "../i18n-entry.ts";
import { useRules } from "../rules.ts";
import { EntryCard } from "./entry-card.tsx";

export function EntryPage() {
  const { t, lang } = useI18n();
  const c = useEntryText();
  const { data, error } = useApi<EntryList>("/api/entry");
  // The cards evaluate the value as typed with the server's rules: they wait for them.
  const rules = useRules();
  if (error) return <ErrorNote error={error} />;
  if (!data || !rules) return <Loading />;
  const all = [...data.reopened, ...data.rows];
  return (
    <>
      <h1>
        {t.entry}
        {data.year ? <span className="h-sub">{formatYear(data.year.fiscalYear, lang)}</span> : null}
      </h1>
      {!data.year && data.reopened.length === 0 ? <p>{t.noOpenYear}</p> : null}
      {data.entryDeadline ? <p className="callout">{c.deadline(data.entryDeadline)}</p> : null}
      {all.length > 0 ? (
        <nav aria-label={t.kpiList} className="toc">
          <ol>
            {all.map((r) => (
              <li key={r.id}>
                <a href={`#entry-${r.id}`}>{r.kpi.indicator}</a>
                {r.fiscalYear !== data.year?.fiscalYear ? `（${formatYear(r.fiscalYear, lang)}）` : null}{" "}
                <StateBadge state={r.state} />
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {data.reopened.length > 0 ? (
        <section aria-labelledby="reopened-h" className="reopened">
          <h2 id="reopened-h">{c.reopenedHeading}</h2>
          <p className="callout">{c.reopenedHelp}</p>
          {data.reopened.map((r) => (
            <EntryCard key={r.id} initial={r} rules={rules} />
          ))}
        </section>
      ) : null}
      {data.reopened.length > 0 && data.rows.length > 0 && data.year ? (
        <h2>{formatYear(data.year.fiscalYear, lang)}</h2>
      ) : null}
      {data.rows.map((r) => (
        <EntryCard key={r.id} initial={r} rules={rules} />
      ))}
    </>
  );
}
