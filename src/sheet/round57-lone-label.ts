/**
 * Round 57 (found by swapping header words: daisen-kensho's 評価 printed as a second 「達成度」): a column read as
 * the achievement rate whose only filled cell, beside dashes, is a letter or mark the legend under the table
 * explains (「A」 over 「-」, with 「評価 A:達成度100%以上 B:…」) holds a rating, not a rate — one table of the sheet
 * lost its evaluation with exit 0 where the tables before it, with two ratings or more, had it read.
 * settle-columns.ts asks two cells of a label; one is enough when the legend pairs exactly that label with a colon.
 */
const MARK = /^([A-Za-zＡ-Ｚ][+＋]?|[◎○〇●△▲×])$/u;

export function loneLegendLabel(cells: readonly string[], legendTexts: readonly string[]): boolean {
  if (cells.length !== 1 || !MARK.test(cells[0]!)) return false;
  const label = cells[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const paired = new RegExp(`(^|[\\s　、,])${label}\\s*[:：]`, "u");
  return legendTexts.some((l) => paired.test(l));
}
