/**
 * What a legend entry says by its words: which of the four categories (「既達成」 on track, 「概ね順調」 mostly,
 * 「遅れ」 delayed, 「評価できない」 not evaluable) and from which rate a band begins (「80%以上」). Kept apart
 * from read-legend.ts, which finds the entries in the printed lines.
 */
import type { Category } from "../core/sheet.ts";
import { ADVANCE_FROM_BASELINE } from "./round48-legend-words.ts";
import { outcomeMovement } from "./round57-outcome-words.ts";
import { TARGET_NOT_REACHED, withoutWordedAside } from "./round58-legend-words.ts";

/** Which category a legend entry means, from its words; null when the words do not say. */
export function categoryOf(label: string, meaning: string): Category | null {
  // 「進ちょく」 is 進捗 written half in kana (交ぜ書き), as towns print it: the same word.
  // 「達成出来なかった」 (鳴門市's C and D) is 「達成できなかった」 written in kanji.
  const t = `${meaning}`
    .normalize("NFKC")
    .replace(/進ちょく/g, "進捗")
    .replace(/出来(な|ず|る|た)/g, "でき$1");
  // 「目標値を達成(「基準値より増加」を目標とする指標は基準値を上回ったもの)」: the aside says how the band applies
  // to one kind of indicator (「…とする指標は」, 「…の場合は」), not what the band is — the words outside it decide
  // (its 「基準値を上回」 is not the band's "better than the baseline, short of the target").
  // 「B 要改善:このまま業務を進めることにより目標値を達成することができず…」 (あきる野市): the band's printed name before
  // its own colon decides when it says a category — the sentence after it may be cut (a print that lost a line left
  // 「…目標値を達成」, read as reached with exit 0).
  const named = /^([^\s:：()（）]{2,8})[:：]\s*\S/.exec(t);
  const byName = named && named[1] !== t ? categoryOf(named[1]!, named[1]!) : null;
  if (byName) return byName;
  // 「目標を達成(「増加」は基準値を上回ったもの、…)」: likewise an aside on worded targets (round58-legend-words.ts).
  const plain = withoutWordedAside(t);
  if (plain !== t && plain !== "") return categoryOf(label, plain);
  const kindAside = /\([^()]*(?:指標|場合)(?:は|については|では)[^()]*\)/g;
  if (kindAside.test(t)) {
    const main = t.replace(kindAside, "").trim();
    const c = main ? categoryOf(label, main) : null;
    if (c !== null) return c;
  }
  if (
    /評価(でき|不能|不可|しない|困難|せず)|更新数値がな|データが得られ|^未定$|把握でき|対象外|未確定|算定でき|算出でき|判断でき|判定でき|統計の不備|未実施のため|データなし|公表前|未公表/.test(
      t,
    )
  )
    return "not_evaluable";
  if (/^[-−－]$/.test(label.normalize("NFKC")) && t === "") return "not_evaluable";
  // 「やや低下:成果がやや低下している」: the outcome's movement says its band (round57-outcome-words.ts).
  const moved = outcomeMovement(t);
  if (moved) return moved;
  // 「未把握」 (魚津市's 達成状況, its summary 「※未把握1項目」): the figure not known yet — nothing to rate.
  if (/^未把握$/.test(t)) return "not_evaluable";
  // 「達成」 alone (beside 「未達成」): the target reached.
  if (/^(目標)?達成$/.test(t)) return "on_track";
  // 「- 次年度以降の取組」 (鹿児島市): the KPI's work begins in a later year — nothing to evaluate yet.
  if (/^(次|翌|来)年度以降(の|に)(取組|取り組|実施|着手)/.test(t)) return "not_evaluable";
  // 「未実施-」 (江田島市): not measured this year — nothing to evaluate. 「X:当該年度の実績値なし」 alike: no
  // figure for the year.
  if (/^未実施$|^未測定$|^(当該年度|今年度|本年度|当年度)?の?実績値?(が|は)?(なし|ない|無し)$/.test(t))
    return "not_evaluable";
  // 「目標値に対して遅れはあるが、値は伸びている」 (田川市): behind the target but rising — the step under on track
  // (「現状値から値が伸びていない」, the band under it, denies the rise).
  if (
    /(遅れ(は|が)?(ある|あり|みられる)|下回って(いる|は))(が|けれど|ものの).*(値|数値|指標|実績値?)(は|が)?(伸び|増加し|向上し|改善し)ている/.test(
      t,
    )
  )
    return "mostly_on_track";
  // 「ペースは下回っているが、指標は改善している」 (福岡市): behind the pace but better — the step under on track.
  if (/(指標|数値|実績値?)(は|が)?(改善|向上)して|改善傾向|向上傾向/.test(t)) return "mostly_on_track";
  // 「前進:基準値から改善している」 (沖縄県), 「B:策定時より改善している」, 「B:目標値は未達成だが、現状値から前進した」
  // (市川三郷町): better than at the start (the baseline under any of its names, round48-legend-words.ts), the
  // target not said to be reached.
  if (ADVANCE_FROM_BASELINE.test(t)) return "mostly_on_track";
  // 「D 計画をやや下回る成果となっている」: a little under the plan — the step under on track (「大きく
  // 下回る」 is the delayed one).
  if (/やや下回/.test(t)) return "mostly_on_track";
  // 「KPIを達成した(達成見込み)」: reached, or expected to be by the plan's end — the band of reached, which
  // the aside only widens (「達成見込み」 alone is the step under it).
  // 「計画通り:おおむね計画通りに進んでいる」 (計画以上 / 計画通り / 計画以下): the meaning repeats the label, only
  // hedged — the band's printed name says it is on plan, and the name decides (a label that hedges itself,
  // 「概ね順調」, or a letter says nothing of its own and its meaning decides).
  const name = label.normalize("NFKC");
  const hedged = /^(?:概ね|おおむね)(.+)$/.exec(t);
  if (hedged && name.length >= 2 && hedged[1]!.startsWith(name) && !/概ね|おおむね/.test(name))
    return categoryOf(label, hedged[1]!);
  const aside = /[(（](?:又は|または)?達成見込み?[)）]/;
  if (aside.test(t) && categoryOf(label, t.replace(aside, "")) === "on_track") return "on_track";
  // 「A 概ね計画内容どおり進捗している 当初見込み以上」 (a grade judged on two criteria, the work's progress and the
  // KPI's): the KPI at or above what was expected of it is on track, whatever the hedge on the work (概ね).
  if (/(当初|計画時|計画上)?の?見込み?(値)?(以上|を(上回|超え))/.test(t) && !/達成見込/.test(t))
    return "on_track";
  // 「一部に進捗の遅れがみられる」 (beside 「全体的に進捗の遅れが明らかである」): a delay in part only — the step
  // under on track, as 「やや遅れ」 is.
  if (/一部(に|で|の)?(進捗|事業|取組|計画)?(の|に)?遅れ/.test(t)) return "mostly_on_track";
  // 「目標をほぼ達成」 (a 1–5 達成度 whose 3 lies between 「目標を上回って達成」 and 「目標を下回った」): nearly reached.
  if (
    /概ね|おおむね|同等|達成見込|一定の効果|一定の進捗|基準値を(上回|超え)|やや遅れ|相当程度|一定程度|ある程度|分の\d以上達成|^(目標|計画)を?ほぼ達成/.test(
      t,
    )
  )
    return "mostly_on_track";
  // 「達成済、目標をほぼ達成(8割以上達成)」 (新宮市's top 進捗度, round 54): the band opens with the target reached,
  // the nearly-reached share after it only widening it downward — the band of reached (as 「(達成見込み)」 above).
  if (/^(目標)?(達成済み?|既達成|達成)[、,・]/.test(t) && !/未達成/.test(t)) return "on_track";
  // 「目標の8割以上を達成している」: what is achieved is a share under the whole — its threshold decides.
  const share = /[\d.]+\s*(%|％|割)(以上)?を?達成/.exec(t) ? minOf(t) : null;
  if (share !== null && share < 1) return null;
  // 「達成」, 「目標達成」 alone (a rating in words with no legend): reached.
  // 「目標値どおり」, 「事業完了」 (あきる野市: F 事業完了, S 目標値以上, A 目標値どおり): reached —
  // not 「期待値の推移どおり(期待値の7割以上)」 (静岡県), whose threshold decides.
  // 「目標値を上回ることはなかったものの…改善した」, 「目標値を達成していないが、達成率が80%以上」 (宮城県): the
  // target named only to say it was not reached; 「目標値を達成することができず(半分程度)」 (あきる野市's B) too.
  const denied =
    /(上回|超え|達成す)ることは?(なかった|ない)|上回らな|超えな|達成(でき|し)なかった|に達しなかった|達成していない|達成(する(こと)?が|が)?できず|達成せず/.test(
      t,
    );
  // 「順調に推移していない」 (各務原市's 達成状況, beside 「順調に推移している」): 順調 said only to deny it — not on track.
  if (/順調(で(は)?な|に(は)?(推移|進捗|進ん|進ま)?(して|で)?(は)?(い)?な)/.test(t)) return "delayed";
  if (
    !denied &&
    /既達成|達成済|達成して|^(目標値?)?達成$|^(KPI|指標|目標値?)を達成した|(目標|期待|目安)(値)?(の推移)?(以上|を(大きく)?上回|を超え|を達成)|(計画|予定|目標値?)を(大きく|大幅に|やや|若干)?(上回|超え)|^目標値?(どおり|通り)|^順調|^進捗(は|が)?順調|順調に(進んでいる|進捗している|推移している|(値|数値|実績値?|指標)(が|は)?(伸び|増加し|向上し)ている)|^(予定|計画|スケジュール)(以上|通り|どおり)|着実|^(事業)?完了/.test(
      t,
    )
  )
    return "on_track";
  // 「×:目標に達していない」: the target not reached, in so many words, nothing better said (round58-legend-words.ts).
  if (TARGET_NOT_REACHED.test(t)) return "delayed";
  if (
    /遅れ|努力|未達|未着手|中止|廃止|下回|下落|改善|進捗なし|進捗していない|進んでいない|進まな|進捗がみられない|終了|困難|要する|停滞|悪化|届かな|基準値以下|基準値未満/.test(
      t,
    )
  )
    return "delayed";
  return null;
}

