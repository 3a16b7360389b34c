/**
 * 「主要事業の貢献度」 (近江八幡市's 施策評価: 高 / 中 / 低 per 施策, beside each indicator's own 指標の達成度), 「事業の有効性」,
 * 「施策への貢献度」, 「取組の必要性」: a header that names a thing (事業, 取組, 施策) and then a quality of it ending in 度 or 性
 * is a rating of that thing — how much it contributed, how needed or effective it was — not the thing's name, and not the
 * plan's level. Read by its first words it took the 事業's place (the grades 「高」「中」 written as the project's name with
 * exit 0) or the 施策's. It is a second axis beside the KPI's own rating (達成度, 評価): kept as an extra of the row, never
 * the KPI's evaluation, whose legend it does not share.
 * Only these qualities: 達成度 and 進捗度 rate the KPI's progress itself (「事業の達成度」 stays the rate, 「事業の進捗度」
 * the evaluation), and 「事業の方向性」 is a course, read elsewhere.
 */
export const QUALITY_OF_THING =
  /^.{0,12}?(?:事業|取組み?|施策|政策|主要事業|主な事業|主な取組)(?:の|への|に対する)(?:貢献度?|寄与度?|有効性|必要性|妥当性|効率性|重要度|優先度|満足度|緊急性|公平性)(?:評価|の評価)?$/;

/** Whether a header's words (years and brackets taken off) rate a project, a 施策 or the work done rather than name it. */
export const ratesAThing = (words: string): boolean => QUALITY_OF_THING.test(words);
