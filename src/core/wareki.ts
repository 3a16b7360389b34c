/**
 * Japanese eras (元号) and Gregorian years: 明治, 大正, 昭和, 平成, 令和.
 * Pure arithmetic on years; no Date parsing beyond "which era was in force on this day".
 */

export type EraName = "明治" | "大正" | "昭和" | "平成" | "令和";

export interface Era {
  readonly name: EraName;
  /** The Latin initial used in abbreviations: R4, H29, S63, T15, M45. */
  readonly letter: "M" | "T" | "S" | "H" | "R";
  /** Gregorian year of the era's first year (元年). */
  readonly firstYear: number;
  /** First day of the era (Gregorian, Japan time), as [year, month, day]. */
  readonly start: readonly [number, number, number];
  /** The era's last year as it really was (明治45, 大正15, 昭和64, 平成31), null for the current era. */
  readonly lastEraYear: number | null;
}

/** Oldest first. */
export const ERAS: readonly Era[] = [
  { name: "明治", letter: "M", firstYear: 1868, start: [1868, 10, 23], lastEraYear: 45 },
  { name: "大正", letter: "T", firstYear: 1912, start: [1912, 7, 30], lastEraYear: 15 },
  { name: "昭和", letter: "S", firstYear: 1926, start: [1926, 12, 25], lastEraYear: 64 },
  { name: "平成", letter: "H", firstYear: 1989, start: [1989, 1, 8], lastEraYear: 31 },
  { name: "令和", letter: "R", firstYear: 2019, start: [2019, 5, 1], lastEraYear: null },
];

/** The era named by its kanji name or Latin initial (`令和`, `R`, `r`); null when unknown. */
export function findEra(nameOrLetter: string): Era | null {
  const key = nameOrLetter.trim();
  const upper = key.toUpperCase();
  return ERAS.find((e) => e.name === key || e.letter === upper) ?? null;
}

/**
 * Gregorian year of an era year: (令和, 4) → 2022, (平成, 1) → 1989.
 * Era years past the era's real end are accepted, as older plans print them (平成32年 = 2020).
 * Throws RangeError for an era year that is not a positive integer (a programming error: parsers
 * check the text first).
 */
export function warekiToGregorian(era: Era | EraName, eraYear: number): number {
  const e = typeof era === "string" ? findEra(era) : era;
  if (!e) throw new RangeError(`unknown era: ${String(era)}`);
  if (!Number.isInteger(eraYear) || eraYear < 1) throw new RangeError(`era year must be ≥ 1: ${eraYear}`);
  return e.firstYear + eraYear - 1;
}

export interface EraYear {
  era: Era;
  /** 1 for 元年. */
  eraYear: number;
}

/**
 * The era year of a Gregorian year, using the era in force on 31 December of that year:
 * 2019 → 令和1 (令和元年), 1989 → 平成1, 1926 → 昭和1. The same rule serves fiscal years
 * (April to March): 2019年度 → 令和元年度 (the usual convention; 平成31年度 is also seen in plans
 * written before May 2019, and parses to the same year), 1988年度 → 昭和63年度.
 * Null before 1868 (no era handled).
 */
export function gregorianToEraYear(year: number): EraYear | null {
  if (!Number.isInteger(year)) return null;
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i]!;
    if (year >= era.firstYear) return { era, eraYear: year - era.firstYear + 1 };
  }
  return null;
}

/** The era in force on a day (in Japan time, UTC+9): 2019-04-30 → 平成31, 2019-05-01 → 令和1. */
export function eraYearOnDate(date: Date): EraYear | null {
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  const jst = new Date(t + 9 * 3600_000);
  const y = jst.getUTCFullYear();
  const m = jst.getUTCMonth() + 1;
  const d = jst.getUTCDate();
  const key = y * 10_000 + m * 100 + d;
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i]!;
    const [sy, sm, sd] = era.start;
    if (key >= sy * 10_000 + sm * 100 + sd) return { era, eraYear: y - era.firstYear + 1 };
  }
  return null;
}

/** "令和4", "令和元" (year 1 is written 元). */
export const formatEraYear = (e: EraYear): string =>
  `${e.era.name}${e.eraYear === 1 ? "元" : String(e.eraYear)}`;
