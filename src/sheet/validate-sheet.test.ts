import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateSheet } from "./index.ts";
import { fixturesDir, sharedDir } from "./test-paths.ts";

const specDir = path.join(sharedDir, "spec");

describe("validateSheet", () => {
  it.skipIf(!existsSync(specDir))("uses a byte-identical copy of the public schema", () => {
    const ours = readFileSync(new URL("./sheet-v1.schema.json", import.meta.url));
    expect(ours.equals(readFileSync(path.join(specDir, "sheet-v1.schema.json")))).toBe(true);
  });

  it("accepts a sheet and names what is wrong with a broken one", () => {
    const sheet = JSON.parse(readFileSync(path.join(fixturesDir, "sheet/minato-2023.json"), "utf8"));
    expect(validateSheet(sheet).ok).toBe(true);
    const broken = structuredClone(sheet);
    broken.kpis[0].evaluation.category = "great";
    delete broken.kpis[1].indicator;
    const r = validateSheet(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join("\n")).toContain("/kpis/0/evaluation/category");
      expect(r.errors.join("\n")).toContain("indicator");
    }
    expect(validateSheet({ format: "sheet/2", fiscalYear: 2022, kpis: [] }).ok).toBe(false);
  });
});
