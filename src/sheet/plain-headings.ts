/**
 * A plain line — no mark, no number, no level word — printed directly above a table's header, the same
 * header printed again under another such line (小矢部市: 「生涯学習の促進」 over one table, 「生涯スポーツの促進」 over
 * the next, each listing that 施策's 成果指標): each line names the part of the plan its table lists, the level
 * the KPIs sit in (the measure, unnumbered). One such line alone, over a table printed once, says nothing
 * certain (a title, a caption): only the header printed again under a second line makes them headings.
 */
import type { Ordinal } from "../core/sheet.ts";
import { squash } from "./columns.ts";

/** A short name in words: no sentence, no figure, no note or title word (評価, 一覧, 年度, 単位, 出典). */
export function plainHeading(text: string | undefined): string | null {
  const t = squash(text ?? "");
  if (t.length < 2 || t.length > 30) return null;
  if (/[0-9０-９。、,:：※*＊()（）[\]【】「」<>〈〉《》≪≫■□◆◇●○・]/.test(t)) return null;
  if (/評価|一覧|年度|単位|出典|資料|調書|シート|状況|結果|報告|凡例|基準|計画$|戦略$|指標/.test(t))
    return null;
  return t;
}

type Headed = { heading: Partial<Record<"goal" | "subgoal" | "measure", Ordinal>> };
type Segments = readonly { rows: Headed[] }[];

/**
 * The first table's plain line, held until the header is printed again under a second one; then it is the
 * measure of every row read so far that has none (`rows`), and the second line the measure from here on.
 */
export class PlainHeadings {
  private first: string | null;
  constructor(
    lineAboveFirstTable: string | undefined,
    /** Sets the measure of the rows read from here on. */
    private readonly set: (measure: Ordinal) => void,
  ) {
    this.first = plainHeading(lineAboveFirstTable);
  }
  /** The line just above a repeated header: true (and the measure set) when it is a plain heading. */
  above(line: string | undefined, segments: Segments): boolean {
    const t = plainHeading(line);
    if (!t || this.first === null) return false;
    const first: Ordinal = { no: 0, title: this.first };
    for (const x of segments.flatMap((s) => s.rows))
      if (!x.heading.measure?.title) x.heading = { ...x.heading, measure: first };
    this.set({ no: 0, title: t });
    return true;
  }
}
