/**
 * jsonb does not keep key order; sheet/1 output does. These rebuild stored values with the keys in
 * sheet/1 order (unknown extra keys kept, after the known ones), so an export equals the import.
 */
import type { Period } from "../period.ts";
import { type Kpi, SHEET_COLUMNS, type StatedEvaluation, type Value } from "../sheet.ts";

type Obj = Record<string, unknown>;

function ordered<T>(x: T, keys: readonly string[]): T {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return x;
  const src = x as Obj;
  const out: Obj = {};
  for (const k of keys) if (k in src) out[k] = src[k];
  for (const k of Object.keys(src)) if (!(k in out)) out[k] = src[k];
  return out as T;
}

const periodOf = (p: Period): Period => ordered(p, ["year", "basis"]);

export function canonicalValue(v: Value): Value {
  switch (v.kind) {
    case "number": {
      const o = ordered(v, ["kind", "value", "unit", "period", "raw", "qualifiers"]);
      return { ...o, period: periodOf(o.period) };
    }
    case "segmented": {
      const o = ordered(v, ["kind", "segments", "period", "raw"]);
      return {
        ...o,
        segments: o.segments.map((s) => ordered(s, ["label", "value", "unit"])),
        period: periodOf(o.period),
      };
    }
    case "text":
      return ordered(v, ["kind", "text", "raw"]);
    case "missing":
      return ordered(v, ["kind", "raw"]);
    default:
      return v;
  }
}

export const canonicalEvaluation = (e: StatedEvaluation): StatedEvaluation =>
  ordered(e, ["category", "covid", "label"]);

export const KPI_KEYS = ["row", ...SHEET_COLUMNS] as const satisfies readonly (keyof Kpi)[];

/** The number and unit a Value folds to, for the query columns (null unless a plain number). */
export function foldValue(v: Value): { number: number | null; unit: string | null } {
  if (v.kind === "number") return { number: v.value, unit: v.unit };
  if (v.kind === "segmented") {
    const units = new Set(v.segments.map((s) => s.unit));
    return { number: null, unit: units.size === 1 ? (v.segments[0]?.unit ?? null) : null };
  }
  return { number: null, unit: null };
}

/** Canonical JSON for comparing stored and incoming content. */
export function stableJson(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Obj;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}

export const SHEET_KEYS = ["format", "municipality", "fiscalYear", "source", "kpis"] as const;

/** Fields outside `known`, in order, as [key, value] pairs (null when there are none). */
export function extraFields(x: object, known: readonly string[]): [string, unknown][] | null {
  const out = Object.entries(x).filter(([k, v]) => !known.includes(k) && v !== undefined);
  return out.length > 0 ? out : null;
}

/** `x` with the extra fields appended after the known ones. */
export function withExtra<T extends object>(x: T, extra: [string, unknown][] | null | undefined): T {
  if (!extra || extra.length === 0) return x;
  const out = { ...x } as Record<string, unknown>;
  for (const [k, v] of extra) if (!(k in out)) out[k] = v;
  return out as T;
}
