/**
 * A 効果検証 written in Word: no one big table, but per KPI a block of labelled lines — 【基本目標1】…,
 * 【具体的施策】(1)…, 【KPI】<the indicator's name> — over a small table of its own (基準値 | 目標値 | 実績値 |
 * 達成率 | 評価, one row), then 【担当課】… and 【検証】… lines. Read as printed, no table had a name column
 * (refused: no KPI column). When every small table prints the same header and one data row, and each has,
 * above it, one labelled line naming its indicator (【KPI】, 【指標】, 【成果指標】, 【重要業績評価指標】…), the
 * blocks are folded into one table: the labels become columns (「基本目標」 for 【基本目標1】, its number going
 * to the cell: 「1 …」), the small tables' header after them, one row per block. A label printed above the
 * first table belongs above each table (a level: left empty where a block does not print it, so the level
 * above continues, as a merged cell would); a label first printed under a table belongs to the table above
 * it. Anything else (a block of two rows, a table with no indicator line, headers that differ) is not this
 * kind: nothing is folded.
 */
import { squash } from "./columns.ts";
import { type ImportIssue, NotASheet, type SourceRow, type SourceTable } from "./types.ts";

/** 「【KPI】ホタテ漁業の新規就業者数」 → label 「KPI」, text after it. */
const LABELLED = /^[【［[]([^】］\]]{1,16})[】］\]]\s*(.*)$/;
/** A label naming the indicator itself (not a goal's or a measure's name). */
const INDICATOR_LABEL =
  /^(KPI|ＫＰＩ|重要業績評価指標|成果指標|評価指標|指標|数値目標|指標名)(\(KPI\)|(KPI))?$/i;

const filled = (c: string | undefined) => squash(c ?? "") !== "";
/** The row's texts (a cell merged across the row counts once); a Markdown rule row has none. */
const texts = (r: SourceRow) =>
  new Set(r.cells.map(squash).filter((c) => c !== "" && !/^:?-{3,}:?$/.test(c)));
const isRule = (r: SourceRow) => r.cells.length > 0 && r.cells.every((c) => /^\s*:?-{3,}:?\s*$/.test(c));

/** 「基本目標1」 → { name: 「基本目標」, no: 「1」 }; a label with no number as it is. */
export function splitLabel(label: string): { name: string; no: string | null } {
  const m = /^(.*?[^\d\s])\s*(\d{1,2}|[①-⑳])$/.exec(label.trim());
  return m ? { name: m[1]!, no: m[2]! } : { name: label.trim(), no: null };
}

type Item = { kind: "line"; row: number; text: string; outside: boolean } | { kind: "row"; row: SourceRow };

