/**
 * The import mappings saved for the municipality (GET /api/import-profile), one per layout it imports
 * (a KPI table and project cards, say): each column's meaning and what the rating marks mean, from the
 * file it was confirmed on — next year's file of the same layout is read with it. Planning forgets one
 * here when it is wrong (a mark given the wrong meaning would otherwise come back every year), and the
 * next import of that layout is read from the file's own headers.
 */
import { useState } from "react";
import type { SavedImportProfile } from "../../../src/core/api/index.ts";
import { api } from "../api.ts";
import { ErrorNote, OkNote } from "../components.tsx";
import { useApi } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { useImportText } from "../i18n-import.ts";
import { ScaleBands } from "./scale-bands.tsx";

/** `reloadKey`: bumped when an import is saved (it may have saved a new mapping). */
export function SavedImportProfileSection({ reloadKey }: { reloadKey: number }) {
  const w = useImportText().profile;
  const { data, error, reload } = useApi<{ profiles: SavedImportProfile[] }>(
    "/api/import-profile",
    reloadKey,
  );
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const profiles = data?.profiles ?? [];

  const forget = async (p: SavedImportProfile) => {
    if (!window.confirm(w.confirm(p.source ?? "—"))) return;
    setFailed(null);
    try {
      await api("DELETE", `/api/import-profile?fingerprint=${encodeURIComponent(p.fingerprint)}`);
      setDone(w.forgotten(p.source ?? "—"));
      reload();
    } catch (e) {
      setFailed(e);
    }
  };

  return (
    <section aria-labelledby="profile-h">
      <h2 id="profile-h">{w.heading}</h2>
      <ErrorNote error={error ?? failed} />
      <OkNote>{done}</OkNote>
      {!data ? null : profiles.length === 0 ? (
        <p className="muted">{w.none}</p>
      ) : (
        <>
          {profiles.length > 1 ? <p>{w.several(profiles.length)}</p> : null}
          {profiles.map((p, i) => (
            <SavedProfile
              key={p.fingerprint}
              p={p}
              n={profiles.length > 1 ? i + 1 : null}
              onForget={() => void forget(p)}
            />
          ))}
        </>
      )}
    </section>
  );
}

/** One layout's saved mapping: its columns, its marks, and its own delete button. */
function SavedProfile({ p, n, onForget }: { p: SavedImportProfile; n: number | null; onForget: () => void }) {
  const { lang } = useI18n();
  const t = useImportText();
  const w = t.profile;
  const labelOf = (field: string) => p.fields.find((f) => f.field === field)?.label ?? field;
  const id = `profile-${n ?? 1}`;
  return (
    <article className="saved-profile" aria-labelledby={id}>
      <h3 id={id}>{w.title(n, p.source ?? "—", p.layout ? (t.imp.layout[p.layout] ?? p.layout) : null)}</h3>
      <p>{w.from(new Date(p.updatedAt).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB"), p.updatedBy)}</p>
      {p.columns.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{w.columnsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.col}</th>
                <th scope="col">{w.header}</th>
                <th scope="col">{w.field}</th>
              </tr>
            </thead>
            <tbody>
              {p.columns.map((c) => (
                <tr key={`${c.table}:${c.col}`}>
                  <td className="nowrap">{w.colN(c.table, c.col)}</td>
                  <th scope="row">{c.header || "—"}</th>
                  <td>{labelOf(c.field)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h4>{w.scaleH}</h4>
      {p.scale ? (
        <ScaleBands bands={p.scale.bands} className="scale" />
      ) : (
        <p className="muted">{w.noScale}</p>
      )}
      <div className="actions">
        <button type="button" className="danger" onClick={onForget}>
          {w.forget}
        </button>
      </div>
    </article>
  );
}
