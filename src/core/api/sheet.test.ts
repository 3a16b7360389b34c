// The one sheet/1 check (zod) held to the public JSON schema: same fields, types, required keys and
// enums, so that what one accepts the other accepts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkSheet, sheetProblemsText, sheetSchema } from "./sheet.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const specFile = path.resolve(repoRoot, "../shared/spec/sheet-v1.schema.json");
const ourCopy = path.join(import.meta.dirname, "sheet-v1.schema.json");
const jsonSchema = JSON.parse(readFileSync(ourCopy, "utf8")) as Json;
const minato = () => JSON.parse(readFileSync(path.join(repoRoot, "fixtures/sheet/minato-2023.json"), "utf8"));

type Json = { [k: string]: unknown };

/**
 * A JSON schema reduced to what decides acceptance: types (as a sorted list), const, enum, required
 * (sorted), properties, items, oneOf; `$ref`s resolved. Words (description, title), zod's
 * safe-integer bounds and `additionalProperties` (the spec allows added fields; we keep them) go.
 */
function shapeOf(node: Json, root: Json): Json {
  if (typeof node.$ref === "string") {
    const target = node.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<Json>((o, k) => o[k] as Json, root);
    return shapeOf(target, root);
  }
  const out: Json = {};
  if (node.const !== undefined) out.const = node.const;
  else if (node.enum !== undefined) out.enum = [...(node.enum as unknown[])].sort();
  else if (node.type !== undefined) out.type = [node.type].flat().sort();
  if (node.required) out.required = [...(node.required as string[])].sort();
  if (node.properties)
    out.properties = Object.fromEntries(
      Object.entries(node.properties as Record<string, Json>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v, root)]),
    );
  if (node.items) out.items = shapeOf(node.items as Json, root);
  if (node.oneOf) out.oneOf = (node.oneOf as Json[]).map((v) => shapeOf(v, root));
  return out;
}

/** Paths where the two shapes differ, e.g. "kpis.items.target.oneOf.0.properties.qualifiers: only zod". */
function differences(a: unknown, b: unknown, at = ""): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (!a || !b || typeof a !== "object" || typeof b !== "object" || Array.isArray(a) !== Array.isArray(b))
    return [`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => {
    const [x, y] = [(a as Json)[k], (b as Json)[k]];
    const here = at ? `${at}.${k}` : k;
    if (x === undefined) return [`${here}: only in the JSON schema`];
    if (y === undefined) return [`${here}: only in zod`];
    return differences(x, y, here);
  });
}

describe("sheet/1: one check, held to the public schema", () => {
  it.skipIf(!existsSync(specFile))("keeps a byte-identical copy of the public schema", () => {
    expect(readFileSync(ourCopy).equals(readFileSync(specFile))).toBe(true);
  });

  it("is the JSON schema in zod: the same fields, types, required keys and enums", () => {
    const zod = shapeOf(z.toJSONSchema(sheetSchema, { target: "draft-2020-12" }) as Json, {});
    const spec = shapeOf(jsonSchema, jsonSchema);
    const diffs = differences(zod, spec);
    // Zod may know optional fields added after sheet/1 (add, never rename: the schema lets them
    // through unnamed); every other difference is a disagreement.
    const optionalAddition = (d: string) => {
      const m = /^(.*)\.properties\.(\w+): only in zod$/.exec(d);
      if (!m) return false;
      const parent = m[1]!.split(".").reduce<Json>((o, k) => o[k] as Json, zod);
      return !((parent.required as string[] | undefined) ?? []).includes(m[2]!);
    };
    expect(diffs.filter((d) => !optionalAddition(d))).toEqual([]);
    // Such as the qualifiers a number may carry.
    expect(diffs).toContain(
      "properties.kpis.items.properties.target.oneOf.0.properties.qualifiers: only in zod",
    );
  });

  it("accepts a sheet, keeps fields added after sheet/1, and names what is wrong with a broken one", () => {
    const sheet = minato();
    sheet.kpis[0].laterField = { kept: true };
    const ok = checkSheet(sheet);
    expect(ok.ok && (ok.sheet.kpis[0] as unknown as Json).laterField).toEqual({ kept: true });

    const broken = minato();
    broken.kpis[0].evaluation.category = "great";
    delete broken.kpis[1].indicator;
    const r = checkSheet(broken);
    expect(r.ok).toBe(false);
    const text = r.ok ? "" : sheetProblemsText(r.problems);
    expect(text).toContain("kpis.0.evaluation.category");
    expect(text).toContain("kpis.1.indicator");
    expect(checkSheet({ format: "sheet/2", fiscalYear: 2022, kpis: [] }).ok).toBe(false);
    expect(checkSheet({ format: "sheet/1", fiscalYear: 2022.5, kpis: [] }).ok).toBe(false);
    expect(checkSheet({ format: "sheet/1", fiscalYear: 2022, kpis: [] }).ok).toBe(true);
  });
});
