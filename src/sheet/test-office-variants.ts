/**
 * Test support: a layout fixture's clean table (source.md) rewritten the ways other offices print
 * the same sheet — era years written out, abbreviated, in kanji or Gregorian; letters and digits
 * full-width; header words spaced to fill the cell or wrapped; no thousands separators; 「－」 for
 * an empty figure; synonyms; columns in another order. Each variant means what the original means,
 * so its reading must be the golden's or a refusal — never another reading with exit 0.
 * Used by layout-variants.test.ts and scripts/mutate-layouts.mts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { importSheet } from "./index.ts";
import { compareWithGolden, type FieldResult } from "./layout-golden.ts";
import { csv, markdown, parse, xlsx } from "./test-layout-forms.ts";
import {
  addRemarksColumn,
  dashEmptyFigures,
  dropLegend,
  fillDownLevels,
  groupedYears,
  legendAbove,
  legendAsTable,
  legendRewritten,
  markFirstActual,
  moveColumn,
  numberedIndicators,
  numberRows,
  percentInHeader,
  reverseYearColumns,
  spacerRows,
  swapFigureColumns,
  trimTrailingEmpty,
  unitColumn,
} from "./test-variant-rewrites.ts";

export interface Variant {
  name: string;
  header?: (cell: string) => string;
  body?: (cell: string) => string;
  text?: (line: string) => string;
  table?: (rows: string[][]) => string[][];
  /** The whole sheet's lines, before anything else. */
  lines?: (lines: string[]) => string[];
  /** false: not for card layouts (key–value blocks, where the first row is data). */
  cardsToo?: boolean;
  /** Another variant applied after this one (two offices' habits together: `both`). */
  andThen?: Variant | undefined;
  /** The golden as the variant changes it (a scale relabelled: its labels), when the variant changes what is printed. */
  golden?: (g: Record<string, unknown>) => Record<string, unknown>;
}

/** Two variants applied one after the other, as one (「kanji-era+header-br」). */
export const both = (a: Variant, b: Variant): Variant => ({
  ...a,
  name: `${a.name}+${b.name}`,
  cardsToo: a.cardsToo !== false && b.cardsToo !== false ? a.cardsToo : false,
  andThen: b,
});

