/**
 * Guards on the ratings read (checkReading, reading-plausibility.ts), from round 28's first readings
 * that were wrong with exit 0:
 * - a legend band whose words say the indicator got better than at the start (「B:策定時より改善して
 *   いる」) read as delayed: 「改善」 is also what a delayed band asks for (「要改善」), so a word the
 *   reader did not know fell to delayed (広陵町). Such a band is delayed only when its words also say
 *   the target was missed (the national form's 「目標値に達しなかったが、事業開始前より改善した」);
 * - a scale of letters (「A B C D E」) that goes back up in the legend's order (A on track, B mostly, C on
 *   track again): such legends list their bands best first (or worst first), so a band read out of
 *   that order was misread
 *   (丸亀市's 「B 計画をやや上回る」 read as mostly on track under 「C 計画どおり」);
 * - a rating or department given only to the first KPI under each heading, none to the KPIs below it:
 *   the 施策's own cell printed once over its indicators (丸亀市's 施策評価, 所管部), read as theirs
 *   for the first indicator only and as none for the others.
 * And from round 31 (田川市, read with the ellipsis legend before its words were known): the band right
 * under on track saying the figure rises though behind (「遅れはあるが、値は伸びている」) read as delayed.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";

const IMPROVED = /(から|より)も?(改善|向上)(している|した|し[、,]|が見られ)/;
const MISSED =
  /(上回|超え|達成す)ることは?(なかった|ない)|上回らな|下回っ|届かな|達しな|達成(でき|し)(なかった|ていない)|達成せず|要改善|改善が必要|悪化/;

// 「目標値に対して遅れはあるが、値は伸びている」 (田川市): behind, but the figure rising — said with a concession.
const RISING_DESPITE =
  /(が|ものの|けれど|けれども)[、,]?.*(値|数値|指標|実績値?)(は|が|も)?(伸び|増加し|向上し|改善し)ている(?!.*(ない|ず))/;

/** The refusal's reason, or null when no improving band was read as delayed. */
export function improvedReadAsDelayed(sheet: Sheet): string | null {
  const bands = sheet.scale?.bands ?? [];
  for (const [i, b] of bands.entries()) {
    // (Round 31: a band right under the on-track ones saying the figure rises though behind — the legend's
    // second step — read as delayed because 「遅れ」 is in its words.)
    if (
      b.category === "delayed" &&
      i > 0 &&
      bands.slice(0, i).every((x) => x.category === "on_track") &&
      RISING_DESPITE.test(b.meaning.normalize("NFKC"))
    )
      return `凡例の「${b.label}」(「${b.meaning.slice(0, 24)}」)は遅れながらも値が伸びていることを言いますが、遅れとして読みました。凡例の読み違いのおそれがあります`;
  }
  for (const b of bands) {
    const words = b.meaning.normalize("NFKC");
    // (「事業開始前より改善した」 is the national form's yardstick for its third label, 「地方創生に効果が
    // あった」, which the form itself ranks under 「相当程度」: delayed.)
    if (b.category === "delayed" && IMPROVED.test(words) && !MISSED.test(words) && !/事業開始前/.test(words))
      return `凡例の「${b.label}」(「${b.meaning.slice(0, 24)}」)は始めより良くなったことを言いますが、遅れとして読みました。凡例の読み違いのおそれがあります`;
  }
  return null;
}

const RANK = { on_track: 0, mostly_on_track: 1, delayed: 2 } as const;

/** The refusal's reason, or null when the legend's bands keep one order (best first or worst first). */
export function scaleOutOfOrder(sheet: Sheet): string | null {
  const bands = (sheet.scale?.bands ?? []).filter((b) => b.category !== "not_evaluable");
  // (Only one list of letters, 「S A B C」 or 「A B C D E」: a scale joined from several legends — letters
  // and marks — has no one order.)
  const letters = bands
    .map((b) => b.label.normalize("NFKC"))
    .join("")
    .replace(/^S/, "");
  if (
    !/^[A-Z]+$/.test(letters) ||
    ![...letters].every((c, i) => c.charCodeAt(0) === letters.charCodeAt(0) + i)
  )
    return null;
  const ranks = bands.map((b) => RANK[b.category as keyof typeof RANK]);
  const steps = ranks.slice(1).map((r, i) => Math.sign(r - ranks[i]!));
  if (!(steps.includes(1) && steps.includes(-1))) return null;
  return `凡例の評価区分(${bands.map((b) => `${b.label}→${b.category}`).join("、")})が良い順にも悪い順にも並んでいません。凡例の語の読み違いのおそれがあります`;
}

/** The refusal's reason, or null unless a rating or department is on each heading's first KPI only. */
export function firstOfGroupOnly(kpis: readonly Kpi[]): string | null {
  const groups: Kpi[][] = [];
  for (const k of kpis) {
    const key = JSON.stringify([k.goal, k.subgoal, k.measure]);
    const last = groups.at(-1);
    if (last && JSON.stringify([last[0]!.goal, last[0]!.subgoal, last[0]!.measure]) === key) last.push(k);
    else groups.push([k]);
  }
  const under = groups.filter((g) => g.length > 1);
  if (groups.length < 2 || under.length === 0 || kpis.every((k) => !k.measure.title && !k.goal.title))
    return null;
  const checks: [string, (k: Kpi) => boolean][] = [
    ["評価", (k) => k.evaluation.printed !== false && !!k.evaluation.label],
    ["担当課", (k) => k.departments.length > 0],
  ];
  for (const [what, has] of checks)
    if (groups.every((g) => has(g[0]!)) && under.every((g) => g.slice(1).every((k) => !has(k))))
      return `${what}が見出しごとの最初の指標にだけ読まれ、その下の指標(${under.map((g) => `${g[1]!.row}行目`).join("・")}など)にはありません。施策ごとに一度だけ書かれた欄の読み違いのおそれがあります`;
  return null;
}
