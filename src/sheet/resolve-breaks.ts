/**
 * Decides, for every line break in a cell, whether it is a wrap (the extractor broke a long line:
 * join) or a real break (between initiatives, value segments, departments, sentences: keep).
 * Evidence comes from the sheet itself: the column's wrap width on that page (lines of a wrapped
 * cell are near-equal, the last shorter), how a line ends (。 ends a sentence), department suffixes,
 * and phrases that appear whole elsewhere in the sheet.
 */
import { COLUMN_KEYS, COLUMN_NAMES_JA, type ColumnKey } from "./columns.ts";
import { looksLikeDepartment } from "./realign-rows.ts";
import { charCount, endsSentence, hardBreaks, joinWrap, splitLines } from "./text-lines.ts";
import type { Confidence, ImportIssue } from "./types.ts";
import { type BreakCell, WrapEvidence } from "./wrap-evidence.ts";

export type { BreakCell } from "./wrap-evidence.ts";

export interface Resolved {
  /** The cell as one string: wraps joined, kept breaks as "\n". */
  text: string;
  /** The cell as a list (initiatives, departments): one entry per item. */
  items: string[];
}

const TITLE_COLS = new Set<ColumnKey>(["goal", "subgoal", "measure", "indicator", "evaluation"]);
const VALUE_COLS = new Set<ColumnKey>(["target", "actual", "finalTarget"]);
const TEXT_COLS = new Set<ColumnKey>(["status", "reason", "challenge", "nextSteps"]);

const RANK: Confidence[] = ["low", "medium", "high", "certain"];
const weaker = (a: Confidence, b: Confidence): Confidence => (RANK.indexOf(a) < RANK.indexOf(b) ? a : b);

export interface BreakResolver {
  resolve(cell: BreakCell): Resolved;
}

const DEPT_COMPLETE = (s: string) => charCount(s) >= 3 && looksLikeDepartment(s);
/** A line starting with a bullet or note mark starts a new line whatever the width. */
const BULLET = /^[・●○◯■□◆◇▪＊*]|^[(（]\d+[)）]|^[①-⑳]/;

/** `next` starts a new line: a note (※), or the same bullet the cell's first line starts with. */
function startsBullet(first: string, next: string): boolean {
  if (next.startsWith("※")) return true;
  const a = BULLET.exec(first)?.[0];
  const b = BULLET.exec(next)?.[0];
  if (!a || !b) return false;
  return a === b || (/\d/.test(a) && /\d/.test(b)) || (/[①-⑳]/.test(a) && /[①-⑳]/.test(b));
}

/** Nothing starts a word with these (small kana, prolonged sound mark, closing punctuation): a wrap. */
const NEVER_STARTS = /^[ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー、。，．)）」』]/;

/** Opening brackets not yet closed in `s`. */
const openBrackets = (s: string) =>
  (s.match(/[(（「『]/g)?.length ?? 0) - (s.match(/[)）」』]/g)?.length ?? 0);

/** A line may start a new item unless it begins with a particle or punctuation that continues a phrase. */
const CONTINUES = /^[をにのとやへがでは、。・)）」』ー〜]/;
const ERA_START = /^(令和|平成|昭和|[RHS]\d)/;

/**
 * `authored`: line breaks were typed by a person (CSV, XLSX): every break is real.
 * Otherwise (PDF extraction) breaks are judged by evidence. `measured` (a PDF read with its cells'
 * edges): whether a line filled its cell is known, not guessed from character counts — a break
 * after a short line is the author's (HARD_BREAK), one after a full line is a wrap unless the
 * evidence says otherwise.
 */
