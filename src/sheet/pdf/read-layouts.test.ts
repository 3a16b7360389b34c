/**
 * Every layout fixture (fixtures/layouts/<name>/) printed to PDF (fixtures/pdf/print-layouts.mts):
 * each PDF against the layout's golden reading, field by field, and against its own XLSX (the PDF must
 * lose nothing the XLSX has). Held-out layouts are measured, not tuned to (fixtures/layouts/README.md):
 * their golden misses are the general reader's, the same as from the XLSX, so they get a floor.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Sheet } from "../../core/sheet.ts";
import { importSheetFile } from "../import-sheet.ts";
import { compareWithGolden } from "../layout-golden.ts";
import { fixturesDir } from "../test-paths.ts";
import { readPdfTable } from "./read-pdf.ts";
import { compareSheets } from "./test-compare.ts";

const root = path.join(fixturesDir, "layouts");
const layouts = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const HELD_OUT = new Set(readFileSync(path.join(root, "held-out.txt"), "utf8").split(/\s+/).filter(Boolean));
/**
 * How each was printed: LibreOffice with borders (fitted to the width), without borders (a table
 * drawn by alignment only), at 100% on portrait pages (the columns that do not fit printed on the
 * next pages, joined back by split-columns.ts), Chromium's print of the sheet as an HTML table, and
 * the table pasted into a Word document, saved as .docx and printed (LibreOffice Writer:
 * fixtures/pdf/print-word.py).
 */
const PRINTS = ["lo", "unruled", "wide", "chromium", "word"] as const;
/**
 * Floors, per file and print: share of golden fields right (development, held out) and share of
 * fields the PDF reads as its XLSX does (development layouts, whose XLSX reads the golden). All
 * 28 layouts on 2026-12-02 after branch pdf4 (7 development, 21 held out; a refused file misses
 * every golden field), development / held out: LibreOffice ruled 100% / 100%, Chromium 100% /
 * 99.6%, split over pages 100% / 99.7%, unruled 100% / 90.5% (nagano-shinshu refused). Held-out
 * floors are two points under the print's lowest held-out file (Chromium: sakai-city 62/65; split:
 * kofukin-h28 29/31); files below their print's floor are in TODAY. With rounds 11–12's four
 * layouts, after branch pdf5 (32 layouts, 25 held out): held out ruled 100%, Chromium 99.7%, split
 * 99.7%, unruled 86.7% (etajima-senryaku and nagano-shinshu refused). With round 13's two (34
 * layouts, 27 held out), held out unruled 1016/1162 (87.4%) before branch pdf6, 1024/1162 (88.1%)
 * after it (yonago-senkou 35/39 and shizuoka-pref 42/46, both with exit 0, → 39/39 and 46/46); ruled
 * 1162/1162, Chromium and split 1159/1162, unchanged.
 */
const FLOOR: Record<(typeof PRINTS)[number], { development: number; heldOut: number; asXlsx: number }> = {
  lo: { development: 0.98, heldOut: 0.95, asXlsx: 0.98 },
  chromium: { development: 0.98, heldOut: 0.93, asXlsx: 0.98 },
  wide: { development: 0.98, heldOut: 0.91, asXlsx: 0.98 },
  unruled: { development: 0.98, heldOut: 0.9, asXlsx: 0.98 },
  // Word prints (Writer): 42 of 42 right since branch word (held out 1565/1565).
  word: { development: 0.98, heldOut: 0.98, asXlsx: 0.98 },
};
/**
 * Files read below their print's floor today (2026-12-02, first reading of the layouts added since —
 * the held-out ones read once, never tuned on): golden and as-XLSX shares, or "refused". Each is held
 * to its own figure less 2 points, so a regression shows and a fix calls for raising it here.
 */
