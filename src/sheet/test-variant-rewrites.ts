/**
 * Test support: the rewrites behind the office variants (test-office-variants.ts) — each one way
 * another office prints the same table: columns moved, a legend as a table, rows numbered, spaced,
 * filled down, figures marked or dashed.
 */
/** A rate column whose 「%」 is said once in its name (達成率(%) over 「82.0」), as many sheets print it. */
export function percentInHeader(rows: string[][]): string[][] {
  const c = rows[0]!.findIndex((h) => /^(達成率|進捗率|達成度)$/.test(h.trim()));
  if (c < 0) return rows;
  return rows.map((r, i) =>
    r.map((t, j) => (j !== c ? t : i === 0 ? `${t}(%)` : t.replace(/^(-?[\d,.]+)\s*[%％]$/, "$1"))),
  );
}

/** The legend line's heading and its 「label:meaning」 pairs; null when no line of the sheet is one. */
function legendPairs(lines: string[]): { at: number; head: string; pairs: RegExpExecArray[] } | null {
  const at = lines.findIndex((l, i) => i > 0 && !l.startsWith("|") && /[A-DＡ-ＤS◎○△×①②③]\s*[:：]/.test(l));
  if (at < 0) return null;
  const line = lines[at]!;
  const head = /^([^:：]*?)\s*(?=[A-DＡ-ＤSN◎○△×●①②③④][+＋]?\s*[:：])/.exec(line)?.[1] ?? "";
  const pairs = line
    .slice(head.length)
    .split(/\s+(?=[A-FＡ-ＦSNX◎○△×●①②③④\-−－―][+＋]?\s*[:：])/)
    .map((p) => /^(\S+?)\s*[:：]\s*(.*)$/.exec(p.trim()))
    .filter((m): m is RegExpExecArray => m !== null);
  return pairs.length < 2 ? null : { at, head, pairs };
}

/** The legend printed as a small table of its own under the sheet (| 評価 | 内容 | / | A | 目標を達成 |). */
export function legendAsTable(lines: string[]): string[] {
  const legend = legendPairs(lines);
  if (!legend) return lines;
  const { at, head, pairs } = legend;
  const table = [
    `| ${head.trim() || "評価"} | 内容 |`,
    "|---|---|",
    ...pairs.map((m) => `| ${m[1]} | ${m[2]} |`),
  ];
  return [...lines.slice(0, at), ...table, ...lines.slice(at + 1)];
}

/**
 * The legend's pairs written another way: 「A→目標を達成、B→…」 (an arrow for the colon), or
 * 「A(目標を達成)、B(…)」 (each meaning in brackets after its label; only where no meaning has brackets
 * of its own, which a city would not nest).
 */
export function legendRewritten(form: "arrow" | "bracketed"): (lines: string[]) => string[] {
  return (lines) => {
    const legend = legendPairs(lines);
    if (!legend) return lines;
    const { at, head, pairs } = legend;
    if (form === "bracketed" && pairs.some((m) => /[()（）]/.test(m[2]!))) return lines;
    const written = pairs.map((m) => (form === "arrow" ? `${m[1]}→${m[2]}` : `${m[1]}(${m[2]})`));
    return [...lines.slice(0, at), `${head} ${written.join("、")}`.trim(), ...lines.slice(at + 1)];
  };
}

/** The first row holding a figure: the rows above it are the header's. */
const firstDataRow = (rows: string[][]) =>
  Math.max(
    1,
    rows.findIndex((r) => r.some((t) => /^[▲△-]?[\d,.]+\s*[%人件円回か所社]?$/.test(t.trim()))),
  );
const recordRow = (r: string[]) => r.filter((t) => t !== "").length >= 3;

