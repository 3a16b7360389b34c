/** The audit log: every change, who made it, when, and the entity before and after. */
import { and, asc, desc, eq } from "drizzle-orm";
import type { Clock } from "../../core/clock.ts";
import type { IdGenerator } from "../../core/ids.ts";
import type { Db } from "../db.ts";
import { auditLog } from "../schema.ts";
import { insertInChunks } from "./insert-chunks.ts";

export interface Actor {
  /** A user id, or `cli:<os user>` for the command line. */
  id: string;
}

export interface AuditContext {
  actor: string;
  clock: Clock;
  ids: IdGenerator;
}

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy (Dates → ISO strings, undefined dropped) for the jsonb columns. */
const toJson = (x: unknown): unknown => (x === undefined ? null : JSON.parse(JSON.stringify(x)));

export async function writeAudit(
  db: Db,
  ctx: AuditContext,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const at = ctx.clock.now();
  await insertInChunks(
    db,
    auditLog,
    list.map((e) => ({
      id: ctx.ids.next(),
      at,
      actor: ctx.actor,
      entity: e.entity,
      entityId: e.entityId,
      action: e.action,
      before: toJson(e.before),
      after: toJson(e.after),
    })),
  );
}

export type AuditRecord = typeof auditLog.$inferSelect;

export async function auditOf(db: Db, entity: string, entityId: string): Promise<AuditRecord[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

export async function recentAudit(db: Db, limit = 100): Promise<AuditRecord[]> {
  return db.select().from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit);
}