const TODAY: Record<string, { golden: number; asXlsx: number } | "refused"> = {
  // A card per page (2026-12-02, branch pdf4; was 40/53): each card's years read, but 「目標値 H31」
  // prints as two header words a gutter apart, so the final year's column is read apart from its name.
  "ibaraki-pref/unruled": { golden: 53 / 53, asXlsx: 170 / 174 },
  // Its rows are barely taller than a line and every cell has an author's line break: refused,
  // naming the line (pdf_ambiguous_grid), where it read 24/82 with exit 0 when rows were told by
  // line spacing alone.
  "nagano-shinshu/unruled": "refused",
  // Round 20 (2026-12-04), printed after the round's rules and read once: without borders a wrapped
  // indicator's second line (「出」) and the header's wrapped choices cannot be told from new rows: refused.
  "kurume-koho/unruled": "refused",
  "minamikyushu-kouka/unruled": "refused",
  // Round 21 (2026-12-04), printed after the round's rules and read once: ruled, Chromium and Word prints
  // 127/127 each; wide makkari-senkou 52/52, yasuoka-kensho 74/75 **wrong with exit 0** (its wrapped source
  // note read as a legend: read since, a label's own words outrank the legend's order); both unruled **wrong
  // with exit 0** — makkari-senkou 31/52 (the two header rows read as two tables: the project, 評価及び
  // 今後の方針 and 推進会議の評価 kept under no name), yasuoka-kensho 58/75 (each rating run into the
  // actual beside it, 「4 進ちょくに遅れ」, 「2 目標」). Refused since (rating-in-values.ts): a value with
  // a rating after its figure, and the national form's labels in a column not read as the rating.
  "makkari-senkou/unruled": "refused",
  "yasuoka-kensho/unruled": "refused",
  // Round 22 (2026-12-04), printed after the round's rules and read once: tokushima-shuyo's header wrapped
  // in narrow columns (「(24年度) (25年度) 況」) cannot be told from a row's second line: refused
  // (pdf_ambiguous_grid); okinawa-pdca's read 50/52 with exit 0 (the row below's baseline 「6,170万円」
  // run into 「180人(R2年度)」), refused since by the guard against two figures in one value.
  "tokushima-shuyo/unruled": "refused",
  "okinawa-pdca/unruled": "refused",
  // Round 23 (2026-12-04), printed after the round's rules and read once: adachi-kumin's wrapped indicator
  // (「…350g以上の区\n民の割合」) cannot be told from a new row without borders: refused (pdf_ambiguous_grid).
  "adachi-kumin/unruled": "refused",
  // Round 24 (2026-12-04), printed after the round's rules, read once (fixtures/layouts/README.md): unruled fukuoka
  // (a wrapped name's last line a row), Word fukuoka (legend wrapped) and wide seiyo (card split) refused; Chromium
  // fukuoka 39/40 and unruled seiyo 22/31 **wrong with exit 0**, refused since (crossed brackets; a title's year).
  "fukuoka-hofuku/unruled": "refused",
  "fukuoka-hofuku/chromium": "refused",
  "fukuoka-hofuku/word": "refused",
  "seiyo-suishin/unruled": "refused",
  "seiyo-suishin/wide": "refused",
  // Round 25 (2026-12-04), printed after the round's rules and read once: oyabe-seika's wrapped indicator
  // (「…利用回\n数/年」) cannot be told from a new row without borders (pdf_ambiguous_grid); mizunami-shisaku's
  // Word print wraps 「指標と目的の関連性」's sentence onto a line read as a row of its own, an indicator with no
  // value (implausible_reading). Both refused, neither written wrong.
  "oyabe-seika/unruled": "refused",
  "mizunami-shisaku/word": "refused",
  // Unruled prints after reading a printed line as one row or the continuation of one, and a group
  // header over a column whose own header is merged beside it as a span (2026-12-02; sakai-city was
  // 7/65, shizuoka-pref 20/46, yachimata-city 26/49, nagano-shinshu refused).
  "sakai-city/unruled": { golden: 65 / 65, asXlsx: 276 / 285 },
  // shizuoka-pref unruled read since branch pdf6 (was 42/46 with exit 0: 「62件」 under 「(2016年)」,
  // an author's break, began a row of values without a name; now 46/46): a line printed as the
  // table's certain second lines are (same columns, same step) goes on with its row.
  // Rounds 11–12's layouts, printed after their Markdown and XLSX were read and first read as PDFs
  // here (2026-12-02, held out, never tuned on): ruled and split prints 324/324; Chromium's prints
  // of etajima-senryaku and kusatsu-senkou refused, tottori-koteihyo's unruled card refused;
  // read **wrong with exit 0**: kusatsu-senkou and tsukuba-kpi unruled (all read since: below).
  "etajima-senryaku/unruled": "refused",
  // Read since branch pdf5 (2026-12-02), no longer listed: etajima-senryaku and kusatsu-senkou
  // Chromium (refused: the sheet's first header, which the browser repeats on each page, printed
  // inside a later group under other column names; the legend wrapped as prose over two lines),
  // kusatsu-senkou unruled (11/34 with exit 0:
  // a group header over its columns counted as the first column's widest text, so no line of it
  // wrapped), tsukuba-kpi unruled (32/36 with exit 0: 「(単位)」 began inside the gap its bins found
  // by less than a bin, so 「120」 and 「社」 were one column), tottori-koteihyo unruled (refused).
  // Round 13's layouts, printed after the merge and first read here (2026-12-02, held out, never
  // tuned on): 364/368 over the four prints, 35/39 of them yonago-senkou's unruled print, **wrong
  // with exit 0**: a wrapped indicator's last line (「者数」) read as a sixth KPI, two departments
  // lost. Refused by branch layouts6's guard (a KPI with no value and no rating, below), and read
  // since branch pdf6: 39/39, 155/156 as the XLSX (was 35/39, 152/171; no longer listed): at 3.6 pt
  // rows follow lines by 0.3 pt, under the 0.4 pt margin a line that wrapped in one cell was asked
  // for (aligned-rows.ts), and a 【…課】 left as a row of its own under its project's name is that
  // project's department (general-values.ts departmentBelowName).
  // Round 14's layouts, printed after their Markdown and XLSX rules (branch layouts6) and first read
  // here (2026-12-02, held out, never tuned on): ruled, split and Chromium prints 459/459; unruled
  // machi-kensho-h30 refused (an empty indicator name), toyooka-kenshou 31/51 and tamba-ichiran 25/63
  // **wrong with exit 0** (a wrapped name's second line, 「閲覧数」 / 「規兼業農林家数」, read as a KPI
  // of its own, every row below shifted by one). Refused since by the guard against a KPI with no
  // value and no rating among KPIs that have theirs (reading-plausibility.ts).
  "machi-kensho-h30/unruled": "refused",
  // toyooka-kenshou's read since branches layouts6 and pdf6 met (the wrapped second line joined to
  // its row): 50/51 with exit 0 — the last row's first cell wrapped onto a line below the table
  // (「若者が地元企業に就職し」 over 「ている」), read as text outside it. Read since (no longer listed):
  // a margin line under a first cell that filled its column, ending inside it, goes on with that cell
  // (aligned-grid.ts wrapsInFirstColumn).
  "tamba-ichiran/unruled": "refused",
  // Round 15's layouts, first read here the same way (2026-12-02, branch layouts6): ruled, unruled and
  // Chromium prints 228/228; split prints gyokuto-senkou 38/45 and chigasaki-senkou 30/31 **wrong
  // with exit 0** (the columns printed on later pages — 外部有識者からの意見, 今後の方針の理由 — joined into
  // the last KPI's project or next steps, 今後の方針 lost). gyokuto-senkou's is refused since (a
  // project's name running on for sentences, reading-plausibility.ts); chigasaki-senkou's (30/31 with
  // exit 0, its next steps 「事業の中止事業の評価総合戦略の…」) is refused since: three or more rows of
  // several cells with no indicator, value or rating under one row are records, not its continuation
  // (general-rows.ts).
  "gyokuto-senkou/wide": "refused",
  "chigasaki-senkou/wide": "refused",
  // Word prints (the table pasted into a document, saved as .docx, printed: fixtures/pdf/print-word.py),
  // first read 2026-12-03 before any rule for them: 14 of 39 right, 9 refused, 16 **wrong with exit 0**
  // (Writer's and Word's autospacing read as spaces, 「第 3 子」, 「平成 31 年度まで 10 人」; a legend wrapped
  // at Word's line pitch read as two texts, its last labels lost → 評価不可; cards run on one page).
  // After (cell-text.ts, wrapped-lines.ts, general-values.ts, cards one per page as each worksheet
  // prints): 36 right, 1 refused, 2 below the floor — cao-growth's 施策群 headings (the goal left empty)
  // and toyooka-kenshou's 手段 numbers (48/51), both with exit 0. Read since branch word (no longer
  // listed): a labelled heading wrapped in its cell (「施策群:民間投資の活\n性化」) heads the rows below,
  // 省 ends a department as 庁 does (「経済産\n業省」 was two), a code glued to its title
  // (「01-02豊岡で…」: the typed space printed as autospacing) numbers by its last part — cao-growth
  // 33/33, toyooka-kenshou 51/51.
  // gyokuto-senkou (was refused: Writer split a row over the page break, 「…出生数前」 on page 1 and
  // 「年比増」 on page 2 under the repeated first row, read as an indicator with no values) reads 45/45
  // since: a split row is joined back (split-rows.ts), the repeated first row dropped (read-general.ts).
  // Round 16's layouts, printed after their rules and read once (2026-12-03): ruled 174/174, Chromium and
  // Word 156/174 each before a PDF's lost spaces were read (「Ⅰ-1-1ものづくり…」, a card's 「1製造品…」:
  // general-values.ts, card-parts.ts), 174/174 since; split 150/174 — miyagi-shisaku **wrong with exit 0**
  // (its 政策 / 施策 / 達成度 columns on later pages: the KPIs rated by their 施策's 評価原案, left:
  // joining a split print's pages is the PDF reader's); unruled 51/174 (two refused: a wrapped 「90.5%」
  // under its 達成度 letter, a wrapped name's 「者数」). miyagi-shisaku's split print reads 63/63 since
  // (2026-12-04): its first page's levels, merged down over the KPIs' rows, are a part whose row lines
  // are all the next page's (split-columns.ts).
  "miyagi-shisaku/unruled": "refused",
  "chiba-shakai/unruled": "refused",
  // Round 18's layouts, printed after their Markdown / XLSX rules and read once (2026-12-04, branch
  // layouts18): ruled 152/152; Chromium kashima-saga-kpi 60/60, osaki-jisshi refused (name and figure on
  // one line in a wide cell; then its 〈基本目標②〉 row, printed with U+2329 brackets, read as a KPI —
  // refused by the value-is-its-own-name guard); Word kashima-saga-kpi 55/60 **wrong with exit 0** (「政策目標1鹿島の…」:
  // the space after the number lost, the goal left empty), osaki-jisshi 92/92; unruled kashima-saga-kpi
  // 60/60, osaki-jisshi refused; split prints both refused (no header found). Read since (no longer
  // listed): Word and Chromium 152/152 (a level line's number ends before a title glued to it; a name and
  // its figure on one line; U+2329 brackets are angle brackets). izumo-suuchi, added after those rules:
  // all five prints 38/38 on first reading.
  "kashima-saga-kpi/wide": "refused",
  "osaki-jisshi/wide": "refused",
  "osaki-jisshi/unruled": "refused",
  // Round 17's layouts, printed after their rules and read once (2026-12-04, branch layouts17): agui-seika
  // 64/64 in all five prints; akiruno-shinchoku ruled and Chromium 70/70, unruled 63/70 **wrong with
  // exit 0** (the third card's numbers a column right where its 実績値 is empty, 「0」 glued to 「X」) —
  // refused since (a rating that is a label with a figure glued to it, reading-plausibility.ts); split
  // and Word refused (the legend 「F 事業完了:… S 目標値以上:…」 split over pages, or wrapped over lines
  // with its spaces lost: its B, A, X not found). Left: joining those legends is the PDF reader's.
  "akiruno-shinchoku/unruled": "refused",
  "akiruno-shinchoku/wide": "refused",
  "akiruno-shinchoku/word": "refused",
  // Round 19's layouts, printed after their rules and read once (2026-12-04, branch layouts19): ruled,
  // split, Chromium and Word 102/102 each (408/408); unruled both refused (esashi-kensho: no column of actuals —
  // the 達成度 header's date on its own line apart from its word; motomiya-shisaku: 進捗率 and 評価 read as one
  // column, 「50.0% A」). Nothing wrong with exit 0.
  "esashi-kensho/unruled": "refused",
  "motomiya-shisaku/unruled": "refused",
  // Read since branch pdf4 (2026-12-02), no longer listed: matsudo-city unruled and wide (were
  // refused), mie-pref unruled (refused, naming its columns; it read 3/37 with exit 0 before
  // checkRolesPresent), cao-growth unruled (19/33: its KPI sentences wrap over lines barely closer
  // than rows). Split prints whose parts are of equal width joined since 2026-12-02, and the legend
  // cut at the page edge joined back (cut-lines.ts: sano-city/wide was refused; sakai-city/wide read
  // 55/65).
};
const totals = new Map<string, { right: number; all: number }>();

