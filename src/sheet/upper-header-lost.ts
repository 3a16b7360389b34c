/**
 * A header of two rows whose upper row was not taken as one (「No | プロジェクト名 | 取組名 | 2015 | 2016 | KPI」 over
 * 「| | | | | 指標内容 | 基準値」: its western years read as figures, the upper row passed over): every column it names
 * was read with no name, the levels lost, and the import exited 0. The row right above a one-row header that names
 * columns the header leaves empty — two known names or more, no figure — is such a row: refused, naming it.
 */
import { recogniseHeader } from "./column-fields.ts";
import { BARE_WESTERN_YEAR, isEmpty, squash } from "./columns.ts";

/** The names the row above gives to columns the header leaves empty, when there are two or more; else null. */
export function namesAboveHeader(above: readonly string[], header: readonly string[]): string[] | null {
  if (
    above.some(
      (c) => /^[▲△-]?\d[\d,.]*\s*[^\d\s]{0,3}$/u.test(squash(c)) && !BARE_WESTERN_YEAR.test(squash(c)),
    )
  )
    return null;
  const names = above.flatMap((c, i) => {
    if (isEmpty(c) || !isEmpty(header[i] ?? "") || squash(c).length > 24) return [];
    const f = recogniseHeader(c).field;
    return f === "extra" || f === "year" ? [] : [squash(c)];
  });
  return names.length >= 2 ? names : null;
}
