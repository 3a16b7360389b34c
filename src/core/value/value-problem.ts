/** What parseValue gives back, and the one way a problem in a cell is described (row-free, offset-exact). */
import type { Value } from "../sheet.ts";

/** Why a cell could not be read. `at` is a 0-based offset into the text as given, where known. */
export interface ValueProblem {
  code: string;
  /** One line, Japanese. */
  message: string;
  /** One line, English. */
  messageEn: string;
  at: number | null;
}

export type ParseValueResult = { ok: true; value: Value } | { ok: false; problem: ValueProblem };

/** A problem at `at`…`end` of the original cell text, in Japanese and English. */
export function problem(
  original: string,
  code: string,
  at: number,
  end: number,
  ja: string,
  en: string,
): { ok: false; problem: ValueProblem } {
  const quote = original.slice(at, Math.max(end, at + 1));
  const where = `${at + 1}文字目「${quote}」`;
  return {
    ok: false,
    problem: {
      code,
      message: oneLine(`「${original}」の${where}: ${ja}`),
      messageEn: oneLine(`in "${original}" at offset ${at} ("${quote}"): ${en}`),
      at,
    },
  };
}

export const oneLine = (t: string): string => t.replace(/\r\n|\r|\n/g, "⏎");
