/**
 * The evaluation scale printed with a sheet (「A:既達成(100%以上) B:概ね順調(80%以上100%未満) …」,
 * 「◎:目標値以上 ○:目標値と同等 …」, 「順調:… おおむね順調:… 努力を要する:…」): labels, what they mean,
 * their thresholds, and which of the four categories each one is.
 */
import type { Category, EvaluationScale, ScaleBand } from "../core/sheet.ts";

const LABEL = String.raw`(?:[A-ZＡ-Ｚ][+＋]?|[◎○〇△×▲✕－−\-]|[ぁ-んァ-ヶ一-龥]{1,8})`;
const PAIR = new RegExp(String.raw`(${LABEL})\s*[:：＝=]\s*(.*?)(?=\s*${LABEL}\s*[:：＝=]|$)`, "gu");

/** Which category a legend entry means, from its words; null when the words do not say. */
function categoryOf(label: string, meaning: string): Category | null {
  const t = `${meaning}`.normalize("NFKC");
  if (/評価(でき|不能|不可|しない)|把握でき|対象外|未確定|算定でき|判断でき|未実施のため|データなし/.test(t))
    return "not_evaluable";
  if (/^[-−－]$/.test(label.normalize("NFKC")) && t === "") return "not_evaluable";
  if (/概ね|おおむね|同等|一定の進捗|基準値を(上回|超え)|やや遅れ/.test(t)) return "mostly_on_track";
  if (/既達成|達成済|達成して|目標(値)?(以上|を上回|を超え|を達成)|^順調|着実/.test(t)) return "on_track";
  if (/遅れ|努力|未達|下回|下落|改善|進捗なし|進捗がみられない|終了|困難|要する|停滞/.test(t))
    return "delayed";
  return null;
}

/** The lowest rate of a band: 「80%以上100%未満」 → 0.8; none when the legend gives no lower bound. */
function minOf(meaning: string): number | null {
  const m = /(\d+(?:\.\d+)?)\s*[%％]\s*以上/.exec(meaning.normalize("NFKC"));
  return m ? Number(m[1]) / 100 : null;
}

/** Reads the label:meaning pairs of one legend text; null when there are fewer than two. */
function pairsOf(text: string): { label: string; meaning: string }[] {
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
  const norm = (s: string) => s.normalize("NFKC").replace(/\s/g, "");
  const used = new Set([...usedLabels].map(norm));
  for (const text of texts) {
    const pairs = pairsOf(text);
    const relevant = pairs.filter((p) => used.has(norm(p.label)));
    if (relevant.length === 0) continue;
    for (const p of pairs) if (!entries.some((e) => norm(e.label) === norm(p.label))) entries.push(p);
    sources.push(text.replace(/<br\s*\/?>/gi, " ").trim());
  }
  if (entries.length < 2) return null;
  const positive = entries.filter((e) => categoryOf(e.label, e.meaning) !== "not_evaluable");
  const bands: ScaleBand[] = entries.map((e) => {
    let category = categoryOf(e.label, e.meaning);
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
