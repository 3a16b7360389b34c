/**
 * 担当課: the master list (name, order). Users and KPIs take their departments from it, so a typo
 * (「商工労働」 for 商工労働課) is refused with the name and the closest known one. Importing a
 * sheet adds the sheet's departments (a city's own list, as printed).
 */
import { asc, eq, inArray, sql } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import { diceSimilarity, normalizeKey } from "../../core/matching/normalize.ts";
import type { Db } from "../db.ts";
import { departments, kpiDefinitions, users } from "../schema.ts";
import { type AuditContext, writeAudit } from "./audit.ts";

export type DepartmentRecord = typeof departments.$inferSelect;

/** The list in its display order (position, then name). */
export async function listDepartments(db: Db): Promise<DepartmentRecord[]> {
  return db.select().from(departments).orderBy(asc(departments.position), asc(departments.name));
}

const cleanName = (name: string): string => {
  const n = name.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (!n)
    throw new SoseiError("validation_failed", "課の名前を入力してください / department name is empty", {
      field: "name",
    });
  if (n.length > 100)
    throw new SoseiError("validation_failed", "課の名前は100文字までです", { field: "name" });
  return n;
};

export async function ensureDepartment(db: Db, name: string, ctx: AuditContext): Promise<DepartmentRecord> {
  // Looked up as it would be stored: 「％」 and 「%」 (NFKC) are one department, not a duplicate error.
  const [found] = await db
    .select()
    .from(departments)
    .where(eq(departments.name, cleanName(name)));
  if (found) return found;
  return createDepartment(db, { name }, ctx);
}

export async function createDepartment(
  db: Db,
  input: { name: string; position?: number | undefined },
  ctx: AuditContext,
): Promise<DepartmentRecord> {
  const name = cleanName(input.name);
  const [dup] = await db.select().from(departments).where(eq(departments.name, name));
  if (dup)
    throw new SoseiError("department_exists", `「${name}」はすでに登録されています / already listed`, {
      field: "name",
    });
  const position =
    input.position ??
    Number(
      (await db.select({ max: sql<number>`coalesce(max(${departments.position}), 0)` }).from(departments))[0]
        ?.max ?? 0,
    ) + 1;
  const row = { id: ctx.ids.next(), name, position, createdAt: ctx.clock.now() };
  await db.insert(departments).values(row);
  await writeAudit(db, ctx, { entity: "department", entityId: row.id, action: "create", after: row });
  return row;
}

/**
 * Renames and/or moves a department. A rename carries over to its users and to the KPI definitions
 * naming it, in one transaction, so nothing is left pointing at the old name.
 */
export async function updateDepartment(
  db: Db,
  input: { id: string; name?: string | undefined; position?: number | undefined },
  ctx: AuditContext,
): Promise<DepartmentRecord> {
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const [before] = await tx.select().from(departments).where(eq(departments.id, input.id));
    if (!before) throw new SoseiError("not_found", "その課は登録されていません / department not found");
    const name = input.name === undefined ? before.name : cleanName(input.name);
    if (name !== before.name) {
      const [dup] = await tx.select().from(departments).where(eq(departments.name, name));
      if (dup)
        throw new SoseiError("department_exists", `「${name}」はすでに登録されています`, { field: "name" });
      await tx.update(users).set({ department: name }).where(eq(users.department, before.name));
      const defs = await tx
        .select({ id: kpiDefinitions.id, departments: kpiDefinitions.departments })
        .from(kpiDefinitions)
        .where(sql`${kpiDefinitions.departments} @> ${JSON.stringify([before.name])}::jsonb`);
      for (const d of defs)
        await tx
          .update(kpiDefinitions)
          .set({ departments: d.departments.map((x) => (x === before.name ? name : x)) })
          .where(eq(kpiDefinitions.id, d.id));
    }
    const [after] = await tx
      .update(departments)
      .set({ name, position: input.position ?? before.position })
      .where(eq(departments.id, input.id))
      .returning();
    await writeAudit(tx, ctx, { entity: "department", entityId: before.id, action: "update", before, after });
    return after!;
  });
}

/** The closest listed name to a typo (for the message), when reasonably close. */
export function closestName(name: string, known: string[]): string | null {
  const key = normalizeKey(name);
  let best: string | null = null;
  let score = 0.4;
  for (const k of known) {
    const s = diceSimilarity(key, normalizeKey(k)) + (normalizeKey(k).startsWith(key) ? 0.3 : 0);
    if (s > score) [best, score] = [k, s];
  }
  return best;
}

/**
 * Checks names against the master list; returns them cleaned (NFKC, trimmed, no duplicates).
 * An unknown name is a `unknown_department` error naming it and the closest listed one.
 */
export async function requireDepartments(db: Db, names: string[]): Promise<string[]> {
  const wanted = [...new Set(names.map((n) => n.normalize("NFKC").trim()).filter(Boolean))];
  if (wanted.length === 0) return [];
  const found = new Set(
    (
      await db.select({ name: departments.name }).from(departments).where(inArray(departments.name, wanted))
    ).map((d) => d.name),
  );
  const unknown = wanted.filter((n) => !found.has(n));
  if (unknown.length > 0) {
    const known = (await listDepartments(db)).map((d) => d.name);
    const hints = unknown.map((u) => {
      const near = closestName(u, known);
      return `「${u}」${near ? `（「${near}」ですか？）` : ""}`;
    });
    throw new SoseiError(
      "unknown_department",
      `課の一覧にない名前です: ${hints.join("、")}。課の一覧に追加するか、一覧から選んでください / unknown department: ${unknown.join(", ")}`,
      { field: "departments", unknown, suggestions: unknown.map((u) => closestName(u, known)) },
    );
  }
  return wanted;
}
