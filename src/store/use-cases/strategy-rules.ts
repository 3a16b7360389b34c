/** Shared checks of strategy editing and plan revision: field errors, texts, plan periods. */
import { eq } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import type { Db } from "../db.ts";
import { type Direction, plans } from "../schema.ts";

export const DIRECTIONS: Direction[] = ["increase", "decrease", "maintain"];

export const fieldError = (field: string, message: string) =>
  new SoseiError("validation_failed", message, { field });

export function cleanText(field: string, label: string, text: string | undefined | null, max = 500): string {
  const t = (text ?? "").normalize("NFKC").trim();
  if (!t) throw fieldError(field, `${label}を入力してください`);
  if (t.length > max) throw fieldError(field, `${label}は${max}文字までです`);
  return t;
}

export async function planOf(db: Db, planId: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw new SoseiError("not_found", "その計画はありません / plan not found");
  return plan;
}

export function inPlan(
  plan: { startYear: number; endYear: number; name: string },
  fy: number,
  field: string,
) {
  if (!Number.isInteger(fy) || fy < plan.startYear || fy > plan.endYear)
    throw fieldError(
      field,
      `${fy}年度は${plan.name}の計画期間（${plan.startYear}〜${plan.endYear}年度）の外です`,
    );
}