export function createBreakResolver(
  cells: readonly BreakCell[],
  authored: boolean,
  issues: ImportIssue[],
  measured = false,
): BreakResolver {
  const evidence = new WrapEvidence(authored ? [] : cells);
  // Phrases known whole: initiative lines that are certainly complete, department names.
  const knownItems = new Set<string>();
  const knownDepts = new Set<string>();
  // Measured: endings of lines the author certainly ended an item with (before a certain break).
  const measuredEndings = new Map<string, number>();
  // Measured: a note's heading (※…) that opens several cells of a column, each going on differently.
  const openings = new Map<string, Set<string>>();
  // Measured: sentences the author ended with a certain break, and sentences followed on their line.
  let sentenceBreaks = 0;
  let sentencesRunOn = 0;
  for (const c of cells) {
    const key = COLUMN_KEYS[c.col]!;
    const lines = splitLines(c.text);
    if (key === "initiatives") {
      const wrapped = !authored && evidence.isWrapped(c.page, c.col);
      const hard = measured ? hardBreaks(c.text) : [];
      lines.forEach((l, i) => {
        // Measured: a line after a certain break (or first) that ends at one (or last) is whole.
        const prevShort =
          i === 0 || (measured ? hard[i - 1]! : !evidence.isFull(c.page, c.col, lines[i - 1]!, 0.88));
        const short = measured
          ? i === lines.length - 1 || hard[i]!
          : !evidence.isFull(c.page, c.col, l, 0.88);
        if ((!measured && !wrapped) || (prevShort && short)) knownItems.add(l);
        if (measured && short) measuredEndings.set(lastTwo(l), (measuredEndings.get(lastTwo(l)) ?? 0) + 1);
      });
    }
    if (measured && TEXT_COLS.has(key)) {
      const hard = hardBreaks(c.text);
      lines.forEach((l, i) => {
        if (hard[i] && endsSentence(l)) sentenceBreaks++;
        sentencesRunOn += l.match(RUN_ON)?.length ?? 0;
      });
    }
    if (measured && TEXT_COLS.has(key) && lines.length > 1 && NOTE_MARK.test(lines[0]!)) {
      const key2 = `${c.col}:${lines[0]}`;
      const nexts = openings.get(key2) ?? new Set<string>();
      nexts.add(lines[1]!);
      openings.set(key2, nexts);
    }
    if (key === "departments") for (const l of lines) if (DEPT_COMPLETE(l)) knownDepts.add(l);
  }
  // How this sheet's initiatives end (their last two characters), learned from the ones known whole.
  // A measured ending counts once seen on two items (one item's ending may be any word).
  const itemEndings = new Set([
    ...[...knownItems].map(lastTwo),
    ...[...measuredEndings].filter(([, n]) => n >= 2).map(([e]) => e),
  ]);
  const isHeading = (col: number, line: string) => (openings.get(`${col}:${line}`)?.size ?? 0) >= 2;

  return {
    resolve(cell: BreakCell): Resolved {
      const key = COLUMN_KEYS[cell.col]!;
      const lines = splitLines(cell.text);
      if (lines.length <= 1) return { text: lines[0] ?? "", items: [...lines] };
      let confidence: Confidence = "certain";
      const wrapped = !authored && evidence.isWrapped(cell.page, cell.col);
      const hard = measured ? hardBreaks(cell.text) : null;
      // Whether line i filled its cell: measured, or judged from the column's wrap width.
      const full = (i: number, ratio: number) =>
        hard ? !hard[i] : isFullIn(evidence, wrapped, cell, lines[i]!, ratio);
      // Measured: the author ends sentences with a break in this cell, or mostly in this sheet (a
      // full line ending one is then taken as ended by the author too).
      const breaksAfterSentences =
        sentenceBreaks > sentencesRunOn || (hard?.some((h, i) => h && endsSentence(lines[i]!)) ?? false);
      // parts[i] = the text of one kept piece; a piece grows while breaks are wraps.
      const parts: string[] = [lines[0]!];
      for (let i = 0; i + 1 < lines.length; i++) {
        const line = lines[i]!;
        const next = lines[i + 1]!;
        const acc = parts.at(-1)!;
        let join: boolean;
        if (TITLE_COLS.has(key)) join = true;
        else if (hard?.[i]) join = false;
        else if (!authored && NEVER_STARTS.test(next)) join = true;
        else if (startsBullet(lines[0]!, next)) join = false;
        else if (authored) join = false;
        else if (VALUE_COLS.has(key)) {
          // A new segment starts with a label then a number ("中学校85.0%"), after a piece with a number.
          const segment =
            /\d/.test(acc.normalize("NFKC")) &&
            openBrackets(acc) <= 0 &&
            !/^[^(（]*[)）]/.test(next) &&
            !ERA_START.test(next) &&
            /^[^\d\s(（)）,.%％ー−-]+[0-9０-９]/.test(next);
          join = !segment;
          if (segment && full(i, 0.88)) confidence = weaker(confidence, "medium");
        } else if (key === "departments") {
          // Measured: a full line whose next piece cannot stand alone (「保育幼稚園」「課」) was wrapped.
          if (
            hard &&
            full(i, 0.88) &&
            looksLikeDepartment(acc + next) &&
            !DEPT_COMPLETE(next) &&
            !knownDepts.has(next)
          )
            join = true;
          else if (DEPT_COMPLETE(acc) || knownDepts.has(acc)) join = false;
          else if (full(i, 0.88)) join = true;
          else if (looksLikeDepartment(acc + next) && !DEPT_COMPLETE(next) && !knownDepts.has(next))
            join = true;
          else {
            join = false;
            confidence = weaker(confidence, "medium");
          }
        } else if (key === "initiatives") {
          if (!full(i, 0.88) || endsSentence(line)) join = false;
          else if (knownItems.has(acc) || knownItems.has(next) || startsKnown(lines, i + 1, knownItems)) {
            join = false;
            confidence = weaker(confidence, "high");
          } else if (
            !hard &&
            !evidence.reachedTwice(cell.page, cell.col) &&
            charCount(next) > 3 &&
            !CONTINUES.test(next) &&
            !knownItems.has(acc + next)
          ) {
            // Only this line reaches the column's width: it is the longest item, not a wrap.
            join = false;
            confidence = weaker(confidence, "medium");
          } else if (
            !knownItems.has(acc + next) &&
            itemEndings.has(lastTwo(acc)) &&
            !CONTINUES.test(next) &&
            openBrackets(acc) <= 0
          ) {
            // The line ends the way this sheet's whole initiatives end (…の充実, …の推進): a new item follows.
            join = false;
            confidence = weaker(confidence, "medium");
          } else {
            join = true;
            confidence = weaker(confidence, knownItems.has(acc + next) ? "high" : "medium");
          }
        } else {
          // Text: a wrap is a full line not ending a sentence.
          // A full line that happens to end a sentence is still a wrap of one paragraph.
          join = hard
            ? !(endsSentence(line) && breaksAfterSentences) && !(i === 0 && isHeading(cell.col, line))
            : isFullIn(evidence, wrapped, cell, line, endsSentence(line) ? 0.97 : 0.8);
          if (join && (endsSentence(line) || !full(i, 0.9))) confidence = weaker(confidence, "medium");
        }
        if (join) parts[parts.length - 1] = joinWrap(acc, next);
        else parts.push(next);
      }
      const items = parts;
      const text =
        TEXT_COLS.has(key) || VALUE_COLS.has(key) || !TITLE_COLS.has(key) ? parts.join("\n") : parts.join("");
      if (!authored)
        issues.push({
          row: cell.row,
          column: COLUMN_NAMES_JA[key],
          kind: "line_breaks",
          before: lines.join("<br>"),
          after: parts.join(" | "),
          confidence,
          message:
            parts.length === 1
              ? `改行${lines.length - 1}か所を折り返しとして結合`
              : `改行${lines.length - 1}か所のうち${parts.length - 1}か所を区切りとして保持`,
        });
      return { text, items };
    },
  };
}

/** A line filling its column on a wrapped page (module-level: a closure per cell costs under tsx). */
const isFullIn = (evidence: WrapEvidence, wrapped: boolean, cell: BreakCell, l: string, ratio: number) =>
  wrapped && evidence.isFull(cell.page, cell.col, l, ratio);

/** A sentence's end with more of the text after it on the same line. */
const RUN_ON = /[。．！？!?][」』）)]*(?=[^\s」』）)])/g;
/** A note's or a heading's mark at the start of a line. */
const NOTE_MARK = /^[※＊*■□◆◇●○【〈＜<]/;

const lastTwo = (s: string) => Array.from(s).slice(-2).join("");

/** Whether the piece starting at line `from` (joined over following lines) is a known whole phrase. */
function startsKnown(lines: readonly string[], from: number, known: ReadonlySet<string>): boolean {
  let s = "";
  for (let j = from; j < lines.length; j++) {
    s += lines[j]!;
    if (known.has(s)) return true;
  }
  return false;
}
