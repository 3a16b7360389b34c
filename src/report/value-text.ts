/** A sheet/1 value as the city printed it (raw), with its period when the column does not say it. */
import { type Period, samePeriod } from "../core/period.ts";
import type { Value } from "../core/sheet.ts";
import { formatQuantityJa } from "../core/value/format.ts";
import { periodLabel } from "./format.ts";

const MENTIONS_YEAR = /(令和|平成|昭和|R\s?\d|H\s?\d|\d{4}\s*年|年度|元年|\d+年\))/;

/** The printed form of a value (without the period). */
export function valueBody(v: Value): string {
  if (v.raw !== undefined && v.raw.trim() !== "") return v.raw.trim();
  switch (v.kind) {
    case "number":
      return formatQuantityJa(v);
    case "segmented":
      return v.segments.map((s) => `${s.label}${formatQuantityJa(s)}`).join("\n");
    case "text":
      return v.text;
    case "missing":
      return "－";
  }
}

/**
 * The printed value, followed by its period in parentheses when the raw text does not mention a
 * year and the period is not the column's own.
 */
export function valueText(v: Value, column?: Period | null): string {
  const body = valueBody(v);
  if (v.kind !== "number" && v.kind !== "segmented") return body;
  if (column && samePeriod(v.period, column)) return body;
  if (MENTIONS_YEAR.test(body)) return body;
  return `${body}（${periodLabel(v.period)}）`;
}

/** The period of a value, or null for text / missing. */
export const periodOf = (v: Value): Period | null =>
  v.kind === "number" || v.kind === "segmented" ? v.period : null;
