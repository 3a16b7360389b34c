/**
 * Parts of a 事務事業評価シート printed in PDCA sections (鳴門市: 「◎基本情報」 「◎事業概要(PLAN)」
 * 「◎実施結果(DO)」 「◎評価(CHECK)」): a section's heading alone on its row is no key (「◎評価(CHECK)」 would
 * otherwise give every indicator an empty evaluation, 「◎実施結果(DO)」 an empty actual), and a grid whose
 * 単位 column stands after its years (指標名 | 区分 | 24年度 … 28年度 | 単位) still gives each indicator its unit.
 */

/** A heading mark (◎ ■ ● ◆ ▼ 【) before a section's name, or a PDCA step after it: 「◎評価(CHECK)」, 「■ 事業の成果」. */
const SECTION_MARK = /^[◎■□●◆◇▼▽▶►]|^【[^】]+】$|[(（](PLAN|DO|CHECK|ACTION|Plan|Do|Check|Action)[)）]$/;

/** The only filled cell of its row is a section's heading (marked), not a key left empty. */
export function isSectionHeading(filled: readonly string[]): boolean {
  return filled.length === 1 && SECTION_MARK.test(filled[0]!.replace(/<br\s*\/?>/gi, "").trim());
}

/**
 * The column the grid's header calls 単位, wherever it stands (before the role word or after the years),
 * when the row prints a unit there; -1 when none.
 */
export function unitColumn(labels: readonly string[], cells: readonly string[]): number {
  return labels.findIndex(
    (l, i) => /^単位$/.test(l) && (cells[i] ?? "").replace(/<br\s*\/?>/gi, "").trim() !== "",
  );
}
