/** Validates sheet/1 JSON against the public schema (a byte-identical copy of ../shared/spec's). */
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Sheet } from "../core/sheet.ts";
// Imported (not read from disk beside this file) so that the CLI bundle carries it.
import schema from "./sheet-v1.schema.json" with { type: "json" };

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema as object);

export function validateSheet(json: unknown): { ok: true; sheet: Sheet } | { ok: false; errors: string[] } {
  if (validate(json)) return { ok: true, sheet: json as Sheet };
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  return { ok: false, errors: [...new Set(errors)] };
}
