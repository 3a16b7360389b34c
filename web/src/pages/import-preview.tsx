/**
 * The import preview: what saving would do (which year, rows replaced / added / dropped; a published
 * year is never replaced), and what the reader recognised — each source column with the field it was
 * read as and how sure, the scale read from the legend, header rows and evaluated year. Planning
 * corrects a column's meaning with its select and reads the upload again; confirming saves the
 * sheet and this mapping for the municipality.
 */
import { useState } from "react";
import type { ImportPreview } from "../../../src/core/api/index.ts";
import { api } from "../api.ts";
import { formatYear } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { useImportText } from "../i18n-import.ts";
import { ScaleBands } from "./scale-bands.tsx";

interface Props {
  preview: ImportPreview;
  /** A new preview (read again with corrections). */
  onPreview: (p: ImportPreview) => void;
  onSaved: (fiscalYear: number) => void;
  onCancel: () => void;
  onError: (e: unknown) => void;
}

const key = (table: number, col: number) => `${table}:${col}`;

export function ImportPreviewCard({ preview, onPreview, onSaved, onCancel, onError }: Props) {
  const { t, lang } = useI18n();
  const w = useImportText();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const m = preview.mapping;
  const e = preview.effect;
  const year = formatYear(e.fiscalYear, lang);
  const changed = m.columns.filter(
    (c) => fields[key(c.table, c.col)] && fields[key(c.table, c.col)] !== c.field,
  );
  const tables = new Set(m.columns.map((c) => c.table)).size;
  const labelOf = (field: string) =>
    w.imp.fieldLabel(field, m.fields.find((f) => f.field === field)?.label ?? field);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    onError(null);
    try {
      await work();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card import-preview" aria-labelledby="prev-h">
      <h3 id="prev-h">{t.previewH}</h3>
      <p>
        {preview.fileName}：{t.kpiCount(preview.kpiCount)}
        {preview.numericGoalCount > 0 ? t.andNumericGoals(preview.numericGoalCount) : ""}
      </p>

      <h4>{w.imp.effectH}</h4>
      <p className="effect-target">{w.imp.target(e.municipality, year)}</p>
      {e.published ? (
        <p className="callout warn" role="note">
          {w.imp.published(year)} <a href={`/sheet?year=${e.fiscalYear}`}>{w.imp.toSheet}</a>
        </p>
      ) : (
        <p className={e.exists ? "callout warn" : "callout"}>
          {e.exists
            ? w.imp.effectReplace(year, e.replaced, e.added, e.dropped)
            : w.imp.effectNew(year, e.added)}
          {e.inReview > 0 ? ` ${w.imp.inReview(e.inReview)}` : ""}
        </p>
      )}

      <h4 id="map-h">{w.imp.mappingH}</h4>
      <dl className="mapping-facts">
        <div>
          <dt>{w.imp.layoutIs}</dt>
          <dd>{w.imp.layout[m.layout] ?? m.layout}</dd>
        </div>
        <div>
          <dt>{w.imp.evaluatedYear}</dt>
          <dd>
            {m.yearSheets && m.yearSheets.length > 1 ? (
              // A workbook with a worksheet per year: which year's sheet is read (read again on change).
              <select
                aria-label={w.imp.yearSheetSelect}
                value={m.fiscalYear ?? ""}
                disabled={busy}
                onChange={(ev) => {
                  const fiscalYear = Number(ev.target.value);
                  run(async () => {
                    const next = await api<ImportPreview>("POST", `/api/imports/${preview.token}/mapping`, {
                      columns: [],
                      fiscalYear,
                    });
                    setFields({});
                    onPreview(next);
                  });
                }}
              >
                {m.yearSheets.map((y) => (
                  <option key={y.sheet} value={y.fiscalYear}>
                    {w.imp.yearSheet(y.sheet, y.fiscalYear)}
                  </option>
                ))}
              </select>
            ) : m.fiscalYear ? (
              formatYear(m.fiscalYear, lang)
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt>{w.imp.headerRowsLabel}</dt>
          <dd>{w.imp.headerRows(m.headerRows)}</dd>
        </div>
      </dl>
      <p className="muted">{m.layout === "seed" ? w.imp.fixed : w.imp.saved[m.savedProfile]}</p>
      {m.columns.length > 0 ? (
        <div className="table-wrap">
          <table aria-labelledby="map-h">
            <thead>
              <tr>
                <th scope="col">{w.imp.where}</th>
                <th scope="col">{w.imp.header}</th>
                <th scope="col">{w.imp.readAs}</th>
                <th scope="col">{w.imp.sure}</th>
              </tr>
            </thead>
            <tbody>
              {m.columns.map((c) => {
                const k = key(c.table, c.col);
                const value = fields[k] ?? c.field;
                return (
                  <tr key={k} className={value !== c.field ? "changed" : undefined}>
                    <th scope="row">{w.imp.colAt(c.table, c.col, tables)}</th>
                    <td>{c.header}</td>
                    <td>
                      {m.correctable ? (
                        <select
                          aria-label={w.imp.selectFor(c.header || w.imp.colAt(c.table, c.col, tables))}
                          value={value}
                          onChange={(ev) => setFields({ ...fields, [k]: ev.target.value })}
                        >
                          {m.fields.map((f) => (
                            <option key={f.field} value={f.field}>
                              {w.imp.fieldLabel(f.field, f.label)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        labelOf(c.field)
                      )}
                      {c.year && value === c.field ? (
                        <span className="muted">{w.imp.yearOf(c.year)}</span>
                      ) : null}
                    </td>
                    <td>
                      <span className={`confidence confidence-${c.confidence}`}>
                        {w.imp.confidence[c.confidence]}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {changed.length > 0 ? (
        <div className="actions">
          <span role="status">{w.imp.changed(changed.length)}</span>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const columns = changed.map((c) => ({
                  table: c.table,
                  col: c.col,
                  field: fields[key(c.table, c.col)]!,
                }));
                const next = await api<ImportPreview>("POST", `/api/imports/${preview.token}/mapping`, {
                  columns,
                });
                setFields({});
                onPreview(next);
              })
            }
          >
            {w.imp.remap}
          </button>
        </div>
      ) : null}

      {/* (a scale given with the import — the marks' meanings chosen above, or --scale — is no legend) */}
      <h4>
        {m.scaleSaved
          ? w.imp.scaleSavedH
          : !m.scale
            ? w.imp.scaleNoneH
            : m.scale.source === "--scale"
              ? w.imp.scaleGivenH
              : w.imp.scaleH}
      </h4>
      {m.scale ? (
        <ScaleBands bands={m.scale.bands} className="scale" />
      ) : (
        <p className="muted">{w.imp.noScale}</p>
      )}

      <h4>{w.imp.notesH}</h4>
      {/* (inferences to look over, not errors: the import is readable; errors are said above in red) */}
      {preview.report.warnings.length > 0 ? (
        <ul className="reading-notes">
          {preview.report.warnings.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id
            <li key={i}>
              {p.row ? `${t.rowN(p.row)}：` : ""}
              {p.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noProblems}</p>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={busy || e.published || changed.length > 0}
          onClick={() =>
            run(async () => {
              await api("POST", `/api/imports/${preview.token}/confirm`, { open: true });
              onSaved(e.fiscalYear);
            })
          }
        >
          {t.confirmImport}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </section>
  );
}
