/**
 * Evaluation rules: which formula gives the rate, which bands turn a rate into a category and
 * label, directions and baselines set by hand. `parseRules` validates a rules file (zod) and
 * reports the first problems in one line with their JSON path ("$.bands[1].min: ...").
 */
import { z } from "zod";
import { SoseiError } from "../errors.ts";
import type { EvaluationScale } from "../sheet.ts";
import { CATEGORY_LABELS_JA } from "../sheet.ts";
import type { Band, Rules } from "./types.ts";

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") for (const v of Object.values(o)) deepFreeze(v);
  return Object.freeze(o);
}

/** The usual scale: ≥ 100% 順調に進捗, ≥ 80% 概ね順調に進捗, otherwise 進捗の遅れ; 評価不可 without a rate. */
export const DEFAULT_RULES: Rules = deepFreeze({
  name: null,
  formula: "ratio",
  bands: [
    { min: 1, category: "on_track", label: CATEGORY_LABELS_JA.on_track },
    { min: 0.8, category: "mostly_on_track", label: CATEGORY_LABELS_JA.mostly_on_track },
    { min: null, category: "delayed", label: CATEGORY_LABELS_JA.delayed },
  ],
  notEvaluable: { label: CATEGORY_LABELS_JA.not_evaluable },
  directions: { byRow: {}, byIndicator: {} },
  baselines: { byRow: {}, byIndicator: {} },
});

const direction = z.enum(["increase", "decrease", "maintain"]);
const rowKey = z.string().regex(/^[1-9][0-9]*$/, 'row keys are 1-based row numbers, e.g. "12"');
const baseline = z.union([
  z.number(),
  z.strictObject({ value: z.number(), year: z.number().int().optional() }),
]);
const band = z.strictObject({
  min: z.number().nullable().optional(),
  category: z.enum(["on_track", "mostly_on_track", "delayed"]),
  label: z.string().min(1).optional(),
});

const rulesSchema = z
  .strictObject({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    name: z.string().optional(),
    formula: z.enum(["ratio", "progress_from_baseline", "prorated"]).optional(),
    onTrack: z.number().optional(),
    mostlyOnTrack: z.number().optional(),
    bands: z.array(band).min(1).optional(),
    notEvaluable: z.strictObject({ label: z.string().min(1) }).optional(),
    directions: z
      .strictObject({
        byRow: z.record(rowKey, direction).optional(),
        byIndicator: z.record(z.string(), direction).optional(),
      })
      .optional(),
    baselines: z
      .strictObject({
        byRow: z.record(rowKey, baseline).optional(),
        byIndicator: z.record(z.string(), baseline).optional(),
      })
      .optional(),
  })
  .superRefine((r, ctx) => {
    const shorthand = r.onTrack !== undefined || r.mostlyOnTrack !== undefined;
    if (shorthand && r.bands)
      ctx.addIssue({
        code: "custom",
        path: ["bands"],
        message: "give either bands or onTrack/mostlyOnTrack",
      });
    if (r.onTrack !== undefined && r.mostlyOnTrack !== undefined && r.mostlyOnTrack > r.onTrack)
      ctx.addIssue({ code: "custom", path: ["mostlyOnTrack"], message: "must not be above onTrack" });
    const bands = r.bands ?? [];
    bands.forEach((b, i) => {
      const min = b.min ?? null;
      if (min === null && i !== bands.length - 1)
        ctx.addIssue({
          code: "custom",
          path: ["bands", i, "min"],
          message: "only the last band may omit min",
        });
      const prev = i > 0 ? (bands[i - 1]?.min ?? null) : null;
      if (i > 0 && min !== null && prev !== null && min >= prev)
        ctx.addIssue({
          code: "custom",
          path: ["bands", i, "min"],
          message: "bands must be ordered from the highest min down",
        });
    });
  });

