// STUB — being replaced by the core helper. The exported signature is the contract.
import type { Period } from "../period.ts";
import type { Value } from "../sheet.ts";

/** Why a cell could not be read. `at` is a 0-based offset into the text as given, where known. */
export interface ValueProblem {
  code: string;
  /** One line, Japanese. */
  message: string;
  /** One line, English. */
  messageEn: string;
  at: number | null;
}

export type ParseValueResult = { ok: true; value: Value } | { ok: false; problem: ValueProblem };

/**
 * Reads one value cell (target / actual / final target) the way a careful person reads it.
 * `column` is the period of the column the cell sits in; a period written in the cell overrides it.
 * Never throws.
 */
export function parseValue(text: string, column: Period): ParseValueResult {
  void column;
  return { ok: true, value: { kind: "text", text, raw: text } };
}
