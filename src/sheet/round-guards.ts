/**
 * The guards the held-out rounds added (roundNN-guards.ts: shapes a first reading wrote wrong with exit 0, refused
 * when the rule that reads them is taken out), asked in one place by reading-plausibility.ts: the first that applies.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { figureAsKeyRefusal } from "./figure-keys.ts";
import { strandedLine, unreadNumberedHeading } from "./lost-level-lines.ts";
import type { ImportProfile } from "./profile-types.ts";
import { isLegendLine } from "./read-legend.ts";
import { namedShapeRefusal } from "./round38-guards.ts";
import { round41Refusal } from "./round41-guards.ts";
import { round42Refusal } from "./round42-guards.ts";
import { round43Refusal } from "./round43-guards.ts";
import { round44Refusal } from "./round44-guards.ts";
import { round45Refusal } from "./round45-guards.ts";
import { round46Refusal } from "./round46-guards.ts";
import { round47Refusal } from "./round47-guards.ts";
import { round48Refusal } from "./round48-guards.ts";
import { round49Refusal } from "./round49-guards.ts";
import { round50Refusal } from "./round50-guards.ts";
import { round51Refusal } from "./round51-guards.ts";
import { round52Refusal } from "./round52-guards.ts";
import { round53Refusal } from "./round53-guards.ts";
import { round54Refusal } from "./round54-guards.ts";
import { round55Refusal } from "./round55-guards.ts";
import { round56Refusal } from "./round56-guards.ts";
import { round57Refusal } from "./round57-guards.ts";
import { round58Refusal } from "./round58-guards.ts";
import { round59Refusal } from "./round59-guards.ts";
import { round60Refusal } from "./round60-guards.ts";
import { round62Refusal } from "./round62-guards.ts";
import { round63Refusal } from "./round63-guards.ts";
import { isSectionLine, LEVEL_DIVIDER } from "./section-headings.ts";
import type { SourceTable } from "./types.ts";

export const roundGuardRefusal = (
  sheet: Sheet,
  name: (k: Kpi) => string,
  table: SourceTable,
  profile?: ImportProfile,
): string | null =>
  // (Rounds 37, 38 and 39: namedShapeRefusal.)
  namedShapeRefusal(sheet, name) ??
  round41Refusal(sheet, table, profile) ??
  round42Refusal(sheet) ??
  round43Refusal(sheet, name) ??
  round44Refusal(sheet, table, name, profile) ??
  round45Refusal(sheet) ??
  round46Refusal(sheet, table) ??
  round47Refusal(sheet, table, name) ??
  round48Refusal(sheet) ??
  round49Refusal(sheet, table, name) ??
  round50Refusal(sheet, table) ??
  round51Refusal(sheet, table, name) ??
  round52Refusal(sheet, name) ??
  round53Refusal(sheet, name) ??
  round54Refusal(sheet, table, name) ??
  round55Refusal(sheet, name) ??
  round56Refusal(sheet, name) ??
  round57Refusal(sheet, table, name) ??
  round58Refusal(sheet, table, name) ??
  round59Refusal(sheet, table, name) ??
  round60Refusal(sheet, table) ??
  round62Refusal(sheet, name, profile) ??
  round63Refusal(sheet, table, name) ??
  // (Not a round's: found by printing every layout's level column as lines, scripts/relocate-levels.mts.)
  (profile?.layout === "cards"
    ? null
    : strandedLine(
        sheet,
        table,
        (t) => isSectionLine(t) || LEVEL_DIVIDER.test(t.trim()) || isLegendLine(t),
      )) ??
  (profile?.layout === "cards" ? null : unreadNumberedHeading(sheet, table)) ??
  figureAsKeyRefusal(sheet, name);
