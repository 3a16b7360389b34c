/** Comments on a KPI-year (the review conversation). `return` comments are written by transitionReview. */
import { asc, eq, inArray } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import type { Db } from "../db.ts";
import { type CommentKind, comments, kpiYears } from "../schema.ts";
import { type AuditContext, writeAudit } from "./audit.ts";

export type CommentRecord = typeof comments.$inferSelect;

export async function addComment(
  db: Db,
  input: { kpiYearId: string; body: string; kind?: CommentKind; parentId?: string | null },
  ctx: AuditContext,
): Promise<CommentRecord> {
  const body = input.body.trim();
  if (!body) throw new SoseiError("validation_failed", "コメントが空です");
  const [ky] = await db.select({ id: kpiYears.id }).from(kpiYears).where(eq(kpiYears.id, input.kpiYearId));
  if (!ky) throw new SoseiError("not_found", "指定のKPIは見つかりません");
  if (input.parentId) {
    // A reply answers a comment of the same KPI-year, never one elsewhere.
    const [parent] = await db
      .select({ kpiYearId: comments.kpiYearId })
      .from(comments)
      .where(eq(comments.id, input.parentId));
    if (parent?.kpiYearId !== input.kpiYearId)
      throw new SoseiError("not_found", "返信先のコメントが見つかりません", { field: "parentId" });
  }
  const row: CommentRecord = {
    id: ctx.ids.next(),
    kpiYearId: input.kpiYearId,
    authorId: ctx.actor,
    kind: input.kind ?? "comment",
    parentId: input.parentId ?? null,
    body,
    createdAt: ctx.clock.now(),
  };
  await db.insert(comments).values(row);
  await writeAudit(db, ctx, { entity: "comment", entityId: row.id, action: "create", after: row });
  return row;
}

export async function commentsOf(db: Db, kpiYearId: string): Promise<CommentRecord[]> {
  return (await commentsOfMany(db, [kpiYearId])).get(kpiYearId) ?? [];
}

/** The comments of several KPI-years in one query (an entry page of n rows asked n times). */
export async function commentsOfMany(db: Db, kpiYearIds: string[]): Promise<Map<string, CommentRecord[]>> {
  const out = new Map<string, CommentRecord[]>(kpiYearIds.map((id) => [id, []]));
  if (kpiYearIds.length === 0) return out;
  const rows = await db
    .select()
    .from(comments)
    .where(inArray(comments.kpiYearId, kpiYearIds))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  for (const r of rows) out.get(r.kpiYearId)?.push(r);
  return out;
}
