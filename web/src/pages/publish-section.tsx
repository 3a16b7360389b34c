/**
 * Publishing a year, always through a confirmation that lists what becomes public (KPIs, departments,
 * rows not approved, corrections being republished): used by 年度の管理 and the review page.
 */
import { useEffect, useRef, useState } from "react";
import type { PublishPreview } from "../../../src/core/api/index.ts";
import { api } from "../api.ts";
import { ErrorNote, StateBadge } from "../components.tsx";
import { formatYear } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { useCycleText } from "../i18n-cycle.ts";

/**
 * `onPublished` gets the notice to show: the page shows it, outside this section, because on the
 * review page the section goes away with the published year (one notice, never two).
 */
export function PublishSection({
  year,
  onPublished,
}: {
  year: number;
  onPublished: (notice: string) => void;
}) {
  const c = useCycleText();
  const { lang } = useI18n();
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (preview && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [preview]);
  const close = () => {
    dialog.current?.close();
    setPreview(null);
  };
  const check = async () => {
    setError(null);
    try {
      setPreview(await api<PublishPreview>("GET", `/api/years/${year}/publish-preview`));
    } catch (x) {
      setError(x);
    }
  };
  const publish = async () => {
    try {
      await api("POST", `/api/years/${year}/publish`);
      close();
      onPublished(c.published(formatYear(year, lang)));
    } catch (x) {
      setError(x);
      close();
    }
  };
  return (
    <section className="card" aria-labelledby="publish-h">
      <h2 id="publish-h">{c.publish}</h2>
      <button type="button" onClick={check}>
        {c.publishCheck}
      </button>
      <ErrorNote error={error} />
      {preview ? (
        <dialog
          ref={dialog}
          className="dialog publish-dialog"
          aria-labelledby="publish-title"
          onCancel={close}
        >
          <h2 id="publish-title">{c.publishConfirmTitle(formatYear(year, lang))}</h2>
          <p>{c.publishWhat(preview.publishable)}</p>
          <h3>{c.publishDepartments}</h3>
          <ul className="plain">
            {preview.departments.map((d) => (
              <li key={d.department}>
                {d.department}：{d.count}
              </li>
            ))}
          </ul>
          {preview.notApproved.length > 0 ? (
            <>
              <p className="error">{c.notApprovedList(preview.notApproved.length)}</p>
              <ul>
                {preview.notApproved.map((r) => (
                  <li key={r.id}>
                    {r.indicator} <StateBadge state={r.state} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {preview.corrections.length > 0 ? (
            <>
              <h3>{c.correctionsList}</h3>
              <ul>
                {preview.corrections.map((r) => (
                  <li key={r.id}>
                    {r.indicator}：{r.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="actions">
            <button type="button" disabled={!preview.canPublish} onClick={publish}>
              {c.publishNow}
            </button>
            <button type="button" className="secondary" onClick={close}>
              {c.cancel}
            </button>
          </div>
        </dialog>
      ) : null}
    </section>
  );
}
