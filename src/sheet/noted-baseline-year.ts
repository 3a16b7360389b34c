/**
 * The year of a baseline column whose header prints none, from a note outside the table that says it:
 * 「※当初値は計画策定時(平成26年度)の値」, 「基準値は平成26年度の数値」 (盛岡市's 当初値 under bare 「当初値」).
 * Without such a note the baseline stays at the year the reader gave it; with one, the note's year is
 * the column's (reported, medium). Only a note naming the column's own word (当初値, 基準値, 策定時, 現状値)
 * and a year counts: a legend or a title is no such note.
 */
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { findYear } from "./header-years.ts";
import { refuse } from "./refuse-reading.ts";
import type { ImportIssue } from "./types.ts";

const BASE_WORD = /当初値|基準値|策定時の?値|現状値|計画策定時/;

/** The year a note gives for the word (「<word>は…(平成26年度)…」), or null. */
export function notedYear(word: string, texts: readonly string[]): number | null {
  for (const raw of texts) {
    for (const sentence of squash(raw).split(/[。]/)) {
      const at = sentence.indexOf(`${word}は`);
      if (at < 0) continue;
      // The year of the sentence after 「<word>は」 (not one before it: the note says the word's year).
      const year = findYear(sentence.slice(at + word.length + 1));
      if (year) return year.year;
    }
  }
  return null;
}

/** The baseline's words a note may use for a table's only baseline column, whatever its header calls it. */
const NOTE_WORDS = ["基準値", "当初値", "策定時の値", "現状値", "計画策定時"];

export function applyNotedBaselineYears(
  segments: readonly { header: FoundHeader }[],
  texts: readonly string[],
  issues: ImportIssue[],
): void {
  for (const seg of segments)
    for (const c of seg.header.columns) {
      if (c.field !== "baseline" || c.period) continue;
      // 「策定時」 over the figures and 「※基準値は平成26(2014)年の値」 under the table: with one baseline column,
      // the note's word for the baseline is the column's (a note speaks of the baseline, not of a header's word).
      const only = seg.header.columns.filter((x) => x.field === "baseline").length === 1;
      const own = BASE_WORD.exec(squash(c.header))?.[0];
      const word =
        own && notedYear(own, texts) !== null
          ? own
          : only
            ? (NOTE_WORDS.find((w) => notedYear(w, texts) !== null) ?? own)
            : own;
      if (!word) continue;
      const year = notedYear(word, texts);
      // 「※当初値は計画策定時の値」 with no year: older than any year the reader could give it, but which?
      if (year === null && texts.some((t) => new RegExp(`${word}は[^。]*(策定|当初|基準)`).test(squash(t))))
        refuse(`列「${c.header}」の値の年度は見出しになく、表の外の注記(「${word}は…」)も年度を言いません`);
      if (year === null) continue;
      c.period = { year, basis: "fiscal" };
      issues.push({
        row: null,
        column: c.header,
        kind: "baseline_year_from_note",
        before: c.header,
        after: `${year}年度`,
        confidence: "medium",
        message: `列「${c.header}」の年度は見出しになく、表の外の注記(「${word}は…」)の年度 ${year} 年度として読んだ`,
      });
    }
}

/**
 * Guard: a baseline column without a year in its header whose values were dated otherwise than the note
 * outside the table says (盛岡市's first reading: 「当初値」 dated at the evaluated year 2016 though the note
 * says 平成26年度). A message naming the column; null when the reading agrees (or no note speaks).
 */
export function baselineAgainstNote(
  columns: readonly { header?: string | null; field: string; year?: number | null }[],
  baselines: readonly { year: number; raw: string }[],
  texts: readonly string[],
): string | null {
  for (const c of columns) {
    if (c.field !== "baseline" || c.year) continue;
    const word = BASE_WORD.exec(squash(c.header ?? ""))?.[0];
    if (!word) continue;
    const year = notedYear(word, texts);
    // 「※当初値は計画策定時の値」 with no year: the note says the baseline is older than the year read (the
    // evaluated year, for want of any) but not which — no year can be given it.
    const told = texts.map(squash).find((t) => new RegExp(`${word}は[^。]*(策定|当初|基準)`).test(t));
    const undated = baselines.find((b) => !/年/.test(b.raw));
    if (year === null && told && undated)
      return `列「${c.header}」の値の年度は見出しになく、表の外の注記(「${word}は…」)も年度を言いません(${undated.year} 年度として読むところでした)`;
    if (year === null) continue;
    // (a value printing its own year, 「3,437百万円(平成20年)」, is dated by it)
    const off = baselines.find((b) => b.year !== year && !/年/.test(b.raw));
    if (off)
      return `列「${c.header}」の値の年度は表の外の注記(「${word}は…」)では ${year} 年度ですが、${off.year} 年度として読みました`;
  }
  return null;
}
