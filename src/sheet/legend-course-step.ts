/**
 * A legend of word bands, best first, with no threshold anywhere (宮崎県's 重点項目の評価: 「a:指標の目標を達成している
 * b:指標の目標の達成に向けて順調に推移している c:…やや遅れている d:…遅れている」; 津山市's 「目標数値を達成 / 順調に推移 /
 * 取組強化・改善が必要」): a band that says the target is reached, then one that says only that the work is on course
 * toward it (順調に推移, 順調に進んでいる). The second is the step under reaching it — mostly on track — and a band
 * further down that is only 「やや遅れ」 (read alone as the second step) is then behind: delayed.
 * A band with a threshold (沼田市's 「○:順調(進捗率40%以上)」, on pace) is read by its threshold, and a legend with a
 * band of 概ね (「4:…順調に推移している 3:…概ね順調に推移している」) has its mostly step already: neither is read here.
 */
import type { Category } from "../core/sheet.ts";
import { minOf } from "./legend-categories.ts";

export const REACHED_WORDS = /達成して|達成した|を達成|既達成|達成済/;
export const ON_COURSE_WORDS = /順調/;
const [REACHED, ON_COURSE] = [REACHED_WORDS, ON_COURSE_WORDS];

export function courseStepBelowReached(
  entries: readonly { label: string; meaning: string }[],
  words: (Category | null)[],
): void {
  if (entries.some((e) => minOf(e.meaning) !== null)) return;
  const said = entries.map((e) => `${e.label} ${e.meaning}`.normalize("NFKC"));
  // (A band that says 概ね is the step under on track already: 順調に推移 above it is on track — 町's 5 / 4 / 3.)
  if (said.some((t) => /概ね|おおむね/.test(t))) return;
  const reached = said.findIndex((t, i) => words[i] === "on_track" && REACHED.test(t) && !ON_COURSE.test(t));
  const course = reached + 1;
  if (reached < 0 || course >= entries.length || words[course] !== "on_track") return;
  if (!ON_COURSE.test(said[course]!) || REACHED.test(said[course]!.replace(/達成に向けて/g, ""))) return;
  words[course] = "mostly_on_track";
  for (let i = course + 1; i < entries.length; i++)
    if (words[i] === "mostly_on_track" && /やや遅れ/.test(said[i]!)) words[i] = "delayed";
}
