/** Identifiers: branded so that a KPI id is never passed where a user id is expected. */
import type { Brand } from "./brand.ts";

/** The stable identity of a KPI across years and plan revisions. */
export type KpiId = Brand<string, "KpiId">;

export const kpiId = (id: string): KpiId => id as KpiId;

/** Where new ids come from. Passed in (like `Clock`), so tests get predictable ids. */
export interface IdGenerator {
  next(): string;
}

/** Random UUIDs (Web Crypto, available in Node 20 and browsers). */
export const randomIds: IdGenerator = { next: () => globalThis.crypto.randomUUID() };

/** `prefix-1`, `prefix-2`, … (tests). */
export function sequentialIds(prefix = "id"): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}-${++n}` };
}