afterAll(() => {
  for (const [k, t] of [...totals].sort())
    console.log(`${k}: ${t.right}/${t.all} fields right (${((100 * t.right) / t.all).toFixed(1)}%)`);
});

async function sheetOf(file: string): Promise<Sheet> {
  const r = await importSheetFile(file);
  if (!r.ok)
    throw new Error(`${path.basename(path.dirname(file))}/${path.basename(file)}: ${r.error.message}`);
  return r.sheet;
}

describe.each(layouts)("layout %s printed to PDF", (name) => {
  const golden = JSON.parse(readFileSync(path.join(root, name, "golden.json"), "utf8"));
  const set = HELD_OUT.has(name) ? "held-out" : "development";
  // The XLSX every print is compared with, read once for the four (it is not what is tested here).
  let xlsxSheet: Promise<Sheet> | undefined;
  it.each(PRINTS)("sheet.%s.pdf reads as its XLSX does, and to the golden", async (print) => {
    const known = TODAY[`${name}/${print}`];
    const count = (right: number, all: number) => {
      for (const k of [`${set} ${print}`, `${set} all prints`]) {
        const t = totals.get(k) ?? { right: 0, all: 0 };
        t.right += right;
        t.all += all;
        totals.set(k, t);
      }
    };
    if (known === "refused") {
      const r = await importSheetFile(path.join(root, name, `sheet.${print}.pdf`));
      expect(r.ok, "refused today: raise TODAY when it reads").toBe(false);
      // Counted fairly: a refused file misses every golden field.
      count(0, compareWithGolden({ format: "sheet/1", fiscalYear: 0, kpis: [] }, golden).length);
      return;
    }
    const pdf = await sheetOf(path.join(root, name, `sheet.${print}.pdf`));
    xlsxSheet ??= sheetOf(path.join(root, name, "sheet.xlsx"));
    const xlsx = await xlsxSheet;
    const results = compareWithGolden(pdf, golden);
    const right = results.filter((x) => x.ok).length;
    count(right, results.length);
    const same = compareSheets(xlsx, pdf);
    const wrong = results.filter((x) => !x.ok);
    if (wrong.length > 0 || same.wrong.length > 0)
      console.log(
        `${name}/sheet.${print}.pdf: ${right}/${results.length} golden, ${same.right}/${same.total} as the XLSX\n${[
          ...wrong.map(
            (w) =>
              `  ${w.kpi} ${w.field}: expected ${JSON.stringify(w.expected)} got ${JSON.stringify(w.actual)}`,
          ),
          ...same.wrong.map(
            (w) => `  ${w.path}: XLSX ${JSON.stringify(w.expected)} PDF ${JSON.stringify(w.actual)}`,
          ),
        ].join("\n")}`,
      );
    const floor = known
      ? { development: known.golden - 0.02, heldOut: known.golden - 0.02, asXlsx: known.asXlsx - 0.02 }
      : FLOOR[print];
    if (set === "development" || known) {
      expect(same.right / same.total, "the PDF reads as its XLSX").toBeGreaterThanOrEqual(floor.asXlsx);
      expect(right / results.length).toBeGreaterThanOrEqual(floor.development);
    }
    // Held out: a floor under today's reading; the ruled prints' misses are the general reader's
    // (the same from the XLSX, which reads some of them worse than the PDF).
    else expect(right / results.length).toBeGreaterThanOrEqual(floor.heldOut);
  });
});

