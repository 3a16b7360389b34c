/**
 * Writing numbers and values the Japanese way, as the sheets print them: 3桁区切り (`18,225人`),
 * 万/億/兆 where a person would write them and only when exact (`33万人`, `2億396万円`, `12,025億円`,
 * `491.5万人`), negatives with ▲. Everything written here reads back to the same number with parseValue.
 */
import { formatPeriodJa, type Period, periodToWareki, samePeriod } from "../period.ts";
import type { NumberValue, Value } from "../sheet.ts";
import { NOTE_QUALIFIERS, PREFIX_QUALIFIERS } from "./qualifiers.ts";

/** The exact decimal digits of a double, without exponent: 1e21 → "1000000000000000000000", 1e-7 → "0.0000001". */
export function plainDecimal(n: number): string {
  const s = String(Math.abs(n));
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = `${m[1]}${m[2] ?? ""}`;
  const point = m[1]!.length + Number(m[3]);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${digits}${"0".repeat(point - digits.length)}`;
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

const groupDigits = (int: string): string => int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** 3桁区切り: 1234567.5 → "1,234,567.5", -1234 → "-1,234". All the digits the number carries, no rounding. */
export function formatNumberJa(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int = "0", frac] = plainDecimal(n).split(".");
  return `${n < 0 ? "-" : ""}${groupDigits(int)}${frac ? `.${frac}` : ""}`;
}

const TEN_THOUSAND = 10_000n;
const HUNDRED_MILLION = 100_000_000n;
const TRILLION = 1_000_000_000_000n;

const groupBig = (n: bigint): string => groupDigits(n.toString());

/** The magnitude (no sign, no unit) in sheet style. */
function magnitudeJa(abs: number): string {
  if (!Number.isInteger(abs)) return formatNumberJa(abs);
  const n = BigInt(abs);
  if (n >= TRILLION && n % TRILLION === 0n) return `${groupBig(n / TRILLION)}兆`;
  if (n >= HUNDRED_MILLION && n % TEN_THOUSAND === 0n) {
    const man = (n % HUNDRED_MILLION) / TEN_THOUSAND;
    return `${groupBig(n / HUNDRED_MILLION)}億${man > 0n ? `${groupBig(man)}万` : ""}`;
  }
  if (n >= 100_000n && n % TEN_THOUSAND === 0n) return `${groupBig(n / TEN_THOUSAND)}万`;
  if (n >= 1_000_000n && n % 1000n === 0n) {
    const tenths = n / 1000n;
    return `${groupBig(tenths / 10n)}.${tenths % 10n}万`;
  }
  return formatNumberJa(abs);
}

/**
 * A number value the way a person writes it on a sheet: `1202500000000 円` → "12,025億円",
 * `330000 人` → "33万人", `18225 人` → "18,225人", `4915000 人` → "491.5万人", `-5 %` → "▲5%",
 * with its qualifiers (`約1,000人以上`). The period is not written.
 */
export function formatQuantityJa(v: Pick<NumberValue, "value" | "unit" | "qualifiers">): string {
  const quals = v.qualifiers ?? [];
  const prefix = quals.filter((q) => (PREFIX_QUALIFIERS as readonly string[]).includes(q));
  const notes = quals.filter(
    (q) =>
      !(PREFIX_QUALIFIERS as readonly string[]).includes(q) &&
      (NOTE_QUALIFIERS as readonly string[]).includes(q),
  );
  const suffix = quals.filter((q) => !prefix.includes(q) && !notes.includes(q));
  const sign = v.value < 0 ? "▲" : "";
  const body = Number.isFinite(v.value) ? magnitudeJa(Math.abs(v.value)) : String(v.value);
  return `${prefix.join("")}${sign}${body}${v.unit ?? ""}${suffix.join("")}${notes.map((n) => `(${n})`).join("")}`;
}

/** How segments are joined: "、" inline (web), "\n" in printed table cells (PDF, site). */
export interface ValueFormatOptions {
  segmentSeparator?: string;
}

/** Segments one per line, as printed table cells (PDF, public site) show them. */
export const LINE_SEGMENTS: ValueFormatOptions = { segmentSeparator: "\n" };

/** Any value, for display: segments joined with 、, text as is, missing as "－". */
export function formatValueJa(v: Value, options: ValueFormatOptions = {}): string {
  switch (v.kind) {
    case "number":
      return formatQuantityJa(v);
    case "segmented":
      return v.segments.map((s) => `${s.label}${formatQuantityJa(s)}`).join(options.segmentSeparator ?? "、");
    case "text":
      return v.text;
    case "missing":
      return "－";
  }
}

/** The value as the city printed it: its raw cell text when it has one, else formatted. */
export function printedValue(v: Value, options: ValueFormatOptions = {}): string {
  if (v.raw !== undefined && v.raw.trim() !== "") return v.raw.trim();
  return formatValueJa(v, options);
}

/** The period of a value, or null for text / missing. */
export const periodOfValue = (v: Value): Period | null =>
  v.kind === "number" || v.kind === "segmented" ? v.period : null;

/**
 * A value in a sheet column, as the value and the period apart (tables put the period on a line of
 * its own): the period only where the cell names one other than the column's (`12,025億円`,
 * `令和2年` in the 令和4年度 column), as the printed sheet does. Without a column period (the final
 * target), the value's own period is always given.
 */
export function valueInColumnParts(
  v: Value,
  column: Period | null,
  options: ValueFormatOptions = {},
): { value: string; period: string | null } {
  const value = formatValueJa(v, options);
  const period = periodOfValue(v);
  if (!period || (column && samePeriod(period, column))) return { value, period: null };
  return { value, period: periodToWareki(period) };
}

const MENTIONS_YEAR = /(令和|平成|昭和|R\s?\d|H\s?\d|\d{4}\s*年|年度|元年|\d+年\))/;

/**
 * The printed value (raw text when it has one), followed by its period in parentheses when the
 * text does not mention a year and the period is not the column's own: `12,025億円（令和2年）`.
 */
export function printedValueInColumn(
  v: Value,
  column: Period | null,
  options: ValueFormatOptions = {},
): string {
  const body = printedValue(v, options);
  const period = periodOfValue(v);
  if (!period || (column && samePeriod(period, column)) || MENTIONS_YEAR.test(body)) return body;
  return `${body}（${periodToWareki(period)}）`;
}

/** A value with its period as a UI label: "18,225人（令和4年度（2022年度））". */
export function formatValueWithPeriod(v: Value): string {
  const base = formatValueJa(v);
  const period = periodOfValue(v);
  if (!period) return base;
  return `${base}（${formatPeriodJa(period)}）`;
}

/** 3桁区切り, rounded to `maxFractionDigits` (computed numbers: averages, axis ticks). */
export function formatRounded(n: number, maxFractionDigits = 2): string {
  const f = 10 ** maxFractionDigits;
  return formatNumberJa(Math.round(n * f) / f);
}

/** A rate (1 = 100%) with one decimal: 1.015 → "101.5%"; null → "—". */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  const pct = Math.round(rate * 1000) / 10;
  return `${pct.toFixed(1)}%`;
}

/** Axis labels, short and rounded: 1202500000000 → "1兆2,025億", 1185000 → "118.5万", -850 → "▲850". */
export function formatCompact(n: number): string {
  const a = Math.abs(n);
  const sign = n < 0 ? "▲" : "";
  if (a >= 1e12) {
    const cho = Math.floor(a / 1e12);
    const oku = Math.round((a - cho * 1e12) / 1e8);
    return `${sign}${formatRounded(cho)}兆${oku > 0 ? `${formatRounded(oku)}億` : ""}`;
  }
  if (a >= 1e8) return `${sign}${formatRounded(a / 1e8, 1)}億`;
  if (a >= 1e4) return `${sign}${formatRounded(a / 1e4, 1)}万`;
  return `${sign}${formatRounded(a)}`;
}
