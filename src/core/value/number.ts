/**
 * Reading the number part of a cell: digit grouping (3桁区切り), decimals, 兆/億/万 groups
 * (`1万8225`, `2億396万`, `12,025億`, `491.5万`) and a 千 prefix on the unit (`20,000千円`).
 * Exact decimal arithmetic (BigInt scaled by a power of ten), converted to a number once at the end.
 * Input is folded text (see normalize.ts); offsets are into that text.
 */

/** An exact decimal: `int / 10^scale`. */
export interface Decimal {
  int: bigint;
  scale: number;
}

const TEN = 10n;

export function decimalFromString(s: string): Decimal {
  const [i = "0", f = ""] = s.split(".");
  return { int: BigInt(`${i}${f}` || "0"), scale: f.length };
}

export function shift(d: Decimal, powerOfTen: number): Decimal {
  if (d.scale >= powerOfTen) return { int: d.int, scale: d.scale - powerOfTen };
  return { int: d.int * TEN ** BigInt(powerOfTen - d.scale), scale: 0 };
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { int: shift(a, a.scale - scale).int + shift(b, b.scale - scale).int, scale };
}

/** The nearest double (JavaScript's own decimal-to-double conversion is correctly rounded). */
export function toNumber(d: Decimal): number {
  return Number(d.scale === 0 ? d.int.toString() : `${d.int.toString()}e-${d.scale}`);
}

/** A problem in the number, located in folded text [at, end). */
export interface NumberProblem {
  code: "bad_digit_grouping" | "bad_number";
  at: number;
  end: number;
  ja: string;
  en: string;
}

export type NumberReading =
  | {
      ok: true;
      /** Folded offset just after the number (and after a 千 prefix, if any). */
      end: number;
      value: Decimal;
      /** True when a 千 prefix on the unit (or 千 in a group) was folded. */
      thousand: boolean;
    }
  | { ok: false; problem: NumberProblem };

const BIG: Record<string, number> = { 兆: 12, 億: 8, 万: 4 };
const NUMERAL = /[\d.,]+/y;
const SPACE = /[ \t\u3000]*/y;

function skipSpace(s: string, i: number): number {
  SPACE.lastIndex = i;
  SPACE.exec(s);
  return SPACE.lastIndex;
}

/** Checks one numeral (`12,345.6`); returns its value or a problem. */
function readNumeral(s: string, start: number, end: number): Decimal | NumberProblem {
  const text = s.slice(start, end);
  const dots = [...text.matchAll(/\./g)].map((m) => m.index);
  if (dots.length > 1)
    return {
      code: "bad_number",
      at: start + dots[1]!,
      end,
      ja: "小数点が2つあります",
      en: "two decimal points",
    };
  const dot = dots[0] ?? text.length;
  const intPart = text.slice(0, dot);
  const fracPart = dots.length ? text.slice(dot + 1) : "";
  if (intPart === "" || intPart.startsWith(","))
    return {
      code: "bad_number",
      at: start,
      end,
      ja: "数値が数字で始まっていません",
      en: "the number does not start with a digit",
    };
  if (dots.length && !/^\d+$/.test(fracPart))
    return {
      code: fracPart.includes(",") ? "bad_digit_grouping" : "bad_number",
      at: start + dot,
      end,
      ja: "小数点の後に数字がありません",
      en: "no digits after the decimal point",
    };
  if (intPart.includes(",")) {
    const groups = intPart.split(",");
    let offset = 0;
    for (let g = 0; g < groups.length; g++) {
      const digits = groups[g]!;
      const ok = g === 0 ? digits.length >= 1 && digits.length <= 3 : digits.length === 3;
      if (!ok)
        return {
          code: "bad_digit_grouping",
          at: start + offset,
          end: start + offset + Math.max(digits.length, 1),
          ja: `桁区切りが正しくありません（「${text}」: カンマの間は3桁です）`,
          en: `bad digit grouping in "${text}" (commas separate groups of 3 digits)`,
        };
      offset += digits.length + 1;
    }
  }
  return decimalFromString(`${intPart.replaceAll(",", "")}${dots.length ? `.${fracPart}` : ""}`);
}

const isProblem = (x: Decimal | NumberProblem): x is NumberProblem => "code" in x;

