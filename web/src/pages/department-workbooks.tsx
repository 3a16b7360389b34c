/**
 * Department workbooks on the import/export page: planning downloads each department's Excel file
 * (or a ZIP of all), a department its own; the filled file is uploaded, the preview lists per KPI
 * what changes (with the entry form's checks, conflicts and locked rows), and confirming saves the
 * changes as drafts.
 */
import { useState } from "react";
import type { WorkbookDepartments, WorkbookPreview, WorkbookSaved } from "../../../src/core/api/index.ts";
import { may } from "../../../src/core/roles.ts";
import { api } from "../api.ts";
import { ErrorNote, Loading, OkNote, UploadForm } from "../components.tsx";
import { formatYear } from "../format.ts";
import { useApi } from "../hooks.ts";
import { useWorkbookText } from "../i18n-workbooks.ts";
import { useSession } from "../session.ts";

type PlanRow = WorkbookPreview["rows"][number];

const xlsxUrl = (department?: string) =>
  `/api/workbooks/department.xlsx${department ? `?department=${encodeURIComponent(department)}` : ""}`;

export function DepartmentWorkbooks() {
  const { w, lang } = useWorkbookText();
  const { user } = useSession();
  const { data, error } = useApi<WorkbookDepartments>(may(user?.role, "editKpi") ? "/api/workbooks" : null);
  const [preview, setPreview] = useState<WorkbookPreview | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!may(user?.role, "editKpi")) return null;
  const planning = user?.role !== "department";
  return (
    <section aria-labelledby="wb-h">
      <h2 id="wb-h">{w.heading}</h2>
      <p>{w.intro}</p>
      <ErrorNote error={error} />
      {!data ? (
        error ? null : (
          <Loading />
        )
      ) : data.fiscalYear === null ? (
        <p>{w.noOpenYear}</p>
      ) : (
        <>
          <h3>{formatYear(data.fiscalYear, lang)}</h3>
          {planning ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{w.department}</th>
                    <th scope="col">{w.kpis}</th>
                    <th scope="col">{w.download}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.departments.map((d) => (
                    <tr key={d.name}>
                      <th scope="row">{d.name}</th>
                      <td>{d.kpis}</td>
                      <td>
                        <a href={xlsxUrl(d.name)} download>
                          {w.download}（XLSX）
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <p className="actions">
            {planning && may(user?.role, "importSheet") ? (
              <a href="/api/workbooks/all.zip" download>
                {w.downloadAll}
              </a>
            ) : null}
            {!planning && user?.department ? (
              <a href={xlsxUrl()} download>
                {w.downloadOwn(user.department)}
              </a>
            ) : null}
          </p>
          <h3 id="wb-up-h">{w.uploadH}</h3>
          <UploadForm<WorkbookPreview>
            url="/api/workbooks/uploads"
            inputId="wb-file"
            accept=".xlsx"
            fileLabel={w.file}
            buttonLabel={w.upload}
            labelledBy="wb-up-h"
            onSubmit={() => {
              setFailure(null);
              setDone(null);
            }}
            onPreview={setPreview}
            onFailure={(err) => {
              setPreview(null);
              setFailure(err);
            }}
          />
          <ErrorNote error={failure} />
          {preview ? (
            <PreviewCard
              preview={preview}
              onCancel={() => setPreview(null)}
              onSaved={(n) => {
                setPreview(null);
                setDone(w.saved(n));
              }}
              onError={setFailure}
            />
          ) : null}
          <OkNote>{done}</OkNote>
        </>
      )}
    </section>
  );
}

function PreviewCard(props: {
  preview: WorkbookPreview;
  onCancel: () => void;
  onSaved: (n: number) => void;
  onError: (e: unknown) => void;
}) {
  const { w, lang } = useWorkbookText();
  const p = props.preview;
  const shown = p.rows.filter((r) => r.status !== "unchanged");
  const hidden = p.rows.length - shown.length;
  return (
    <section className="card" aria-labelledby="wb-prev-h">
      <h3 id="wb-prev-h">{w.previewH}</h3>
      <p>
        {w.previewOf(
          p.fileName,
          p.department,
          new Date(p.createdAt).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB", {
            dateStyle: "medium",
            timeStyle: "short",
          }),
        )}
      </p>
      <p role="status">
        <strong>{w.counts(p.counts)}</strong>
      </p>
      {p.counts.invalid > 0 ? <p className="callout warn">{w.invalidNote}</p> : null}
      {p.counts.conflict > 0 ? <p className="callout warn">{w.conflictNote}</p> : null}
      {shown.map((r) => (
        <RowPlanView key={`${r.line}-${r.id}`} row={r} />
      ))}
      {hidden > 0 ? <p className="muted">{w.unchangedHidden(hidden)}</p> : null}
      {p.counts.change === 0 ? <p>{w.nothing}</p> : null}
      <div className="actions">
        <button
          type="button"
          disabled={p.counts.change === 0 || p.counts.invalid > 0}
          onClick={async () => {
            try {
              const saved = await api<WorkbookSaved>("POST", `/api/workbooks/uploads/${p.token}/confirm`);
              props.onSaved(saved.saved.length);
            } catch (err) {
              props.onError(err);
            }
          }}
        >
          {w.confirm(p.counts.change)}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {w.cancel}
        </button>
      </div>
    </section>
  );
}

const STATUS_CLASS: Record<PlanRow["status"], string> = {
  change: "cat-mostly_on_track",
  unchanged: "cat-not_evaluable",
  conflict: "cat-delayed",
  locked: "cat-not_evaluable",
  invalid: "cat-delayed",
};

function RowPlanView({ row }: { row: PlanRow }) {
  const { w } = useWorkbookText();
  const show = (s: string) => (s === "" ? w.empty : s);
  return (
    <article className="wb-row" aria-label={row.indicator}>
      <p className="review-row">
        <span className={`badge ${STATUS_CLASS[row.status]}`}>{w.status[row.status]}</span>
        <strong>{row.indicator}</strong>
        <span className="muted">{w.line(row.line)}</span>
      </p>
      {row.changes.length > 0 ? (
        <dl className="wb-changes">
          {row.changes.map((c) => (
            <div key={c.field}>
              <dt>{w.fields[c.field]}</dt>
              <dd>
                <del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {row.refusals.length > 0 ? (
        <ul className="problems">
          {row.refusals.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {row.status === "change" && (row.problems.length > 0 || row.warnings.length > 0) ? (
        <ul className="plain-list">
          {row.problems.map((m) => (
            <li key={m.code}>
              {w.beforeSubmit}：{m.message}
            </li>
          ))}
          {row.warnings.map((m) => (
            <li key={m.message}>
              {w.check}：{m.message}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
