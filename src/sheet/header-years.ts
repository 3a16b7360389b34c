/** The evaluated fiscal year and the final-target year, read from a column-name row. */
import type { Period } from "../core/period.ts";
import { findEra, warekiToGregorian } from "../core/wareki.ts";
import { squash } from "./columns.ts";
import { NotASheet } from "./types.ts";

/** An era year read from a column name; 0 (令和0年度) does not exist: bad input, said in one line. */
function eraYear(era: NonNullable<ReturnType<typeof findEra>>, digits: string, text: string): number {
  const n = digits === "元" ? 1 : Number(digits);
  if (n < 1)
    throw new NotASheet(
      "invalid_header_year",
      `列見出しの年度「${text}」は存在しない年です(${era.name}は元年=1年から)。見出しの年度を直してください`,
    );
  return warekiToGregorian(era, n);
}

/** The first year written in a text: 令和4年度, R4年度, 令和元年, 平成32年度, 2022年度. */
export function findYear(text: string): Period | null {
  const s = squash(text);
  const era = /(令和|平成|昭和|[RHS])(元|\d{1,2})年(度)?/.exec(s);
  if (era) {
    const e = findEra(era[1]!);
    // 「令和2年3月末」, 「平成31年3月末時点」: a figure at the end of a month counts in the fiscal year that
    // month falls in (January to March close the year before).
    // (「目標値(令和2年3月)」: a month closing the bracket is such a point too — the 交付金 forms' 目標年月.)
    const month = era[3]
      ? null
      : /^(\d{1,2})月(?:末|時点|現在|(?=[)）]))/.exec(s.slice(era.index + era[0].length));
    if (e && month) {
      const y = eraYear(e, era[2]!, era[0]);
      return { year: Number(month[1]) <= 3 ? y - 1 : y, basis: "fiscal" };
    }
    if (e) {
      return { year: eraYear(e, era[2]!, era[0]), basis: era[3] ? "fiscal" : "calendar" };
    }
  }
  // "R4目標値", "令和4実績": an era year without 年 in a column name is a fiscal year.
  // 「H26当初」, 「H30末」, 「H30時点」: a point in a fiscal year; 「R5予定」 that year's plan; 「H30基準値」,
  // 「H26現状値」 the year of a baseline printed before its word; 「H27到達点」 (四万十市) the point reached that year;
  // 「H29達成率」 (a year's group header 「H29」 over 実績 | 達成率, round 56) that year's rate; 「H30増加分(1年目)」 (the
  // 交付金 form's year column with its era shortened, round 62) what that year adds.
  const bare =
    /(令和|平成|[RH])(元|\d{1,2})(?=目標|実績|最終|当初|末|時点|予定|計画|基準|現状|現在|現況|近況|策定|従前|直近|期待|目安|見込|到達|達成|増加|増分|\)|・|$)/.exec(
      s,
    );
  if (bare) {
    const e = findEra(bare[1]!);
    if (e) return { year: eraYear(e, bare[2]!, bare[0]), basis: "fiscal" };
  }
  // 「2019実績値」, 「2017近況値」, 「2023目標値」 (本宮市): a western year glued before a value's word, as the
  // era's bare year above — the fiscal year of that value.
  const bareGreg =
    /(?<!\d)((?:19|20)\d{2})(?=目標|実績|最終|当初|末|時点|予定|計画|基準|現状|現在|現況|近況|策定|従前|直近|見込|到達|達成|増加|増分)/.exec(
      s,
    );
  if (bareGreg) return { year: Number(bareGreg[1]), basis: "fiscal" };
  // 「基準値(2019)」, 「目標値（2024）」: a western year alone in brackets after a value's word, as 「(R1)」 — that
  // value's fiscal year. (Only in a header: in a value's cell, 「2,500(2000)」 may be an earlier figure.)
  const bracketed = /[(（]((?:19|20)\d{2})[)）]/.exec(s);
  if (bracketed) return { year: Number(bracketed[1]), basis: "fiscal" };
  const greg = /((?:19|20)\d{2})年(度)?/.exec(s);
  // (「2020年3月末」 as 「令和2年3月末」: the fiscal year the month closes.)
  const gregMonth =
    greg && !greg[2]
      ? /^(\d{1,2})月(?:末|時点|現在|(?=[)）]))/.exec(s.slice(greg.index + greg[0].length))
      : null;
  if (greg && gregMonth)
    return { year: Number(greg[1]) - (Number(gregMonth[1]) <= 3 ? 1 : 0), basis: "fiscal" };
  if (greg) return { year: Number(greg[1]), basis: greg[2] ? "fiscal" : "calendar" };
  return null;
}

export interface HeaderYears {
  fiscalYear: number;
  /** The period of the final-target column (目標値(令和M年度)); null when the header has none. */
  finalPeriod: Period | null;
  /** The header texts the years were read from. */
  fiscalText: string;
  finalText: string | null;
}

/**
 * Reads the years from the cells of a column-name row, whatever their positions: the 実績値 column
 * gives the evaluated year; a 目標値 column with another year is the final target.
 */
export function readHeaderYears(cells: readonly string[]): HeaderYears | null {
  let fiscal: { year: number; text: string } | null = null;
  const targets: { period: Period; text: string }[] = [];
  for (const c of cells) {
    const s = squash(c);
    const p = findYear(s);
    if (!p) continue;
    if (s.includes("実績")) fiscal ??= { year: p.year, text: s };
    else if (s.includes("目標")) targets.push({ period: p, text: s });
  }
  if (!fiscal) {
    // No 実績値 year: this year's target is the earliest 目標値 year.
    const first = [...targets].sort((a, b) => a.period.year - b.period.year)[0];
    if (!first) return null;
    fiscal = { year: first.period.year, text: first.text };
  }
  const fy = fiscal.year;
  const final =
    targets.find((t) => t.period.year !== fy) ??
    targets.find((t) => t.text !== fiscal?.text && /^目標値?\(|最終/.test(t.text)) ??
    null;
  return {
    fiscalYear: fy,
    finalPeriod: final ? final.period : null,
    fiscalText: fiscal.text,
    finalText: final?.text ?? null,
  };
}
