/**
 * Codes of a plan's parts that mix numbers, bracketed numbers and katakana (「3-(7)-ア 情報通信…」,
 * 「1-(5)-イ」: 将来像 3, 基本施策 (7), 施策展開 ア). The last part numbers the part the row names — the
 * parts before it are the levels above, as with 「01-02 …」 and 「Ⅰ-1-1 …」 (general-values.ts).
 */
import type { Ordinal } from "../core/sheet.ts";

/** Ordinals in the order Japanese documents count with them: (ア)(イ)(ウ)… */
export const KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノ";

const PART = `(?:[0-9０-９]+|[(（][0-9０-９]+[)）]|[${KATAKANA}])`;
const MIXED_CODE = new RegExp(String.raw`^(${PART}(?:[-－‐]${PART})+)[\s.．:：、]*(\S.*)$`);

/** 「3-(7)-ア 情報通信関連産業の高度化」 → 1, the title; null unless a bracket or katakana is a part. */
export function readPartCode(text: string): Ordinal | null {
  const m = MIXED_CODE.exec(text);
  if (!m || !/[(（]|[ア-ノ]/.test(m[1]!)) return null;
  const last = m[1]!.split(/[-－‐]/).at(-1)!;
  const kana = KATAKANA.indexOf(last);
  const no = kana >= 0 ? kana + 1 : Number(last.replace(/[(（)）]/g, "").normalize("NFKC"));
  return { no, title: m[2]!.trim() };
}
