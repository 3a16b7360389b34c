/**
 * 「H27年度現在 127件」 over 「H31年度予測 144件」 (森町's 基準値): a value cell of dated lines — the figure as it
 * stood that year (現在, 時点, 末, or the year alone) and a projection of a later year (予測, 推計, 見込, 見通し:
 * what would happen without the measures). The cell's value is the standing figure at its year; the projection
 * is no value of the cell (said in the report). Anything else — two standing figures, a line without a year,
 * a projection alone — is left as printed.
 */
import { splitLines } from "./text-lines.ts";

const YEAR = "((?:令和|平成|[RH])(?:元|[0-9０-９]{1,2})年?度?|(?:19|20)[0-9]{2}年度?)";
const FIGURE = String.raw`([▲△+\-−]?[0-9０-９][0-9０-９,，.．]*\s*[^\s0-9０-９]{0,4})`;
const STANDING = new RegExp(`^${YEAR}\\s*(?:現在|時点|末)?\\s*${FIGURE}$`);
const FORECAST = new RegExp(`^${YEAR}\\s*(?:予測|推計|見込み?|見通し)(?:値)?\\s*${FIGURE}$`);

/**
 * The standing figure with its year as a value cell reads it (「127件」 over 「(H27年度)」), and the projection
 * lines left aside; null when the cell is not such a pair.
 */
export function standingFigure(cell: string): { text: string; aside: string[] } | null {
  const lines = [...splitLines(cell)].map((l) => l.trim()).filter((l) => l !== "");
  if (lines.length < 2) return null;
  const forecasts = lines.filter((l) => FORECAST.test(l));
  const standing = lines.filter((l) => !FORECAST.test(l));
  if (forecasts.length === 0 || standing.length !== 1) return null;
  const m = STANDING.exec(standing[0]!);
  if (!m) return null;
  const year = /[年度]$/.test(m[1]!) ? m[1]! : `${m[1]}年度`;
  return { text: `${m[2]!.trim()}\n(${year})`, aside: forecasts };
}
