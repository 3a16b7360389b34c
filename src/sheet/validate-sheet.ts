/** Validates sheet/1 JSON against the public schema (a byte-identical copy of ../shared/spec's). */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Sheet } from "../core/sheet.ts";

const schema = JSON.parse(readFileSync(new URL("./sheet-v1.schema.json", import.meta.url), "utf8")) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

export function validateSheet(json: unknown): { ok: true; sheet: Sheet } | { ok: false; errors: string[] } {
  if (validate(json)) return { ok: true, sheet: json as Sheet };
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  return { ok: false, errors: [...new Set(errors)] };
}
