/**
 * The department entry page: every KPI of the user's department in the open year (co-owned ones
 * included), each on its own card (entry-card.tsx), with the year's entry deadline.
 */
import type { EntryList } from "../../../src/core/api/index.ts";
import { ErrorNote, Loading, StateBadge } from "../components.tsx";
import { formatYear } from "../format.ts";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { useEntryText } from "../i18n-entry.ts";
import { EntryCard } from "./entry-card.tsx";

export function EntryPage() {
  const { t, lang } = useI18n();
  const c = useEntryText();
  const { data, error } = useApi<EntryList>("/api/entry");
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <h1>
        {t.entry}
        {data.year ? <span className="h-sub">{formatYear(data.year.fiscalYear, lang)}</span> : null}
      </h1>
      {!data.year ? <p>{t.noOpenYear}</p> : null}
      {data.entryDeadline ? <p className="callout">{c.deadline(data.entryDeadline)}</p> : null}
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