/** `["bands", 1, "min"]` → `$.bands[1].min`. */
function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "$";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (typeof p === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

export type ParseRulesResult = { ok: true; rules: Rules } | { ok: false; message: string };

/** Like `parseRules`, without throwing: for the web UI. */
export function safeParseRules(json: unknown): ParseRulesResult {
  let data = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch (e) {
      return { ok: false, message: `rules are not valid JSON: ${(e as Error).message}` };
    }
  }
  const parsed = rulesSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${jsonPath(i.path)}: ${i.message}`);
    const more = parsed.error.issues.length > 3 ? ` (+${parsed.error.issues.length - 3} more)` : "";
    return { ok: false, message: `invalid rules: ${issues.join("; ")}${more}` };
  }
  const r = parsed.data;
  let bands: Band[];
  if (r.bands) {
    bands = r.bands.map((b) => ({
      min: b.min ?? null,
      category: b.category,
      label: b.label ?? CATEGORY_LABELS_JA[b.category],
    }));
  } else {
    const [top, mid] = DEFAULT_RULES.bands;
    bands = [
      { ...top!, min: r.onTrack ?? top!.min },
      { ...mid!, min: r.mostlyOnTrack ?? mid!.min },
      { min: null, category: "delayed", label: CATEGORY_LABELS_JA.delayed },
    ];
  }
  const toBaseline = (b: z.infer<typeof baseline>) =>
    typeof b === "number" ? { value: b, year: null } : { value: b.value, year: b.year ?? null };
  const mapValues = <A, B>(o: Record<string, A> | undefined, f: (a: A) => B): Record<string, B> =>
    Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, f(v)]));
  return {
    ok: true,
    rules: {
      name: r.name ?? null,
      formula: r.formula ?? "ratio",
      bands,
      notEvaluable: { label: r.notEvaluable?.label ?? CATEGORY_LABELS_JA.not_evaluable },
      directions: {
        byRow: { ...r.directions?.byRow },
        byIndicator: { ...r.directions?.byIndicator },
      },
      baselines: {
        byRow: mapValues(r.baselines?.byRow, toBaseline),
        byIndicator: mapValues(r.baselines?.byIndicator, toBaseline),
      },
    },
  };
}

/**
 * Validates rules given as parsed JSON (or as JSON text) and fills the defaults.
 * Accepts the shorthand `{"onTrack": 1.0, "mostlyOnTrack": 0.8}` or full `bands`.
 * Throws SoseiError('invalid_rules') with one line naming the JSON path.
 */
export function parseRules(json: unknown): Rules {
  const r = safeParseRules(json);
  if (!r.ok) throw new SoseiError("invalid_rules", r.message);
  return r.rules;
}

/** Rounding slack so that 0.8 computed as 79.99999999/100 still lands in the 80% band. */
const EPS = 1e-9;

/** The band a rate falls into: the first whose min it reaches; below every band, the last one. */
export function bandOf(rate: number, rules: Rules): Band {
  for (const b of rules.bands) if (b.min === null || rate >= b.min - EPS) return b;
  return rules.bands[rules.bands.length - 1]!;
}

/** The band for "fully achieved" (used by explicit rules, e.g. a decrease KPI that reached zero). */
export function topBand(rules: Rules): Band {
  return rules.bands[0]!;
}

/** The lowest band (a KPI missed by an explicit rule). */
export function bottomBand(rules: Rules): Band {
  return rules.bands.at(-1)!;
}

/**
 * The city's printed scale (read from the legend, or given with the import) as evaluation rules,
 * when its thresholds order the bands: every band but the last needs a lower bound (a top band
 * that means "the target reached" is 100%). Null when the legend gives no thresholds to audit with.
 */
export function rulesFromScale(scale: EvaluationScale): Rules | null {
  const positive = scale.bands.filter((b) => b.category !== "not_evaluable");
  if (positive.length < 2) return null;
  const withMin = positive.map((b, i) => ({
    ...b,
    min:
      b.min ??
      (i === 0 &&
      b.category === "on_track" &&
      /目標(値)?(以上|を上回|を超え|を達成)|既達成|達成/.test(b.meaning)
        ? 1
        : null),
  }));
  if (withMin.slice(0, -1).some((b) => b.min === null)) return null;
  if (withMin.slice(0, -1).some((b, i) => i > 0 && b.min! >= withMin[i - 1]!.min!)) return null;
  const bands: Band[] = withMin.map((b, i) => ({
    min: i === withMin.length - 1 && b.min === null ? null : b.min,
    category: b.category as Band["category"],
    label: b.label,
  }));
  const ne = scale.bands.find((b) => b.category === "not_evaluable");
  return {
    name: "シートの評価基準",
    formula: scale.basis === "progress_from_baseline" ? "progress_from_baseline" : "ratio",
    bands,
    notEvaluable: { label: ne?.label ?? DEFAULT_RULES.notEvaluable.label },
    directions: { byRow: {}, byIndicator: {} },
    baselines: { byRow: {}, byIndicator: {} },
  };
}
