/**
 * The fiscal years Sosei accepts. A strategy's sheets are from this century; the range is wide
 * enough for any real plan and keeps absurd numbers (1e308, -5) out of the database, the wareki
 * conversion and file names.
 */
export const MIN_FISCAL_YEAR = 1900;
export const MAX_FISCAL_YEAR = 2200;

export const isFiscalYearInRange = (year: unknown): year is number =>
  typeof year === "number" && Number.isInteger(year) && year >= MIN_FISCAL_YEAR && year <= MAX_FISCAL_YEAR;

/** One short line naming the range; the value is cut so that a huge number cannot flood a message. */
export const fiscalYearOutOfRangeMessage = (year: unknown): string =>
  `年度が範囲外です(${String(year).slice(0, 20)}。${MIN_FISCAL_YEAR}〜${MAX_FISCAL_YEAR} 年度で指定してください)`;
