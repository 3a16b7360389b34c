/**
 * Asked when an uploaded sheet rates with marks (A/B/C, ◎○△, ①②③) and prints no legend saying
 * what they mean: planning chooses each mark's category and the file is read again with them. The
 * scale is saved for the municipality with the import, so next year's file needs no answer.
 */
import { useState } from "react";
import type { ImportPreview } from "../../../src/core/api/index.ts";
import { api } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { useImportText } from "../i18n-import.ts";

const CATEGORIES = ["on_track", "mostly_on_track", "delayed", "not_evaluable"] as const;
type Category = (typeof CATEGORIES)[number];

/** The order marks are usually best-first in: letters, then ◎○△×, then circled numbers. */
const ORDER = "SABCDEFNX◎○〇●△▲×①②③④⑤";
const sortMarks = (labels: string[]) =>
  [...labels].sort(
    (a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );

export function ImportScaleForm(props: {
  file: File;
  labels: string[];
  onPreview: (p: ImportPreview) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const w = useImportText();
  const marks = sortMarks(props.labels);
  const [chosen, setChosen] = useState<Record<string, Category | "">>(() =>
    Object.fromEntries(marks.map((m) => [m, ""])),
  );
  const ready = marks.every((m) => chosen[m] !== "");
  return (
    <form
      className="form scale-form"
      aria-labelledby="scale-h"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!ready) return;
        const fd = new FormData();
        fd.set("file", props.file);
        fd.set(
          "scale",
          JSON.stringify({ bands: marks.map((label) => ({ label, category: chosen[label] })) }),
        );
        try {
          props.onPreview(await api<ImportPreview>("POST", "/api/imports", fd));
        } catch (err) {
          props.onError(err);
        }
      }}
    >
      <h3 id="scale-h">{w.imp.scaleAskH}</h3>
      <p>{w.imp.scaleAsk}</p>
      {marks.map((m) => (
        <div className="field" key={m}>
          <label htmlFor={`scale-${m}`}>{w.imp.scaleMark(m)}</label>
          <select
            id={`scale-${m}`}
            value={chosen[m]}
            onChange={(e) => setChosen({ ...chosen, [m]: e.target.value as Category })}
          >
            <option value="">{w.imp.scaleChoose}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t.categories[c]}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" disabled={!ready}>
        {w.imp.scaleRead}
      </button>
    </form>
  );
}
