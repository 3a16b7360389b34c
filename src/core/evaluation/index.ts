/** The evaluation engine's public API (pure: runs in Node and in the browser). */
export {
  type DirectionDecision,
  directionOf,
  HARM_WORDS,
  inferDirection,
  REMEDY_WORDS,
} from "./direction.ts";
export { evaluateKpi, evaluateSheet, summarize } from "./evaluate.ts";
export { categoryText, explain, formatRate, NOTE_TEXT } from "./explain.ts";
export { progressToFinal } from "./progress.ts";
export { computeRate, ratio } from "./rate.ts";
export { bandOf, DEFAULT_RULES, type ParseRulesResult, parseRules, safeParseRules } from "./rules.ts";
export { formatEvaluationText } from "./text-report.ts";
export type * from "./types.ts";