/** A 「No.」 column first, numbering the KPI rows (1, 2, …), as many offices add one. */
export function numberRows(rows: string[][]): string[][] {
  // (A table of one indicator's years, 年度 | 基準値 | …, numbers no KPIs.)
  if (!rows[0]!.some((h) => /指標|KPI|施策|事業/.test(h))) return rows;
  const first = firstDataRow(rows);
  let n = 0;
  return rows.map((r, i) => {
    // A heading row (its text in the first cell, merged across) keeps its text first.
    if (i > 0 && r[0] !== "" && r.slice(1).every((t) => t === "")) return [r[0]!, "", ...r.slice(1)];
    return [i === 0 ? "No." : i < first || !recordRow(r) ? "" : String(++n), ...r];
  });
}

/** An empty row after every third record, as offices space a long table (in Excel: a blank row). */
export function spacerRows(rows: string[][]): string[][] {
  const first = firstDataRow(rows);
  const out: string[][] = [];
  rows.forEach((r, i) => {
    out.push(r);
    if (i >= first && (i - first) % 3 === 2 && i < rows.length - 1) out.push(r.map(() => ""));
  });
  return out;
}

/** A line of the legend: 「A:…」, 「◎:…」, 「①…:」, 「4:…」, a 凡例 / 評価基準 line. */
const LEGEND_LINE = /([A-DＡ-ＤSＳNＮXＸF◎○△×●①②③④]|[1-5])\s*[:：=]|凡例|評価基準/;
/** 「基本目標1:若い世代の…」: a level's heading, its number before a colon — no legend. */
const LEVEL_HEADING = /^【?(大基本目標|基本目標|政策目標|基本施策|施策)\s*([0-9０-９]{1,2}|[①-⑳])\s*[:：]/;
export function dropLegend(lines: string[]): string[] {
  return lines.filter(
    (l, i) =>
      i === 0 || l.startsWith("|") || l.startsWith("<!--") || LEVEL_HEADING.test(l) || !LEGEND_LINE.test(l),
  );
}

/** Each row without its trailing empty cells, as extractors and hand-written Markdown leave rows (GFM allows it). */
export function trimTrailingEmpty(rows: string[][]): string[][] {
  return rows.map((r, i) => {
    if (i === 0) return r;
    let n = r.length;
    while (n > 1 && r[n - 1] === "") n--;
    return r.slice(0, n);
  });
}

/** Levels merged over their rows in Excel, exported with the value in every row (unmerged and filled). */
export function fillDownLevels(rows: string[][]): string[][] {
  const levels = rows[0]!.flatMap((h, c) =>
    /基本目標|施策|分野|政策|目標/.test(h) && !/指標|値|KPI/.test(h) ? [c] : [],
  );
  const last = new Map<number, string>();
  return rows.map((r, i) => {
    if (i === 0) return r;
    const filled = r.filter((t) => t !== "").length >= 3;
    return r.map((t, c) => {
      if (!levels.includes(c)) return t;
      if (t !== "") {
        last.set(c, t);
        // A level to the left changed: the levels to its right start again.
        for (const k of levels) if (k > c) last.delete(k);
        return t;
      }
      return filled ? (last.get(c) ?? t) : t;
    });
  });
}

/** The first figure under an 実績 header marked for a footnote (「41※」), as sheets note a changed basis. */
export function markFirstActual(rows: string[][]): string[][] {
  const c = rows[0]!.findIndex((h) => /実績/.test(h));
  if (c < 0) return rows;
  const r = rows.findIndex((row, i) => i > 0 && /^[\d,.]+$/.test(row[c] ?? ""));
  if (r < 0) return rows;
  return rows.map((row, i) => (i === r ? row.map((t, j) => (j === c ? `${t}※` : t)) : row));
}

