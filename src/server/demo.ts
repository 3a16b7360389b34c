/**
 * First start with an empty database: demo users (passwords generated, returned once for printing)
 * and the demo strategy of the made-up みなと市 (fixtures/demo/*.json, sheet/1): FY2021 published,
 * FY2022 open for entry.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkSheet } from "../core/api/sheet.ts";
import { SoseiError } from "../core/errors.ts";
import { generatePassword } from "../store/index.ts";
import type { Services } from "./services.ts";
import type { Role } from "./store-adapter.ts";

export const DEMO_USERS: { username: string; role: Role; department: string | null; displayName: string }[] =
  [
    { username: "admin", role: "admin", department: null, displayName: "管理者" },
    { username: "planning", role: "planning", department: null, displayName: "企画課 総合戦略担当" },
    { username: "committee", role: "committee", department: null, displayName: "評価委員" },
    { username: "shoko", role: "department", department: "商工振興課", displayName: "商工振興課" },
    { username: "kanko", role: "department", department: "観光課", displayName: "観光課" },
    { username: "kikaku", role: "department", department: "企画課", displayName: "企画課" },
    { username: "kosodate", role: "department", department: "子育て支援課", displayName: "子育て支援課" },
    { username: "gakko", role: "department", department: "学校教育課", displayName: "学校教育課" },
  ];

export interface DemoResult {
  users: { username: string; role: Role; department: string | null; password: string }[];
  years: number[];
}

export async function seedDemo(
  services: Services,
  opts: { fixturesDir: string; password?: (username: string) => string },
): Promise<DemoResult> {
  const { store } = services;
  const result: DemoResult = { users: [], years: [] };
  if ((await store.countUsers()) === 0) {
    for (const u of DEMO_USERS) {
      const password = opts.password?.(u.username) ?? generatePassword();
      await store.createUser({ ...u, password }, "demo");
      result.users.push({ username: u.username, role: u.role, department: u.department, password });
    }
  }
  if ((await store.listYears()).length === 0) {
    for (const [file, published] of [
      ["minato-2021.json", true],
      ["minato-2022.json", false],
    ] as const) {
      const r = checkSheet(JSON.parse(readFileSync(path.join(opts.fixturesDir, file), "utf8")));
      if (!r.ok) throw new SoseiError("invalid_sheet", `${file}: ${r.problems[0]?.message}`);
      await store.saveSheet(r.sheet, "demo");
      if (published) {
        // The earlier year went through the whole review already.
        for (const row of await store.kpisOfYear(r.sheet.fiscalYear)) {
          const s = await store.transition(row, row.version, "submitted", undefined, "demo");
          await store.transition(s, s.version, "approved", undefined, "demo");
        }
        await store.publishYear(r.sheet.fiscalYear, "demo");
      }
      result.years.push(r.sheet.fiscalYear);
    }
  }
  // Written outside HTTP: nothing cached before the seeding may be served after it.
  services.readCache?.bump();
  return result;
}