/**
 * The development layouts printed without borders with every cell centred (`unruled-middle`) or
 * aligned to the bottom (`unruled-bottom`, Excel's default): `PRINT_VALIGN=middle|bottom
 * PRINT_OUT=dir PRINT_VARIANTS=unruled npx tsx fixtures/pdf/print-layouts.mts <name>`, the PDF copied
 * here. Each reads to the golden or is refused — never wrong with exit 0, as 4 of these 14 and 14 of
 * the 78 prints of all layouts were before branch valign (src/sheet/pdf/README.md). Today's reading
 * is kept so that a file newly read, or newly refused, shows.
 */
const VALIGN: Record<string, "right" | "refused"> = {
  "gotsu-city/unruled-bottom": "refused",
  "gotsu-city/unruled-middle": "refused",
  "ibaraki-pref/unruled-bottom": "right",
  "ibaraki-pref/unruled-middle": "refused",
  "ino-town/unruled-bottom": "refused",
  "ino-town/unruled-middle": "refused",
  "kitsuki-city/unruled-bottom": "refused",
  "kitsuki-city/unruled-middle": "refused",
  "matsudo-city/unruled-bottom": "right",
  "matsudo-city/unruled-middle": "right",
  "nagano-pref/unruled-bottom": "refused",
  "nagano-pref/unruled-middle": "refused",
  "nagasaki-city/unruled-bottom": "right",
  "nagasaki-city/unruled-middle": "refused",
};

