/** Comments on a KPI-year (the review conversation). `return` comments are written by transitionReview. */
import { asc, eq } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import type { Db } from "../db.ts";
import { type CommentKind, comments, kpiYears } from "../schema.ts";
import { type AuditContext, writeAudit } from "./audit.ts";

export type CommentRecord = typeof comments.$inferSelect;

export async function addComment(
  db: Db,
  input: { kpiYearId: string; body: string; kind?: CommentKind },
  ctx: AuditContext,
): Promise<CommentRecord> {
  const body = input.body.trim();
  if (!body) throw new SoseiError("validation_failed", "コメントが空です");
  const [ky] = await db.select({ id: kpiYears.id }).from(kpiYears).where(eq(kpiYears.id, input.kpiYearId));
  if (!ky) throw new SoseiError("not_found", "指定のKPIは見つかりません");
  const row: CommentRecord = {
    id: ctx.ids.next(),
    kpiYearId: input.kpiYearId,
    authorId: ctx.actor,
    kind: input.kind ?? "comment",
    body,
    createdAt: ctx.clock.now(),
  };
  await db.insert(comments).values(row);
  await writeAudit(db, ctx, { entity: "comment", entityId: row.id, action: "create", after: row });
  return row;
}

export async function commentsOf(db: Db, kpiYearId: string): Promise<CommentRecord[]> {
  return db
    .select()
    .from(comments)
    .where(eq(comments.kpiYearId, kpiYearId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}