/** A run of year columns of one kind (H27実績 | H28実績 | H29実績) printed latest first. */
export function reverseYearColumns(rows: string[][]): string[][] {
  const head = rows[0]!;
  const kind = (h: string) =>
    /^(?:[RH]|令和|平成)?\d{1,2}(?:年度?)?(実績値?|目標値?)$/.exec(h.replace(/\s/g, ""))?.[1] ?? null;
  let best: [number, number] | null = null;
  for (let i = 0; i < head.length; i++) {
    let j = i;
    while (j + 1 < head.length && kind(head[i]!) !== null && kind(head[j + 1]!) === kind(head[i]!)) j++;
    if (j - i >= 1 && (!best || j - i > best[1] - best[0])) best = [i, j];
  }
  if (!best) return rows;
  const [a, b] = best;
  return rows.map((r) => [...r.slice(0, a), ...r.slice(a, b + 1).reverse(), ...r.slice(b + 1)]);
}

/** Two neighbouring columns of figures the other way round (目標値 before 実績値, as many cities print). */
export function swapFigureColumns(rows: string[][]): string[][] {
  const head = rows[0]!;
  const fig = (h: string) => /実績|目標|基準|現状/.test(h) && !/年月|年度$/.test(h);
  const at = head.findIndex((h, i) => i > 0 && fig(h) && fig(head[i + 1] ?? ""));
  if (at < 0) return rows;
  return rows.map((r) => {
    const c = [...r];
    [c[at], c[at + 1]] = [c[at + 1] ?? "", c[at] ?? ""];
    return c;
  });
}

/** A column the reader does not know, with sentences in it, after the others (特記事項). */
export function addRemarksColumn(rows: string[][]): string[][] {
  // On rows of a KPI (three or more cells), every other one: a heading row prints no remark.
  return rows.map((r, i) => [
    ...r,
    i === 0
      ? "特記事項"
      : r.filter((t) => t !== "").length >= 3 && i % 2 === 0
        ? "関係機関と連携して実施した。"
        : "",
  ]);
}

/** The legend (a line naming labels and their meaning under the table) printed under the title instead. */
export function legendAbove(lines: string[]): string[] {
  const legend = lines.findIndex(
    (l, i) =>
      i > 0 &&
      !l.startsWith("|") &&
      /[A-DＡ-Ｄ◎○△×①②③][:：]/.test(l) &&
      lines.slice(0, i).some((x) => x.startsWith("|")),
  );
  const title = lines.findIndex((l) => l.trim() !== "" && !l.startsWith("<!--"));
  if (legend < 0 || title < 0) return lines;
  const out = [...lines];
  const [line] = out.splice(legend, 1);
  out.splice(title + 1, 0, "", line!, "");
  return out;
}

/** An empty cell among a row's figures printed 「－」 (no figure), as many sheets print it. */
export function dashEmptyFigures(rows: string[][]): string[][] {
  const figures = rows[0]!.map((h, c) => {
    // Columns of the year's figures (not a merged 「№」 or a project's 実績額, which print no dash).
    if (!/実績|目標|基準|現状|値|率/.test(h) || /額|№|番号/.test(h)) return false;
    const body = rows
      .slice(1)
      .map((r) => (r[c] ?? "").replace(/\s/g, ""))
      .filter((t) => t !== "");
    return body.length > 0 && body.filter((t) => /^[\d,.%()人件回円万億]+$/.test(t)).length * 2 > body.length;
  });
  // Rows of figures only: a heading row (「数値目標」 alone) prints no dashes.
  const isData = (r: string[]) => r.filter((t) => t !== "").length * 2 >= r.length;
  return rows.map((r, i) =>
    i === 0 || !isData(r) ? r : r.map((t, c) => (t === "" && figures[c] ? "－" : t)),
  );
}

export function moveColumn(rows: string[][], pick: (h: string, i: number, n: number) => boolean, to: number) {
  const head = rows[0]!;
  const from = head.findIndex((h, i) => pick(h, i, head.length));
  if (from <= 0 || from === to) return rows;
  return rows.map((r) => {
    const c = [...r];
    const [x] = c.splice(from, 1);
    c.splice(to, 0, x ?? "");
    return c;
  });
}