describe.each(Object.entries(VALIGN))("%s printed with cells not aligned to the top", (key, today) => {
  it(`is ${today === "right" ? "read to the golden" : "refused"}, not read wrong`, async () => {
    const [name, print] = key.split("/") as [string, string];
    const golden = JSON.parse(readFileSync(path.join(root, name, "golden.json"), "utf8"));
    const r = await importSheetFile(path.join(root, name, `sheet.${print}.pdf`));
    if (!r.ok) {
      expect(r.error.code, r.error.message).toBe("pdf_ambiguous_grid");
      expect(today, "refused today: was it read before?").toBe("refused");
      // A group's label whose rows are not printed is named as such (「1 人口減少を抑える」 on its
      // group's second row), not as a line that might go on with the one above.
      if (key === "nagano-pref/unruled-bottom")
        expect(r.error.message).toMatch(/の見出し「1 人口減少を抑える」: .*どの行のものかを決められません/);
      return;
    }
    const wrong = compareWithGolden(r.sheet, golden).filter((x) => !x.ok);
    expect(wrong, "read wrong with exit 0").toEqual([]);
    expect(today, "read today: mark it right").toBe("right");
  });
});

describe("a sheet printed with its columns over several pages", () => {
  it("joins each row's parts, and gives the page of each part", async () => {
    const file = path.join(root, "ino-town", "sheet.wide.pdf");
    const table = await readPdfTable(new Uint8Array(readFileSync(file)));
    expect(table.pages).toBe(3);
    const row = table.rows.find((x) => x.cells.includes("新規就農者数(累計)"));
    // The KPI name on page 1, its values on page 2, its evaluation and 担当課 on page 3: one row.
    expect(row?.cells.slice(2)).toEqual([
      "新規就農者数(累計)",
      "3人",
      "20人",
      "5人",
      "9人",
      "14人",
      "",
      "◎",
      "産業経済課",
    ]);
    const at = table.locations.find((l) => l.row === row?.row);
    expect(at?.page).toBe(1);
    expect([...new Set(at?.cells.map((c) => c.page ?? at.page))]).toEqual([1, 2, 3]);
  });
});

