// Every layout fixture's level cells (基本目標 / 施策 columns) renumbered in the styles other offices print —
// 「1. 」「(1)」「⑴」「①」「I.」「【1】」「一　」「(一)」「ア 」「第1 」「[1]」「<1>」 … — read and told apart: right,
// refused, or WRONG with exit 0 (a number left in the title is wrong: the golden's ordinal is [no, title]).
//   npx tsx scripts/renumber-levels.mts [--form clean|extracted|xlsx|csv] [name …]
import { readFileSync } from "node:fs";
import path from "node:path";
import { importSheet } from "../src/sheet/index.ts";
import { readVariant } from "../src/sheet/test-office-variants.ts";
import { batteryArgs, count, LAYOUTS, type Tally } from "./battery-tally.mts";

const root = LAYOUTS;
const { form, names } = batteryArgs();
const PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";
const CIRC = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const LATIN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const styles: Record<string, (n: number, t: string) => string> = {
  dot: (n, t) => `${n}. ${t}`,
  fwdot: (n, t) => `${n}．${t}`,
  close: (n, t) => `${n}) ${t}`,
  paren: (n, t) => `(${n}) ${t}`,
  fwparen: (n, t) => `（${n}）${t}`,
  pchar: (n, t) => `${PAREN[n - 1]}${t}`,
  circled: (n, t) => `${CIRC[n - 1]} ${t}`,
  latin: (n, t) => `${LATIN[n - 1]}. ${t}`,
  lenticular: (n, t) => `【${n}】${t}`,
  comma: (n, t) => `${n}、${t}`,
  ideo: (n, t) => `${n}　${t}`,
  glued: (n, t) => `${n}${t}`,
  kanji: (n, t) => `${"一二三四五六七八九十"[n - 1]}　${t}`,
  kanjiparen: (n, t) => `（${"一二三四五六七八九十"[n - 1]}）${t}`,
  katakana: (n, t) => `${"アイウエオカキクケコ"[n - 1]} ${t}`,
  dai: (n, t) => `第${n} ${t}`,
  fwdigit: (n, t) => `${String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} ${t}`,
  square: (n, t) => `[${n}] ${t}`,
  angle: (n, t) => `<${n}> ${t}`,
};
const LEAD = /^\s*(?:[(（]?([0-9]{1,2})[)）.．、]?|([①-⑳]))\s*(\S.*)$/;
const tally: Tally = {};
for (const name of names) {
  const text = readFileSync(path.join(root, name, "source.md"));
  const read = await importSheet(new Uint8Array(text), "sheet.md", {
    today: new Date("2026-12-01T00:00:00Z"),
  });
  if (!read.ok || read.report.profile?.layout !== "table") continue;
  const levelCols = (read.report.profile.columns ?? [])
    .filter((c) => ["goal", "subgoal", "measure"].includes(c.field) && (c.table ?? 1) === 1)
    .map((c) => c.header ?? "");
  if (levelCols.length === 0) continue;
  for (const [style, f] of Object.entries(styles)) {
    const v = {
      name: style,
      cardsToo: false,
      table: (rows: string[][]) => {
        const hdr = rows[0] ?? [];
        const at = hdr
          .map((x, i) => (levelCols.includes(x.replace(/<br>/g, "")) ? i : -1))
          .filter((i) => i >= 0);
        return rows.map((r, ri) =>
          ri === 0
            ? r
            : r.map((c, i) => {
                if (!at.includes(i)) return c;
                const m = LEAD.exec(c);
                if (!m || /^[0-9]+[-‐][0-9]/.test(c.trim())) return c;
                const n = m[1] ? Number(m[1]) : CIRC.indexOf(m[2]!) + 1;
                if (n < 1 || n > 10 || /^[0-9.,]+\s*[%件人円]/.test(m[3]!)) return c;
                return f(n, m[3]!);
              }),
        );
      },
    };
    const o = await readVariant(path.join(root, name), v, form);
    if (!o) continue;
    count(tally, name, style, o);
  }
}
console.log(tally);
