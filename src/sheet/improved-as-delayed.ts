/**
 * A guard on the scale read from the legend: a band whose words say the indicator got better than at
 * the start (「B:策定時より改善している」, 「基準値から向上した」) read as delayed. 「改善」 is also what a
 * delayed band asks for (「要改善」, 「改善が必要」), so a legend word the reader did not know fell to
 * delayed — 広陵町's first reading rated its improving KPIs behind. Such a band is delayed only when
 * its words also say the target was missed (「目標値に達しなかったが、事業開始前より改善した」, the
 * national form's third label): otherwise the reading is refused, naming the band.
 */
import type { Sheet } from "../core/sheet.ts";

const IMPROVED = /(から|より)も?(改善|向上)(している|した|し[、,]|が見られ)/;
const MISSED =
  /(上回|超え|達成す)ることは?(なかった|ない)|上回らな|下回っ|届かな|達しな|達成(でき|し)(なかった|ていない)|達成せず|要改善|改善が必要|悪化/;

/** The refusal's reason, or null when no improving band was read as delayed. */
export function improvedReadAsDelayed(sheet: Sheet): string | null {
  for (const b of sheet.scale?.bands ?? []) {
    const words = b.meaning.normalize("NFKC");
    if (b.category === "delayed" && IMPROVED.test(words) && !MISSED.test(words))
      return `凡例の「${b.label}」(「${b.meaning.slice(0, 24)}」)は始めより良くなったことを言いますが、遅れとして読みました。凡例の読み違いのおそれがあります`;
  }
  return null;
}
