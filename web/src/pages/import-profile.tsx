/**
 * The import mapping saved for the municipality (GET /api/import-profile): each column's meaning and
 * what the rating marks mean, from the file it was confirmed on — next year's file of the same layout
 * is read with it. Planning forgets it here when it is wrong (a mark given the wrong meaning would
 * otherwise come back every year), and the next import is read from the file's own headers.
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
  const { lang } = useI18n();
  const w = useImportText().profile;
  const _s = useImportText().imp;
  const { data, error, reload } = useApi<{ profile: SavedImportProfile | null }>(
    "/api/import-profile",
    reloadKey,
  );
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const p = data?.profile ?? null;
  const labelOf = (field: string) => p?.fields.find((f) => f.field === field)?.label ?? field;

  const forget = async () => {
    if (!window.confirm(w.confirm)) return;
    setFailed(null);
    try {
      await api("DELETE", "/api/import-profile");
      setDone(w.forgotten);
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
      {!data ? null : !p ? (
        <p className="muted">{w.none}</p>
      ) : (
        <>
          <p>
            {w.from(
              p.source ?? "—",
              new Date(p.updatedAt).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB"),
              p.updatedBy,
            )}
          </p>
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
          <h3>{w.scaleH}</h3>
          {p.scale ? (
            <ScaleBands bands={p.scale.bands} className="scale" />
          ) : (
            <p className="muted">{w.noScale}</p>
          )}
          <div className="actions">
            <button type="button" className="danger" onClick={forget}>
              {w.forget}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