describe("a legend wider than the first part of a split sheet", () => {
  it("is joined back from the pages of the parts to its right, nothing printed twice", async () => {
    const file = path.join(root, "sakai-city", "sheet.wide.pdf");
    const table = await readPdfTable(new Uint8Array(readFileSync(file)));
    const legend = table.outside.filter((o) => o.text.startsWith("事業の評価"));
    // One line on page 1 (its pieces on pages 2–5 taken in), whole as the city printed it.
    expect(legend.map((o) => o.text)).toEqual([
      "事業の評価 地方創生に非常に効果的であった:目標値を上回り、地方創生に非常に効果があった。 地方創生に相当程度効果があった:目標値は上回らなかったが相当程度(7割以上)達成した。 地方創生に効果があった:目標値には届かなかったが事業開始前より改善した。 地方創生に効果がなかった:実績値が事業開始前より悪化し、効果がみられない。",
    ]);
    expect(table.outside.some((o) => o.text.startsWith("に非常に効果があった"))).toBe(false);
  });
});

describe("a table without rules whose rows cannot be told apart", () => {
  it("is refused, naming the page and the line", async () => {
    // nagano-shinshu printed without borders: rows barely taller than a line, and every cell has an
    // author's line break (「合計特殊出生率」 over 「H26年1.54→H31年1.68」).
    const r = await importSheetFile(path.join(root, "nagano-shinshu", "sheet.unruled.pdf"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("pdf_ambiguous_grid");
    expect(r.error.message).toMatch(/1 ページ目、上から \d+ mm・左から \d+ mm の行「H26年1\.54→H31年1\.68/);
  });
});

describe("the header a browser repeats on each page, inside a later group of the table", () => {
  it("is left out of the rows there and reported as dropped", async () => {
    // etajima-senryaku printed by Chromium: the sheet's first header (「目標指標 | 基準値 (H26) | …」)
    // is printed again at the top of page 2, between a KPI and its 「≪成果と見直し≫」 under 指標名.
    const r = await importSheetFile(path.join(root, "etajima-senryaku", "sheet.chromium.pdf"));
    if (!r.ok) throw new Error(r.error.message);
    const again = r.report.cells.dropped.filter((d) => d.reason.startsWith("各ページに印刷された"));
    expect(again.map((d) => d.text)).toEqual(["目標指標", "基準値 (H26)", "実績値 (H27)", "目標値 (H31)"]);
    expect(r.report.locations?.find((l) => l.row === again[0]!.row)?.page).toBe(2);
  });
});

describe("a table without rules whose last row's first cell wrapped onto the line below it", () => {
  it("reads that line into the cell, not as text outside the table", async () => {
    // toyooka-kenshou printed without borders: 「01-03 若者が地元企業に就職し」 filled the first
    // column, and its 「ている」 printed under the table's last line at the margin.
    const file = path.join(root, "toyooka-kenshou", "sheet.unruled.pdf");
    const table = await readPdfTable(new Uint8Array(readFileSync(file)));
    expect(table.rows.at(-1)?.cells[0]).toBe("01-03 若者が地元企業に就職し\nている");
    expect(table.outside.map((o) => o.text)).not.toContain("ている");
  });
});

describe("a table pasted into a document wider than the page", () => {
  it("is refused, naming the page and the edge it is cut at", async () => {
    // ino-town's table pasted from Excel into a portrait Word document (its columns keep the
    // sheet's widths: WORD_PASTED=1 WORD_PORTRAIT=1, print-layouts.mts) runs off the paper in its
    // H27 column; the columns past it were never printed. It read 33/52 with exit 0.
    const r = await importSheetFile(path.join(root, "ino-town", "sheet.word-cut.pdf"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("pdf_table_cut");
    expect(r.error.message).toMatch(/1 ページ目: 表が用紙の右端で切れています/);
  });
});
