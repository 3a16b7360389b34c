/** 担当課: collected from imported sheets, or added by an administrator. */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db.ts";
import { departments } from "../schema.ts";
import { type AuditContext, writeAudit } from "./audit.ts";

export type DepartmentRecord = typeof departments.$inferSelect;

export async function listDepartments(db: Db): Promise<DepartmentRecord[]> {
  return db.select().from(departments).orderBy(asc(departments.name));
}

export async function ensureDepartment(db: Db, name: string, ctx: AuditContext): Promise<DepartmentRecord> {
  const [found] = await db.select().from(departments).where(eq(departments.name, name));
  if (found) return found;
  const row = { id: ctx.ids.next(), name, createdAt: ctx.clock.now() };
  await db.insert(departments).values(row);
  await writeAudit(db, ctx, { entity: "department", entityId: row.id, action: "create", after: row });
  return row;
}