/**
 * Reads a number starting at `start` (which must be a digit). Stops before the unit.
 * `4億3,0000万` and `12,3456` are refused (bad_digit_grouping), never guessed.
 */
export function readNumber(s: string, start: number): NumberReading {
  let total: Decimal = { int: 0n, scale: 0 };
  let i = start;
  let lastBig = Number.POSITIVE_INFINITY;
  let groups = 0;
  for (;;) {
    NUMERAL.lastIndex = i;
    const m = NUMERAL.exec(s);
    if (!m) break;
    // A trailing comma or dot belongs to the text after the number (`10件, 12件`), not to it.
    let numEnd = i + m[0].length;
    while (numEnd > i + 1 && /[,.]/.test(s[numEnd - 1]!) && !/\d/.test(s[numEnd] ?? "")) numEnd--;
    const read = readNumeral(s, i, numEnd);
    if (isProblem(read)) return { ok: false, problem: read };
    let numeral = read;
    let afterNum = skipSpace(s, numEnd);
    // 5千万 = 5000万: 千 inside a 万/億/兆 group.
    const afterThousand = s[afterNum] === "千" ? skipSpace(s, afterNum + 1) : -1;
    if (afterThousand >= 0 && BIG[s[afterThousand] ?? ""] !== undefined) {
      if (numeral.scale > 0 || numeral.int >= 10n) {
        return {
          ok: false,
          problem: {
            code: "bad_number",
            at: i,
            end: afterThousand + 1,
            ja: `「${s.slice(i, afterThousand + 1)}」が読めません`,
            en: `cannot read "${s.slice(i, afterThousand + 1)}"`,
          },
        };
      }
      numeral = shift(numeral, 3);
      afterNum = afterThousand;
    }
    const big = BIG[s[afterNum] ?? ""];
    if (groups > 0 && numeral.int >= 10_000n * TEN ** BigInt(numeral.scale)) {
      const text = s.slice(i, numEnd);
      return {
        ok: false,
        problem: {
          code: "bad_digit_grouping",
          at: i,
          end: numEnd,
          ja: `万・億の後の「${text}」が4桁を超えています`,
          en: `"${text}" after 万/億 has more than 4 digits`,
        },
      };
    }
    if (big !== undefined) {
      if (big >= lastBig) {
        return {
          ok: false,
          problem: {
            code: "bad_number",
            at: afterNum,
            end: afterNum + 1,
            ja: `「${s[afterNum]}」の位置が正しくありません`,
            en: `"${s[afterNum]}" out of order`,
          },
        };
      }
      total = add(total, shift(numeral, big));
      lastBig = big;
      groups++;
      const next = skipSpace(s, afterNum + 1);
      if (numeral.scale > 0 && /\d/.test(s[next] ?? "")) {
        return {
          ok: false,
          problem: {
            code: "bad_number",
            at: i,
            end: afterNum + 1,
            ja: `小数は最後の位にだけ書けます「${s.slice(i, afterNum + 1)}」`,
            en: `a decimal may only be in the last group: "${s.slice(i, afterNum + 1)}"`,
          },
        };
      }
      i = afterNum + 1;
      if (!/\d/.test(s[next] ?? "")) return { ok: true, end: i, value: total, thousand: false };
      i = next;
      continue;
    }
    // 百万 right after a plain numeral is a prefix on the unit as 千 is (8,357百万円 = 8,357,000,000円).
    if (groups === 0 && s[afterNum] === "百" && s[afterNum + 1] === "万")
      return { ok: true, end: afterNum + 2, value: shift(numeral, 6), thousand: true };
    // A plain numeral ends the number; 千 right after it (a prefix on the unit, or 5千 in 1万5千) multiplies by 1000.
    if (s[afterNum] === "千") {
      if (groups > 0 && (numeral.scale > 0 || numeral.int >= 10n)) {
        return {
          ok: false,
          problem: {
            code: "bad_number",
            at: i,
            end: afterNum + 1,
            ja: `「${s.slice(i, afterNum + 1)}」が読めません`,
            en: `cannot read "${s.slice(i, afterNum + 1)}"`,
          },
        };
      }
      return { ok: true, end: afterNum + 1, value: add(total, shift(numeral, 3)), thousand: true };
    }
    return { ok: true, end: numEnd, value: add(total, numeral), thousand: false };
  }
  return { ok: true, end: i, value: total, thousand: false };
}