const wide = (s: string) =>
  s.startsWith("<!--")
    ? s
    : s
        .split("<br>")
        .map((p) => p.replace(/[0-9A-Za-z%.,:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
        .join("<br>");
const KANJI = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
/** 27 → 二十七, as formal documents print years. */
const kanji = (n: number) =>
  n < 10 ? KANJI[n]! : `${n >= 20 ? KANJI[Math.floor(n / 10)] : ""}十${n % 10 ? KANJI[n % 10] : ""}`;
const kanjiEra = (c: string) =>
  c.replace(/(令和|平成)(\d{1,2})年/g, (_, era, n) => `${era}${Number(n) === 1 ? "元" : kanji(Number(n))}年`);
const reiwa = (n: string) => 2018 + (n === "元" ? 1 : Number(n));
const heisei = (n: string) => 1988 + (n === "元" ? 1 : Number(n));
const SPACED = /^(実績値|目標値|基準値|現状値|指標名|担当課|備考|評価|達成率)$/;

export const VARIANTS: readonly Variant[] = [
  {
    name: "era-long",
    header: (c) =>
      c
        // 「目標値(R2.3)」 (a year and month, the 交付金 forms' 目標年月) is the date 「令和2年3月」.
        .replace(
          /(?<![令平成和0-9A-Za-z])([RH])(\d{1,2})[.．](\d{1,2})(?!\d)/g,
          (_, e, n, m) => `${e === "R" ? "令和" : "平成"}${n}年${m}月`,
        )
        // 「H28年3月末」 (a date) is 「平成28年3月末」, not 「平成28年度年3月末」: a 年 before a month stays 年.
        .replace(
          /(?<![令平成和0-9])R(\d{1,2})(?!\d)(年度|年(?=\d{1,2}月))?/g,
          (_, n, w) => `令和${n}${w === "年" ? "年" : "年度"}`,
        )
        .replace(
          /(?<![令平成和0-9])H(\d{1,2})(?!\d)(年度|年(?=\d{1,2}月))?/g,
          (_, n, w) => `平成${n}${w === "年" ? "年" : "年度"}`,
        ),
  },
  {
    name: "era-short",
    header: (c) =>
      c
        .replace(/令和(\d{1,2}|元)年度?/g, (_, n) => `R${n === "元" ? 1 : n}`)
        .replace(/平成(\d{1,2}|元)年度?/g, (_, n) => `H${n === "元" ? 1 : n}`),
  },
  {
    name: "gregorian",
    header: (c) =>
      c
        .replace(/令和(\d{1,2}|元)年/g, (_, n) => `${reiwa(n)}年`)
        .replace(/平成(\d{1,2}|元)年/g, (_, n) => `${heisei(n)}年`)
        .replace(
          /(?<![令平成和0-9A-Za-z])([RH])(\d{1,2})[.．](\d{1,2})(?!\d)/g,
          (_, e, n, m) => `${e === "R" ? reiwa(n) : heisei(n)}年${m}月`,
        )
        // A date's 年 before its month stays 年 (「H28年3月末」 → 「2016年3月末」), as in era-long.
        .replace(
          /(?<![令平成和0-9A-Za-z])R(\d{1,2})(?!\d)(年度|年(?=\d{1,2}月))?/g,
          (_, n, w) => `${reiwa(n)}${w === "年" ? "年" : "年度"}`,
        )
        .replace(
          /(?<![令平成和0-9A-Za-z])H(\d{1,2})(?!\d)(年度|年(?=\d{1,2}月))?/g,
          (_, n, w) => `${heisei(n)}${w === "年" ? "年" : "年度"}`,
        ),
  },
  // 「令和3(2021)年度」: the era's year glossed with the western one, as national and prefectural forms print it.
  {
    name: "era-both",
    header: (c) =>
      c
        .replace(/令和(\d{1,2}|元)年(?!\d{1,2}月)/g, (_, n) => `令和${n}(${reiwa(n)})年`)
        .replace(/平成(\d{1,2}|元)年(?!\d{1,2}月)/g, (_, n) => `平成${n}(${heisei(n)})年`),
    text: (l) => l.replace(/令和(\d{1,2}|元)年度/g, (_, n) => `令和${n}(${reiwa(n)})年度`),
  },
  {
    name: "title-gregorian",
    text: (l) =>
      l
        .replace(/令和(\d{1,2}|元)年度/g, (_, n) => `${reiwa(n)}年度`)
        .replace(/平成(\d{1,2}|元)年度/g, (_, n) => `${heisei(n)}年度`),
  },
  { name: "kanji-era", header: kanjiEra, text: kanjiEra },
  { name: "spaced", header: (c) => c.replace(SPACED, (w) => [...w].join("　")) },
  { name: "fullwidth-brackets", header: (c) => c.replace(/\(/g, "（").replace(/\)/g, "）") },
  { name: "halfwidth-brackets", header: (c) => c.replace(/（/g, "(").replace(/）/g, ")") },
  {
    name: "synonyms",
    header: (c) =>
      c
        .replace(/担当課/, "所管課")
        .replace(/^指標$/, "指標名")
        .replace(/^指標名$/, "指標")
        .replace(/実績値/, "実績")
        .replace(/目標値/, "目標")
        .replace(/基準値/, "策定時"),
  },
  { name: "dash-empty", table: dashEmptyFigures },
  { name: "wide-body", body: wide },
  { name: "wide-all", body: wide, header: wide, text: wide },
  {
    name: "header-br",
    cardsToo: false,
    header: (c) => (c.length >= 4 && !c.includes("<br>") ? `${c.slice(0, 2)}<br>${c.slice(2)}` : c),
  },
  { name: "no-commas", body: (c) => (/^[\d,.]+\s*[^\d\s]{0,3}$/.test(c) ? c.replaceAll(",", "") : c) },
  { name: "dept-second", cardsToo: false, table: (rows) => moveColumn(rows, (h) => /担当|所管/.test(h), 1) },
  { name: "last-first", cardsToo: false, table: (rows) => moveColumn(rows, (_h, i, n) => i === n - 1, 1) },
  { name: "swap-figures", cardsToo: false, table: swapFigureColumns },
  { name: "extra-column", cardsToo: false, table: addRemarksColumn },
  { name: "legend-above", lines: legendAbove },
  {
    // 「R2実績値」 → 「実績値(R2)」, and 「目標値(R6)」 → 「R6目標値」: the year on the other side of its word.
    name: "year-moved",
    header: (c) => {
      const before = /^((?:令和|平成|[RH])(?:元|\d{1,2})(?:年度?)?)\s*(実績値?|目標値?|基準値|現状値)$/.exec(
        c,
      );
      if (before) return `${before[2]}(${before[1]})`;
      const after =
        /^(実績値?|目標値?|基準値|現状値)\s*[(（]((?:令和|平成|[RH])(?:元|\d{1,2})(?:年度?)?)[)）]$/.exec(c);
      return after ? `${after[2]}${after[1]}` : c;
    },
  },
  { name: "fill-down", cardsToo: false, table: fillDownLevels },
  {
    name: "title-without-year",
    text: (l) => (l.startsWith("|") ? l : l.replace(/[(（]?(?:令和|平成)(?:元|\d{1,2})年度?[)）]?/g, "")),
  },
  { name: "triangle-minus", body: (c) => c.replace(/▲(?=\d)/g, "△") },
  { name: "dash-kinds", body: (c) => (/^[-－―]$/.test(c) ? "―" : c) },
  { name: "footnote-mark", table: markFirstActual },
  { name: "years-reversed", cardsToo: false, table: reverseYearColumns },
  { name: "trailing-trimmed", table: trimTrailingEmpty },
  // The legend not printed with the table (drawn in a text box, on another page): marks it explained
  // must be refused, words and the national form's labels still read (labels-explained.ts).
  { name: "no-legend", lines: dropLegend },
  { name: "legend-table", lines: legendAsTable },
  // The legend's pairs with an arrow, or each meaning bracketed after its label (legend-pair-forms.ts).
  { name: "legend-arrow", lines: legendRewritten("arrow") },
  { name: "legend-bracketed", lines: legendRewritten("bracketed") },
  { name: "rate-in-header", cardsToo: false, table: percentInHeader },
  { name: "unit-column", cardsToo: false, table: unitColumn },
  { name: "grouped-years", cardsToo: false, table: groupedYears },
  // The date the sheet was made and who made it, under the title (「令和7年3月 企画調整課」): no evaluated year.
  { name: "numbered-indicators", cardsToo: false, table: numberedIndicators },
  // An empty first column (a worksheet's margin column A, converted with the table).
  { name: "margin-column", table: (rows) => rows.map((r) => ["", ...r]) },
  { name: "dated-title", lines: (lines) => [lines[0]!, "令和7年3月31日 企画調整課", ...lines.slice(1)] },
  // 「実績値※1」: a header marked for a footnote printed under the table.
  { name: "header-footnote", header: (c) => (/^(実績値?|目標値?|基準値|現状値)/.test(c) ? `${c}※1` : c) },
  // 「9,612<br>人」: the unit wrapped onto the next line of a narrow cell.
  {
    name: "unit-wrapped",
    body: (c) => c.replace(/^([▲△]?[\d,.]+)\s*(人|件|%|円|千円|回|世帯|組|社|箇所|か所)$/, "$1<br>$2"),
  },
  // 「基本目標1」 numbered as the plan prints it elsewhere: 「基本目標Ⅰ」, 「基本目標一」.
  {
    name: "roman-goals",
    body: (c) =>
      c.replace(/(基本目標|大目標|政策)\s*([1-9])(?!\d)/g, (_, w, n) => `${w}${"ⅠⅡⅢⅣⅤⅥⅦⅧⅨ"[Number(n) - 1]}`),
  },
  {
    name: "kanji-goals",
    body: (c) =>
      c.replace(
        /(基本目標|大目標|政策)\s*([1-9])(?!\d)/g,
        (_, w, n) => `${w}${"一二三四五六七八九"[Number(n) - 1]}`,
      ),
  },
  { name: "numbered", cardsToo: false, table: numberRows },
  { name: "spacer-rows", cardsToo: false, table: spacerRows },
  {
    name: "table-note",
    cardsToo: false,
    table: (rows) => [...rows, ["※実績値は速報値です。", ...rows[0]!.slice(1).map(() => "")]],
  },
];

/** The variant of a Markdown sheet: header rows (before |---|), body rows, lines outside tables. */
export function rewrite(md: string, v: Variant): string {
  if (v.andThen) return rewrite(rewrite(md, { ...v, andThen: undefined }), v.andThen);
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const sep = block.findIndex((l) => /^\|\s*:?-{2,}/.test(l));
    // A row marked <!--shift--> (built with a cell lost) keeps its mark after the row.
    const marks: string[] = block.map((l) => (l.endsWith("<!--shift-->") ? "<!--shift-->" : ""));
    let rows = block.map((l) =>
      l
        .replace(/<!--shift-->$/, "")
        .replace(/^\|/, "")
        .replace(/\|$/, "")
        .split("|")
        .map((c) => c.trim()),
    );
    if (v.header) rows = rows.map((r, i) => (i < sep ? r.map(v.header!) : r));
    if (v.body) rows = rows.map((r, i) => (i > sep ? r.map(v.body!) : r));
    if (v.table && sep === 1) {
      const sepRow = rows[sep]!;
      rows = v.table(rows.filter((_, i) => i !== sep));
      // (a rewrite that made the header two rows says so: the |---| line goes under both)
      const added = (rows as { addedHeaderRows?: number }).addedHeaderRows ?? 0;
      rows.splice(sep + added, 0, sepRow);
      marks.splice(0, 0, ...Array<string>(added).fill(""));
    }
    out.push(...rows.map((r, i) => `| ${r.join(" | ")} |${marks[i] ?? ""}`));
    block = [];
  };
  for (const l of v.lines ? v.lines(md.split("\n")) : md.split("\n")) {
    if (l.startsWith("|")) block.push(l);
    else {
      flush();
      out.push(v.text ? v.text(l) : l);
    }
  }
  flush();
  return out.join("\n");
}

export type VariantOutcome =
  | { kind: "right" }
  | { kind: "refused"; message: string }
  | { kind: "wrong"; right: number; all: number; wrong: FieldResult[] };

/** The forms a variant is read in: its clean table, as an extractor leaves it, as the city's Excel. */
export type VariantForm = "clean" | "extracted" | "xlsx" | "csv";

/**
 * Read as the CLI and the web read a file: with today's date, past which no actual can be (a bare
 * 「27年度」 counted in the era a cover's date names, 令和27 = 2045, is refused there). A fixed day,
 * so that no reading depends on the clock.
 */
const AS_USED = { today: new Date("2026-12-01T00:00:00Z") };

/** Reads one variant of a layout fixture against its golden. Null: the variant is not for this layout. */
export async function readVariant(
  dir: string,
  v: Variant,
  form: VariantForm = "clean",
): Promise<VariantOutcome | null> {
  const source = readFileSync(path.join(dir, "source.md"), "utf8");
  if (v.cardsToo === false && source.includes("<!--cards-->")) return null;
  const printed = JSON.parse(readFileSync(path.join(dir, "golden.json"), "utf8"));
  const golden = v.golden ? v.golden(printed) : printed;
  const text = rewrite(source, v);
  // A variant that changes nothing in this layout (no 「R2」 to write out) is not read again.
  if (text === rewrite(source, { name: "as printed" })) return null;
  const cards = text.includes("<!--cards-->");
  const r =
    form === "clean"
      ? await importSheet(new TextEncoder().encode(text), "sheet.md", AS_USED)
      : form === "extracted"
        ? await importSheet(new TextEncoder().encode(markdown(parse(text), cards)), "sheet.md", AS_USED)
        : form === "csv"
          ? await importSheet(new TextEncoder().encode(csv(parse(text))), "sheet.csv", AS_USED)
          : await importSheet(new Uint8Array(await xlsx(parse(text), cards)), "sheet.xlsx", AS_USED);
  if (!r.ok) return { kind: "refused", message: r.error.message };
  const results = compareWithGolden(r.sheet, golden);
  const is = (name: string) => v.name.split("+").includes(name);
  // Names and labels are kept as the reader folds them: 「Ａ」 read as 「A」 is no error; a wrong category is.
  const fold = (x: unknown) =>
    JSON.stringify(x)
      ?.normalize("NFKC")
      .replace(/[-‐－―ー−]/g, "-");
  const wrong = results.filter(
    (x) =>
      !x.ok &&
      fold(x.expected) !== fold(x.actual) &&
      !((is("extra-column") || is("numbered")) && x.field === "extras") &&
      // (without its legend no scale is read: the scale is not what the variant asks about)
      !(is("no-legend") && x.field === "scale"),
  );
  return wrong.length === 0
    ? { kind: "right" }
    : { kind: "wrong", right: results.length - wrong.length, all: results.length, wrong };
}