/** The table with each KPI's labelled block folded into one row, or null when the table is not of this kind. */
export function foldLabelledBlocks(table: SourceTable): { table: SourceTable; issue: ImportIssue } | null {
  // The rows in their order (worksheet by worksheet), a Markdown document's prose lines put back among them.
  // (An empty row — a CSV's line between a table and the lines under it — is no part of either.)
  const lines = [...table.outside].sort((a, b) => a.row - b.row);
  const lineItem = (o: { row: number; text: string }): Item => ({
    kind: "line",
    row: o.row,
    text: o.text.trim(),
    outside: true,
  });
  const items: Item[] = [];
  let k = 0;
  for (const r of table.rows.filter((r) => isRule(r) || texts(r).size > 0)) {
    while (k < lines.length && lines[k]!.row < r.row) items.push(lineItem(lines[k++]!));
    items.push(
      texts(r).size === 1 && !isRule(r)
        ? { kind: "line", row: r.row, text: r.cells.find(filled)!.trim(), outside: false }
        : { kind: "row", row: r },
    );
  }
  while (k < lines.length) items.push(lineItem(lines[k++]!));
  // The small tables: a header row, (a rule,) data rows, up to the next line.
  const tables: { at: number; header: SourceRow; rule: SourceRow | null; data: SourceRow[] }[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind !== "row" || isRule(it.row)) continue;
    const last = tables.at(-1);
    const prev = items[i - 1];
    if (last && prev?.kind === "row") {
      if (isRule(prev.row) && last.data.length === 0) last.rule = prev.row;
      last.data.push(it.row);
    } else tables.push({ at: i, header: it.row, rule: null, data: [] });
  }
  const header = tables[0]?.header.cells.map(squash) ?? [];
  const same = (r: SourceRow) =>
    r.cells.length === header.length && r.cells.every((c, j) => squash(c) === header[j]);
  // A table of another worksheet under another header (a list for drop-downs) is no block; the header
  // alone at a worksheet's end (the table carried over to the next one, its lines printed again) is gone.
  const gone = new Set<SourceRow>();
  const sheetOf = (it: Item | undefined) => (it?.kind === "row" ? it.row.sheet : undefined);
  for (let t = tables.length - 1; t >= 0; t--) {
    const x = tables[t]!;
    const end = x.at + (x.rule ? 2 : 1);
    const foreign = !same(x.header) && x.header.sheet !== tables[0]!.header.sheet;
    const carried =
      x.data.length === 0 &&
      same(x.header) &&
      x.header.sheet !== undefined &&
      items.slice(end).find((it) => it.kind === "row")?.kind === "row" &&
      sheetOf(items.slice(end).find((it) => it.kind === "row")) !== x.header.sheet;
    if (carried) for (const r of [x.header, ...(x.rule ? [x.rule] : [])]) gone.add(r);
    if (foreign || carried) tables.splice(t, 1);
  }
  if (tables.length < 2) return null;
  if (!tables.every((t) => same(t.header) && t.data.length === 1 && t.data[0]!.cells.length <= header.length))
    return null;
  // A small table's header naming the indicator already is an ordinary table split in pieces.
  if (header.some((h) => INDICATOR_LABEL.test(h))) return null;
  // The labelled lines between the tables; the labels printed above the first table are each block's upper lines.
  const labelled = (it: Item | undefined) =>
    it?.kind === "line" ? LABELLED.exec(it.text.normalize("NFKC").replace(/^\s+/, "")) : null;
  const above = new Set<string>();
  for (let i = tables[0]!.at - 1; i >= 0 && labelled(items[i]); i--)
    above.add(splitLabel(labelled(items[i])![1]!).name);
  if (![...above].some((l) => INDICATOR_LABEL.test(l))) return null;
  const columns: string[] = [];
  const blocks: Map<string, string>[] = tables.map(() => new Map());
  const used = new Set<number>();
  for (let b = 0; b < tables.length; b++) {
    const put = (i: number, to: number) => {
      const m = labelled(items[i])!;
      const { name, no } = splitLabel(m[1]!);
      if (blocks[to]!.has(name)) return false;
      if (!columns.includes(name)) columns.push(name);
      blocks[to]!.set(name, [no, m[2]!.trim()].filter((x) => x).join(" "));
      used.add(i);
      return true;
    };
    // Above the table: the run of labelled lines that are upper labels, back to the table before.
    for (let i = tables[b]!.at - 1; i >= 0 && labelled(items[i]); i--) {
      if (!above.has(splitLabel(labelled(items[i])![1]!).name)) break;
      if (!put(i, b)) return null;
    }
    // Under the table: labelled lines of other labels, up to the next block's upper lines.
    const end = tables[b + 1]?.at ?? items.length;
    // (A note under the table, 「※実績値は速報値です。」, is no label: passed over, left as a note.)
    for (
      let i = tables[b]!.at + 1 + (tables[b]!.rule ? 1 : 0) + 1;
      i < end && items[i]!.kind === "line";
      i++
    ) {
      if (!labelled(items[i])) continue;
      if (above.has(splitLabel(labelled(items[i])![1]!).name)) break;
      if (!put(i, b)) return null;
    }
  }
  const indicator = columns.find((c) => INDICATOR_LABEL.test(c))!;
  if (!blocks.every((m) => filled(m.get(indicator)))) return null;
  // Upper labels first (in their printed order: 基本目標, 施策, KPI), then the table, then the lower ones.
  const upper = columns.filter((c) => above.has(c)).reverse();
  const lower = columns.filter((c) => !above.has(c));
  const first = tables[0]!;
  const rows: SourceRow[] = [];
  const inTables = new Set(
    tables.flatMap((t) => [t.header.row, ...(t.rule ? [t.rule.row] : []), t.data[0]!.row]),
  );
  const pad = (cells: string[]) => [...cells, ...Array<string>(header.length - cells.length).fill("")];
  let placed = false;
  for (const it of items) {
    const row = it.kind === "row" ? it.row.row : it.row;
    if (it.kind === "line" && used.has(items.indexOf(it))) continue;
    if (it.kind === "row" && inTables.has(row)) {
      if (placed) continue;
      placed = true;
      rows.push({ ...first.header, cells: [...upper, ...first.header.cells, ...lower] });
      if (first.rule)
        rows.push({ ...first.rule, cells: Array(upper.length + header.length + lower.length).fill("---") });
      tables.forEach((t, b) => {
        rows.push({
          ...t.data[0]!,
          block: first.header.block,
          cells: [
            ...upper.map((c) => blocks[b]!.get(c) ?? ""),
            ...pad(t.data[0]!.cells),
            ...lower.map((c) => blocks[b]!.get(c) ?? ""),
          ],
        });
      });
      continue;
    }
    if (it.kind === "row") {
      if (!gone.has(it.row)) rows.push(it.row);
    } else if (!it.outside) rows.push(table.rows.find((r) => r.row === row)!);
  }
  // Guard: a labelled line among the blocks left over (after a note the run did not pass, between a table
  // and the next block's 【KPI】 line) would be dropped with exit 0 — a department or an account lost.
  // Refused, naming the line. (Labelled lines above the first block's own are the title's, not a KPI's.)
  const start = Math.min(...used);
  items.forEach((it, i) => {
    const m = labelled(it);
    if (it.kind !== "line" || used.has(i) || !m || i < start) return;
    throw new NotASheet(
      "implausible_reading",
      `${it.row}行目の「${it.text.slice(0, 30)}」は指標ごとの見出し行(【${splitLabel(m[1]!).name}】)ですが、どの指標の表に属するか決められません。` +
        "読み違いを避けるため取り込みません。見出し行を各指標の表のすぐ上か下に置いて取り込み直してください",
    );
  });
  const outside = table.outside.filter(
    (o) => !items.some((it, i) => used.has(i) && it.kind === "line" && it.outside && it.row === o.row),
  );
  const issue: ImportIssue = {
    row: null,
    column: null,
    kind: "labelled_blocks_folded",
    before: null,
    after: null,
    confidence: "high",
    message: `指標ごとに見出し行(【${indicator}】など)と小さな表が並ぶ文書です: 見出し(${[...upper, ...lower].join("・")})を列として、${tables.length}指標を1つの表にまとめて読みました`,
  };
  return { table: { ...table, rows, outside }, issue };
}