/**
 * The category a rating printed in words says by itself, with no legend listing it (達成済み, 達成見込み,
 * 未達成): only a short word — a longer label (「取組強化・改善が必要」) is a legend's, and read by it. The
 * importer reads such words by this, and the guard that refuses unread labels asks the same question,
 * so a label neither reads is refused, never written 評価不可 with exit 0.
 */
export function saidCategory(label: string): Category | null {
  return /^[ぁ-んァ-ヶ一-龥]{2,10}$/.test(label) ? categoryOf(label, label) : null;
}

/**
 * The lowest rate of a band: 「80%以上100%未満」 → 0.8, 「7割以上」 and 「7割~8割」 → 0.7, 「80~99%」 and
 * 「100%未満~90%」 → their lower end, 「100%」 alone → 1; none when the legend gives no lower bound.
 */
export function minOf(meaning: string): number | null {
  const t = meaning.normalize("NFKC");
  const m = /(\d+(?:\.\d+)?)\s*%\s*以上/.exec(t);
  if (m) return Number(m[1]) / 100;
  const wari = /(\d+(?:\.\d+)?)\s*割\s*以上/.exec(t);
  if (wari) return Number(wari[1]) / 10;
  // 「(7割~8割)」: a band of tenths.
  const wariRange = /(\d+(?:\.\d+)?)\s*割\s*[~〜～-]\s*(\d+(?:\.\d+)?)\s*割/.exec(t);
  if (wariRange) return Math.min(Number(wariRange[1]), Number(wariRange[2])) / 10;
  const range = /(\d+(?:\.\d+)?)\s*%?\s*(?:未満)?\s*[~〜～-]\s*(\d+(?:\.\d+)?)\s*%/.exec(t);
  if (range) return Math.min(Number(range[1]), Number(range[2])) / 100;
  const lone = /^(?:達成率|達成度|進捗率)?\s*(\d+(?:\.\d+)?)\s*%$/.exec(t.trim());
  return lone ? Number(lone[1]) / 100 : null;
}
