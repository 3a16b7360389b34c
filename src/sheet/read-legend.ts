/**
 * The evaluation scale printed with a sheet (「A:既達成(100%以上) B:概ね順調(80%以上100%未満) …」,
 * 「◎:目標値以上 ○:目標値と同等 …」, 「順調:… おおむね順調:… 努力を要する:…」): labels, what they mean,
 * their thresholds, and which of the four categories each one is.
 */
import type { Category, EvaluationScale, ScaleBand } from "../core/sheet.ts";

const LABEL = String.raw`(?:[A-ZＡ-Ｚ][+＋]?|[①-⑳]|[◎○〇●◯△▲×✕□■◇◆☆★－−―\-]|[ぁ-んァ-ヶ一-龥]{1,8})`;
const PAIR = new RegExp(String.raw`(${LABEL})\s*[:：＝=]\s*(.*?)(?=\s*${LABEL}\s*[:：＝=]|$)`, "gu");

/** Which category a legend entry means, from its words; null when the words do not say. */
function categoryOf(label: string, meaning: string): Category | null {
  const t = `${meaning}`.normalize("NFKC");
  if (
    /評価(でき|不能|不可|しない)|把握でき|対象外|未確定|算定でき|判断でき|未実施のため|データなし|公表前|未公表/.test(
      t,
    )
  )
    return "not_evaluable";
  if (/^[-−－]$/.test(label.normalize("NFKC")) && t === "") return "not_evaluable";
  if (
    /概ね|おおむね|同等|一定の進捗|基準値を(上回|超え)|やや遅れ|相当程度|一定程度|ある程度|分の\d以上達成/.test(
      t,
    )
  )
    return "mostly_on_track";
  if (/既達成|達成済|達成して|(目標|期待|目安)(値)?(の推移)?(以上|を上回|を超え|を達成)|^順調|着実/.test(t))
    return "on_track";
  if (
    /遅れ|努力|未達|下回|下落|改善|進捗なし|進捗がみられない|終了|困難|要する|停滞|悪化|届かな|基準値以下|基準値未満/.test(
      t,
    )
  )
    return "delayed";
  return null;
}

/** The lowest rate of a band: 「80%以上100%未満」 → 0.8; none when the legend gives no lower bound. */
function minOf(meaning: string): number | null {
  const t = meaning.normalize("NFKC");
  const m = /(\d+(?:\.\d+)?)\s*%\s*以上/.exec(t);
  if (m) return Number(m[1]) / 100;
  // 「7割以上」, 「80~99%」 (a range: its lower end)
  const wari = /(\d+(?:\.\d+)?)\s*割\s*以上/.exec(t);
  if (wari) return Number(wari[1]) / 10;
  const range = /(\d+(?:\.\d+)?)\s*%?\s*[~〜～-]\s*\d+(?:\.\d+)?\s*%/.exec(t);
  return range ? Number(range[1]) / 100 : null;
}

/**
 * Long labels the evaluation column prints (「地方創生に相当程度効果があった」), each followed by 「:」 in
 * the legend: the meaning runs to the next such label.
 */
function longPairsOf(text: string, used: ReadonlySet<string>): { label: string; meaning: string }[] {
  const t = text.replace(/<br\s*\/?>/gi, "");
  const hits: { label: string; at: number; end: number }[] = [];
  for (const label of used) {
    if ([...label].length <= 8) continue;
    const m = new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*[:：]`).exec(t);
    if (m) hits.push({ label, at: m.index, end: m.index + m[0].length });
  }
  hits.sort((a, b) => a.at - b.at);
  return hits.map((h, i) => ({
    label: h.label,
    meaning: t.slice(h.end, hits[i + 1]?.at ?? t.length).trim(),
  }));
}

/** Reads the label:meaning pairs of one legend text; null when there are fewer than two. */
function pairsOf(text: string, used: ReadonlySet<string> = new Set()): { label: string; meaning: string }[] {
  const long = longPairsOf(text, used);
  if (long.length >= 2) return long;
  const t = text.replace(/<br\s*\/?>/gi, " ").replace(/[【】]/g, " ");
  const out: { label: string; meaning: string }[] = [];
  for (const m of t.matchAll(PAIR)) {
    const label = m[1]!.trim();
    const meaning = m[2]!.trim();
    if (/^(評価|評価基準|評価区分|凡例|注|備考|※)$/.test(label)) continue;
    out.push({ label, meaning });
  }
  return out;
}

/**
 * Finds the legend among the texts printed outside the table (or in single-cell rows), keeping only
 * entries whose labels the evaluation column uses (so an unrelated 「注:」 line is not a scale).
 */
export function readLegend(
  texts: readonly string[],
  usedLabels: ReadonlySet<string>,
): EvaluationScale | null {
  const entries: { label: string; meaning: string }[] = [];
  const sources: string[] = [];
  const norm = (s: string) => s.replace(/\s/g, "");
  const used = new Set([...usedLabels].map(norm));
  for (const text of texts) {
    const pairs = pairsOf(text, used);
    const relevant = pairs.filter((p) => used.has(norm(p.label)));
    if (relevant.length === 0) continue;
    for (const p of pairs) if (!entries.some((e) => norm(e.label) === norm(p.label))) entries.push(p);
    sources.push(text.replace(/<br\s*\/?>/gi, " ").trim());
  }
  if (entries.length < 2) return null;
  const positive = entries.filter((e) => categoryOf(e.label, e.meaning) !== "not_evaluable");
  // 「やや遅れ」 is the second step of a scale without 「概ね」; beside an explicit 概ね順調 it is behind.
  const explicitMostly = entries.some((e) => /概ね|おおむね/.test(e.meaning.normalize("NFKC")));
  const bands: ScaleBand[] = entries.map((e) => {
    let category = categoryOf(e.label, e.meaning);
    if (
      category === "mostly_on_track" &&
      explicitMostly &&
      !/概ね|おおむね/.test(e.meaning) &&
      /やや遅れ/.test(e.meaning)
    )
      category = "delayed";
    if (category === null && minOf(e.meaning) !== null) {
      // The words do not say but the threshold does: 100% and above is on track, a lower bound below it
      // (「期待値の7割以上」) the step under it.
      category = minOf(e.meaning)! >= 1 ? "on_track" : "mostly_on_track";
    }
    if (category === null) {
      // The words do not say: the legend's order does (best first).
      const i = positive.indexOf(e);
      category = i === 0 ? "on_track" : i === 1 ? "mostly_on_track" : "delayed";
    }
    return { label: e.label, category, min: minOf(e.meaning), meaning: e.meaning };
  });
  const basis = entries.some((e) => /基準値|策定時|現状値/.test(e.meaning))
    ? "progress_from_baseline"
    : "ratio";
  return { bands, basis, source: sources.join(" ") };
}

/** A printed label through the scale (folded comparison); null when the scale does not list it. */
export function bandOf(scale: EvaluationScale | null, label: string): ScaleBand | null {
  if (!scale) return null;
  const n = label.normalize("NFKC").replace(/\s/g, "").replace(/〇/g, "○");
  return scale.bands.find((b) => b.label.normalize("NFKC").replace(/〇/g, "○") === n) ?? null;
}
