/** The one refusal of a reading that shows signs of being wrong (the plausibility checks all raise it). */
import { NotASheet } from "./types.ts";

const HOW = "読み違いを避けるため取り込みません。列の意味を --profile で指定してください";

/** Refuses the reading (exit 2, `implausible_reading`), saying why and how to map the columns. */
export function refuse(message: string): never {
  throw new NotASheet("implausible_reading", `${message}。${HOW}`);
}