/** A figure with its unit printed after it (「9,612人」, 「41.2%」): the number and the unit. */
const WITH_UNIT = /^([▲△\-−]?[\d,.]+)\s*([^\d\s<>()（）.,]{1,4})$/;

/**
 * The unit in a 単位 column of its own after the indicator, the figures without it (「人 | 9,612」), as
 * many sheets print it — where every figure of a row bears the same unit (rates excepted, a 前年度比 too).
 */
export function unitColumn(rows: string[][]): string[][] {
  const head = rows[0]!;
  const at = head.findIndex((h) => /指標|KPI|数値目標/.test(h) && !/値|単位/.test(h));
  if (at < 0 || head.some((h) => /単位/.test(h))) return rows;
  const rate = (i: number) => /達成率|進捗率|達成度|前年度?比/.test(head[i] ?? "");
  return rows.map((r, ri) => {
    if (ri === 0) return [...r.slice(0, at + 1), "単位", ...r.slice(at + 1)];
    const figures = r.flatMap((t, i) => (i > at && !rate(i) ? [WITH_UNIT.exec(t.trim())] : []));
    const units = new Set(figures.filter((m) => m !== null).map((m) => m![2]));
    const unit = units.size === 1 && figures.filter((m) => m !== null).length >= 2 ? [...units][0]! : "";
    const cells = r.map((t, i) => {
      const m = i > at && !rate(i) ? WITH_UNIT.exec(t.trim()) : null;
      return unit && m && m[2] === unit ? m[1]! : t;
    });
    return [...cells.slice(0, at + 1), unit, ...cells.slice(at + 1)];
  });
}

/** 「R2実績値」 / 「実績値(R2)」: a year and the kind of figure in one header. */
const YEAR_KIND =
  /^(?:((?:令和|平成|[RH])(?:元|\d{1,2})(?:年度?)?)\s*(実績値?|目標値?)|(実績値?|目標値?)\s*[(（]((?:令和|平成|[RH])(?:元|\d{1,2})(?:年度?)?)[)）])$/;

/**
 * Year columns under one group header (a header of two rows: 「実績値」 over 「R2 | R3 | R4」), as many
 * sheets print a run of years; a single-row header only (the other columns' names on its first row).
 */
export function groupedYears(rows: string[][]): string[][] {
  const head = rows[0]!;
  const parts = head.map((h) => {
    const m = YEAR_KIND.exec(h.replace(/\s/g, ""));
    return m ? { kind: m[2] ?? m[3]!, year: m[1] ?? m[4]! } : null;
  });
  // Two or more neighbouring year columns of one kind, or nothing to group.
  const grouped = parts.some((p, i) => p && parts[i + 1]?.kind === p.kind);
  if (!grouped || rows[1]?.some((t) => /^:?-{2,}/.test(t))) return rows;
  const top = head.map((h, i) => {
    const p = parts[i];
    if (!p) return h;
    const solo = parts[i - 1]?.kind !== p.kind && parts[i + 1]?.kind !== p.kind;
    return solo ? h : parts[i - 1]?.kind === p.kind ? "" : p.kind;
  });
  const sub = head.map((_h, i) => {
    const p = parts[i];
    const solo = p && parts[i - 1]?.kind !== p.kind && parts[i + 1]?.kind !== p.kind;
    return p && !solo ? p.year : "";
  });
  return Object.assign([top, sub, ...rows.slice(1)], { addedHeaderRows: 1 });
}

/** Each indicator numbered in its cell (「(1) 転入者数」, as 「KPI①」 sheets print them). */
export function numberedIndicators(rows: string[][]): string[][] {
  const at = rows[0]!.findIndex((h) => /指標|KPI/.test(h) && !/値|単位|年度/.test(h));
  if (at < 0) return rows;
  let n = 0;
  return rows.map((r, i) =>
    i === 0 || (r[at] ?? "") === "" || r.filter((t) => t !== "").length < 3
      ? r
      : r.map((t, j) => (j === at ? `(${++n}) ${t}` : t)),
  );
}
