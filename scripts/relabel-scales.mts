// Every layout fixture's evaluation scale relabelled the ways other offices label theirs — the same grades, in the
// same order, printed 「◎ ○ △ ×」, 「S A B C」 (letters shifted: A now the second grade), 「a b c d」, 「Ⅰ Ⅱ Ⅲ Ⅳ」, 「1 2 3 4」,
// 「4 3 2 1」, 「① ② ③ ④」, or the letters reversed (D the best) — in the cells, in the legend and in the golden alike, read
// and told apart: right, refused, or WRONG with exit 0. A grade's meaning is the legend's, never the letter's: a reader
// that takes 「A」 for on track whatever the legend says reads the shifted and reversed scales wrong.
//   [DUMP=dir] npx tsx scripts/relabel-scales.mts [--form clean|extracted|xlsx|csv] [name …]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readVariant, rewrite } from "../src/sheet/test-office-variants.ts";
import { batteryArgs, count, LAYOUTS, type Tally } from "./battery-tally.mts";

const root = LAYOUTS;
const { form, names } = batteryArgs();

/** The grades' new labels, best first, for n grades (null: the style has no n-grade form). */
const styles: Record<string, (n: number, old: string[]) => string[] | null> = {
  symbols: (n) => (n <= 5 ? ["◎", "○", "△", "×", "▲"].slice(0, n) : null),
  shifted: (n) => ["S", "A", "B", "C", "D", "E"].slice(0, n),
  lower: (n) => ["a", "b", "c", "d", "e", "f"].slice(0, n),
  roman: (n) => ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ"].slice(0, n),
  digits: (n) => Array.from({ length: n }, (_, i) => String(i + 1)),
  "digits-down": (n) => Array.from({ length: n }, (_, i) => String(n - i)),
  circled: (n) => ["①", "②", "③", "④", "⑤", "⑥"].slice(0, n),
  reversed: (_n, old) => (old.every((l) => /^[A-Z]$/.test(l)) ? [...old].reverse() : null),
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const tally: Tally = {};
for (const name of names) {
  const golden = JSON.parse(readFileSync(path.join(root, name, "golden.json"), "utf8"));
  const scale = (golden.scale ?? []) as string[];
  // The grades (not 「-」 / 「X」 for no actual, which stay): single letters, digits or symbols only — a word
  // label (「順調」) is not relabelled.
  const graded = scale.map((e) => e.split(" ")).filter(([, cat]) => cat !== "not_evaluable");
  const kept = scale.map((e) => e.split(" ")[0]!).filter((l) => !graded.some(([g]) => g === l));
  const old = graded.map(([l]) => l!);
  // (digits are not relabelled: a figure 「3」 cannot be told from the grade 「3」 by its cell alone)
  if (old.length < 2 || !old.every((l) => /^[A-Za-z◎○△×①-⑨]$/.test(l))) continue;
  for (const [style, f] of Object.entries(styles)) {
    const now = f(old.length, old);
    if (!now || now.length < old.length || now.some((l) => kept.includes(l))) continue;
    const to = new Map(old.map((l, i) => [l, now[i]!]));
    const alt = old
      .slice()
      .sort((a, b) => b.length - a.length)
      .map(esc)
      .join("|");
    // A label where a legend prints one: after a space, a bracket or a line's start, before a separator.
    // (「20%をA評価として」 names a grade too.)
    const inText = new RegExp(
      `(^|[\\s　、,，・/／(（【「を])(${alt})(?=$|[:：＝=\\s　()（）】」…・,、評])`,
      "g",
    );
    // 「達成度:順調A,要改善B,未実施-」: a label printed after its meaning, glued to it.
    const glued = new RegExp(`(?<=[一-龥ぁ-んァ-ヶ])(${alt})(?=[,，、\\s　]|$)`, "g");
    const cell = (c: string) => {
      const m = new RegExp(`^(${alt})((?:<br>|\\s).*)?$`).exec(c.trim());
      return m ? `${to.get(m[1]!)}${m[2] ?? ""}` : c;
    };
    const v = {
      name: style,
      body: cell,
      text: (l: string) =>
        l.startsWith("<!--")
          ? l
          : l.replace(inText, (_m, pre, l0) => `${pre}${to.get(l0)}`).replace(glued, (l0) => to.get(l0)!),
      golden: (g: Record<string, unknown>) => {
        const relabel = (e: string) => {
          const [cat, label, ...rest] = e.split(" ");
          return label && to.has(label) ? [cat, to.get(label), ...rest].join(" ") : e;
        };
        const each = (items: unknown) =>
          (items as Record<string, unknown>[] | undefined)?.map((k) => ({
            ...k,
            ...(typeof k.evaluation === "string" ? { evaluation: relabel(k.evaluation) } : {}),
            // (an extra column of grades — last year's, 方向性 — is relabelled with the cells)
            ...(Array.isArray(k.extras)
              ? { extras: (k.extras as string[]).map((e) => e.replace(/=(.+)$/, (_m, x) => `=${cell(x)}`)) }
              : {}),
          }));
        const kpis = each(g.kpis);
        const numericGoals = each(g.numericGoals);
        const scaleNow = scale.map((e) => {
          const [label, ...rest] = e.split(" ");
          return to.has(label!) ? [to.get(label!), ...rest].join(" ") : e;
        });
        return { ...g, kpis, ...(numericGoals ? { numericGoals } : {}), scale: scaleNow };
      },
    };
    // DUMP=dir: each rewritten table written there, to read a WRONG line's sheet by hand.
    if (process.env.DUMP)
      writeFileSync(
        path.join(process.env.DUMP, `${name}.${style}.md`),
        rewrite(readFileSync(path.join(root, name, "source.md"), "utf8"), v),
      );
    const o = await readVariant(path.join(root, name), v, form);
    if (!o) continue;
    count(tally, name, style, o);
  }
}
console.log(tally);
