import { useState } from "react";
import type { ImportPreview } from "../../../src/core/api/index.ts";
import { may } from "../../../src/core/roles.ts";
import { ErrorNote, OkNote, UploadForm } from "../components.tsx";
import { formatYear } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { useSession } from "../session.ts";
import { DepartmentWorkbooks } from "./department-workbooks.tsx";
import { ImportPreviewCard } from "./import-preview.tsx";
import { SavedImportProfileSection } from "./import-profile.tsx";
import { ImportScaleForm } from "./import-scale.tsx";

interface Problem {
  row?: number | null;
  column?: string | null;
  message: string;
}

export function ImportExportPage() {
  const { t, lang } = useI18n();
  const { user, years, refreshYears } = useSession();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  // Bumped when an import is saved: it may have saved a new mapping.
  const [savedCount, setSavedCount] = useState(0);
  // Marks the file rates with and no legend explains: asked before the file can be read.
  const scaleLabels = (error as { details?: { scaleLabels?: string[] } } | null)?.details?.scaleLabels;
  const mayImport = may(user?.role, "importSheet");
  const errorText = (error as { message?: string } | null)?.message ?? "";
  // A problem with no place that only repeats the error's own message is said once, above.
  const details = (
    error as { details?: { report?: { problems: Problem[] } } } | null
  )?.details?.report?.problems?.filter((p) => p.row || p.column || !errorText.includes(p.message));
  return (
    <>
      <h1>{t.io}</h1>
      {mayImport ? (
        <section aria-labelledby="imp-h">
          <h2 id="imp-h">{t.importH}</h2>
          <UploadForm<ImportPreview>
            url="/api/imports"
            inputId="imp-file"
            accept=".json,.md,.txt,.csv,.xlsx,.pdf"
            fileLabel={t.file}
            buttonLabel={t.upload}
            onSubmit={() => {
              setError(null);
              setDone(null);
            }}
            onPreview={setPreview}
            onFailure={(err) => {
              setPreview(null);
              setError(err);
            }}
            onFile={setFile}
          />
          <ErrorNote error={error} />
          {file && scaleLabels && scaleLabels.length > 0 ? (
            <ImportScaleForm
              key={`${file.name}-${scaleLabels.join("")}`}
              file={file}
              labels={scaleLabels}
              onPreview={(p) => {
                setError(null);
                setPreview(p);
              }}
              onError={setError}
            />
          ) : null}
          {details && details.length > 0 ? (
            <ul className="problems">
              {details.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id
                <li key={i}>
                  {[p.row ? t.rowN(p.row) : "", p.column ?? ""].filter(Boolean).join("・")}
                  {p.row || p.column ? "：" : ""}
                  {p.message}
                </li>
              ))}
            </ul>
          ) : null}
          {preview ? (
            <ImportPreviewCard
              preview={preview}
              onPreview={setPreview}
              onSaved={(fy) => {
                setDone(t.savedYear(formatYear(fy, lang)));
                setPreview(null);
                setSavedCount((n) => n + 1);
                refreshYears();
              }}
              onCancel={() => setPreview(null)}
              onError={setError}
            />
          ) : null}
          <OkNote>{done}</OkNote>
        </section>
      ) : null}
      {mayImport ? <SavedImportProfileSection reloadKey={savedCount} /> : null}
      <section aria-labelledby="exp-h">
        <h2 id="exp-h">{t.exportH}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.year}</th>
                <th scope="col">{t.sheetPdf}</th>
                <th scope="col">{t.sheetXlsx}</th>
                <th scope="col">{t.csvForExcel}</th>
                <th scope="col">{t.openDataCsv}</th>
                <th scope="col">JSON（sheet/1）</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.fiscalYear}>
                  <th scope="row">{formatYear(y.fiscalYear, lang)}</th>
                  <td>
                    <a href={`/api/years/${y.fiscalYear}/sheet.pdf`} download>
                      {t.sheetPdf}
                    </a>
                  </td>
                  <td>
                    <a href={`/api/years/${y.fiscalYear}/sheet.xlsx`} download>
                      {t.sheetXlsx}（XLSX）
                    </a>
                  </td>
                  <td>
                    <a href={`/api/years/${y.fiscalYear}/sheet.csv`} download>
                      {t.csvForExcel}
                    </a>
                  </td>
                  <td>
                    <a href={`/api/years/${y.fiscalYear}/open-data.csv`} download>
                      {t.openDataCsv}
                    </a>
                  </td>
                  <td>
                    <a href={`/api/years/${y.fiscalYear}/export.json`} download>
                      JSON（sheet/1）
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <DepartmentWorkbooks />
    </>
  );
}
